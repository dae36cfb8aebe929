/*
 * plan_config.c — what the configuration says about a resource.  Every
 * resource change (and drift entry) is linked to its block in the plan's
 * `configuration` (module_calls followed, instance keys dropped, so all
 * instances of a count or for_each share one block), and three readers
 * answer from it:
 *   plan_attr_configured()    unset, a literal, an expression, or blocks?
 *   plan_config_block_count() how many nested blocks are written?
 *   plan_config_refs()        what does an expression refer to?
 *
 * Why: a real plan reports an Optional+Computed attribute the configuration
 * leaves out — aws_autoscaling_group.mixed_instances_policy, aws_lb.internal,
 * aws_eks_node_group.instance_types, aws_ecs_cluster.setting — as "known
 * after apply", exactly like a value computed from another resource.  Only
 * the configuration tells "the provider will fill in its default" from
 * "the configuration computes it".  Hand-trimmed plans without a
 * configuration get PLAN_CFG_UNKNOWN, so callers keep their old answer.
 *
 * Terraform leaves `dynamic` blocks out of the configuration it prints, so
 * a block written with `dynamic` reads as unset here; its content shows in
 * the after value whenever its for_each is known at plan time.
 */
#include "plan_internal.h"

#include "../core/mem.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static char *config_key(const char *module_path, const char *mode, const char *type, const char *name)
{
    return xasprintf("%s\x1f%s\x1f%s\x1f%s", module_path, mode ? mode : "managed", type ? type : "",
                     name ? name : "");
}

static void index_module(pmap *m, const json_t *module, const char *path, int depth)
{
    if (!json_is_object(module) || depth > 64)
        return;
    size_t i;
    const json_t *res;
    json_array_foreach(json_object_get(module, "resources"), i, res) {
        char *k = config_key(path, json_string_value(json_object_get(res, "mode")),
                             json_string_value(json_object_get(res, "type")),
                             json_string_value(json_object_get(res, "name")));
        pmap_put(m, k, res);
        free(k);
    }
    const char *name;
    const json_t *call;
    json_object_foreach((json_t *)json_object_get(module, "module_calls"), name, call) {
        char *child = *path ? xasprintf("%s.module.%s", path, name) : xasprintf("module.%s", name);
        index_module(m, json_object_get(call, "module"), child, depth + 1);
        free(child);
    }
}

static void link_list(pmap *m, plan_resource *rs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        plan_resource *r = &rs[i];
        char *path = plan_module_path(r->module_address);
        if (!path)
            continue;
        char *k = config_key(path, r->mode, r->type, r->name);
        r->config = pmap_get(m, k);
        free(k);
        free(path);
    }
}

void plan_link_config(plan *p)
{
    const json_t *root = json_object_get(json_object_get(p->root, "configuration"), "root_module");
    if (!json_is_object(root))
        return;
    pmap m = {0};
    index_module(&m, root, "", 0);
    link_list(&m, p->resources, p->nresources);
    link_list(&m, p->drift, p->ndrift);
    pmap_free(&m);
}

/* The `expressions` object of the managed resource `r`, through the block
 * plan_link_config found for it. */
static const json_t *config_expressions(const plan *p, const plan_resource *r)
{
    if (!p || !r || !r->config)
        return NULL;
    const char *mode = json_string_value(json_object_get(r->config, "mode"));
    if (mode && strcmp(mode, "managed") != 0)
        return NULL;
    const json_t *ex = json_object_get(r->config, "expressions");
    return json_is_object(ex) ? ex : NULL;
}

/* ---- paths --------------------------------------------------------------- */

typedef struct step {
    bool is_index;
    size_t index;
    char key[128];
} step;

/* Next step of "a[0].b", "a.0.b" or "tags[\"k\"]"; false at the end or
 * on a malformed path (*bad set). */
static bool next_step(const char **pp, step *st, bool *bad)
{
    const char *p = *pp;
    while (*p == '.')
        p++;
    if (!*p)
        return false;
    memset(st, 0, sizeof *st);
    if (*p == '[') {
        p++;
        if (*p == '"') {
            p++;
            size_t n = 0;
            while (*p && *p != '"') {
                if (*p == '\\' && p[1])
                    p++;
                if (n + 1 < sizeof st->key)
                    st->key[n++] = *p;
                p++;
            }
            if (*p != '"' || p[1] != ']') {
                *bad = true;
                return false;
            }
            p += 2;
        } else {
            char *end;
            st->index = strtoull(p, &end, 10);
            if (end == p || *end != ']') {
                *bad = true;
                return false;
            }
            st->is_index = true;
            p = end + 1;
        }
        *pp = p;
        return true;
    }
    size_t n = strcspn(p, ".[");
    if (n >= sizeof st->key) {
        *bad = true;
        return false;
    }
    bool digits = n > 0;
    for (size_t i = 0; i < n; i++)
        digits = digits && isdigit((unsigned char)p[i]);
    if (digits) { /* "a.0.b": a list index written with a dot */
        st->is_index = true;
        st->index = strtoull(p, NULL, 10);
    } else {
        memcpy(st->key, p, n);
    }
    *pp = p + n;
    return true;
}

/* An expression object: {"constant_value": ...}, {"references": [...]}
 * or {} (an expression without references). */
static bool is_expression(const json_t *v)
{
    if (!json_is_object(v))
        return false;
    const char *k;
    const json_t *x;
    json_object_foreach((json_t *)v, k, x)
        if (strcmp(k, "constant_value") != 0 && strcmp(k, "references") != 0)
            return false;
    return true;
}

/* Walks the rest of the path inside a literal value. */
static plan_cfg_state in_constant(const json_t *v, const char *rest, const json_t **value)
{
    step st;
    bool bad = false;
    while (v && next_step(&rest, &st, &bad)) {
        if (st.is_index)
            v = json_is_array(v) ? json_array_get(v, st.index) : NULL;
        else
            v = json_is_object(v) ? json_object_get(v, st.key) : NULL;
    }
    if (bad)
        return PLAN_CFG_UNKNOWN;
    if (!v || json_is_null(v))
        return PLAN_CFG_UNSET;
    *value = v;
    return PLAN_CFG_CONSTANT;
}

plan_cfg_state plan_attr_configured(const plan *p, const plan_resource *r, const char *path,
                                    const json_t **value)
{
    const json_t *dummy;
    if (!value)
        value = &dummy;
    *value = NULL;
    const json_t *node = config_expressions(p, r);
    if (!node || !path || !*path)
        return PLAN_CFG_UNKNOWN;
    /* node is a block body (object of attributes and blocks), a block
     * list (array of bodies) or an expression object */
    bool body = true;
    const char *rest = path;
    step st;
    bool bad = false;
    while (next_step(&rest, &st, &bad)) {
        if (body) {
            if (st.is_index)
                return PLAN_CFG_UNKNOWN;
            const json_t *child = json_object_get(node, st.key);
            if (!child)
                return PLAN_CFG_UNSET;
            node = child;
            body = false;
            if (json_is_array(node))
                continue;                     /* a block list */
            if (is_expression(node)) {
                const json_t *cv = json_object_get(node, "constant_value");
                if (cv)
                    return in_constant(cv, rest, value);
                /* an expression: whatever lies below is computed */
                *value = node;
                return PLAN_CFG_EXPRESSION;
            }
            body = true;                      /* a single nested block */
            continue;
        }
        /* node is a block list */
        if (st.is_index) {
            if (st.index >= json_array_size(node))
                return PLAN_CFG_UNKNOWN;      /* more elements than written: dynamic */
            node = json_array_get(node, st.index);
        } else {
            /* a block written without its index ("root_block_device.volume_size") */
            if (json_array_size(node) == 0)
                return PLAN_CFG_UNSET;
            node = json_array_get(node, 0);
            const json_t *child = json_object_get(node, st.key);
            if (!child)
                return PLAN_CFG_UNSET;
            node = child;
            if (json_is_array(node))
                continue;
            if (is_expression(node)) {
                const json_t *cv = json_object_get(node, "constant_value");
                if (cv)
                    return in_constant(cv, rest, value);
                *value = node;
                return PLAN_CFG_EXPRESSION;
            }
            body = true;
            continue;
        }
        body = true;
    }
    if (bad)
        return PLAN_CFG_UNKNOWN;
    *value = node;
    return PLAN_CFG_BLOCK;
}

long plan_config_block_count(const plan *p, const plan_resource *r, const char *path)
{
    const json_t *v;
    switch (plan_attr_configured(p, r, path, &v)) {
    case PLAN_CFG_UNSET:
        return 0;
    case PLAN_CFG_BLOCK:
        return json_is_array(v) ? (long)json_array_size(v) : 1;
    default:
        return -1;
    }
}

const json_t *plan_config_refs(const plan *p, const plan_resource *r, const char *path)
{
    const json_t *v;
    if (plan_attr_configured(p, r, path, &v) != PLAN_CFG_EXPRESSION)
        return NULL;
    const json_t *refs = json_object_get(v, "references");
    return json_is_array(refs) && json_array_size(refs) ? refs : NULL;
}
