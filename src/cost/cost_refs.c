/*
 * cost_refs.c — finding the resource another one prices through: the
 * launch template of an autoscaling group, the task definition of an ECS
 * service, the cluster of an Aurora instance.
 *
 * First by value: the referring attribute (an ID, name or ARN) equals an
 * attribute of a resource of the referenced type in the same plan, on the
 * same side.  When that value is known only after apply (the usual case on
 * create), by the plan's `configuration`: the expression's references name
 * the resource ("aws_launch_template.web.id"), relative to its module, and
 * x[count.index] or x[each.key] names the instance with the referring
 * one's own key.  When several instances match and nothing says which, the
 * reference is not followed: a guess would price the wrong one.  An
 * attribute known only after apply that the configuration does not write
 * at all is the provider's default, not a reference.
 */
#include "cost_model.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

/* ---- configuration references -------------------------------------------- */

/* True when the references hold a per-instance key of the referring
 * resource: x[count.index] or x[each.key] is written that way, and
 * Terraform lists "x" and "count.index" (or "each.key") apart. */
static bool keyed_by_instance(const json_t *refs)
{
    size_t i;
    const json_t *ref;
    json_array_foreach(refs, i, ref) {
        const char *s = json_string_value(ref);
        if (s && (strcmp(s, "count.index") == 0 || strcmp(s, "each.key") == 0))
            return true;
    }
    return false;
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

/* The one resource `base` (as written, relative to r's module) names for
 * the instance `r`: the exact address, the single instance, or — for
 * x[count.index] and x[each.key] — the instance with r's own key.  NULL
 * when none, or when several instances match and nothing says which. */
static const plan_resource *named_instance(const plan *p, const plan_resource *r, const char *base,
                                           bool keyed)
{
    char *addr = full_address(r, base);
    const plan_resource *first, *hit = NULL;
    size_t n = count_address(p, addr, &first);
    if (n == 1 || (first && strcmp(first->address, addr) == 0)) {
        hit = first;
    } else if (n > 1 && keyed && r->index) {
        char *key = plan_index_text(r->index);
        char *want = xasprintf("%s%s", addr, key);
        count_address(p, want, &hit);
        if (hit && strcmp(hit->address, want) != 0)
            hit = NULL;
        free(want);
        free(key);
    }
    free(addr);
    return hit;
}

long cost_config_ref_count(const plan *p, const plan_resource *r, const char *path)
{
    if (!p)
        return -1;
    const json_t *refs = plan_config_refs(p, r, path);
    if (!refs)
        return -1;
    bool keyed = keyed_by_instance(refs);
    char bases[32][256];
    size_t nb = 0;
    size_t i;
    const json_t *ref;
    json_array_foreach(refs, i, ref) {
        char base[256];
        const char *s = json_string_value(ref);
        if (s && keyed && (strcmp(s, "count.index") == 0 || strcmp(s, "each.key") == 0))
            continue;
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
        if (keyed && !strchr(bases[k], '[')) {
            /* [x[count.index].id]: this instance's one */
            if (!named_instance(p, r, bases[k], true))
                return -1;
            total += 1;
            continue;
        }
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

static const plan_resource *by_config(const plan *p, const plan_resource *r, const cost_ref *ref)
{
    const json_t *refs = plan_config_refs(p, r, ref->path);
    bool keyed = keyed_by_instance(refs);
    size_t i;
    const json_t *j;
    json_array_foreach(refs, i, j) {
        char base[256];
        const char *s = json_string_value(j);
        if (!s || !ref_base(s, ref->type, base, sizeof base))
            continue;
        const plan_resource *t = named_instance(p, r, base, keyed);
        if (t)
            return t;
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
        /* known only after apply, but the configuration does not set it:
         * the provider's default (provider 5.x plans an unset
         * mixed_instances_policy unknown; an ASG on a launch configuration
         * has launch_template unknown) */
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
