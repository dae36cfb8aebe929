/*
 * check_iac.c — rules on the Terraform code itself, read from the plan's
 * `configuration`: where modules come from and whether their version is
 * pinned, whether providers carry a version constraint, and credentials
 * written into a provider block.
 *
 * Module sources follow Terraform's documented forms: local paths ("./",
 * "../"), registry addresses ([HOST/]NAMESPACE/NAME/PROVIDER[//DIR]), git
 * ("git::URL", "git@host:", and the github.com / bitbucket.org shorthands;
 * "?ref=" pins a revision), and HTTP archives.  Terraform does not put
 * `required_version` in the plan, so that cannot be checked here.
 *
 * With --scope changed (the default) a module or provider is judged only
 * when the plan changes something that comes from it; --scope all judges
 * them all.  A plan without `configuration` gives no finding.
 */
#include "checks.h"

#include "../core/mem.h"
#include "../core/sbuf.h"
#include "../plan/plan.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- which parts of the configuration the plan touches -------------------- */

static bool changes_something(const plan_resource *r)
{
    return !r->is_data && r->action != PLAN_ACT_NOOP && r->action != PLAN_ACT_READ;
}

/* Is some change of the plan inside module `path` ("module.a.module.b")? */
static bool module_changed(risk_run *run, const char *path)
{
    if (risk_run_scope(run) == RISK_RESOURCES_ALL)
        return true;
    const plan *p = risk_run_plan(run);
    size_t n = strlen(path);
    for (size_t i = 0; i < p->nresources; i++) {
        const plan_resource *r = &p->resources[i];
        if (!changes_something(r) || !r->module_address)
            continue;
        sbuf b = SBUF_INIT;
        /* instance keys dropped: module.a["x"] -> module.a */
        for (const char *s = r->module_address; *s;) {
            if (*s == '[') {
                bool quoted = false;
                for (s++; *s && (quoted || *s != ']'); s++)
                    quoted ^= *s == '"';
                if (*s)
                    s++;
            } else {
                sbuf_putc(&b, *s++);
            }
        }
        bool inside = b.len >= n && !strncmp(sbuf_str(&b), path, n) && (b.len == n || sbuf_str(&b)[n] == '.');
        sbuf_free(&b);
        if (inside)
            return true;
    }
    return false;
}

static bool provider_changed(risk_run *run, const char *full_name, const char *name)
{
    if (risk_run_scope(run) == RISK_RESOURCES_ALL)
        return true;
    const plan *p = risk_run_plan(run);
    for (size_t i = 0; i < p->nresources; i++) {
        const plan_resource *r = &p->resources[i];
        if (!changes_something(r) || !r->provider_name)
            continue;
        if ((full_name && !strcmp(r->provider_name, full_name)) || (r->provider && name && !strcmp(r->provider, name)))
            return true;
    }
    return false;
}

/* ---- module sources ----------------------------------------------------------- */

typedef enum { SRC_LOCAL, SRC_REGISTRY, SRC_GIT, SRC_HTTP, SRC_INSECURE_HTTP, SRC_OTHER } source_kind;

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* [HOST/]NAMESPACE/NAME/PROVIDER, optionally followed by //DIR. */
static bool registry_address(const char *s)
{
    size_t len = strcspn(s, "?");
    const char *dir = strstr(s, "//");
    if (dir && (size_t)(dir - s) < len)
        len = (size_t)(dir - s);
    size_t parts = 1;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '/')
            parts++;
        else if (!isalnum((unsigned char)c) && c != '-' && c != '_' && c != '.')
            return false;
    }
    size_t first = strcspn(s, "/");
    bool host = memchr(s, '.', first) != NULL;
    return (parts == 3 && !host) || (parts == 4 && host);
}

static source_kind classify(const char *src)
{
    if (starts(src, "./") || starts(src, "../") || starts(src, "/"))
        return SRC_LOCAL;
    if (starts(src, "git::") || starts(src, "git@") || starts(src, "github.com/") || starts(src, "bitbucket.org/"))
        return SRC_GIT;
    if (starts(src, "http://"))
        return SRC_INSECURE_HTTP;
    if (starts(src, "https://"))
        return strstr(src, ".git") ? SRC_GIT : SRC_HTTP;
    if (strstr(src, "::"))
        return SRC_OTHER;   /* s3::, gcs::, hg:: */
    return registry_address(src) ? SRC_REGISTRY : SRC_OTHER;
}

/* The value of ?ref= (or &ref=) in a git source, or NULL. */
static char *git_ref(const char *src)
{
    const char *q = strchr(src, '?');
    for (const char *p = q; p; p = strchr(p + 1, '&')) {
        if (starts(p + 1, "ref=")) {
            const char *v = p + 5;
            return xstrndup(v, strcspn(v, "&"));
        }
    }
    return NULL;
}

/* A tag that looks like a version (v1.2.3, 1.4, v2) or a commit hash. */
static bool pinned_ref(const char *ref)
{
    size_t n = strlen(ref), hex = 0;
    for (size_t i = 0; i < n; i++)
        hex += isxdigit((unsigned char)ref[i]) != 0;
    if (n >= 7 && n <= 40 && hex == n)
        return true;
    const char *p = ref + (ref[0] == 'v' || ref[0] == 'V');
    if (!isdigit((unsigned char)*p))
        return false;
    while (isdigit((unsigned char)*p) || *p == '.')
        p++;
    return *p == '\0' || *p == '-' || *p == '+';
}

typedef enum { MOD_GIT_NO_REF, MOD_GIT_BRANCH, MOD_REGISTRY_NO_VERSION, MOD_HTTP } module_problem;

static void each_call(risk_run *run, const risk_rule *rule, const json_t *module, const char *prefix,
                      module_problem want, int depth)
{
    if (!json_is_object(module) || depth > 16)
        return;
    const char *name;
    json_t *call;
    json_object_foreach(json_object_get(module, "module_calls"), name, call) {
        char *path = xasprintf("%smodule.%s", prefix, name);
        const char *src = json_string_value(json_object_get(call, "source"));
        const char *version = json_string_value(json_object_get(call, "version_constraint"));
        if (src && module_changed(run, path)) {
            source_kind kind = classify(src);
            char *ref = kind == SRC_GIT ? git_ref(src) : NULL;
            if (want == MOD_GIT_NO_REF && kind == SRC_GIT && !ref)
                risk_emit_at(run, rule, path, "source", rule->spec.message);
            else if (want == MOD_GIT_BRANCH && kind == SRC_GIT && ref && !pinned_ref(ref)) {
                char *msg = xasprintf("ref=%.60s: %s", ref, rule->spec.message);
                risk_emit_at(run, rule, path, "source", msg);
                free(msg);
            } else if (want == MOD_REGISTRY_NO_VERSION && kind == SRC_REGISTRY && (!version || !*version))
                risk_emit_at(run, rule, path, "version", rule->spec.message);
            else if (want == MOD_HTTP && kind == SRC_INSECURE_HTTP)
                risk_emit_at(run, rule, path, "source", rule->spec.message);
            free(ref);
        }
        char *next = xasprintf("%s.", path);
        each_call(run, rule, json_object_get(call, "module"), next, want, depth + 1);
        free(next);
        free(path);
    }
}

static void modules(risk_run *run, const risk_rule *rule, module_problem want)
{
    each_call(run, rule, plan_config_module(risk_run_plan(run), NULL), "", want, 0);
}

void risk_check_module_git_unpinned(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    (void)r;
    modules(run, rule, MOD_GIT_NO_REF);
}

void risk_check_module_git_branch(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    (void)r;
    modules(run, rule, MOD_GIT_BRANCH);
}

void risk_check_module_registry_unversioned(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    (void)r;
    modules(run, rule, MOD_REGISTRY_NO_VERSION);
}

void risk_check_module_http_source(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    (void)r;
    modules(run, rule, MOD_HTTP);
}

/* ---- providers ------------------------------------------------------------------ */

/* provider["registry.terraform.io/hashicorp/aws"].alias, inside its module. */
static char *provider_address(const json_t *pc)
{
    const char *full = json_string_value(json_object_get(pc, "full_name"));
    const char *name = json_string_value(json_object_get(pc, "name"));
    const char *alias = json_string_value(json_object_get(pc, "alias"));
    const char *module = json_string_value(json_object_get(pc, "module_address"));
    return xasprintf("%s%sprovider[\"%s\"]%s%s", module && *module ? module : "", module && *module ? "." : "",
                     full ? full : name ? name : "?", alias ? "." : "", alias ? alias : "");
}

static const json_t *provider_configs(risk_run *run)
{
    return json_object_get(json_object_get(risk_run_plan(run)->root, "configuration"), "provider_config");
}

/* The AWS provider, when resources of the plan use it (by full name, or by
 * short name in plans that predate full names) and none of its
 * configurations has a version constraint. */
void risk_check_provider_unversioned(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    (void)r;
    const json_t *configs = provider_configs(run);
    if (!json_is_object(configs))
        return;
    json_t *seen = json_object();
    const char *key;
    json_t *pc;
    json_object_foreach((json_t *)configs, key, pc) {
        const char *full = json_string_value(json_object_get(pc, "full_name"));
        const char *name = json_string_value(json_object_get(pc, "name"));
        const char *id = full ? full : name;
        const char *vc = json_string_value(json_object_get(pc, "version_constraint"));
        if (!id)
            continue;
        if (vc && *vc)
            json_object_set_new(seen, id, json_true());
        else if (!json_object_get(seen, id))
            json_object_set_new(seen, id, json_false());
    }
    json_object_foreach(seen, key, pc) {
        const char *slash = strrchr(key, '/');
        const char *name = slash ? slash + 1 : key;
        /* circuit reviews AWS resources only; other providers are listed as
         * not reviewed, so their blocks are not judged either. */
        if (strcmp(name, "aws") != 0)
            continue;
        if (json_is_true(pc) || !provider_changed(run, strchr(key, '/') ? key : NULL, name))
            continue;
        char *addr = xasprintf("provider[\"%s\"]", key);
        risk_emit_at(run, rule, addr, "version", rule->spec.message);
        free(addr);
    }
    json_decref(seen);
}

/* An AWS access key id (AKIA..., ASIA..., 20 upper-case letters and
 * digits) or secret access key (40 characters of base64): what a constant
 * must look like to be a credential rather than a placeholder such as
 * LocalStack's "test" or "mock_access_key" (the shapes checkov's
 * CKV_AWS_41 matches too). */
static bool looks_like_key(const char *arg, const char *v)
{
    size_t n = strlen(v);
    if (!strcmp(arg, "access_key")) {
        static const char *const prefixes[] = {"AKIA", "ASIA", "ABIA", "ACCA", "A3T", NULL};
        bool prefix = false;
        for (size_t i = 0; prefixes[i]; i++)
            prefix |= starts(v, prefixes[i]);
        if (n != 20 || !prefix)
            return false;
        for (size_t i = 0; i < n; i++)
            if (!isupper((unsigned char)v[i]) && !isdigit((unsigned char)v[i]))
                return false;
        return true;
    }
    if (n != 40)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)v[i]) && v[i] != '/' && v[i] != '+')
            return false;
    return true;
}

/* Provider blocks whose named arguments (access_key, secret_key) are
 * constants shaped like AWS keys: credentials in the code.  The value is
 * never shown. */
void risk_check_provider_credentials(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    (void)r;
    const json_t *configs = provider_configs(run);
    const char *key;
    json_t *pc;
    json_object_foreach((json_t *)configs, key, pc) {
        const char *name = json_string_value(json_object_get(pc, "name"));
        if (!name || strcmp(name, "aws") != 0)
            continue;
        const json_t *expr = json_object_get(pc, "expressions");
        for (size_t i = 0; i < rule->test.nnames; i++) {
            const json_t *c = json_object_get(json_object_get(expr, rule->test.names[i]), "constant_value");
            if (!json_is_string(c) || !looks_like_key(rule->test.names[i], json_string_value(c)))
                continue;
            char *addr = provider_address(pc);
            char *msg = xasprintf("%s is written in the provider block: %s", rule->test.names[i], rule->spec.message);
            risk_emit_at(run, rule, addr, rule->test.names[i], msg);
            free(msg);
            free(addr);
        }
    }
}
