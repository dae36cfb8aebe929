/*
 * review_attr.c — how the review reads a plan: iteration over every
 * resource of every plan, and value accessors that refuse sensitive and
 * unknown values so no section can quote one by accident.
 */
#include "review_int.h"

#include "../core/mem.h"

#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const plan_resource *rv_next_all(const review *rv, size_t *pi, size_t *ri, const char **plan_name)
{
    while (*pi < rv->nplans) {
        const plan *p = rv->plans[*pi];
        if (*ri < p->nresources) {
            if (plan_name)
                *plan_name = p->name;
            return &p->resources[(*ri)++];
        }
        (*pi)++;
        *ri = 0;
    }
    return NULL;
}

const plan_resource *rv_next(const review *rv, size_t *pi, size_t *ri, const char **plan_name)
{
    while (*pi < rv->nplans) {
        const plan *p = rv->plans[*pi];
        while (*ri < p->nresources) {
            size_t i = (*ri)++;
            /* Only AWS resources are judged (the others are counted as not
             * reviewed).  Data sources carry no scope mark; the sections
             * skip them. */
            if (!p->resources[i].is_aws)
                continue;
            if (!rv->scope || p->resources[i].is_data || rv->scope[*pi][i] != RV_SCOPE_OUT) {
                if (plan_name)
                    *plan_name = p->name;
                return &p->resources[i];
            }
        }
        (*pi)++;
        *ri = 0;
    }
    return NULL;
}

char *rv_code(const char *s)
{
    return xasprintf(RV_CODE "%s" RV_END, s ? s : "");
}

const char *rv_backtick_end(const char *s)
{
    size_t n = strcspn(s + 1, "`" RV_CODE RV_END);
    return s[1 + n] == '`' ? s + 1 + n : NULL;
}

char *rv_label(const review *rv, const char *plan_name, const plan_resource *r)
{
    if (rv->nplans > 1 && plan_name)
        return xasprintf("%s: " RV_CODE "%s" RV_END, plan_name, r->address);
    return rv_code(r->address);
}

const char *review_item_word(review_item_id id, const review_item *it)
{
    if (it->not_applicable)
        return "Not applicable";
    if (it->unknown)
        return "Unknown until apply";
    return it->yes ? review_items[id].yes_word : review_items[id].no_word;
}

bool rv_live(const plan_resource *r)
{
    if (r->is_data || r->deposed)
        return false;
    switch (r->action) {
    case PLAN_ACT_NOOP:
    case PLAN_ACT_CREATE:
    case PLAN_ACT_UPDATE:
    case PLAN_ACT_REPLACE:
        return true;
    default:
        return false;
    }
}

bool rv_touched(const plan_resource *r)
{
    if (r->is_data)
        return false;
    switch (r->action) {
    case PLAN_ACT_CREATE:
    case PLAN_ACT_UPDATE:
    case PLAN_ACT_REPLACE:
    case PLAN_ACT_DELETE:
    case PLAN_ACT_FORGET:
        return true;
    default:
        return false;
    }
}

bool rv_is_any(const plan_resource *r, const char *const *types)
{
    for (size_t i = 0; types[i]; i++)
        if (rv_is(r, types[i]))
            return true;
    return false;
}

static bool describes_after(const plan_resource *r)
{
    return r->action != PLAN_ACT_DELETE && r->action != PLAN_ACT_FORGET;
}

static bool marks_sensitive(const json_t *m);

/* One step of a path: an object key (of len bytes) or an array index. */
typedef struct step {
    const char *key;
    size_t len;
    size_t index;
    bool is_index;
} step;

/* Reads the next step at *p; false at the end or on a path this walker
 * does not handle (escaped quotes), which then goes to plan_attr. */
static bool next_step(const char **p, step *st, bool *bad)
{
    const char *s = *p;
    if (!*s)
        return false;
    if (*s == '.')
        s++;
    if (*s == '[') {
        s++;
        if (*s == '"') {
            const char *end = strchr(s + 1, '"');
            if (!end || memchr(s + 1, '\\', (size_t)(end - s - 1)) || end[1] != ']') {
                *bad = true;
                return false;
            }
            *st = (step){s + 1, (size_t)(end - s - 1), 0, false};
            s = end + 2;
        } else {
            char *end;
            st->index = strtoul(s, &end, 10);
            st->is_index = true;
            st->key = NULL;
            if (end == s || *end != ']') {
                *bad = true;
                return false;
            }
            s = end + 1;
        }
    } else {
        size_t len = strcspn(s, ".[");
        if (!len) {
            *bad = true;
            return false;
        }
        *st = (step){s, len, 0, false};
        s += len;
    }
    *p = s;
    return true;
}

static const json_t *child(const json_t *v, const step *st)
{
    if (!v)
        return NULL;
    if (st->is_index)
        return json_is_array(v) ? json_array_get(v, st->index) : NULL;
    return json_is_object(v) ? json_object_getn(v, st->key, st->len) : NULL;
}

/* plan_attr and plan_attr_sensitive in one walk and without allocating:
 * every section reads many attributes of every resource, and parsing the
 * path twice per read dominated the review of large plans.  Same rules:
 * after_unknown is consulted at every step, null is absent, and a value is
 * sensitive when its path or anything below it is marked. */
const json_t *rv_get_side(const plan_resource *r, bool after, const char *path)
{
    const json_t *v = after ? r->after : r->before;
    const json_t *u = after ? r->after_unknown : NULL;
    const json_t *m = after ? r->after_sensitive : r->before_sensitive;
    bool bad = !path || !*path;
    step st;
    const char *p = path;
    while (!bad && !json_is_true(u) && !json_is_true(m) && next_step(&p, &st, &bad)) {
        v = child(v, &st);
        u = child(u, &st);
        m = child(m, &st);
    }
    if (bad) {
        plan_val_state state;
        v = plan_attr(r, after, path, &state);
        return state == PLAN_VAL_KNOWN && !plan_attr_sensitive(r, after, path) ? v : NULL;
    }
    if (json_is_true(u) || json_is_true(m) || !v || json_is_null(v) || marks_sensitive(m))
        return NULL;
    return v;
}

const json_t *rv_get(const plan_resource *r, const char *path)
{
    return rv_get_side(r, describes_after(r), path);
}

const char *rv_str(const plan_resource *r, const char *path)
{
    const json_t *v = rv_get(r, path);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

bool rv_num(const plan_resource *r, const char *path, double *out)
{
    const json_t *v = rv_get(r, path);
    if (json_is_number(v)) {
        *out = json_number_value(v);
        return true;
    }
    /* Some providers write numbers as strings ("2"). */
    if (json_is_string(v)) {
        char *end;
        double d = strtod(json_string_value(v), &end);
        if (end != json_string_value(v) && *end == '\0') {
            *out = d;
            return true;
        }
    }
    return false;
}

bool rv_true(const plan_resource *r, const char *path)
{
    return json_is_true(rv_get(r, path));
}

bool rv_false(const plan_resource *r, const char *path)
{
    return json_is_false(rv_get(r, path));
}

size_t rv_len(const plan_resource *r, const char *path)
{
    const json_t *v = rv_get(r, path);
    return json_is_array(v) ? json_array_size(v) : 0;
}

bool rv_unknown(const plan_resource *r, const char *path)
{
    plan_val_state st;
    plan_attr(r, true, path, &st);
    return st == PLAN_VAL_UNKNOWN;
}

bool rv_unknown_unwritten(const review *rv, const plan_resource *r, const char *path)
{
    if (!rv_unknown(r, path))
        return false;
    for (size_t i = 0; i < rv->nplans; i++) {
        const plan *p = rv->plans[i];
        if (r >= p->resources && r < p->resources + p->nresources)
            return plan_attr_configured(p, r, path, NULL) == PLAN_CFG_UNSET;
    }
    return false;
}

bool rv_changed(const plan_resource *r, const char *path)
{
    switch (r->action) {
    case PLAN_ACT_CREATE:
    case PLAN_ACT_DELETE:
        return true;
    case PLAN_ACT_UPDATE:
    case PLAN_ACT_REPLACE:
        break;
    default:
        return false;
    }
    plan_val_state sa, sb;
    const json_t *a = plan_attr(r, true, path, &sa);
    const json_t *b = plan_attr(r, false, path, &sb);
    if (sa == PLAN_VAL_UNKNOWN)
        return true;
    bool a_set = sa == PLAN_VAL_KNOWN && a && !json_is_null(a);
    bool b_set = sb == PLAN_VAL_KNOWN && b && !json_is_null(b);
    if (a_set != b_set)
        return true;
    return a_set && !json_equal(a, b);
}

json_t *rv_containers(const plan_resource *r, bool after)
{
    const json_t *v = rv_get_side(r, after, "container_definitions");
    if (json_is_array(v))
        return json_incref((json_t *)v);
    if (!json_is_string(v))
        return NULL;
    json_t *defs = json_loads(json_string_value(v), 0, NULL);
    if (!json_is_array(defs)) {
        json_decref(defs);
        return NULL;
    }
    return defs;
}

char *rv_join(const review_list *l, const char *sep, size_t max_named)
{
    sbuf b = SBUF_INIT;
    size_t total = l->total > l->n ? l->total : l->n;
    size_t shown = total <= max_named + 1 ? total : max_named;
    if (shown > l->n)
        shown = l->n;
    for (size_t i = 0; i < shown; i++) {
        if (i)
            sbuf_puts(&b, sep);
        sbuf_puts(&b, l->items[i]);
    }
    if (shown < total)
        sbuf_printf(&b, "%sand %zu more", sep, total - shown);
    return sbuf_detach(&b);
}

static bool list_full(const review_list *l)
{
    return l->keep && l->n >= l->keep;
}

static void list_store(review_list *l, char *s)
{
    l->total++;
    l->last = NULL;
    l->last_stored = !list_full(l);
    if (!l->last_stored) {
        free(s);
        return;
    }
    l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
    l->items[l->n++] = s;
}

void review_list_add(review_list *l, const char *fmt, ...)
{
    if (list_full(l)) {
        l->total++;
        l->last = NULL;
        l->last_stored = false;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    sbuf b = SBUF_INIT;
    sbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    list_store(l, sbuf_detach(&b));
}

void review_list_free(review_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

const cost_resource *rv_cost_of(const review *rv, const plan_resource *r)
{
    if (!rv->cost_index)
        return NULL;
    for (size_t pi = 0; pi < rv->nplans; pi++) {
        const plan *p = rv->plans[pi];
        if (p->nresources && r >= p->resources && r < p->resources + p->nresources) {
            assert(rv->cost_index[pi]);
            return rv->cost_index[pi][r - p->resources];
        }
    }
    return NULL;
}

void rv_ev(review_list *l, const review *rv, const char *plan_name, const plan_resource *r,
           const char *fmt, ...)
{
    bool merge = l->last == r;
    if (merge ? !l->last_stored : list_full(l)) {
        /* Counted, not stored: the sentence names only the first few. */
        if (!merge)
            l->total++;
        l->last = r;
        l->last_stored = false;
        return;
    }
    sbuf text = SBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sbuf_vprintf(&text, fmt, ap);
    va_end(ap);
    if (merge) {
        /* Evidence about the same resource reads as one entry:
         * "aws_db_instance.main: 7-day backups, deletion protection". */
        char *joined = xasprintf("%s, %s", l->items[l->n - 1], sbuf_str(&text));
        free(l->items[l->n - 1]);
        l->items[l->n - 1] = joined;
    } else {
        char *label = rv_label(rv, plan_name, r);
        list_store(l, xasprintf("%s%s: %s", label,
                                rv_scope_of(rv, r) == RV_SCOPE_CONTEXT ? " (unchanged)" : "", sbuf_str(&text)));
        free(label);
        l->last = r;
    }
    sbuf_free(&text);
}

void rv_item(review *rv, review_item_id id, bool yes, char *reason)
{
    assert(id < REVIEW_NITEMS);
    free(rv->items[id].reason);
    rv->items[id].yes = yes;
    rv->items[id].unknown = false;
    rv->items[id].not_applicable = false;
    rv->items[id].reason = reason;
}

void rv_decide(review *rv, review_item_id id, const review_list *ok, const review_list *bad,
               const review_list *unk, const char *none)
{
    bool unknown = unk && unk->n;
    if (bad->n) {
        rv_item(rv, id, false, rv_reason(NULL, bad));
    } else if (ok->n && unknown) {
        char *yes = rv_reason(NULL, ok), *later = rv_reason(NULL, unk);
        rv_item(rv, id, true, xasprintf("%s; %s", yes, later));
        free(yes);
        free(later);
    } else if (ok->n) {
        rv_item(rv, id, true, rv_reason(NULL, ok));
    } else if (unknown) {
        rv_item(rv, id, false, rv_reason(NULL, unk));
        rv->items[id].unknown = true;
    } else {
        /* No evidence either way: the change holds nothing this line judges. */
        rv_item(rv, id, false, xstrdup(none));
        rv->items[id].not_applicable = true;
    }
}

char *rv_reason(const char *lead, const review_list *ev)
{
    if (!ev || ev->n == 0)
        return xstrdup(lead ? lead : "");
    char *list = rv_join(ev, "; ", RV_MAX_NAMED);
    if (!lead)
        return list;
    char *s = xasprintf("%s: %s", lead, list);
    free(list);
    return s;
}

bool rv_ecs_daemon(const plan_resource *r)
{
    const char *s = rv_str(r, "scheduling_strategy");
    return s && strcmp(s, "DAEMON") == 0;
}

static bool marks_sensitive(const json_t *m)
{
    if (json_is_true(m))
        return true;
    size_t i;
    const char *k;
    json_t *v;
    if (json_is_array(m)) {
        json_array_foreach(m, i, v)
            if (marks_sensitive(v))
                return true;
    } else if (json_is_object(m)) {
        json_object_foreach((json_t *)m, k, v)
            if (marks_sensitive(v))
                return true;
    }
    return false;
}

bool rv_tree_sensitive(const plan_resource *r, const char *top_key)
{
    bool after = describes_after(r);
    const json_t *m = after ? r->after_sensitive : r->before_sensitive;
    if (json_is_true(m))
        return true;
    if (top_key && json_is_object(m))
        m = json_object_get(m, top_key);
    return marks_sensitive(m);
}

const json_t *rv_subtree(const plan_resource *r, const char *top_key)
{
    if (rv_tree_sensitive(r, top_key))
        return NULL;
    const json_t *v = describes_after(r) ? r->after : r->before;
    if (top_key)
        v = json_is_object(v) ? json_object_get(v, top_key) : NULL;
    return v && !json_is_null(v) ? v : NULL;
}

void rv_item_evidence(review *rv, review_item_id id, review_list *ev, const char *none)
{
    if (ev->n)
        rv_item(rv, id, true, rv_reason(NULL, ev));
    else
        rv_item(rv, id, false, xstrdup(none));
    review_list_free(ev);
}

const char *rv_size_attr(const plan_resource *r)
{
    static const struct {
        const char *type, *attr;
    } sizes[] = {
        {"aws_instance", "instance_type"},
        {"aws_launch_template", "instance_type"},
        {"aws_launch_configuration", "instance_type"},
        {"aws_db_instance", "instance_class"},
        {"aws_rds_cluster_instance", "instance_class"},
        {"aws_elasticache_cluster", "node_type"},
        {"aws_elasticache_replication_group", "node_type"},
        {"aws_eks_node_group", "instance_types[0]"},
    };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        if (rv_is(r, sizes[i].type))
            return sizes[i].attr;
    return NULL;
}
