/*
 * plan_config.c — what the configuration says about a resource.  Every
 * resource change (and drift entry) is linked to its block in the plan's
 * `configuration` (module_calls followed, instance keys dropped, so all
 * instances of a count or for_each share one block), and two readers answer
 * from it:
 *   plan_attr_configured()  is the attribute written at all?
 *   plan_config_refs()      what does its expression refer to?
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

/* ---- reading expressions ----------------------------------------------------- */

static bool is_expression(const json_t *v)
{
    return json_is_object(v) &&
           (json_object_get(v, "constant_value") || json_object_get(v, "references"));
}

typedef enum { AT_NOTHING, AT_CONSTANT, AT_EXPRESSION } expr_end;

/* Follows `path` through a resource's expressions.  Blocks are arrays of
 * bodies (a name step after one takes its first body, as a block written
 * without an index); a constant is followed into its value.  *out is the
 * expression (AT_EXPRESSION), the constant's value (AT_CONSTANT), or NULL. */
static expr_end follow(const plan_resource *r, const char *path, const json_t **out)
{
    *out = NULL;
    plan_path_step *steps;
    size_t n;
    if (!plan_path_parse(path, &steps, &n))
        return AT_NOTHING;
    const json_t *v = json_object_get(r->config, "expressions");
    bool in_constant = false;
    expr_end end = AT_NOTHING;
    for (size_t i = 0; v && i < n; i++) {
        const plan_path_step *st = &steps[i];
        if (!in_constant && is_expression(v)) {
            if (!json_object_get(v, "constant_value"))
                break;  /* an expression: what is inside is not known here */
            v = json_object_get(v, "constant_value");
            in_constant = true;
        }
        if (st->is_index) {
            v = json_is_array(v) ? json_array_get(v, st->index)
                                 : (st->index == 0 && json_is_object(v) && !in_constant ? v : NULL);
        } else {
            if (json_is_array(v) && !in_constant)
                v = json_array_get(v, 0);
            v = json_is_object(v) ? json_object_get(v, st->key) : NULL;
        }
    }
    plan_path_free(steps, n);
    if (!v)
        return AT_NOTHING;
    if (!in_constant && is_expression(v)) {
        const json_t *cv = json_object_get(v, "constant_value");
        if (cv && !json_object_get(v, "references")) {
            *out = cv;
            end = AT_CONSTANT;
        } else {
            *out = v;
            end = AT_EXPRESSION;
        }
    } else {
        *out = v;
        end = in_constant ? AT_CONSTANT : AT_EXPRESSION;
    }
    return end;
}

plan_cfg_state plan_attr_configured(const plan_resource *r, const char *path)
{
    if (!r || !r->config || !path)
        return PLAN_CFG_UNKNOWN;
    const json_t *v;
    switch (follow(r, path, &v)) {
    case AT_NOTHING:
        return PLAN_CFG_UNSET;
    case AT_CONSTANT:
        return json_is_null(v) ? PLAN_CFG_UNSET : PLAN_CFG_SET;
    case AT_EXPRESSION:
        break;
    }
    return PLAN_CFG_SET;
}

const json_t *plan_config_refs(const plan_resource *r, const char *path)
{
    if (!r || !r->config || !path)
        return NULL;
    const json_t *v;
    if (follow(r, path, &v) != AT_EXPRESSION)
        return NULL;
    const json_t *refs = json_object_get(v, "references");
    return json_is_array(refs) && json_array_size(refs) ? refs : NULL;
}
