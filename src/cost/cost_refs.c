/*
 * cost_refs.c — finding the resource another one prices through: the
 * launch template of an autoscaling group, the task definition of an ECS
 * service, the cluster of an Aurora instance.
 *
 * First by value: the referring attribute (an ID, name or ARN) equals an
 * attribute of a resource of the referenced type in the same plan, on the
 * same side.  When that value is known only after apply (the usual case on
 * create), by the plan's `configuration`: the expression's references name
 * the resource ("aws_launch_template.web.id"), relative to its module.
 */
#include "cost_model.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

/* ---- paths -------------------------------------------------------------- */

/* Splits "a[0].b" or "a.0.b" into steps; returns the count (max `max`). */
static size_t split_path(const char *path, char steps[][64], size_t max)
{
    size_t n = 0;
    const char *p = path;
    while (*p && n < max) {
        size_t len = strcspn(p, ".[]");
        if (len) {
            if (len >= 64)
                len = 63;
            memcpy(steps[n], p, len);
            steps[n][len] = '\0';
            n++;
        }
        p += len;
        while (*p == '.' || *p == '[' || *p == ']')
            p++;
    }
    return n;
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* ---- configuration ----------------------------------------------------------- */

/* The configuration module holding `r`: follow module_calls by name, with
 * instance keys ("module.a[0]") stripped. */
static const json_t *config_module(const plan *p, const plan_resource *r)
{
    const json_t *m = json_object_get(json_object_get(p->root, "configuration"), "root_module");
    const char *ma = r->module_address;
    while (m && ma && *ma) {
        if (strncmp(ma, "module.", 7) != 0)
            return NULL;
        ma += 7;
        size_t len = strcspn(ma, ".[");
        char name[256];
        if (len >= sizeof name)
            return NULL;
        memcpy(name, ma, len);
        name[len] = '\0';
        ma += len;
        if (*ma == '[') { /* skip the instance key, quoted or not */
            const char *close = strchr(ma, ']');
            if (!close)
                return NULL;
            ma = close + 1;
        }
        if (*ma == '.')
            ma++;
        m = json_object_get(json_object_get(json_object_get(m, "module_calls"), name), "module");
    }
    return m;
}

/* The `references` array of the expression at `path` of `r`, or NULL. */
static const json_t *config_refs(const plan *p, const plan_resource *r, const char *path)
{
    if (!p || !p->root)
        return NULL;
    const json_t *m = config_module(p, r);
    const json_t *res = json_object_get(m, "resources");
    char want[512];
    snprintf(want, sizeof want, "%s.%s", r->type, r->name);
    const json_t *expr = NULL;
    size_t i;
    const json_t *cr;
    json_array_foreach(res, i, cr) {
        const char *a = json_string_value(json_object_get(cr, "address"));
        const char *mode = json_string_value(json_object_get(cr, "mode"));
        if (a && strcmp(a, want) == 0 && (!mode || strcmp(mode, "managed") == 0)) {
            expr = json_object_get(cr, "expressions");
            break;
        }
    }
    char steps[16][64];
    size_t n = split_path(path, steps, 16);
    for (size_t s = 0; expr && s < n; s++) {
        if (json_is_array(expr)) {
            if (!all_digits(steps[s]))
                return NULL;
            expr = json_array_get(expr, strtoul(steps[s], NULL, 10));
        } else {
            if (json_is_array(json_object_get(expr, steps[s])) && s + 1 < n && !all_digits(steps[s + 1])) {
                /* a block written without its index: take the first */
                expr = json_array_get(json_object_get(expr, steps[s]), 0);
                continue;
            }
            expr = json_object_get(expr, steps[s]);
        }
    }
    return json_object_get(expr, "references");
}

/* "aws_subnet.a[0].id" -> base "aws_subnet.a[0]" when it names a managed
 * resource of `type` (any type when NULL); false for var., local., data.,
 * module. and each. references. */
static bool ref_base(const char *ref, const char *type, char *out, size_t size)
{
    static const char *const not_resources[] = {"var.", "local.", "data.", "module.", "each.",
                                                "count.", "self.", "path.", "terraform."};
    for (size_t i = 0; i < sizeof not_resources / sizeof *not_resources; i++)
        if (strncmp(ref, not_resources[i], strlen(not_resources[i])) == 0)
            return false;
    const char *dot = strchr(ref, '.');
    if (!dot || (type && (strlen(type) != (size_t)(dot - ref) || strncmp(ref, type, strlen(type)) != 0)))
        return false;
    size_t len = (size_t)(dot - ref) + 1;
    len += strcspn(ref + len, ".[");
    if (ref[len] == '[') {
        const char *close = strchr(ref + len, ']');
        if (!close)
            return false;
        len = (size_t)(close - ref) + 1;
    }
    if (len >= size)
        return false;
    memcpy(out, ref, len);
    out[len] = '\0';
    return true;
}

static char *full_address(const plan_resource *r, const char *base)
{
    if (r->module_address && *r->module_address)
        return xasprintf("%s.%s", r->module_address, base);
    return xstrdup(base);
}

/* Resources whose address is `addr` or `addr[...]`; the first in *first. */
static size_t count_address(const plan *p, const char *addr, const plan_resource **first)
{
    size_t len = strlen(addr), n = 0;
    *first = NULL;
    for (size_t i = 0; i < p->nresources; i++) {
        const plan_resource *c = &p->resources[i];
        if (c->deposed || c->is_data)
            continue;
        if (strncmp(c->address, addr, len) == 0 && (c->address[len] == '\0' || c->address[len] == '[')) {
            if (!*first || c->address[len] == '\0')
                *first = c; /* the exact address wins over an indexed one */
            n++;
        }
    }
    return n;
}

long cost_config_ref_count(const plan *p, const plan_resource *r, const char *path)
{
    if (!p)
        return -1;
    const json_t *refs = config_refs(p, r, path);
    if (!json_is_array(refs) || json_array_size(refs) == 0)
        return -1;
    char bases[32][256];
    size_t nb = 0;
    size_t i;
    const json_t *ref;
    json_array_foreach(refs, i, ref) {
        char base[256];
        const char *s = json_string_value(ref);
        if (!s || !ref_base(s, NULL, base, sizeof base))
            return -1;
        bool seen = false;
        for (size_t k = 0; k < nb; k++) {
            size_t bl = strlen(bases[k]);
            /* "aws_subnet.a" covers "aws_subnet.a[0]" and vice versa */
            if (strcmp(bases[k], base) == 0 || (strncmp(bases[k], base, bl) == 0 && base[bl] == '[') ||
                (strncmp(base, bases[k], strlen(base)) == 0 && bases[k][strlen(base)] == '['))
                seen = true;
        }
        if (!seen && nb < 32)
            strcpy(bases[nb++], base);
    }
    long total = 0;
    for (size_t k = 0; k < nb; k++) {
        char *addr = full_address(r, bases[k]);
        const plan_resource *first;
        size_t n = count_address(p, addr, &first);
        free(addr);
        if (n == 0)
            return -1;
        total += (long)n;
    }
    return total > 0 ? total : -1;
}

/* ---- by value ---------------------------------------------------------------- */

/* "arn:...:task-definition/web:3" or "web:3" -> "web" */
static void family_of(const char *v, char *out, size_t size)
{
    const char *slash = strrchr(v, '/');
    const char *s = slash ? slash + 1 : v;
    size_t len = strcspn(s, ":");
    if (len >= size)
        len = size - 1;
    memcpy(out, s, len);
    out[len] = '\0';
}

static bool side_of(const plan_resource *r, bool after)
{
    if (after && !r->after && r->before)
        return false;
    if (!after && !r->before && r->after)
        return true;
    return after;
}

static const plan_resource *by_value(const plan *p, const cost_ref *ref, bool after, const char *v)
{
    char fam[256];
    bool family = strcmp(ref->match, "family") == 0;
    if (family)
        family_of(v, fam, sizeof fam);
    for (size_t i = 0; i < p->nresources; i++) {
        const plan_resource *c = &p->resources[i];
        if (c->deposed || c->is_data || strcmp(c->type, ref->type) != 0)
            continue;
        plan_val_state st;
        const json_t *j = plan_attr(c, side_of(c, after), ref->match, &st);
        const char *cv = json_string_value(j);
        if (st != PLAN_VAL_KNOWN || !cv)
            continue;
        if (strcmp(cv, v) == 0 || (family && strcmp(cv, fam) == 0))
            return c;
        if (family) { /* match the ARN too */
            const json_t *arn = plan_attr(c, side_of(c, after), "arn", &st);
            if (st == PLAN_VAL_KNOWN && json_is_string(arn) && strcmp(json_string_value(arn), v) == 0)
                return c;
        }
    }
    return NULL;
}

/* Whether the expression's references include `name` ("count.index"). */
static bool refs_name(const json_t *refs, const char *name)
{
    size_t i;
    const json_t *j;
    json_array_foreach(refs, i, j) {
        const char *s = json_string_value(j);
        if (s && strcmp(s, name) == 0)
            return true;
    }
    return false;
}

/* `addr` indexed the way the referring resource is: "x[count.index]"
 * names x[1] from the instance [1], "x[each.key]" names x["a"] from ["a"]
 * (Terraform lists the base and count.index / each.key apart).  Caller
 * frees; NULL when the expression does not index by the instance. */
static char *same_index(const json_t *refs, const plan_resource *r, const char *addr)
{
    if (!r->index || strchr(addr, '['))
        return NULL;
    if (json_is_integer(r->index) && refs_name(refs, "count.index"))
        return xasprintf("%s[%lld]", addr, (long long)json_integer_value(r->index));
    if (json_is_string(r->index) && (refs_name(refs, "each.key") || refs_name(refs, "each.value"))) {
        char *idx = plan_index_text(r->index);
        char *out = xasprintf("%s%s", addr, idx);
        free(idx);
        return out;
    }
    return NULL;
}

static const plan_resource *by_config(const plan *p, const plan_resource *r, const cost_ref *ref)
{
    const json_t *refs = config_refs(p, r, ref->path);
    size_t i;
    const json_t *j;
    json_array_foreach(refs, i, j) {
        char base[256];
        const char *s = json_string_value(j);
        if (!s || !ref_base(s, ref->type, base, sizeof base))
            continue;
        char *addr = full_address(r, base);
        const plan_resource *first;
        char *indexed = same_index(refs, r, addr);
        if (indexed && count_address(p, indexed, &first) && first && strcmp(first->address, indexed) == 0) {
            free(indexed);
            free(addr);
            return first;
        }
        free(indexed);
        count_address(p, addr, &first);
        free(addr);
        if (first)
            return first;
    }
    return NULL;
}

const plan_resource *cost_resolve(const plan *p, const plan_resource *r, bool after,
                                  const cost_source *src, const char **why)
{
    static char note[256];
    *why = NULL;
    if (!p)
        return NULL;
    bool referenced = false, unknown = false;
    for (size_t i = 0; i < COST_MAX_REFS && src->refs[i].path; i++) {
        const cost_ref *ref = &src->refs[i];
        plan_val_state st;
        const json_t *j = plan_attr(r, side_of(r, after), ref->path, &st);
        if (st == PLAN_VAL_ABSENT)
            continue;
        /* known only after apply, but the configuration does not set it
         * (provider 5.x plans an unset mixed_instances_policy unknown) */
        if (st == PLAN_VAL_UNKNOWN && plan_attr_configured(p, r, ref->path, NULL) == PLAN_CFG_UNSET)
            continue;
        referenced = true;
        if (st == PLAN_VAL_KNOWN && json_is_string(j)) {
            const plan_resource *t = by_value(p, ref, after, json_string_value(j));
            if (t)
                return t;
        } else if (st == PLAN_VAL_UNKNOWN) {
            unknown = true;
        }
        const plan_resource *t = by_config(p, r, ref);
        if (t)
            return t;
    }
    if (!referenced)
        return NULL;
    snprintf(note, sizeof note, unknown ? "%s known only after apply and not found in the configuration"
                                        : "%s not in the plan",
             src->what);
    *why = note;
    return NULL;
}
