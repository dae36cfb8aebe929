/*
 * cost_usage.c — the usage file: monthly figures the plan cannot know
 * (data processed, requests, storage), with Infracost's structure and key
 * names so teams can bring theirs over:
 *
 *   {"version": "0.1",
 *    "resource_type_default_usage": {"aws_nat_gateway": {"monthly_data_processed_gb": 100}},
 *    "resource_usage": {"aws_lambda_function.api": {...}, "aws_instance.web[*]": {...}}}
 *
 * JSON or the YAML subset Infracost writes.  Per-address entries beat `[*]`
 * entries, which beat per-type defaults, key by key.  Every key is checked
 * against the keys the type's cost model declares: wrong types are errors,
 * unknown keys are warnings naming them and the closest key the model
 * reads.  Once the plans are loaded, cost_usage_check_plans() warns about
 * per-address entries that match no resource (a typo in the address would
 * otherwise drop the figures without a word).
 */
#include "cost_model.h"
#include "cost_yaml.h"

#include "../core/input.h"
#include "../core/mem.h"
#include "../core/near.h"
#include "../core/sbuf.h"
#include "../core/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct wild_entry {
    const char *pattern;     /* borrowed key of resource_usage */
    const json_t *obj;
    size_t stars;
} wild_entry;

struct cost_usage {
    json_t *root;
    char *name;
    const json_t *types;     /* resource_type_default_usage */
    const json_t *addrs;     /* resource_usage */
    wild_entry *wild;
    size_t nwild;
};

/* ---- reading ----------------------------------------------------------- */

/* A usage file is a few KiB; past this (a pipe, /dev/zero) it is not one. */
#define USAGE_MAX_BYTES ((size_t)64 << 20)

static cir_code read_all(const char *path, char **data, size_t *len, cir_err *err)
{
    /* "-": the usage file on standard input */
    in_read_opts o = {.what = "usage file", .limit = USAGE_MAX_BYTES, .dash_is_stdin = true};
    sbuf b = SBUF_INIT;
    cir_code rc = in_read_file(path, &o, &b, err);
    if (rc != CIR_OK) {
        sbuf_free(&b);
        return rc;
    }
    *len = b.len;
    *data = b.data ? sbuf_detach(&b) : xstrdup("");
    return CIR_OK;
}

static cir_code parse_text(const char *path, const char *data, size_t len, json_t **out, cir_err *err)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
        i++;
    if (i == len)
        return cir_error(err, CIR_EINPUT, path, "usage file is empty");
    if (data[i] == '{') {
        json_error_t je;
        json_t *j = json_loadb(data + i, len - i, JSON_REJECT_DUPLICATES, &je);
        if (!j)
            return cir_error(err, CIR_EPARSE, path, "not valid JSON: %s (line %d)", je.text, je.line);
        *out = j;
        return CIR_OK;
    }
    return cost_yaml_parse(path, data + i, len - i, out, err);
}

/* ---- addresses ------------------------------------------------------------ */

/* "module.a[\"x\"].aws_instance.web[0]" -> "aws_instance"; false if none. */
static bool type_of_address(const char *addr, char *out, size_t size)
{
    const char *p = addr;
    while (strncmp(p, "module.", 7) == 0) {
        p += 7;
        p += strcspn(p, ".[");
        if (*p == '[') {
            const char *close = strchr(p, ']');
            if (!close)
                return false;
            p = close + 1;
        }
        if (*p != '.')
            return false;
        p++;
    }
    size_t len = strcspn(p, ".");
    if (!p[len] || len == 0 || len >= size)
        return false;
    memcpy(out, p, len);
    out[len] = '\0';
    return true;
}

/* Skips an index "[...]" (quoted keys may hold ']'); returns past it. */
static const char *skip_index(const char *s)
{
    if (*s != '[')
        return NULL;
    bool quoted = false;
    for (s++; *s; s++) {
        if (*s == '"' && s[-1] != '\\')
            quoted = !quoted;
        else if (*s == ']' && !quoted)
            return s + 1;
    }
    return NULL;
}

/* `[*]` in the pattern matches any one index of the address. */
static bool wild_match(const char *pat, const char *addr)
{
    while (*pat) {
        if (strncmp(pat, "[*]", 3) == 0) {
            addr = skip_index(addr);
            if (!addr)
                return false;
            pat += 3;
            continue;
        }
        if (*pat != *addr)
            return false;
        pat++;
        addr++;
    }
    return *addr == '\0';
}

static size_t count_stars(const char *s)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, "[*]")); p += 3)
        n++;
    return n;
}

/* ---- validation --------------------------------------------------------------- */

static const cost_usage_key *find_key(const cost_model *m, const char *key)
{
    for (size_t i = 0; i < m->nusage; i++)
        if (strcmp(m->usage[i].key, key) == 0)
            return &m->usage[i];
    return NULL;
}

static bool key_is_prefix(const cost_model *m, const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = 0; i < m->nusage; i++)
        if (strncmp(m->usage[i].key, prefix, n) == 0 && m->usage[i].key[n] == '.')
            return true;
    return false;
}

static void known_keys(const cost_model *m, sbuf *b)
{
    for (size_t i = 0; i < m->nusage; i++)
        sbuf_printf(b, "%s%s", i ? ", " : "", m->usage[i].key);
    if (!m->nusage)
        sbuf_puts(b, "no usage keys");
}

/* One warning for a key the model does not read: the closest key it reads
 * when one is close, else every key it reads. */
static void warn_unknown_key(const cost_usage *u, const cost_model *m, const char *where,
                             const char *key)
{
    near_match nm;
    near_init(&nm, key);
    for (size_t i = 0; i < m->nusage; i++)
        near_offer(&nm, m->usage[i].key);
    if (near_best(&nm)) {
        cir_warn(u->name, "%s: unknown usage key \"%s\", not used (did you mean \"%s\"?)", where, key,
                 near_best(&nm));
        return;
    }
    sbuf b = SBUF_INIT;
    known_keys(m, &b);
    cir_warn(u->name, "%s: unknown usage key \"%s\", not used (%s reads: %s)", where, key, m->type,
             sbuf_str(&b));
    sbuf_free(&b);
}

/* The modelled type closest to `type`, or NULL; a free type is never
 * "corrected" into a priced one. */
static const char *closest_type(const char *type)
{
    if (cost_type_is_free(type))
        return NULL;
    const cost_model *const *models;
    size_t n = cost_models(&models);
    near_match nm;
    near_init(&nm, type);
    for (size_t i = 0; i < n; i++)
        near_offer(&nm, models[i]->type);
    return near_best(&nm);
}

/* Checks one entry's keys (recursively for nested groups). */
static cir_code check_keys(const cost_usage *u, const cost_model *m, const char *where,
                           const json_t *obj, const char *prefix, cir_err *err)
{
    const char *k;
    const json_t *v;
    json_object_foreach((json_t *)obj, k, v) {
        char *path = prefix ? xasprintf("%s.%s", prefix, k) : xstrdup(k);
        const cost_usage_key *d = find_key(m, path);
        cir_code rc = CIR_OK;
        if (!d && json_is_object(v) && key_is_prefix(m, path)) {
            rc = check_keys(u, m, where, v, path, err);
        } else if (!d) {
            warn_unknown_key(u, m, where, path);
        } else if (json_is_null(v)) {
            /* null: no figure, as if absent */
        } else if (d->type == CU_NUMBER && (!json_is_number(v) || json_number_value(v) < 0)) {
            rc = cir_error(err, CIR_EINPUT, u->name, "%s.%s: want a non-negative number", where, path);
        } else if (d->type == CU_STRING && !json_is_string(v)) {
            rc = cir_error(err, CIR_EINPUT, u->name, "%s.%s: want a string", where, path);
        } else if (d->type == CU_BOOL && !json_is_boolean(v)) {
            rc = cir_error(err, CIR_EINPUT, u->name, "%s.%s: want true or false", where, path);
        }
        free(path);
        if (rc != CIR_OK)
            return rc;
    }
    return CIR_OK;
}

static cir_code check_entry(const cost_usage *u, const char *section, const char *key, const char *type,
                            const json_t *obj, cir_err *err)
{
    char where[600];
    snprintf(where, sizeof where, "%s.%s", section, key);
    if (!json_is_object(obj))
        return cir_error(err, CIR_EINPUT, u->name, "%s: want an object of usage keys", where);
    const cost_model *m = cost_model_find(type);
    if (!m) {
        const char *near = closest_type(type);
        if (near)
            cir_warn(u->name, "%s: %s has no cost model, its usage is not used (did you mean %s?)", where,
                     type, near);
        else if (strncmp(type, "aws_", 4) == 0)
            cir_warn(u->name, "%s: %s has no cost model, its usage is not used", where, type);
        else
            cir_warn(u->name, "%s: \"%s\" is not an AWS resource type, its usage is not used", where, type);
        return CIR_OK;
    }
    return check_keys(u, m, key, obj, NULL, err);
}

static cir_code check_version(const cost_usage *u, cir_err *err)
{
    const json_t *v = json_object_get(u->root, "version");
    if (!v)
        return cir_error(err, CIR_EINPUT, u->name, "missing \"version\" (want \"0.1\")");
    char text[32] = "";
    if (json_is_string(v)) {
        /* Quoted back in the error: cut on a character boundary. */
        const char *s = json_string_value(v);
        size_t n = strlen(s) < sizeof text ? strlen(s) : utf8_cut(s, sizeof text - 1);
        memcpy(text, s, n);
        text[n] = '\0';
    }
    else if (json_is_number(v))
        snprintf(text, sizeof text, "%g", json_number_value(v));
    if (strcmp(text, "0.1") != 0 && strcmp(text, "v0.1") != 0)
        return cir_error(err, CIR_EINPUT, u->name, "unsupported version \"%s\" (want \"0.1\")", text);
    return CIR_OK;
}

static cir_code check_all(cost_usage *u, cir_err *err)
{
    if (!json_is_object(u->root))
        return cir_error(err, CIR_EINPUT, u->name, "a usage file is an object with version, "
                                                    "resource_type_default_usage and resource_usage");
    cir_code rc = check_version(u, err);
    if (rc)
        return rc;
    const char *k;
    const json_t *v;
    json_object_foreach(u->root, k, v) {
        if (strcmp(k, "version") != 0 && strcmp(k, "resource_type_default_usage") != 0 &&
            strcmp(k, "resource_usage") != 0)
            cir_warn(u->name, "unknown top-level key \"%s\" ignored", k);
    }
    u->types = json_object_get(u->root, "resource_type_default_usage");
    u->addrs = json_object_get(u->root, "resource_usage");
    if (u->types && !json_is_object(u->types) && !json_is_null(u->types))
        return cir_error(err, CIR_EINPUT, u->name, "resource_type_default_usage: want an object");
    if (u->addrs && !json_is_object(u->addrs) && !json_is_null(u->addrs))
        return cir_error(err, CIR_EINPUT, u->name, "resource_usage: want an object");
    json_object_foreach((json_t *)u->types, k, v) {
        if ((rc = check_entry(u, "resource_type_default_usage", k, k, v, err)))
            return rc;
    }
    json_object_foreach((json_t *)u->addrs, k, v) {
        char type[256];
        if (!type_of_address(k, type, sizeof type))
            return cir_error(err, CIR_EINPUT, u->name, "resource_usage: \"%s\" is not a resource address", k);
        if ((rc = check_entry(u, "resource_usage", k, type, v, err)))
            return rc;
        if (strstr(k, "[*]")) {
            u->wild = xrealloc(u->wild, (u->nwild + 1) * sizeof *u->wild);
            u->wild[u->nwild++] = (wild_entry){k, v, count_stars(k)};
        }
    }
    return CIR_OK;
}

cir_code cost_usage_load(const char *path, cost_usage **out, cir_err *err)
{
    char *data;
    size_t len;
    cir_code rc = read_all(path, &data, &len, err);
    if (rc)
        return rc;
    json_t *root = NULL;
    rc = parse_text(path, data, len, &root, err);
    free(data);
    if (rc)
        return rc;
    cost_usage *u = xcalloc(1, sizeof *u);
    u->root = root;
    u->name = xstrdup(path);
    rc = check_all(u, err);
    if (rc) {
        cost_usage_free(u);
        return rc;
    }
    *out = u;
    return CIR_OK;
}

void cost_usage_free(cost_usage *u)
{
    if (!u)
        return;
    json_decref(u->root);
    free(u->name);
    free(u->wild);
    free(u);
}

/* ---- entries that match no resource ------------------------------------------- */

/* `address` with every index replaced by [*]: "module.a[\"x\"].aws_instance.web[0]"
 * -> "module.a[*].aws_instance.web[*]"; caller frees. */
static char *wildcarded(const char *address)
{
    sbuf b = SBUF_INIT;
    for (const char *p = address; *p;) {
        const char *past = *p == '[' ? skip_index(p) : NULL;
        if (past) {
            sbuf_puts(&b, "[*]");
            p = past;
        } else {
            sbuf_add(&b, p++, 1);
        }
    }
    return b.data ? sbuf_detach(&b) : xstrdup("");
}

static bool entry_matches(const char *entry, plan *const *plans, size_t nplans)
{
    bool wild = strstr(entry, "[*]") != NULL;
    for (size_t i = 0; i < nplans; i++)
        for (size_t j = 0; j < plans[i]->nresources; j++) {
            const char *a = plans[i]->resources[j].address;
            if (wild ? wild_match(entry, a) : strcmp(entry, a) == 0)
                return true;
        }
    return false;
}

/* The plans' addresses to suggest from, each also in its [*] form (first,
 * so "aws_instance.web" suggests "aws_instance.web[*]" over one index);
 * `only_type` keeps that type's.  The strings are owned by *out. */
static size_t candidates(plan *const *plans, size_t nplans, const char *only_type, char ***out)
{
    size_t n = 0, cap = 16;
    char **c = xmalloc(cap * sizeof *c);
    for (size_t i = 0; i < nplans; i++)
        for (size_t j = 0; j < plans[i]->nresources; j++) {
            const plan_resource *r = &plans[i]->resources[j];
            if (only_type && (!r->type || strcmp(r->type, only_type) != 0))
                continue;
            c = xgrow(c, &cap, n + 2, sizeof *c);
            c[n++] = wildcarded(r->address);
            if (strcmp(c[n - 1], r->address) != 0)
                c[n++] = xstrdup(r->address);
        }
    *out = c;
    return n;
}

void cost_usage_check_plans(const cost_usage *u, plan *const *plans, size_t nplans,
                            const char *only_type)
{
    if (!u || !json_is_object(u->addrs))
        return;
    char **cand = NULL;
    size_t ncand = candidates(plans, nplans, only_type, &cand);
    const char *entry;
    const json_t *v;
    json_object_foreach((json_t *)u->addrs, entry, v) {
        char type[256];
        /* Entries for types without a model were warned about on load. */
        if (!type_of_address(entry, type, sizeof type) || !cost_model_find(type))
            continue;
        if ((only_type && strcmp(type, only_type) != 0) || entry_matches(entry, plans, nplans))
            continue;
        near_match nm;
        near_init(&nm, entry);
        for (size_t i = 0; i < ncand; i++)
            near_offer(&nm, cand[i]);
        /* estimate prices one resource: it is the only place the entry could go */
        const char *best = near_best(&nm) ? near_best(&nm) : only_type && ncand ? cand[0] : NULL;
        const char *where = nplans == 1 ? "the plan" : "the plans";
        if (best)
            cir_warn(u->name, "%s: no resource in %s has this address, its usage is not used "
                     "(did you mean \"%s\"?)", entry, where, best);
        else
            cir_warn(u->name, "%s: no resource in %s has this address, its usage is not used",
                     entry, where);
    }
    for (size_t i = 0; i < ncand; i++)
        free(cand[i]);
    free(cand);
}

/* ---- lookups ------------------------------------------------------------------ */

void cost_usage_view_for(const cost_usage *u, const char *address, const char *type, cost_usage_view *v)
{
    memset(v, 0, sizeof *v);
    if (!u)
        return;
    v->exact = json_object_get(u->addrs, address);
    v->type = json_object_get(u->types, type);
    /* fewer wildcards = more specific; insertion keeps that order */
    for (size_t i = 0; i < u->nwild; i++) {
        if (!wild_match(u->wild[i].pattern, address))
            continue;
        size_t at = v->nwild;
        if (at == sizeof v->wild / sizeof v->wild[0])
            break;
        while (at > 0) {
            size_t prev = at - 1;
            size_t ps = 0;
            for (size_t k = 0; k < u->nwild; k++)
                if (u->wild[k].obj == v->wild[prev])
                    ps = u->wild[k].stars;
            if (ps <= u->wild[i].stars)
                break;
            v->wild[at] = v->wild[prev];
            at = prev;
        }
        v->wild[at] = u->wild[i].obj;
        v->nwild++;
    }
}

static const json_t *walk(const json_t *obj, const char *key)
{
    char part[128];
    const char *p = key;
    while (obj && *p) {
        size_t len = strcspn(p, ".");
        if (len >= sizeof part)
            return NULL;
        memcpy(part, p, len);
        part[len] = '\0';
        obj = json_object_get(obj, part);
        p += len;
        if (*p == '.')
            p++;
    }
    return json_is_null(obj) ? NULL : obj;
}

const json_t *cost_usage_get(const cost_usage_view *v, const char *key)
{
    const json_t *j = walk(v->exact, key);
    for (size_t i = 0; !j && i < v->nwild; i++)
        j = walk(v->wild[i], key);
    if (!j)
        j = walk(v->type, key);
    return j;
}
