/*
 * plan_config.c — reading a resource's block in the plan's `configuration`
 * (plan_config.h says why).
 *
 * The shapes, as Terraform writes them (internal/command/jsonconfig):
 * a block body is an object of attribute name -> expression and block type
 * -> nested blocks; an expression is {"constant_value": v} and/or
 * {"references": [...]}, or {} for anything else (a function call without
 * references); list and set blocks are arrays of bodies, single and group
 * blocks one body, map blocks an object of label -> body.  Empty bodies
 * are omitted, so a resource without "expressions" sets nothing.
 */
#include "plan_config.h"

#include "plan_internal.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

const json_t *plan_config_module(const plan *p, const char *module_address)
{
    const json_t *module = json_object_get(json_object_get(p->root, "configuration"), "root_module");
    if (!json_is_object(module))
        return NULL;
    char *path = plan_module_path(module_address);
    if (!path)
        return NULL;
    /* "module.a.module.b": every other dot-separated word is a call name. */
    for (char *s = path; module && *s;) {
        if (strncmp(s, "module.", 7) != 0) {
            module = NULL;
            break;
        }
        s += 7;
        size_t n = strcspn(s, ".");
        char *name = xstrndup(s, n);
        module = json_object_get(json_object_get(json_object_get(module, "module_calls"), name), "module");
        free(name);
        s += n;
        if (*s == '.')
            s++;
    }
    free(path);
    return json_is_object(module) ? module : NULL;
}

const json_t *plan_config_resource(const plan *p, const plan_resource *r)
{
    if (!r || !r->type || !r->name)
        return NULL;
    const json_t *module = plan_config_module(p, r->module_address);
    const char *mode = r->is_data ? "data" : "managed";
    size_t i;
    json_t *res;
    json_array_foreach(json_object_get(module, "resources"), i, res) {
        const char *m = json_string_value(json_object_get(res, "mode"));
        const char *t = json_string_value(json_object_get(res, "type"));
        const char *n = json_string_value(json_object_get(res, "name"));
        if (t && n && !strcmp(t, r->type) && !strcmp(n, r->name) && (!m || !strcmp(m, mode)))
            return res;
    }
    return NULL;
}

/* An expression object rather than a block body: it has only the keys an
 * expression has (an empty object is an expression Terraform could not
 * summarise). */
static bool is_expression(const json_t *v)
{
    if (!json_is_object(v))
        return false;
    const char *k;
    json_t *x;
    json_object_foreach((json_t *)v, k, x)
        if (strcmp(k, "constant_value") != 0 && strcmp(k, "references") != 0)
            return false;
    return true;
}

/* The rest of the path inside a constant value. */
static plan_cfg_state in_constant(const json_t *v, const plan_path_step *steps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (steps[i].is_index)
            v = json_is_array(v) ? json_array_get(v, steps[i].index) : NULL;
        else
            v = json_is_object(v) ? json_object_get(v, steps[i].key) : NULL;
        if (!v || json_is_null(v))
            return PLAN_CFG_UNSET;
    }
    return PLAN_CFG_SET;
}

static plan_cfg_state walk(const json_t *body, const plan_path_step *steps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const plan_path_step *st = &steps[i];
        if (st->is_index)
            return PLAN_CFG_UNKNOWN;   /* an index needs a block list before it */
        const json_t *v = json_object_get(body, st->key);
        if (!v)
            return PLAN_CFG_UNSET;
        if (is_expression(v)) {
            const json_t *c = json_object_get(v, "constant_value");
            if (c && json_is_null(c))
                return PLAN_CFG_UNSET;
            if (i + 1 == n)
                return PLAN_CFG_SET;
            return c ? in_constant(c, steps + i + 1, n - i - 1) : PLAN_CFG_UNKNOWN;
        }
        if (json_is_array(v)) {           /* list or set of blocks */
            if (i + 1 == n)
                return json_array_size(v) ? PLAN_CFG_SET : PLAN_CFG_UNSET;
            if (!steps[i + 1].is_index)
                return PLAN_CFG_UNKNOWN;
            body = json_array_get(v, steps[i + 1].index);
            if (!body)
                return PLAN_CFG_UNSET;
            i++;
        } else if (json_is_object(v)) {  /* single block, or a map of blocks */
            if (i + 1 == n)
                return PLAN_CFG_SET;
            body = v;
            if (steps[i + 1].is_index) {
                if (steps[i + 1].index != 0)
                    return PLAN_CFG_UNSET;
                i++;
            }
        } else {
            return PLAN_CFG_UNKNOWN;
        }
        if (!json_is_object(body))
            return PLAN_CFG_UNKNOWN;
    }
    return PLAN_CFG_SET;
}

plan_cfg_state plan_config_attr(const plan *p, const plan_resource *r, const char *path)
{
    const json_t *res = plan_config_resource(p, r);
    plan_path_step *steps;
    size_t n;
    if (!res || !path || !plan_path_parse(path, &steps, &n))
        return PLAN_CFG_UNKNOWN;
    const json_t *body = json_object_get(res, "expressions");
    plan_cfg_state st = body ? walk(body, steps, n) : PLAN_CFG_UNSET;
    plan_path_free(steps, n);
    return st;
}
