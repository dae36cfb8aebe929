/*
 * cost_eval.c — interprets a cost model (cost_model.h) on one side of one
 * resource: resolves the model's variables, walks its parts and components,
 * looks every price up in the cache and fills a cost_side.
 *
 * Nothing here knows a resource type: every decision comes from the
 * tables in src/cost/models/.  Variables are resolved lazily and memoised per
 * part element, so fallback chains ("instance type from the node group,
 * else from its launch template, else t3.medium") are plain data.
 */
#include "cost_eval.h"

#include "../core/mem.h"
#include "../core/sbuf.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum val_state {
    VS_UNSET,
    VS_SET,
    VS_UNKNOWN,     /* known only after apply: why = attribute path */
    VS_UNMAPPED,    /* a value the model's map does not price: why = attribute */
    VS_UNRESOLVED   /* a referenced resource could not be found: why = reason */
} val_state;

struct cost_val {
    bool done, busy;
    val_state state;
    bool sensitive;
    char *text;     /* SET: the (mapped) value; UNMAPPED: the raw value */
    char *why;
};

static void val_clear(cost_val *v)
{
    free(v->text);
    free(v->why);
    memset(v, 0, sizeof *v);
}

static void vals_free(cost_val *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        val_clear(&v[i]);
    free(v);
}

/* ---- scalar text of a JSON value ---------------------------------------- */

static char *json_scalar_text(const json_t *j)
{
    if (json_is_string(j))
        return xstrdup(json_string_value(j));
    if (json_is_integer(j))
        return xasprintf("%lld", (long long)json_integer_value(j));
    if (json_is_real(j)) {
        sbuf b = SBUF_INIT;
        sbuf_json_num(&b, json_real_value(j));
        return sbuf_detach(&b);
    }
    if (json_is_true(j))
        return xstrdup("true");
    if (json_is_false(j))
        return xstrdup("false");
    if ((json_is_array(j) && json_array_size(j)) || (json_is_object(j) && json_object_size(j)))
        return json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS); /* "set" for conditions */
    return NULL; /* null and empty collections: unset */
}

static const char *map_value(const cost_map *m, const char *v)
{
    for (; m && m->from; m++) {
        size_t n = strlen(m->from);
        if (n && m->from[n - 1] == '*') {
            if (strncmp(v, m->from, n - 1) == 0)
                return m->to;
        } else if (strcmp(v, m->from) == 0) {
            return m->to;
        }
    }
    return NULL;
}

/* ---- attribute paths ----------------------------------------------------- */

/* "root_block_device[0]" + "volume_size" -> "root_block_device[0].volume_size" */
static char *elem_path(const char *elem, const char *attr)
{
    if (!elem)
        return xstrdup(attr);
    if (attr[0] == '[')
        return xasprintf("%s%s", elem, attr);
    return xasprintf("%s.%s", elem, attr);
}

/* The side of `r` to read: the requested one, or for a referenced resource
 * that has only the other side (created or deleted in this plan), that. */
static bool side_for(const plan_resource *r, bool after)
{
    if (after && !r->after && r->before)
        return false;
    if (!after && !r->before && r->after)
        return true;
    return after;
}

const json_t *cost_eval_attr(const cost_eval *e, const char *path, plan_val_state *st)
{
    char *full = elem_path(e->elem, path);
    const plan_resource *r = e->part_res ? e->part_res : e->res;
    const json_t *j = plan_attr(r, side_for(r, e->after), full, st);
    free(full);
    return j;
}

/* ---- variables ------------------------------------------------------------ */

static const cost_var *find_var(const cost_eval *e, const char *name, cost_val **slot, bool *is_part)
{
    if (e->part)
        for (size_t i = 0; i < e->part->nvars; i++)
            if (strcmp(e->part->vars[i].name, name) == 0) {
                *slot = &e->part_vals[i];
                *is_part = true;
                return &e->part->vars[i];
            }
    for (size_t i = 0; i < e->model->nvars; i++)
        if (strcmp(e->model->vars[i].name, name) == 0) {
            *slot = &e->model_vals[i];
            *is_part = false;
            return &e->model->vars[i];
        }
    return NULL;
}

static cost_val *resolve(const cost_eval *e, const char *name);

static void set_text(cost_val *v, const char *text, bool sensitive)
{
    v->state = VS_SET;
    v->text = xstrdup(text);
    v->sensitive = sensitive;
}

static bool from_usage(const cost_eval *e, const cost_var *d, cost_val *v)
{
    if (!d->usage || !e->usage)
        return false;
    const json_t *u = cost_usage_get(e->usage, d->usage);
    char *t = u ? json_scalar_text(u) : NULL;
    if (!t)
        return false;
    v->state = VS_SET;
    v->text = t;
    return true;
}

/* Reads the attribute; returns true when it decided the value (set,
 * unknown or unresolved), false to fall through to fallback/default. */
static bool from_attr(const cost_eval *e, const cost_var *d, bool model_scope, cost_val *v)
{
    if (!d->attr)
        return false;
    bool self = model_scope || (d->flags & CVF_SELF);
    const plan_resource *r = self ? e->res : (e->part_res ? e->part_res : e->res);
    const char *elem = self ? NULL : e->elem;
    if (d->from) {
        const char *why = NULL;
        r = cost_resolve(e->plan, e->res, e->after, d->from, &why);
        elem = NULL;
        if (!r) {
            if (!why)
                return false; /* nothing referenced: unset */
            v->state = VS_UNRESOLVED;
            v->why = xstrdup(why);
            return true;
        }
    }
    char *path = elem_path(elem, d->attr);
    bool side = side_for(r, e->after);
    plan_val_state st;
    const json_t *j = plan_attr(r, side, path, &st);
    bool decided = false;
    if (st == PLAN_VAL_UNKNOWN) {
        if (!(d->flags & CVF_UNKNOWN_DEFAULT)) {
            v->state = VS_UNKNOWN;
            v->why = xstrdup(path);
            decided = true;
        } /* else: fall through to the fallback and the default */
    } else if (st == PLAN_VAL_KNOWN && j) {
        char *t = json_scalar_text(j);
        if (t && *t) {
            v->state = VS_SET;
            v->text = t;
            v->sensitive = plan_attr_sensitive(r, side, path);
            if (v->sensitive) {
                free(v->why);
                v->why = xstrdup(path);
            }
            decided = true;
        } else {
            free(t);
        }
    }
    if (decided && !v->why)
        v->why = xstrdup(path); /* remembered for notes about this value */
    free(path);
    return decided;
}

static void compute(const cost_eval *e, const cost_var *d, bool model_scope, cost_val *v)
{
    if (!from_usage(e, d, v) && !from_attr(e, d, model_scope, v)) {
        cost_val *fb = d->fallback ? resolve(e, d->fallback) : NULL;
        if (fb && fb->state != VS_UNSET) {
            v->state = fb->state;
            v->sensitive = fb->sensitive;
            v->text = fb->text ? xstrdup(fb->text) : NULL;
            v->why = fb->why ? xstrdup(fb->why) : NULL;
        } else if (d->dflt) {
            set_text(v, d->dflt, false);
        }
    }
    if (v->state == VS_SET && d->map) {
        const char *to = map_value(d->map, v->text);
        if (!to) {
            v->state = VS_UNMAPPED;
            if (!v->why)
                v->why = xstrdup(d->attr ? d->attr : d->usage ? d->usage : d->name);
        } else if (!*to) {
            free(v->text);
            v->text = NULL;
            v->state = VS_UNSET;
        } else {
            free(v->text);
            v->text = xstrdup(to);
        }
    }
}

static cost_val *resolve(const cost_eval *e, const char *name)
{
    cost_val *slot;
    bool is_part;
    const cost_var *d = find_var(e, name, &slot, &is_part);
    assert(d && "a model names a variable it does not define");
    if (!d)
        return NULL;
    if (slot->done)
        return slot;
    if (slot->busy) { /* a fallback cycle: a table bug, treat as unset */
        assert(!"fallback cycle in a cost model");
        return slot;
    }
    slot->busy = true;
    /* Model variables always read the priced resource itself. */
    compute(e, d, !is_part, slot);
    slot->busy = false;
    slot->done = true;
    return slot;
}

const char *cost_eval_str(const cost_eval *e, const char *name)
{
    cost_val *v = resolve(e, name);
    return v && v->state == VS_SET ? v->text : NULL;
}

cost_qty_rc cost_eval_num(const cost_eval *e, const char *name, double *out, const char **why)
{
    cost_val *v = resolve(e, name);
    *why = v ? v->why : NULL;
    if (!v || v->state == VS_UNSET)
        return CQR_SKIP;
    if (v->state == VS_UNKNOWN)
        return CQR_UNKNOWN;
    if (v->state != VS_SET)
        return CQR_INVALID;
    char *end;
    double d = strtod(v->text, &end);
    if (end == v->text || *end || !isfinite(d))
        return CQR_INVALID;
    *out = d;
    return CQR_OK;
}

bool cost_eval_usage(const cost_eval *e, const char *key, double *out)
{
    const json_t *u = e->usage ? cost_usage_get(e->usage, key) : NULL;
    if (!json_is_number(u))
        return false;
    *out = json_number_value(u);
    return true;
}

/* ---- templates and conditions ------------------------------------------- */

typedef struct why_t {
    val_state state;    /* VS_UNKNOWN, VS_UNMAPPED, VS_UNRESOLVED */
    const cost_val *val;
} why_t;

/* Renders "{var}" references.  Returns false (and *bad) when a variable is
 * not usable for a price; `lenient` renders those as "(known after apply)"
 * or "?" instead, for names. */
static bool render(const cost_eval *e, const char *tmpl, bool lenient, sbuf *out, why_t *bad)
{
    sbuf_reset(out);
    sbuf_puts(out, "");
    for (const char *p = tmpl; p && *p;) {
        const char *open = strchr(p, '{');
        if (!open) {
            sbuf_puts(out, p);
            break;
        }
        sbuf_add(out, p, (size_t)(open - p));
        const char *close = strchr(open, '}');
        assert(close && "unbalanced template in a cost model");
        if (!close)
            break;
        char name[64];
        size_t n = (size_t)(close - open - 1);
        if (n >= sizeof name)
            n = sizeof name - 1;
        memcpy(name, open + 1, n);
        name[n] = '\0';
        cost_val *v = resolve(e, name);
        if (v && v->state == VS_SET) {
            sbuf_puts(out, v->sensitive && lenient ? "(sensitive)" : v->text);
        } else if (v && v->state != VS_UNSET) {
            if (!lenient) {
                bad->state = v->state;
                bad->val = v;
                return false;
            }
            sbuf_puts(out, v->state == VS_UNKNOWN ? "(known after apply)" : "?");
        }
        p = close + 1;
    }
    return true;
}

static bool one_of(const char *v, const char *alts)
{
    size_t n = strlen(v);
    for (const char *p = alts; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && strncmp(p, v, n) == 0)
            return true;
        p = bar ? bar + 1 : p + len;
    }
    return false;
}

static bool truthy(const char *t)
{
    return t && *t && strcmp(t, "false") != 0 && strcmp(t, "0") != 0;
}

typedef enum { COND_FALSE, COND_TRUE, COND_BAD } cond_rc;

static cond_rc eval_cond(const cost_eval *e, const cost_cond *c, why_t *bad)
{
    cost_val *v = resolve(e, c->var);
    if (!v)
        return COND_FALSE;
    if (v->state == VS_UNKNOWN || v->state == VS_UNRESOLVED ||
        (v->state == VS_UNMAPPED && c->op != COP_SET && c->op != COP_UNSET)) {
        bad->state = v->state;
        bad->val = v;
        return COND_BAD;
    }
    const char *t = v->state == VS_SET ? v->text : NULL;
    switch (c->op) {
    case COP_NONE:
        return COND_TRUE;
    case COP_EQ:
        return t && one_of(t, c->value) ? COND_TRUE : COND_FALSE;
    case COP_NE:
        return t && one_of(t, c->value) ? COND_FALSE : COND_TRUE;
    case COP_SET:
        return v->state != VS_UNSET && (v->state != VS_SET || truthy(t)) ? COND_TRUE : COND_FALSE;
    case COP_UNSET:
        return v->state == VS_UNSET || (v->state == VS_SET && !truthy(t)) ? COND_TRUE : COND_FALSE;
    case COP_GT:
    case COP_GE: {
        char *end;
        double d = t ? strtod(t, &end) : 0, lim = strtod(c->value, NULL);
        if (!t || end == t || *end)
            return COND_FALSE;
        return (c->op == COP_GT ? d > lim : d >= lim) ? COND_TRUE : COND_FALSE;
    }
    }
    return COND_FALSE;
}

/* All conditions of a list: TRUE, FALSE or BAD (first unusable variable). */
static cond_rc eval_conds(const cost_eval *e, const cost_cond *cs, why_t *bad)
{
    for (size_t i = 0; i < COST_MAX_CONDS && cs[i].var; i++) {
        cond_rc rc = eval_cond(e, &cs[i], bad);
        if (rc != COND_TRUE)
            return rc;
    }
    return COND_TRUE;
}

/* ---- notes ----------------------------------------------------------------- */

static char *why_note(const why_t *w)
{
    const cost_val *v = w->val;
    switch (w->state) {
    case VS_UNKNOWN:
        return xasprintf("not priced: %s known after apply", v->why ? v->why : "a value");
    case VS_UNMAPPED:
        if (v->sensitive)
            return xasprintf("not priced: %s (sensitive) is not a value this model prices",
                             v->why ? v->why : "a value");
        return xasprintf("not priced: %s \"%s\" is not a value this model prices",
                         v->why ? v->why : "a value", v->text ? v->text : "");
    case VS_UNRESOLVED:
        return xasprintf("not priced: %s", v->why ? v->why : "a referenced resource is missing");
    default:
        return xstrdup("not priced");
    }
}

char *cost_price_text(double v)
{
    sbuf b = SBUF_INIT;
    sbuf_json_num(&b, v);
    char *s = sbuf_detach(&b);
    /* at least two decimals for money: "1" -> "1.00", "0.5" -> "0.50" */
    char *dot = strchr(s, '.');
    size_t decimals = dot ? strlen(dot + 1) : 0;
    if (decimals < 2) {
        char *t = xasprintf("%s%s%s", s, dot ? "" : ".", decimals == 1 ? "0" : "00");
        free(s);
        s = t;
    }
    return s;
}

/* "0.0416000000" -> "0.0416", "1.0000000000" -> "1.00": exact, shorter. */
char *cost_trim_price(const char *usd)
{
    const char *dot = strchr(usd, '.');
    if (!dot)
        return xasprintf("%s.00", usd);
    size_t len = strlen(usd), min = (size_t)(dot - usd) + 3;
    while (len > min && usd[len - 1] == '0')
        len--;
    if (len >= min)
        return xstrndup(usd, len);
    char *head = xstrndup(usd, len);
    char *s = xasprintf("%s%.*s", head, (int)(min - len), "00");
    free(head);
    return s;
}

/* ---- components -------------------------------------------------------------- */

typedef struct comp_list {
    cost_component *items;
    size_t n, cap;
} comp_list;

static cost_component *comp_add(comp_list *l, const char *name)
{
    l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
    cost_component *c = &l->items[l->n++];
    memset(c, 0, sizeof *c);
    c->name = xstrdup(name);
    return c;
}

void cost_component_clear(cost_component *c)
{
    free(c->name);
    free(c->unit);
    free(c->unit_price);
    free(c->sku);
    free(c->publication_date);
    free(c->note);
    memset(c, 0, sizeof *c);
}

/* True when a not-priced note with the same text is already in the list
 * from `from` on (one unknown value should not be reported five times). */
static bool has_note(const comp_list *l, size_t from, const char *note)
{
    for (size_t i = from; i < l->n; i++)
        if (!l->items[i].priced && !l->items[i].usage_missing && l->items[i].note &&
            strcmp(l->items[i].note, note) == 0)
            return true;
    return false;
}

typedef struct eval_run {
    cost_eval e;
    price_cache *cache;
    cost_memo *memo;
    sbuf key;                /* memo key of the current lookup */
    comp_list comps;
    size_t part_start;       /* first component of the current part element */
    double count;            /* the model's count, for counted parts */
    bool count_known;
    char *count_note;        /* why the count is not usable */
    sbuf name, tmp;
    cir_err *err;
} eval_run;

static void add_not_priced(eval_run *run, const char *name, char *note, const char *unit)
{
    if (has_note(&run->comps, run->part_start, note)) {
        free(note);
        return;
    }
    cost_component *c = comp_add(&run->comps, name);
    c->unit = xstrdup(unit ? unit : "");
    c->note = note;
}

/* The component's full name: "<prefix>: <name>". */
static void comp_name(eval_run *run, const cost_comp_spec *s)
{
    why_t bad;
    render(&run->e, s->name, true, &run->tmp, &bad);
    sbuf_reset(&run->name);
    sbuf_puts(&run->name, "");
    const char *prefix = run->e.elem ? run->e.elem : run->e.part->label;
    if (prefix)
        sbuf_printf(&run->name, "%s: ", prefix);
    sbuf_puts(&run->name, sbuf_str(&run->tmp));
}

static cost_qty_rc comp_qty(eval_run *run, const cost_comp_spec *s, double *q, const char **why)
{
    const cost_qty_spec *qs = &s->qty;
    *why = NULL;
    switch (qs->kind) {
    case CQ_CONST:
        *q = qs->factor;
        return CQR_OK;
    case CQ_VAR: {
        double v = 0;
        cost_qty_rc rc = cost_eval_num(&run->e, qs->key, &v, why);
        if (rc == CQR_SKIP) {
            *q = 0;
            return CQR_OK;
        }
        if (rc != CQR_OK)
            return rc;
        *q = v * qs->factor;
        return CQR_OK;
    }
    case CQ_USAGE: {
        double v;
        if (!cost_eval_usage(&run->e, qs->key, &v))
            return CQR_NO_USAGE;
        *q = v * qs->factor;
        return CQR_OK;
    }
    case CQ_FN:
        return qs->fn(&run->e, q, why);
    }
    return CQR_INVALID;
}

static bool usage_given(const eval_run *run, const cost_comp_spec *s)
{
    double v;
    return s->qty.kind == CQ_USAGE && cost_eval_usage(&run->e, s->qty.key, &v);
}

/* Looks the price up.  Returns CIR_OK, CIR_ENOPRICE or a cache error. */
static cir_code lookup(eval_run *run, const cost_comp_spec *s, const char *region,
                       price_match *m, cir_err *err)
{
    price_filter filters[COST_MAX_FILTERS];
    char *values[COST_MAX_FILTERS] = {0};
    size_t nf = 0;
    why_t bad;
    for (size_t i = 0; i < COST_MAX_FILTERS && s->filters[i].key; i++) {
        bool ok = render(&run->e, s->filters[i].value, false, &run->tmp, &bad);
        assert(ok); /* the caller checked every variable first */
        (void)ok;
        if (!*sbuf_str(&run->tmp))
            continue; /* an empty value drops the filter (e.g. no edition) */
        values[nf] = xstrdup(sbuf_str(&run->tmp));
        filters[nf] = (price_filter){s->filters[i].key, values[nf], s->filters[i].match};
        nf++;
    }
    char *family = NULL;
    if (s->family) {
        bool ok = render(&run->e, s->family, false, &run->tmp, &bad);
        assert(ok);
        (void)ok;
        family = xstrdup(sbuf_str(&run->tmp));
    }
    price_query q = {s->service, family, region, filters, nf, NULL};
    /* the rendered query is the memo key */
    sbuf_reset(&run->key);
    sbuf_printf(&run->key, "%s\x1f%s\x1f%s\x1f%d", s->service, family ? family : "", region,
                (s->flags & CF_FIRST_TIER) != 0);
    for (size_t i = 0; i < nf; i++)
        sbuf_printf(&run->key, "\x1f%s\x1e%d\x1e%s", filters[i].key, (int)filters[i].match, filters[i].value);
    cir_code rc;
    if (run->memo && cost_memo_get(run->memo, run->key.data, run->key.len, &rc, m)) {
        for (size_t i = 0; i < nf; i++)
            free(values[i]);
        free(family);
        return rc;
    }
    rc = price_lookup(run->cache, &q, m, err);
    if (rc == CIR_OK && (s->flags & CF_FIRST_TIER) && m->candidates > 1) {
        price_match_list all = {0};
        rc = price_query_all(run->cache, &q, 0, &all, err);
        if (rc == CIR_OK && all.n) {
            size_t cand = m->candidates;
            *m = all.items[all.n - 1]; /* sorted by price: the first tier is the highest */
            m->candidates = cand;
        }
        price_matches_free(&all);
    }
    if (run->memo && (rc == CIR_OK || rc == CIR_ENOPRICE))
        cost_memo_put(run->memo, run->key.data, run->key.len, rc, m);
    for (size_t i = 0; i < nf; i++)
        free(values[i]);
    free(family);
    return rc;
}

/* Checks every variable a component's price needs; false fills *bad. */
static bool filters_ready(eval_run *run, const cost_comp_spec *s, why_t *bad)
{
    if (s->family && !render(&run->e, s->family, false, &run->tmp, bad))
        return false;
    for (size_t i = 0; i < COST_MAX_FILTERS && s->filters[i].key; i++)
        if (!render(&run->e, s->filters[i].value, false, &run->tmp, bad))
            return false;
    return true;
}

static cir_code eval_comp(eval_run *run, const cost_comp_spec *s)
{
    why_t bad = {0};
    cond_rc c = eval_conds(&run->e, s->when, &bad);
    if (c == COND_FALSE)
        return CIR_OK;
    if ((s->flags & CF_IF_USAGE) && !usage_given(run, s))
        return CIR_OK;
    comp_name(run, s);
    const char *name = sbuf_str(&run->name);
    if (c == COND_BAD) {
        add_not_priced(run, name, why_note(&bad), s->unit);
        return CIR_OK;
    }
    double qty = 0;
    const char *qwhy = NULL;
    cost_qty_rc qrc = comp_qty(run, s, &qty, &qwhy);
    bool usage_based = (s->flags & CF_USAGE) || s->qty.kind == CQ_USAGE;
    if (qrc == CQR_SKIP)
        return CIR_OK;
    if (qrc == CQR_UNKNOWN) {
        add_not_priced(run, name, xasprintf("not priced: %s known after apply", qwhy ? qwhy : "a value"),
                       s->unit);
        return CIR_OK;
    }
    if (qrc == CQR_INVALID) {
        add_not_priced(run, name, xasprintf("not priced: %s is not a usable number", qwhy ? qwhy : "a value"),
                       s->unit);
        return CIR_OK;
    }
    if (qrc == CQR_OK && run->e.part->counted)
        qty *= run->count;
    if (qrc == CQR_OK && (s->flags & CF_OMIT_ZERO) && qty == 0)
        return CIR_OK;
    if (!filters_ready(run, s, &bad)) {
        add_not_priced(run, name, why_note(&bad), s->unit);
        return CIR_OK;
    }
    const char *region = s->region ? s->region : run->e.res->region ? run->e.res->region : "us-east-1";
    price_match m;
    cir_err lerr;
    cir_err_clear(&lerr);
    cir_code rc = lookup(run, s, region, &m, &lerr);
    if (rc == CIR_ENOPRICE) {
        if (s->flags & CF_OPTIONAL)
            return CIR_OK;
        char *note = xasprintf("%s: no price for %s in %s, run `circuit pricing sync --region %s`",
                               qrc == CQR_NO_USAGE ? "depends on usage" : "not priced", name, region,
                               region);
        if (qrc != CQR_NO_USAGE) {
            add_not_priced(run, name, note, s->unit);
            return CIR_OK;
        }
        /* no usage given: nothing would be added either way, so the
         * resource is not "not priced"; the note still says what to do */
        cost_component *um = comp_add(&run->comps, name);
        um->unit = xstrdup(s->unit);
        um->note = note;
        um->usage_based = true;
        um->usage_missing = true;
        return CIR_OK;
    }
    if (rc != CIR_OK) {
        *run->err = lerr;
        return rc;
    }
    cost_component *out = comp_add(&run->comps, name);
    out->unit = xstrdup(s->unit);
    out->unit_price = cost_trim_price(m.usd);
    out->unit_price_value = m.usd_value;
    out->sku = xstrdup(m.sku);
    out->publication_date = xstrdup(m.publication_date ? m.publication_date : "");
    out->usage_based = usage_based;
    if (qrc == CQR_NO_USAGE) {
        double scale = s->per_scale > 0 ? s->per_scale : 1;
        char *shown = cost_price_text(m.usd_value * scale);
        out->usage_missing = true;
        out->note = xasprintf("depends on usage: $%s per %s", shown, s->per ? s->per : s->unit);
        free(shown);
        return CIR_OK;
    }
    out->quantity = qty;
    out->monthly = qty * m.usd_value;
    out->priced = true;
    return CIR_OK;
}

/* ---- parts ----------------------------------------------------------------------- */

static cir_code eval_elem(eval_run *run)
{
    const cost_part *p = run->e.part;
    run->part_start = run->comps.n;
    run->e.part_vals = xcalloc(p->nvars ? p->nvars : 1, sizeof *run->e.part_vals);
    cir_code rc = CIR_OK;
    for (size_t i = 0; i < p->ncomps && rc == CIR_OK; i++)
        rc = eval_comp(run, &p->comps[i]);
    vals_free(run->e.part_vals, p->nvars);
    run->e.part_vals = NULL;
    return rc;
}

static const char *part_title(const cost_part *p)
{
    return p->label ? p->label : p->each ? p->each : p->source ? p->source->what : "resource";
}

static cir_code eval_part(eval_run *run, const cost_part *p)
{
    run->e.part = p;
    run->e.part_res = run->e.res;
    run->e.elem = NULL;
    run->part_start = run->comps.n;
    why_t bad = {0};
    cond_rc c = eval_conds(&run->e, p->when, &bad);
    if (c == COND_FALSE)
        return CIR_OK;
    if (c == COND_BAD) {
        add_not_priced(run, part_title(p), why_note(&bad), "");
        return CIR_OK;
    }
    if (p->counted && !run->count_known) {
        run->part_start = 0; /* one note for the whole side */
        add_not_priced(run, part_title(p), xstrdup(run->count_note), "");
        return CIR_OK;
    }
    if (p->source) {
        const char *why = NULL;
        const plan_resource *src = cost_resolve(run->e.plan, run->e.res, run->e.after, p->source, &why);
        if (!src) {
            if (why) /* referenced but not found; nothing referenced: no part */
                add_not_priced(run, part_title(p), xasprintf("not priced: %s", why), "");
            return CIR_OK;
        }
        run->e.part_res = src;
    }
    if (!p->each)
        return eval_elem(run);
    plan_val_state st;
    const plan_resource *r = run->e.part_res;
    const json_t *list = plan_attr(r, side_for(r, run->e.after), p->each, &st);
    if (st == PLAN_VAL_UNKNOWN) {
        if (!p->each_unknown_empty)
            add_not_priced(run, part_title(p), xasprintf("not priced: %s known after apply", p->each), "");
        return CIR_OK;
    }
    size_t n = json_is_array(list) ? json_array_size(list) : 0;
    cir_code rc = CIR_OK;
    for (size_t i = 0; i < n && rc == CIR_OK; i++) {
        char *elem = xasprintf("%s[%zu]", p->each, i);
        run->e.elem = elem;
        rc = eval_elem(run);
        run->e.elem = NULL;
        free(elem);
    }
    return rc;
}

/* ---- one side ------------------------------------------------------------------- */

static void prepare_count(eval_run *run, const cost_model *m)
{
    run->count = 1;
    run->count_known = true;
    if (!m->count)
        return;
    const char *why = NULL;
    double v = 0;
    cost_qty_rc rc = cost_eval_num(&run->e, m->count, &v, &why);
    if (rc == CQR_OK && v >= 0) {
        run->count = v;
    } else if (rc == CQR_SKIP) {
        run->count = 0;
    } else {
        run->count_known = false;
        run->count_note = rc == CQR_UNKNOWN
                              ? xasprintf("not priced: %s known after apply", why ? why : m->count)
                              : xasprintf("not priced: %s is not a usable count", why ? why : m->count);
    }
}

void cost_side_clear(cost_side *s)
{
    for (size_t i = 0; i < s->ncomponents; i++)
        cost_component_clear(&s->components[i]);
    free(s->components);
    memset(s, 0, sizeof *s);
}

cir_code cost_eval_side(const cost_eval_in *in, bool after, cost_side *side, bool *is_free,
                        char **free_note, cir_err *err)
{
    memset(side, 0, sizeof *side);
    *is_free = false;
    *free_note = NULL;
    eval_run run;
    memset(&run, 0, sizeof run);
    run.e.plan = in->plan;
    run.e.res = in->res;
    run.e.part_res = in->res;
    run.e.after = after;
    run.e.model = in->model;
    run.e.usage = in->usage;
    run.cache = in->cache;
    run.memo = in->memo;
    run.err = err;
    const cost_model *m = in->model;
    run.e.model_vals = xcalloc(m->nvars ? m->nvars : 1, sizeof *run.e.model_vals);

    cir_code rc = CIR_OK;
    why_t bad = {0};
    if (m->free_when[0].var && eval_conds(&run.e, m->free_when, &bad) == COND_TRUE) {
        *is_free = true;
        *free_note = xstrdup(m->free_note ? m->free_note : "free");
    } else {
        prepare_count(&run, m);
        for (size_t i = 0; i < m->nparts && rc == CIR_OK; i++)
            rc = eval_part(&run, &m->parts[i]);
        if (rc == CIR_OK && run.comps.n == 0 && m->missing_note) {
            cost_component *c = comp_add(&run.comps, m->type);
            c->unit = xstrdup("");
            c->note = xstrdup(m->missing_note);
        }
    }
    vals_free(run.e.model_vals, m->nvars);
    free(run.count_note);
    sbuf_free(&run.name);
    sbuf_free(&run.tmp);
    sbuf_free(&run.key);
    if (rc != CIR_OK) {
        for (size_t i = 0; i < run.comps.n; i++)
            cost_component_clear(&run.comps.items[i]);
        free(run.comps.items);
        free(*free_note);
        *free_note = NULL;
        return rc;
    }
    side->components = run.comps.items;
    side->ncomponents = run.comps.n;
    for (size_t i = 0; i < run.comps.n; i++) {
        const cost_component *c = &run.comps.items[i];
        if (c->priced)
            side->monthly += c->monthly;
        else if (!c->usage_missing)
            side->not_priced = true;
    }
    return CIR_OK;
}
