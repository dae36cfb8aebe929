/*
 * review_scope.c — what the review judges: the resources the plan creates,
 * updates, replaces, deletes, forgets, imports or moves ("changed"), plus,
 * as context, the unchanged resources a changed one is wired to by a
 * reference in the plan's configuration (the Auto Scaling group a new
 * launch template feeds, the cluster a new node group joins).  Every other
 * unchanged resource is out of scope: the review counts it and nothing
 * more.
 *
 * Also splits a risk report into the findings about changed resources and
 * those about unchanged ones, which the review only counts (and drift on
 * them, which it reports as information).
 */
#include "review_int.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

static bool changed(const plan_resource *r)
{
    return !r->is_data && (rv_touched(r) || r->importing || r->previous_address);
}

/* "module.a[\"k\"].aws_x.y[0]" -> "module.a.aws_x.y": the configuration
 * address, instance keys dropped.  Caller frees. */
static char *config_address(const char *address)
{
    sbuf b = SBUF_INIT;
    for (const char *p = address; *p; p++) {
        if (*p != '[') {
            sbuf_putc(&b, *p);
            continue;
        }
        bool quoted = false;
        for (p++; *p && (quoted || *p != ']'); p++) {
            if (*p == '\\' && quoted && p[1])
                p++;
            else if (*p == '"')
                quoted = !quoted;
        }
        if (!*p)
            break;
    }
    return sbuf_detach(&b);
}

/* The resource a reference names ("aws_lb.web.arn" -> "aws_lb.web",
 * "data.aws_ami.x.id" -> "data.aws_ami.x"), or NULL for variables, locals,
 * module outputs and the like.  Caller frees. */
static char *reference_target(const char *prefix, const char *ref)
{
    static const char *const skip[] = {"var.", "local.", "each.", "count.", "path.", "terraform.",
                                       "self.", "module.", NULL};
    for (size_t i = 0; skip[i]; i++)
        if (strncmp(ref, skip[i], strlen(skip[i])) == 0)
            return NULL;
    bool data = strncmp(ref, "data.", 5) == 0;
    const char *p = data ? ref + 5 : ref;
    size_t type_len = strcspn(p, ".[");
    if (!type_len || p[type_len] != '.')
        return NULL;
    size_t name_len = strcspn(p + type_len + 1, ".[");
    if (!name_len)
        return NULL;
    return xasprintf("%s%s%.*s", prefix, data ? "data." : "", (int)(type_len + 1 + name_len), p);
}

static void collect_refs(const json_t *v, const char *prefix, json_t *targets)
{
    size_t i;
    const char *k;
    json_t *e;
    if (json_is_array(v)) {
        json_array_foreach(v, i, e)
            collect_refs(e, prefix, targets);
    } else if (json_is_object(v)) {
        json_object_foreach((json_t *)v, k, e) {
            if (strcmp(k, "references") == 0 && json_is_array(e)) {
                const json_t *ref;
                json_array_foreach(e, i, ref) {
                    char *t = json_is_string(ref) ? reference_target(prefix, json_string_value(ref)) : NULL;
                    if (t)
                        json_object_set_new(targets, t, json_true());
                    free(t);
                }
                break;
            }
            collect_refs(e, prefix, targets);
        }
    }
}

/* Adds "from -> {to: true}" edges for every resource of a configuration
 * module and its calls. */
static void module_edges(const json_t *module, const char *prefix, json_t *edges, int depth)
{
    size_t i;
    const json_t *res;
    if (depth > 32)
        return;
    json_array_foreach(json_object_get(module, "resources"), i, res) {
        const char *addr = json_string_value(json_object_get(res, "address"));
        if (!addr)
            continue;
        json_t *targets = json_object();
        collect_refs(json_object_get(res, "expressions"), prefix, targets);
        collect_refs(json_object_get(res, "count_expression"), prefix, targets);
        collect_refs(json_object_get(res, "for_each_expression"), prefix, targets);
        if (json_object_size(targets)) {
            char *from = xasprintf("%s%s", prefix, addr);
            json_object_set_new(edges, from, targets);
            free(from);
        } else {
            json_decref(targets);
        }
    }
    const char *name;
    json_t *call;
    json_object_foreach(json_object_get(module, "module_calls"), name, call) {
        char *sub = xasprintf("%smodule.%s.", prefix, name);
        module_edges(json_object_get(call, "module"), sub, edges, depth + 1);
        free(sub);
    }
}

/* Marks the unchanged instances of `cfg` as context. */
static void mark_context(const json_t *by_cfg, const char *cfg, unsigned char *scope)
{
    size_t i;
    const json_t *ix;
    json_array_foreach(json_object_get(by_cfg, cfg), i, ix) {
        unsigned char *s = &scope[json_integer_value(ix)];
        if (*s == RV_SCOPE_OUT)
            *s = RV_SCOPE_CONTEXT;
    }
}

static bool any_changed(const json_t *by_cfg, const char *cfg, const unsigned char *scope)
{
    size_t i;
    const json_t *ix;
    json_array_foreach(json_object_get(by_cfg, cfg), i, ix)
        if (scope[json_integer_value(ix)] == RV_SCOPE_CHANGED)
            return true;
    return false;
}

static void scope_plan(const plan *p, unsigned char *scope)
{
    json_t *by_cfg = json_object();
    bool any = false, unchanged = false;
    for (size_t i = 0; i < p->nresources; i++) {
        const plan_resource *r = &p->resources[i];
        if (r->is_data || !r->address)
            continue;
        scope[i] = changed(r) ? RV_SCOPE_CHANGED : RV_SCOPE_OUT;
        any |= scope[i] == RV_SCOPE_CHANGED;
        unchanged |= scope[i] == RV_SCOPE_OUT;
        char *cfg = config_address(r->address);
        json_t *list = json_object_get(by_cfg, cfg);
        if (!list) {
            list = json_array();
            json_object_set_new(by_cfg, cfg, list);
        }
        json_array_append_new(list, json_integer((json_int_t)i));
        free(cfg);
    }
    const json_t *root = json_object_get(json_object_get(p->root, "configuration"), "root_module");
    if (any && unchanged && root) {
        json_t *edges = json_object();
        module_edges(root, "", edges, 0);
        const char *from;
        json_t *targets;
        json_object_foreach(edges, from, targets) {
            const char *to;
            json_t *yes;
            bool from_changed = any_changed(by_cfg, from, scope);
            json_object_foreach(targets, to, yes) {
                (void)yes;
                if (from_changed)
                    mark_context(by_cfg, to, scope);
                if (any_changed(by_cfg, to, scope))
                    mark_context(by_cfg, from, scope);
            }
        }
        json_decref(edges);
    }
    json_decref(by_cfg);
}

void rv_build_scope(review *rv)
{
    rv->scope = xcalloc(rv->nplans, sizeof *rv->scope);
    for (size_t pi = 0; pi < rv->nplans; pi++) {
        const plan *p = rv->plans[pi];
        rv->scope[pi] = xcalloc(p->nresources + 1, 1);
        scope_plan(p, rv->scope[pi]);
        for (size_t i = 0; i < p->nresources; i++) {
            const plan_resource *r = &p->resources[i];
            if (r->is_data)
                continue;
            if (rv->scope[pi][i] == RV_SCOPE_CHANGED) {
                rv->nchanged++;
                rv->naws_changed += r->is_aws;
            }
            else if (rv->scope[pi][i] == RV_SCOPE_CONTEXT)
                rv->ncontext++, rv->nunchanged++;
            else if (r->action == PLAN_ACT_NOOP)
                rv->nunchanged++;
        }
    }
}

int rv_scope_of(const review *rv, const plan_resource *r)
{
    if (!rv->scope)
        return RV_SCOPE_CHANGED;
    for (size_t pi = 0; pi < rv->nplans; pi++) {
        const plan *p = rv->plans[pi];
        if (p->nresources && r >= p->resources && r < p->resources + p->nresources)
            return rv->scope[pi][r - p->resources];
    }
    return RV_SCOPE_OUT;
}

/* ---- findings on unchanged resources ----------------------------------- */

static const plan_resource *find_resource(const plan *p, const char *address)
{
    size_t lo = 0, hi = p->nresources;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(p->resources[mid].address, address);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < p->nresources && strcmp(p->resources[lo].address, address) == 0; lo++)
        if (!p->resources[lo].is_data && !p->resources[lo].deposed)
            return &p->resources[lo];
    return NULL;
}

bool review_address_unchanged(plan *const *plans, size_t nplans, const char *plan_name,
                              const char *address)
{
    if (!address)
        return false;
    for (size_t i = 0; i < nplans; i++) {
        if (plan_name && plans[i]->name != plan_name && strcmp(plans[i]->name, plan_name) != 0)
            continue;
        const plan_resource *r = find_resource(plans[i], address);
        if (r)
            return r->action == PLAN_ACT_NOOP && !changed(r);
    }
    return false;
}

bool rv_address_in_context(const review *rv, const char *plan_name, const char *address)
{
    if (!address)
        return false;
    for (size_t i = 0; i < rv->nplans; i++) {
        if (plan_name && rv->plans[i]->name != plan_name && strcmp(rv->plans[i]->name, plan_name) != 0)
            continue;
        const plan_resource *r = find_resource(rv->plans[i], address);
        if (r)
            return rv_scope_of(rv, r) == RV_SCOPE_CONTEXT;
    }
    return false;
}

risk_report *review_split_findings(plan *const *plans, size_t nplans, risk_report *rep)
{
    risk_report *out = xcalloc(1, sizeof *out);
    if (!rep)
        return out;
    size_t keep = 0, cap = 0;
    for (size_t i = 0; i < rep->nfindings; i++) {
        risk_finding *f = &rep->findings[i];
        if (review_address_unchanged(plans, nplans, f->plan_name, f->address)) {
            out->findings = xgrow(out->findings, &cap, out->nfindings + 1, sizeof *out->findings);
            out->findings[out->nfindings++] = *f;
        } else {
            rep->findings[keep++] = *f;
        }
    }
    rep->nfindings = keep;
    keep = cap = 0;
    for (size_t i = 0; i < rep->nsuppressed; i++) {
        risk_suppression *s = &rep->suppressed[i];
        if (review_address_unchanged(plans, nplans, s->plan_name, s->address)) {
            out->suppressed = xgrow(out->suppressed, &cap, out->nsuppressed + 1, sizeof *out->suppressed);
            out->suppressed[out->nsuppressed++] = *s;
        } else {
            rep->suppressed[keep++] = *s;
        }
    }
    rep->nsuppressed = keep;
    return out;
}
