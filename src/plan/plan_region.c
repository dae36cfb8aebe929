/*
 * plan_region.c — the AWS region of every AWS resource change, and where it
 * came from (plan-json.md §6).  Order:
 *   1. change.after.region (before.region for a delete): AWS provider v6
 *      sets it per resource;                                    "resource"
 *   2. the provider configuration the resource uses: its configuration
 *      entry (module_calls walked with instance keys stripped) gives
 *      provider_config_key; that provider's expressions.region is a
 *      constant ("provider") or var.x resolved through module_calls
 *      arguments and the top-level variables ("provider-variable").
 *      A key with no provider_config entry (Terraform 0.12.8–1.1.6 wrote
 *      "db_instance:aws") and an entry without a region (a module's
 *      required_providers) fall back to "<module path>:<provider>", then
 *      each parent module, then the root provider;
 *   3. --region, AWS_REGION, AWS_DEFAULT_REGION, us-east-1.
 * A region set by an expression we cannot evaluate (local.x, a function)
 * stops the walk: the parent's region would be a wrong answer, so we use
 * step 3 and warn once.  A sensitive variable is never used as a region.
 * Each resource's configuration block (plan_config.c) gives its provider
 * key; every key is resolved once, so the pass is linear in the plan.
 */
#include "plan_internal.h"

#include "../core/mem.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct region_result {
    const char *region;            /* NULL: use the fallback */
    plan_region_source source;
} region_result;

typedef struct region_ctx {
    const json_t *provider_config;
    const json_t *variables;
    pmap modules;                  /* "module.a.module.b" -> module object ("" = root) */
    pmap calls;                    /* "module.a.module.b" -> module_calls entry of b */
    pmap cache;                    /* "key\x1fpath" -> region_result */
    pmap warned;                   /* provider keys already warned about */
    region_result **owned;
    size_t nowned, capowned;
    plan_warnings *w;
} region_ctx;

/* ---- the configuration index --------------------------------------------- */

static void index_module(region_ctx *x, const json_t *module, const char *path, int depth)
{
    if (!json_is_object(module) || depth > 64)
        return;
    pmap_put(&x->modules, path, module);
    const char *name;
    const json_t *call;
    json_object_foreach((json_t *)json_object_get(module, "module_calls"), name, call) {
        char *child = *path ? xasprintf("%s.module.%s", path, name) : xasprintf("module.%s", name);
        pmap_put(&x->calls, child, call);
        index_module(x, json_object_get(call, "module"), child, depth + 1);
        free(child);
    }
}

/* ---- variables ------------------------------------------------------------- */

static bool looks_like_region(const char *s)
{
    /* us-east-1, us-gov-west-1, ap-southeast-2, cn-north-1 */
    if (!s || !islower((unsigned char)s[0]) || !islower((unsigned char)s[1]) || s[2] != '-')
        return false;
    size_t n = strlen(s);
    if (n < 6 || n > 32 || !isdigit((unsigned char)s[n - 1]))
        return false;
    for (const char *p = s; *p; p++)
        if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '-')
            return false;
    return true;
}

/* Follows ".attr.attr" steps of a reference into a value. */
static const json_t *walk_attrs(const json_t *v, const char *steps)
{
    while (v && *steps == '.') {
        steps++;
        size_t n = strcspn(steps, ".");
        char *key = xstrndup(steps, n);
        v = json_object_get(v, key);
        free(key);
        steps += n;
    }
    return *steps ? NULL : v;
}

static bool var_is_sensitive(const json_t *module, const char *var)
{
    const json_t *decl = json_object_get(json_object_get(module, "variables"), var);
    return json_is_true(json_object_get(decl, "sensitive"));
}

/* The reference a region expression names, when it is one plain var.x
 * (Terraform lists "var.cfg.region" and its prefix "var.cfg"). */
static const char *single_var_ref(const json_t *refs)
{
    const char *first = json_string_value(json_array_get(refs, 0));
    if (!first || strncmp(first, "var.", 4) != 0 || strchr(first, '['))
        return NULL;
    size_t i;
    const json_t *r;
    json_array_foreach(refs, i, r) {
        const char *s = json_string_value(r);
        if (!s || strncmp(first, s, strlen(s)) != 0)
            return NULL;
    }
    return first + 4;
}

static const char *parent_path(const char *path, char *buf, size_t size)
{
    const char *dot = strstr(path, ".module.");
    const char *last = NULL;
    for (; dot; dot = strstr(dot + 1, ".module."))
        last = dot;
    size_t n = last ? (size_t)(last - path) : 0;
    if (n >= size)
        n = 0;
    memcpy(buf, path, n);
    buf[n] = '\0';
    return buf;
}

/* Resolves var.<ref> as seen from module `path`; NULL when it cannot. */
static const char *resolve_var(region_ctx *x, const char *ref, const char *path, int depth,
                               bool *sensitive)
{
    if (depth > 64)
        return NULL;
    size_t n = strcspn(ref, ".");
    char *var = xstrndup(ref, n);
    const char *steps = ref + n, *out = NULL;
    const json_t *module = pmap_get(&x->modules, path);
    if (var_is_sensitive(module, var)) {
        *sensitive = true;
    } else if (!*path) {
        const json_t *v = json_object_get(json_object_get(x->variables, var), "value");
        if (!v)
            v = json_object_get(json_object_get(json_object_get(module, "variables"), var),
                                "default");
        out = json_string_value(walk_attrs(v, steps));
    } else {
        const json_t *call = pmap_get(&x->calls, path);
        const json_t *expr = json_object_get(json_object_get(call, "expressions"), var);
        const json_t *cv = json_object_get(expr, "constant_value");
        const char *inner;
        char parent[512];
        if (cv) {
            out = json_string_value(walk_attrs(cv, steps));
        } else if (expr && (inner = single_var_ref(json_object_get(expr, "references"))) && !*steps) {
            out = resolve_var(x, inner, parent_path(path, parent, sizeof parent), depth + 1,
                              sensitive);
        } else if (!expr) {
            const json_t *decl = json_object_get(json_object_get(module, "variables"), var);
            out = json_string_value(walk_attrs(json_object_get(decl, "default"), steps));
        }
    }
    free(var);
    return looks_like_region(out) ? out : NULL;
}

/* ---- providers ----------------------------------------------------------- */

typedef enum { PROV_REGION, PROV_NO_REGION, PROV_OPAQUE } prov_kind;

/* Reads one provider_config entry's region. */
static prov_kind provider_region(region_ctx *x, const char *key, const json_t *entry,
                                 region_result *out)
{
    const json_t *expr = json_object_get(json_object_get(entry, "expressions"), "region");
    if (!expr)
        return PROV_NO_REGION;
    const char *s = json_string_value(json_object_get(expr, "constant_value"));
    if (s) {
        out->region = s;
        out->source = PLAN_REGION_PROVIDER;
        return PROV_REGION;
    }
    const char *ref = single_var_ref(json_object_get(expr, "references"));
    const char *mod = json_string_value(json_object_get(entry, "module_address"));
    bool sensitive = false;
    char *path = plan_module_path(mod);
    s = ref && path ? resolve_var(x, ref, path, 0, &sensitive) : NULL;
    free(path);
    if (s) {
        out->region = s;
        out->source = PLAN_REGION_VARIABLE;
        return PROV_REGION;
    }
    if (pmap_get(&x->warned, key))
        return PROV_OPAQUE;
    pmap_put(&x->warned, key, key);
    plan_warn_add(x->w, "the region of provider %s is %s circuit cannot evaluate; its resources "
                  "use the --region / AWS_REGION / default region", key,
                  sensitive ? "a sensitive variable" : "an expression");
    return PROV_OPAQUE;
}

/* Splits "module.a:aws.east" into module path "module.a" and "aws.east". */
static void split_key(const char *key, char *mod, size_t msize, const char **local)
{
    const char *colon = strrchr(key, ':');
    size_t n = colon ? (size_t)(colon - key) : 0;
    if (n >= msize)
        n = 0;
    memcpy(mod, key, n);
    mod[n] = '\0';
    *local = colon ? colon + 1 : key;
}

static void resolve_key(region_ctx *x, const char *key, const char *res_path, region_result *out)
{
    out->region = NULL;
    out->source = PLAN_REGION_NONE;
    const json_t *pc = x->provider_config;
    char mod[512];
    const char *local = "aws";
    const char *path = res_path;
    if (key) {
        split_key(key, mod, sizeof mod, &local);
        const json_t *entry = json_object_get(pc, key);
        if (entry) {
            prov_kind k = provider_region(x, key, entry, out);
            if (k != PROV_NO_REGION)
                return;
            path = mod;      /* a required_providers entry: inherit from above */
            if (!*path)
                return;
            char up[512];
            snprintf(mod, sizeof mod, "%s", parent_path(path, up, sizeof up));
            path = mod;
        } else if (strncmp(key, "module.", 7) == 0 && *mod) {
            path = mod;
        }
    }
    /* Walk from `path` up to the root: "<path>:<local>", ..., "<local>". */
    char cur[512];
    snprintf(cur, sizeof cur, "%s", path);
    for (;;) {
        char *cand = *cur ? xasprintf("%s:%s", cur, local) : xstrdup(local);
        const json_t *entry = json_object_get(pc, cand);
        prov_kind k = entry ? provider_region(x, cand, entry, out) : PROV_NO_REGION;
        free(cand);
        if (k != PROV_NO_REGION || !*cur)
            return;
        char up[512];
        parent_path(cur, up, sizeof up);
        snprintf(cur, sizeof cur, "%s", up);
    }
}

static const region_result *cached_key(region_ctx *x, const char *key, const char *res_path)
{
    char *ck = xasprintf("%s\x1f%s", key ? key : "", res_path);
    const region_result *hit = pmap_get(&x->cache, ck);
    if (!hit) {
        region_result *r = xmalloc(sizeof *r);
        resolve_key(x, key, res_path, r);
        x->owned = xgrow(x->owned, &x->capowned, x->nowned + 1, sizeof *x->owned);
        x->owned[x->nowned++] = r;
        pmap_put(&x->cache, ck, r);
        hit = r;
    }
    free(ck);
    return hit;
}

/* ---- per resource ------------------------------------------------------------ */

static const char *resource_region(const plan_resource *r)
{
    if (json_is_true(json_object_get(r->after_unknown, "region")))
        return NULL;
    const json_t *side = json_is_object(r->after) ? r->after : r->before;
    const char *s = json_string_value(json_object_get(side, "region"));
    return s && *s ? s : NULL;
}

static void resolve_one(region_ctx *x, plan_resource *r, const char *fb, plan_region_source fbs)
{
    if (!r->is_aws)
        return;
    const char *s = resource_region(r);
    if (s) {
        r->region = s;
        r->region_source = PLAN_REGION_RESOURCE;
        return;
    }
    char *path = plan_module_path(r->module_address);
    const region_result *res = NULL;
    if (path)
        res = cached_key(x, json_string_value(json_object_get(r->config, "provider_config_key")), path);
    free(path);
    if (res && res->region) {
        r->region = res->region;
        r->region_source = res->source;
    } else {
        r->region = fb;
        r->region_source = fbs;
    }
}

static const char *fallback_region(const plan_load_opts *opts, plan_region_source *src)
{
    const char *env;
    if (opts && opts->region_flag && *opts->region_flag) {
        *src = PLAN_REGION_FLAG;
        return opts->region_flag;
    }
    if ((env = getenv("AWS_REGION")) && *env) {
        *src = PLAN_REGION_ENV_AWS_REGION;
        return env;
    }
    if ((env = getenv("AWS_DEFAULT_REGION")) && *env) {
        *src = PLAN_REGION_ENV_AWS_DEFAULT_REGION;
        return env;
    }
    *src = PLAN_REGION_DEFAULT;
    return "us-east-1";
}

void plan_resolve_regions(plan *p, const plan_load_opts *opts, plan_warnings *w)
{
    region_ctx x;
    memset(&x, 0, sizeof x);
    x.w = w;
    const json_t *conf = json_object_get(p->root, "configuration");
    x.provider_config = json_object_get(conf, "provider_config");
    x.variables = json_object_get(p->root, "variables");
    index_module(&x, json_object_get(conf, "root_module"), "", 0);
    plan_region_source fbs;
    const char *fb = fallback_region(opts, &fbs);
    size_t defaulted = 0;
    for (size_t i = 0; i < p->nresources; i++) {
        resolve_one(&x, &p->resources[i], fb, fbs);
        defaulted += p->resources[i].region_source == PLAN_REGION_DEFAULT;
    }
    for (size_t i = 0; i < p->ndrift; i++)
        resolve_one(&x, &p->drift[i], fb, fbs);
    if (defaulted)
        plan_warn_add(w, "%zu AWS resource%s without a region in the plan: using us-east-1 "
                      "(pass --region or set AWS_REGION to choose)", defaulted,
                      defaulted == 1 ? "" : "s");
    for (size_t i = 0; i < x.nowned; i++)
        free(x.owned[i]);
    free(x.owned);
    pmap_free(&x.modules);
    pmap_free(&x.calls);
    pmap_free(&x.cache);
    pmap_free(&x.warned);
}
