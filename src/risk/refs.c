/*
 * refs.c — "does resource A point at resource B?", for the rules that look
 * for a missing companion (a VPC without a flow log, a service without an
 * autoscaling target, a bucket without a public access block, ...).
 *
 * When A's attribute is known, its value is compared with B's identifiers.
 * When it is known only after apply (the usual case when both are created
 * together), the plan's `configuration` says what the expression refers to:
 * `aws_vpc.main.id` inside module.net means module.net.aws_vpc.main.  Module
 * variables (var.x) and outputs (module.m.out) are followed through their
 * own expressions.  Anything that cannot be followed — a data source, a
 * local, an untraceable variable — makes the link UNKNOWN, and a rule that
 * sees an UNKNOWN link reports nothing rather than guess.
 */
#include "rules.h"

#include "../core/mem.h"
#include "../core/sbuf.h"

#include <stdlib.h>
#include <string.h>

typedef struct risk_config {
    json_t *resources;   /* "module.a.aws_vpc.main" -> configuration resource */
    json_t *calls;       /* "module.a." -> module call {expressions, module} */
} risk_config;

enum { MAX_DEPTH = 16 };

static void index_module(risk_config *c, const json_t *module, const char *prefix, int depth)
{
    if (!json_is_object(module) || depth > MAX_DEPTH)
        return;
    size_t i;
    json_t *res;
    json_array_foreach(json_object_get(module, "resources"), i, res) {
        const char *addr = json_string_value(json_object_get(res, "address"));
        if (!addr)
            continue;
        char *key = xasprintf("%s%s", prefix, addr);
        json_object_set(c->resources, key, res);
        free(key);
    }
    const char *name;
    json_t *call;
    json_object_foreach(json_object_get(module, "module_calls"), name, call) {
        char *key = xasprintf("%smodule.%s.", prefix, name);
        json_object_set(c->calls, key, call);
        index_module(c, json_object_get(call, "module"), key, depth + 1);
        free(key);
    }
}

static risk_config *config_of(risk_run *run, json_t **cache)
{
    risk_config **slot = risk_run_config_slot(run, cache);
    if (!*slot) {
        risk_config *c = xcalloc(1, sizeof *c);
        c->resources = json_object();
        c->calls = json_object();
        const json_t *root = json_object_get(json_object_get(risk_run_plan(run)->root, "configuration"),
                                             "root_module");
        index_module(c, root, "", 0);
        *slot = c;
    }
    return *slot;
}

void risk_refs_free(void *config, json_t *cache)
{
    risk_config *c = config;
    if (c) {
        json_decref(c->resources);
        json_decref(c->calls);
        free(c);
    }
    json_decref(cache);
}

/* "module.a[\"x\"].module.b[0]" -> "module.a.module.b": instance keys go,
 * since the configuration has one entry for all instances. */
static void strip_keys(sbuf *b, const char *addr)
{
    for (const char *p = addr; *p;) {
        if (*p != '[') {
            sbuf_putc(b, *p++);
            continue;
        }
        bool quoted = false;
        for (p++; *p; p++) {
            if (quoted && *p == '\\' && p[1]) {
                p++;
            } else if (*p == '"') {
                quoted = !quoted;
            } else if (!quoted && *p == ']') {
                p++;
                break;
            }
        }
    }
}

/* The configuration address of an instance: module path + type.name. */
static char *config_address(const plan_resource *r)
{
    sbuf b = SBUF_INIT;
    if (r->module_address) {
        strip_keys(&b, r->module_address);
        sbuf_putc(&b, '.');
    }
    sbuf_printf(&b, "%s.%s", r->type, r->name ? r->name : "");
    return sbuf_detach(&b);
}

/* The module prefix ("module.a." or "") of a configuration address. */
static char *module_prefix(const char *config_addr, const char *type)
{
    const char *p = strstr(config_addr, type);
    while (p && p != config_addr && p[-1] != '.')
        p = strstr(p + 1, type);
    return xstrndup(config_addr, p ? (size_t)(p - config_addr) : 0);
}

/* The parent of "module.a.module.b." is "module.a." (module names hold no
 * dots, so the prefix is pairs of "module" "." name "."). */
static char *parent_prefix(const char *prefix)
{
    size_t n = strlen(prefix);
    if (n == 0)
        return xstrdup("");
    size_t end = n - 1;                 /* the trailing '.' */
    size_t dots = 0;
    while (end > 0) {
        end--;
        if (prefix[end] == '.' && ++dots == 2)
            return xstrndup(prefix, end + 1);
    }
    return xstrdup("");
}

/* Copies the next dotted segment of a reference, without any [index]
 * (which may hold quoted dots), and returns what follows its '.'. */
static const char *segment(const char *s, char *out, size_t size)
{
    size_t n = 0;
    while (*s && *s != '.' && *s != '[') {
        if (n + 1 < size)
            out[n++] = *s;
        s++;
    }
    out[n] = '\0';
    while (*s == '[') {
        bool quoted = false;
        for (s++; *s; s++) {
            if (quoted && *s == '\\' && s[1])
                s++;
            else if (*s == '"')
                quoted = !quoted;
            else if (!quoted && *s == ']')
                break;
        }
        if (*s == ']')
            s++;
    }
    return *s == '.' ? s + 1 : s;
}

typedef struct resolved {
    json_t *targets;   /* array of configuration addresses */
    bool unresolved;
    bool bare_module;
} resolved;

static void add_target(resolved *out, const char *addr)
{
    size_t i;
    json_t *t;
    json_array_foreach(out->targets, i, t)
        if (strcmp(json_string_value(t), addr) == 0)
            return;
    json_array_append_new(out->targets, json_string(addr));
}

static void resolve(const risk_config *c, const char *ref, const char *prefix, int depth, resolved *out);

static void resolve_all(const risk_config *c, const json_t *expr, const char *prefix, int depth, resolved *out)
{
    const json_t *refs = json_object_get(expr, "references");
    if (!json_is_array(refs) || json_array_size(refs) == 0) {
        out->unresolved = true;
        return;
    }
    size_t i;
    json_t *r;
    json_array_foreach(refs, i, r)
        if (json_is_string(r))
            resolve(c, json_string_value(r), prefix, depth + 1, out);
}

static void resolve(const risk_config *c, const char *ref, const char *prefix, int depth, resolved *out)
{
    char first[128], second[128], third[128];
    if (depth > MAX_DEPTH) {
        out->unresolved = true;
        return;
    }
    const char *rest = segment(ref, first, sizeof first);
    if (!strcmp(first, "each") || !strcmp(first, "count") || !strcmp(first, "path") ||
        !strcmp(first, "terraform") || !strcmp(first, "self"))
        return;   /* not a resource */
    if (!strcmp(first, "data") || !strcmp(first, "local") || !*rest) {
        out->unresolved = true;
        return;
    }
    rest = segment(rest, second, sizeof second);
    if (!strcmp(first, "var")) {
        const json_t *call = json_object_get(c->calls, prefix);
        const json_t *expr = json_object_get(json_object_get(call, "expressions"), second);
        if (!*prefix || !expr) {
            out->unresolved = true;
            return;
        }
        char *parent = parent_prefix(prefix);
        resolve_all(c, expr, parent, depth, out);
        free(parent);
        return;
    }
    if (!strcmp(first, "module")) {
        if (!*rest) {
            out->bare_module = true;
            return;
        }
        segment(rest, third, sizeof third);
        char *child = xasprintf("%smodule.%s.", prefix, second);
        const json_t *call = json_object_get(c->calls, child);
        const json_t *output =
            json_object_get(json_object_get(json_object_get(call, "module"), "outputs"), third);
        if (!output)
            out->unresolved = true;
        else
            resolve_all(c, json_object_get(output, "expression"), child, depth, out);
        free(child);
        return;
    }
    char *addr = xasprintf("%s%s.%s", prefix, first, second);
    add_target(out, addr);
    free(addr);
}

/* Configuration targets of `attr` of `from`, cached per run. */
static const json_t *targets_of(risk_run *run, const plan_resource *from, const char *attr)
{
    json_t *cache;
    const risk_config *c = config_of(run, &cache);
    char *key = xasprintf("%s\x1f%s", from->address, attr);
    json_t *hit = json_object_get(cache, key);
    if (hit) {
        free(key);
        return hit;
    }
    resolved out = {json_array(), false, false};
    char *caddr = config_address(from);
    const json_t *res = json_object_get(c->resources, caddr);
    const json_t *expr = json_object_get(json_object_get(res, "expressions"), attr);
    if (!res || !json_is_object(expr)) {
        out.unresolved = true;
    } else if (json_object_get(expr, "references")) {
        char *prefix = module_prefix(caddr, from->type);
        resolve_all(c, expr, prefix, 0, &out);
        free(prefix);
    } else {
        out.unresolved = true;   /* a constant would have been known */
    }
    if (json_array_size(out.targets) == 0 && out.bare_module)
        out.unresolved = true;
    free(caddr);
    json_t *entry = json_pack("{s:o, s:b}", "t", out.targets, "u", out.unresolved);
    json_object_set_new(cache, key, entry);
    free(key);
    return entry;
}

bool risk_res_live(const plan_resource *r)
{
    return !r->is_data && !r->deposed && json_is_object(r->after) && r->action != PLAN_ACT_DELETE &&
           r->action != PLAN_ACT_FORGET;
}

static bool known_string(const plan_resource *r, const char *path, const char **out)
{
    plan_val_state st;
    const json_t *v = plan_attr(r, risk_res_live(r), path, &st);
    if (st != PLAN_VAL_KNOWN || !json_is_string(v))
        return false;
    *out = json_string_value(v);
    return true;
}

/* `ids` is a comma list of `to`'s attributes naming it; "/name" means the
 * value ends with "/" + to.name (ECS resource ids "service/cluster/name"). */
static bool value_names(const char *value, const plan_resource *to, const char *ids)
{
    bool hit = false;
    for (const char *p = ids; *p && !hit;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char *id = xstrndup(p, n);
        bool suffix = id[0] == '/';
        const char *have;
        if (known_string(to, suffix ? id + 1 : id, &have)) {
            if (suffix) {
                size_t lv = strlen(value), lh = strlen(have);
                hit = lv > lh && value[lv - lh - 1] == '/' && strcmp(value + lv - lh, have) == 0;
            } else {
                hit = strcmp(value, have) == 0;
            }
        }
        free(id);
        p = comma ? comma + 1 : p + n;
    }
    return hit;
}

risk_link risk_link_test(risk_run *run, const plan_resource *from, const char *attr,
                         const plan_resource *to, const char *ids)
{
    plan_val_state st;
    const json_t *v = plan_attr(from, true, attr, &st);
    if (st == PLAN_VAL_ABSENT)
        return RISK_LINK_NO;
    if (st == PLAN_VAL_KNOWN)
        return json_is_string(v) && value_names(json_string_value(v), to, ids) ? RISK_LINK_YES : RISK_LINK_NO;
    const json_t *t = targets_of(run, from, attr);
    char *want = config_address(to);
    bool found = false;
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(t, "t"), i, e)
        found |= strcmp(json_string_value(e), want) == 0;
    free(want);
    if (found)
        return RISK_LINK_YES;
    return json_is_true(json_object_get(t, "u")) ? RISK_LINK_UNKNOWN : RISK_LINK_NO;
}

size_t risk_link_count(risk_run *run, const char *type, const char *attr, const plan_resource *to,
                       const char *ids, bool *unknown)
{
    const plan_resource **list;
    size_t n = risk_run_of_type(run, type, &list), count = 0;
    *unknown = false;
    for (size_t i = 0; i < n; i++) {
        if (!risk_res_live(list[i]))
            continue;
        switch (risk_link_test(run, list[i], attr, to, ids)) {
        case RISK_LINK_YES: count++; break;
        case RISK_LINK_UNKNOWN: *unknown = true; break;
        case RISK_LINK_NO: break;
        }
    }
    return count;
}
