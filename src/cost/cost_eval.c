/*
 * cost_eval.c — interprets a cost model (cost_model.h) on one side of one
 * resource: resolves the model's variables, walks its parts and components,
 * looks every price up in the cache and fills a cost_side.
 *
 * Nothing here knows a resource type: every decision comes from the
 * tables in src/cost/models/.  Variables are resolved lazily and memoised per
 * part element, so fallback chains ("instance type from the node group,
 * else from its launch template, else t3.medium") are plain data.
 *
 * A value known only after apply is read through the plan's configuration
 * (plan_attr_configured): unset there, the provider's default applies;
 * otherwise a default the model allows is an assumption, recorded on the
 * value and copied onto every component that uses it.  Tiered prices
 * (CF_TIERED) take every row of the query and bill each tier in order.
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
    VS_UNRESOLVED,  /* a referenced resource could not be found: why = reason */
    VS_MISSING      /* CVF_REQUIRED and not set: why = attribute path */
} val_state;

struct cost_val {
    bool done, busy;
    val_state state;
    bool sensitive;
    char *text;     /* SET: the (mapped) value; UNMAPPED: the raw value */
    char *why;
    bool was_unknown;            /* the plan knows the attribute only after apply */
    /* An assumption: the value stands in for one the plan does not give. */
    bool assumed;
    char *assume_path;           /* attribute path on the resource read */
    char *assume_value;          /* the value assumed, before the map */
    const cost_var *assume_var;  /* its why and usage key */
};

static void val_clear(cost_val *v)
{
    free(v->text);
    free(v->why);
    free(v->assume_path);
    free(v->assume_value);
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

/* The mapped value (allocated), or NULL when no entry matches.  `from`
 * ending in '*' matches a prefix; `from` "*.x" matches a suffix, and a `to`
 * "*.y" then keeps the rest of the value and swaps the suffix
 * ("m5.large.elasticsearch" -> "m5.large.search"). */
static char *map_value(const cost_map *m, const char *v)
{
    size_t vn = strlen(v);
    for (; m && m->from; m++) {
        size_t n = strlen(m->from);
        if (n > 1 && m->from[0] == '*') {
            size_t sn = n - 1;
            if (vn < sn || strcmp(v + vn - sn, m->from + 1) != 0)
                continue;
            if (m->to[0] != '*')
                return xstrdup(m->to);
            return xasprintf("%.*s%s", (int)(vn - sn), v, m->to + 1);
        }
        if (n && m->from[n - 1] == '*') {
            if (strncmp(v, m->from, n - 1) == 0)
                return xstrdup(m->to);
        } else if (strcmp(v, m->from) == 0) {
            return xstrdup(m->to);
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

/* Marks `v` as resting on an assumption about `path` (the value is
 * filled in by whoever supplies it: the fallback or the default). */
static void pend_assumption(cost_val *v, const cost_var *d, const char *path)
{
    v->assumed = true;
    v->assume_var = d;
    free(v->assume_path);
    v->assume_path = xstrdup(path);
}

/* Reads the attribute; returns true when it decided the value (set,
 * unknown or unresolved), false to fall through to fallback/default. */
static bool from_attr(const cost_eval *e, const cost_var *d, bool model_scope, cost_val *v)
{
    if (!d->attr) {
        /* a usage-only value AWS decides outside the plan: its default is
         * always an assumption, named by the usage key that overrides it */
        if (d->flags & CVF_ASSUME)
            pend_assumption(v, d, d->usage ? d->usage : d->name);
        return false;
    }
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
        v->was_unknown = true;
        const json_t *cv = NULL;
        plan_cfg_state cfg = e->plan && side ? plan_attr_configured(e->plan, r, path, &cv) : PLAN_CFG_UNKNOWN;
        char *t = cfg == PLAN_CFG_CONSTANT ? json_scalar_text(cv) : NULL;
        if (t && *t) { /* a literal the plan shows unknown: take the configuration's */
            v->state = VS_SET;
            v->text = t;
            t = NULL;
            decided = true;
        } else if (cfg == PLAN_CFG_UNSET && !(d->flags & CVF_ASSUME)) {
            /* unset: the provider's default (the fallback or default) applies,
             * or nothing (a required value then says it is not set) */
        } else if (d->flags & (CVF_UNKNOWN_DEFAULT | CVF_ASSUME)) {
            pend_assumption(v, d, path);
        } else {
            v->state = VS_UNKNOWN;
            v->why = xstrdup(path);
            decided = true;
        }
        free(t);
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

/* Copies an assumption from the variable a value came from. */
static void copy_assumption(cost_val *to, const cost_val *from)
{
    if (!from->assumed || to->assumed)
        return;
    to->assumed = true;
    to->assume_var = from->assume_var;
    to->assume_path = from->assume_path ? xstrdup(from->assume_path) : NULL;
    to->assume_value = from->assume_value ? xstrdup(from->assume_value) : NULL;
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
            if (v->assumed && !v->assume_value && fb->text)
                v->assume_value = xstrdup(fb->text);
            copy_assumption(v, fb);
        } else if (d->dflt) {
            set_text(v, d->dflt, false);
            if (v->assumed && !v->assume_value)
                v->assume_value = xstrdup(d->dflt);
        }
    }
    if (v->assumed && (v->state != VS_SET || !v->assume_value)) {
        /* nothing was assumed after all: the value is unset */
        v->assumed = false;
        free(v->assume_path);
        v->assume_path = NULL;
    }
    if (v->state == VS_SET && d->map) {
        char *to = map_value(d->map, v->text);
        if (!to) {
            v->state = VS_UNMAPPED;
            if (!v->why)
                v->why = xstrdup(d->attr ? d->attr : d->usage ? d->usage : d->name);
        } else if (!*to) {
            free(to);
            free(v->text);
            v->text = NULL;
            v->state = VS_UNSET;
        } else {
            free(v->text);
            v->text = to;
        }
    }
    if (v->state == VS_UNSET && (d->flags & CVF_REQUIRED)) {
        bool self = model_scope || (d->flags & CVF_SELF);
        v->state = v->was_unknown ? VS_UNKNOWN : VS_MISSING;
        free(v->why);
        v->why = d->attr ? elem_path(self || d->from ? NULL : e->elem, d->attr) : xstrdup(d->name);
    }
}

static void track(const cost_eval *e, const cost_val *v)
{
    cost_track *t = e->track;
    if (!t || !v->assumed)
        return;
    for (size_t i = 0; i < t->n; i++)
        if (t->vals[i] == v)
            return;
    if (t->n < sizeof t->vals / sizeof t->vals[0])
        t->vals[t->n++] = v;
}

static cost_val *resolve(const cost_eval *e, const char *name)
{
    cost_val *slot;
    bool is_part;
    const cost_var *d = find_var(e, name, &slot, &is_part);
    assert(d && "a model names a variable it does not define");
    if (!d)
        return NULL;
    if (slot->done) {
        track(e, slot);
        return slot;
    }
    if (slot->busy) { /* a fallback cycle: a table bug, treat as unset */
        assert(!"fallback cycle in a cost model");
        return slot;
    }
    slot->busy = true;
    /* Model variables always read the priced resource itself. */
    compute(e, d, !is_part, slot);
    slot->busy = false;
    slot->done = true;
    track(e, slot);
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
    if (v->state == VS_MISSING)
        return CQR_MISSING;
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
            sbuf_puts(out, v->state == VS_UNKNOWN ? "(known after apply)"
                           : v->state == VS_MISSING ? "(not set)" : "?");
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
        ((v->state == VS_UNMAPPED || v->state == VS_MISSING) && c->op != COP_SET && c->op != COP_UNSET)) {
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
        return v->state != VS_UNSET && v->state != VS_MISSING && (v->state != VS_SET || truthy(t)) ? COND_TRUE
                                                                                                   : COND_FALSE;
    case COP_UNSET:
        return v->state == VS_UNSET || v->state == VS_MISSING || (v->state == VS_SET && !truthy(t)) ? COND_TRUE
                                                                                                     : COND_FALSE;
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
    case VS_MISSING:
        return xasprintf("not priced: %s is not set", v->why ? v->why : "a value");
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
    for (size_t i = 0; i < c->nassumed; i++) {
        free(c->assumed[i].attr);
        free(c->assumed[i].value);
        free(c->assumed[i].why);
        free(c->assumed[i].usage_key);
    }
    free(c->assumed);
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
    cost_track count_track;  /* assumptions the count rests on */
    cost_track track;        /* assumptions the current component rests on */
    sbuf name, tmp;
    cir_err *err;
} eval_run;

static void add_assumption(cost_component *c, const cost_val *v)
{
    for (size_t i = 0; i < c->nassumed; i++)
        if (strcmp(c->assumed[i].attr, v->assume_path) == 0)
            return;
    c->assumed = xrealloc(c->assumed, (c->nassumed + 1) * sizeof *c->assumed);
    /* kept sorted by attribute, so the line reads the same whatever order
     * the values were first used in */
    size_t at = c->nassumed++;
    while (at > 0 && strcmp(c->assumed[at - 1].attr, v->assume_path) > 0) {
        c->assumed[at] = c->assumed[at - 1];
        at--;
    }
    cost_assumption *a = &c->assumed[at];
    const cost_var *d = v->assume_var;
    a->attr = xstrdup(v->assume_path);
    a->value = xstrdup(v->assume_value);
    a->why = xstrdup(d && d->why ? d->why : "the value AWS or the provider uses when none is given");
    a->usage_key = d && d->usage ? xstrdup(d->usage) : NULL;
}

/* Copies the assumptions the component used (and those of the count, for
 * counted parts) onto each component it added from `from` on. */
static void attach_assumptions(eval_run *run, size_t from)
{
    for (size_t k = from; k < run->comps.n; k++) {
        cost_component *c = &run->comps.items[k];
        for (size_t i = 0; i < run->track.n; i++)
            add_assumption(c, run->track.vals[i]);
        if (run->e.part && run->e.part->counted)
            for (size_t i = 0; i < run->count_track.n; i++)
                add_assumption(c, run->count_track.vals[i]);
    }
}

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

/* ---- lookups ----------------------------------------------------------------- */

typedef struct query_buf {
    price_filter filters[COST_MAX_FILTERS];
    char *values[COST_MAX_FILTERS];
    char *family;
    price_query q;
} query_buf;

static void query_free(query_buf *b)
{
    for (size_t i = 0; i < COST_MAX_FILTERS; i++)
        free(b->values[i]);
    free(b->family);
}

/* Renders the component's selectors into a query, and its memo key into
 * run->key.  Every variable was checked by filters_ready() first. */
static void build_query(eval_run *run, const cost_comp_spec *s, const char *region, query_buf *b)
{
    memset(b, 0, sizeof *b);
    size_t nf = 0;
    why_t bad;
    for (size_t i = 0; i < COST_MAX_FILTERS && s->filters[i].key; i++) {
        bool ok = render(&run->e, s->filters[i].value, false, &run->tmp, &bad);
        assert(ok);
        (void)ok;
        if (!*sbuf_str(&run->tmp))
            continue; /* an empty value drops the filter (e.g. no edition) */
        b->values[nf] = xstrdup(sbuf_str(&run->tmp));
        b->filters[nf] = (price_filter){s->filters[i].key, b->values[nf], s->filters[i].match};
        nf++;
    }
    if (s->family) {
        bool ok = render(&run->e, s->family, false, &run->tmp, &bad);
        assert(ok);
        (void)ok;
        b->family = xstrdup(sbuf_str(&run->tmp));
    }
    b->q = (price_query){s->service, b->family, region, b->filters, nf, NULL};
    sbuf_reset(&run->key);
    sbuf_printf(&run->key, "%s\x1f%s\x1f%s\x1f%d", s->service, b->family ? b->family : "", region,
                (s->flags & CF_TIERED) != 0);
    for (size_t i = 0; i < nf; i++)
        sbuf_printf(&run->key, "\x1f%s\x1e%d\x1e%s", b->filters[i].key, (int)b->filters[i].match,
                    b->filters[i].value);
}

/* Looks one price up.  Returns CIR_OK, CIR_ENOPRICE or a cache error. */
static cir_code lookup(eval_run *run, const cost_comp_spec *s, const char *region, price_match *m,
                       cir_err *err)
{
    query_buf b;
    build_query(run, s, region, &b);
    cir_code rc;
    if (run->memo && cost_memo_get(run->memo, run->key.data, run->key.len, &rc, m)) {
        query_free(&b);
        return rc;
    }
    rc = price_lookup(run->cache, &b.q, m, err);
    if (run->memo && (rc == CIR_OK || rc == CIR_ENOPRICE))
        cost_memo_put(run->memo, run->key.data, run->key.len, rc, m);
    query_free(&b);
    return rc;
}

static int cmp_begin(const void *a, const void *b)
{
    double x = ((const price_match *)a)->begin_range, y = ((const price_match *)b)->begin_range;
    return x < y ? -1 : x > y;
}

/* The tiers of a tiered price: one row per StartingRange (where several
 * rows start at the same point, the pick of price_lookup: the smallest
 * non-zero price, then SKU), in order.  Returns CIR_OK with *n >= 1,
 * CIR_ENOPRICE, or a cache error.  *tiers is owned by the memo. */
static cir_code lookup_tiers(eval_run *run, const cost_comp_spec *s, const char *region,
                             const price_match **tiers, size_t *n, cir_err *err)
{
    query_buf b;
    build_query(run, s, region, &b);
    if (cost_memo_get_tiers(run->memo, run->key.data, run->key.len, tiers, n)) {
        query_free(&b);
        return *n ? CIR_OK : CIR_ENOPRICE;
    }
    price_match_list all = {0};
    cir_code rc = price_query_all(run->cache, &b.q, 0, &all, err);
    query_free(&b);
    if (rc != CIR_OK && rc != CIR_ENOPRICE) {
        price_matches_free(&all);
        return rc;
    }
    /* sorted by price then SKU: keep the first non-zero row per start */
    price_match *pick = xcalloc(all.n ? all.n : 1, sizeof *pick);
    size_t np = 0;
    for (size_t i = 0; rc == CIR_OK && i < all.n; i++) {
        const price_match *m = &all.items[i];
        size_t k = 0;
        while (k < np && pick[k].begin_range != m->begin_range)
            k++;
        if (k == np)
            pick[np++] = *m;
        else if (pick[k].usd_value == 0 && m->usd_value != 0)
            pick[k] = *m;
    }
    qsort(pick, np, sizeof *pick, cmp_begin);
    for (size_t i = 0; i < np; i++)
        pick[i].candidates = all.n;
    price_matches_free(&all);
    cost_memo_put_tiers(run->memo, run->key.data, run->key.len, pick, np);
    free(pick);
    cost_memo_get_tiers(run->memo, run->key.data, run->key.len, tiers, n);
    return *n ? CIR_OK : CIR_ENOPRICE;
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

/* ---- pricing one component ----------------------------------------------------- */

static void fill_price(cost_component *c, const cost_comp_spec *s, const price_match *m, bool usage_based)
{
    c->unit = xstrdup(s->unit);
    c->unit_price = cost_trim_price(m->usd);
    c->unit_price_value = m->usd_value;
    c->sku = xstrdup(m->sku);
    c->publication_date = xstrdup(m->publication_date ? m->publication_date : "");
    c->usage_based = usage_based;
}

static void add_no_usage(eval_run *run, const char *name, const cost_comp_spec *s, const price_match *m,
                         bool tiered)
{
    cost_component *out = comp_add(&run->comps, name);
    fill_price(out, s, m, true);
    double scale = s->per_scale > 0 ? s->per_scale : 1;
    char *shown = cost_price_text(m->usd_value * scale);
    out->usage_missing = true;
    out->note = xasprintf("depends on usage: $%s per %s%s", shown, s->per ? s->per : s->unit,
                          tiered ? " (first tier; less in higher tiers)" : "");
    free(shown);
}

/* "6,000,000,000" (integers) or "1.5": how a tier bound reads. */
static void bound_text(sbuf *b, double v)
{
    char digits[64];
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(digits, sizeof digits, "%.0f", v);
        size_t n = strlen(digits);
        for (size_t i = 0; i < n; i++) {
            if (i && (n - i) % 3 == 0)
                sbuf_putc(b, ',');
            sbuf_putc(b, digits[i]);
        }
    } else {
        sbuf_json_num(b, v);
    }
}

/* "<name> (first 6,000,000,000 GB-seconds)", "(next ...)", "(over ...)". */
static char *tier_name(const char *name, const cost_comp_spec *s, const price_match *t, bool first)
{
    sbuf b = SBUF_INIT;
    sbuf_printf(&b, "%s (", name);
    if (isinf(t->end_range)) {
        sbuf_puts(&b, "over ");
        bound_text(&b, t->begin_range);
    } else {
        sbuf_puts(&b, first ? "first " : "next ");
        bound_text(&b, t->end_range - t->begin_range);
    }
    sbuf_printf(&b, " %s)", s->unit);
    return sbuf_detach(&b);
}

/* Bills `qty` across the tiers in order: one component per tier reached,
 * named after its tier, or the plain name when the first tier holds it
 * all.  The tiers must follow each other; a quantity beyond the last tier
 * the price list has is not priced.  A price list whose first tier starts
 * above 0 (SNS requests start at 1,000,000: AWS does not bill the first
 * million) bills only what lies above that start, on a line named "over
 * <start>" even when the quantity stays below it. */
static void add_tiered(eval_run *run, const char *name, const cost_comp_spec *s, const price_match *tiers,
                       size_t n, double qty, bool usage_based, const char *region)
{
    bool contiguous = tiers[0].begin_range >= 0;
    for (size_t i = 1; i < n && contiguous; i++)
        contiguous = tiers[i].begin_range == tiers[i - 1].end_range;
    if (!contiguous) {
        add_not_priced(run, name,
                       xasprintf("not priced: the tiers of the %s price list for %s in %s overlap or leave a gap",
                                 s->service, name, region),
                       s->unit);
        return;
    }
    if (tiers[0].begin_range == 0 && qty <= tiers[0].end_range) { /* within the first tier: one line */
        cost_component *c = comp_add(&run->comps, name);
        fill_price(c, s, &tiers[0], usage_based);
        c->quantity = qty;
        c->monthly = qty * tiers[0].usd_value;
        c->priced = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const price_match *t = &tiers[i];
        if (i > 0 && qty <= t->begin_range)
            break;
        double part = fmin(qty, t->end_range) - t->begin_range;
        char *tn = tier_name(name, s, t, i == 0 && t->begin_range == 0);
        cost_component *c = comp_add(&run->comps, tn);
        free(tn);
        fill_price(c, s, t, usage_based);
        c->quantity = part > 0 ? part : 0;
        c->monthly = c->quantity * t->usd_value;
        c->priced = true;
    }
    const price_match *last = &tiers[n - 1];
    if (qty > last->end_range) {
        sbuf b = SBUF_INIT;
        sbuf_printf(&b, "%s (over ", name);
        bound_text(&b, last->end_range);
        sbuf_printf(&b, " %s)", s->unit);
        sbuf note = SBUF_INIT;
        sbuf_printf(&note, "not priced: no price above ");
        bound_text(&note, last->end_range);
        sbuf_printf(&note, " %s in the %s price list for %s, run `circuit pricing sync --region %s`", s->unit,
                    s->service, region, region);
        add_not_priced(run, sbuf_str(&b), sbuf_detach(&note), s->unit);
        sbuf_free(&b);
    }
}

/* What add_tiered would bill for `qty` across the tiers it holds (beyond
 * the last, nothing): the figure the plausibility cap is checked on. */
static double tiered_monthly(const price_match *tiers, size_t n, double qty)
{
    double sum = 0;
    for (size_t i = 0; i < n && (i == 0 || qty > tiers[i].begin_range); i++) {
        double part = fmin(qty, tiers[i].end_range) - tiers[i].begin_range;
        sum += (part > 0 ? part : 0) * tiers[i].usd_value;
    }
    return sum;
}

static cir_code eval_comp_tracked(eval_run *run, const cost_comp_spec *s)
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
    if (qrc == CQR_MISSING) {
        add_not_priced(run, name, xasprintf("not priced: %s is not set", qwhy ? qwhy : "a value"), s->unit);
        return CIR_OK;
    }
    if (qrc == CQR_INVALID) {
        add_not_priced(run, name, xasprintf("not priced: %s is not a usable number", qwhy ? qwhy : "a value"),
                       s->unit);
        return CIR_OK;
    }
    if (qrc == CQR_OK && run->e.part->counted)
        qty *= run->count;
    if (qrc == CQR_OK && !(qty >= 0 && qty <= COST_MAX_QUANTITY)) {
        /* A negative size or 1e300 requests is a typo or a trap, not a bill:
         * pricing it at face value would print -$20 or $8e27 a month. */
        add_not_priced(run, name, xasprintf("not priced: an implausible quantity (%g %s)",
                                            qty, s->unit), s->unit);
        return CIR_OK;
    }
    if (qrc == CQR_OK && (s->flags & CF_OMIT_ZERO) && qty == 0)
        return CIR_OK;
    if (!filters_ready(run, s, &bad)) {
        add_not_priced(run, name, why_note(&bad), s->unit);
        return CIR_OK;
    }
    const char *region = s->region ? s->region : run->e.res->region ? run->e.res->region : "us-east-1";
    price_match m;
    const price_match *tiers = NULL;
    size_t ntiers = 0;
    cir_err lerr;
    cir_err_clear(&lerr);
    cir_code rc = (s->flags & CF_TIERED) ? lookup_tiers(run, s, region, &tiers, &ntiers, &lerr)
                                         : lookup(run, s, region, &m, &lerr);
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
    if (qrc == CQR_OK && !((tiers ? tiered_monthly(tiers, ntiers, qty) : qty * m.usd_value) <= COST_MAX_MONTHLY)) {
        add_not_priced(run, name,
                       tiers ? xasprintf("not priced: an implausible monthly cost (%g %s in %zu tiers)", qty, s->unit,
                                         ntiers)
                             : xasprintf("not priced: an implausible monthly cost (%g %s at $%s each)", qty, s->unit,
                                         m.usd),
                       s->unit);
        return CIR_OK;
    }
    if (tiers) {
        if (qrc == CQR_NO_USAGE)
            add_no_usage(run, name, s, &tiers[0], ntiers > 1);
        else
            add_tiered(run, name, s, tiers, ntiers, qty, usage_based, region);
        return CIR_OK;
    }
    if (qrc == CQR_NO_USAGE) {
        add_no_usage(run, name, s, &m, false);
        return CIR_OK;
    }
    cost_component *out = comp_add(&run->comps, name);
    fill_price(out, s, &m, usage_based);
    out->quantity = qty;
    out->monthly = qty * m.usd_value;
    out->priced = true;
    return CIR_OK;
}

/* One component spec, with the assumptions it rests on attached to what
 * it adds. */
static cir_code eval_comp(eval_run *run, const cost_comp_spec *s)
{
    size_t from = run->comps.n;
    run->track.n = 0;
    run->e.track = &run->track;
    cir_code rc = eval_comp_tracked(run, s);
    run->e.track = NULL;
    if (rc == CIR_OK)
        attach_assumptions(run, from);
    return rc;
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
    bool side = side_for(r, run->e.after);
    const json_t *list = plan_attr(r, side, p->each, &st);
    size_t n = json_is_array(list) ? json_array_size(list) : 0;
    if (st == PLAN_VAL_UNKNOWN) {
        /* as many elements as the configuration writes (their values are
         * read from it); none written: the model's default count */
        long written = side ? plan_config_block_count(run->e.plan, r, p->each) : -1;
        if (written > 0)
            n = (size_t)written;
        else if (p->each_default)
            n = p->each_default;
        else if (written == 0 || p->each_unknown_empty)
            n = 0;
        else {
            add_not_priced(run, part_title(p), xasprintf("not priced: %s known after apply", p->each), "");
            return CIR_OK;
        }
    }
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
    run->count_track.n = 0;
    run->e.track = &run->count_track;
    cost_qty_rc rc = cost_eval_num(&run->e, m->count, &v, &why);
    run->e.track = NULL;
    if (rc == CQR_OK && v >= 0) {
        run->count = v;
    } else if (rc == CQR_SKIP) {
        run->count = 0;
    } else {
        run->count_known = false;
        run->count_note = rc == CQR_UNKNOWN   ? xasprintf("not priced: %s known after apply", why ? why : m->count)
                          : rc == CQR_MISSING ? xasprintf("not priced: %s is not set", why ? why : m->count)
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
    cost_memo *own_memo = in->memo ? NULL : cost_memo_new();
    run.memo = in->memo ? in->memo : own_memo;
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
    cost_memo_free(own_memo);
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
