/*
 * ruleset.c — loading rules: the built-in table plus an optional rules file,
 * each spec compiled (rule_compile.c), then sorted and indexed by resource
 * type; the names of severities, operators and scopes; listing and finding
 * rules by id or peer id.
 *
 * A rules-file rule whose id is a built-in's overrides it field by field (its
 * fields laid over the built-in's own JSON form); any other id adds a rule.
 * Every validation error names the file, the rule and the field, and the
 * whole load fails: a half-applied rules file would be a silent surprise.
 */
#include "rules.h"
#include "rules_json.h"

#include "../core/input.h"
#include "../core/mem.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- names -------------------------------------------------------------- */

static const char *const severity_names[] = {"info", "low", "medium", "high", "critical"};

const char *risk_severity_name(risk_severity s)
{
    assert((unsigned)s < 5);
    return severity_names[s];
}

bool risk_severity_parse(const char *s, risk_severity *out)
{
    for (int i = 0; s && i < 5; i++)
        if (strcmp(s, severity_names[i]) == 0) {
            *out = (risk_severity)i;
            return true;
        }
    return false;
}

bool risk_scope_parse(const char *s, risk_resource_scope *out)
{
    if (s && strcmp(s, "changed") == 0)
        *out = RISK_RESOURCES_CHANGED;
    else if (s && strcmp(s, "all") == 0)
        *out = RISK_RESOURCES_ALL;
    else
        return false;
    return true;
}

static const char *const op_names[] = {
    [RISK_OP_EQUALS] = "equals", [RISK_OP_NOT_EQUALS] = "not_equals",
    [RISK_OP_MATCHES] = "matches", [RISK_OP_NOT_MATCHES] = "not_matches",
    [RISK_OP_LT] = "lt", [RISK_OP_LE] = "le", [RISK_OP_GT] = "gt", [RISK_OP_GE] = "ge",
    [RISK_OP_CONTAINS] = "contains", [RISK_OP_NOT_CONTAINS] = "not_contains",
    [RISK_OP_NOT_CONTAINS_ALL] = "not_contains_all", [RISK_OP_EMPTY] = "empty",
    [RISK_OP_NOT_EMPTY] = "not_empty", [RISK_OP_PRESENT] = "present", [RISK_OP_ABSENT] = "absent",
    [RISK_OP_WORLD] = "world", [RISK_OP_CHECK] = "check",
};
#define NOPS (sizeof op_names / sizeof op_names[0])

const char risk_op_names[] =
    "equals, not_equals, matches, not_matches, lt, le, gt, ge, contains, not_contains, "
    "not_contains_all, empty, not_empty, present, absent, world, check";

bool risk_op_parse(const char *name, risk_op *out)
{
    for (size_t i = 0; name && i < NOPS; i++)
        if (strcmp(op_names[i], name) == 0) {
            *out = (risk_op)i;
            return true;
        }
    return false;
}

const char *risk_op_name(risk_op op)
{
    assert((size_t)op < NOPS);
    return op_names[op];
}

/* ---- loading ------------------------------------------------------------ */

static risk_rule *find_rule(risk_rule **rules, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(rules[i]->spec.id, id) == 0)
            return rules[i];
    return NULL;
}

/* A rules file is a few KiB; past this (a pipe, /dev/zero) it is not one. */
#define RULES_MAX_BYTES ((size_t)16 << 20)

static cir_code read_rules_file(const char *path, json_t **out, cir_err *err)
{
    /* "-": the rules on standard input */
    in_read_opts o = {.what = "rules file", .limit = RULES_MAX_BYTES, .dash_is_stdin = true};
    sbuf text = SBUF_INIT;
    cir_code rc = in_read_file(path, &o, &text, err);
    if (rc != CIR_OK) {
        sbuf_free(&text);
        return rc;
    }
    json_error_t je;
    *out = json_loadb(text.data ? text.data : "", text.len, JSON_REJECT_DUPLICATES, &je);
    sbuf_free(&text);
    if (!*out)
        return cir_error(err, CIR_EPARSE, path, "not valid JSON: line %d column %d: %s", je.line,
                         je.column, je.text);
    return CIR_OK;
}

static cir_code apply_file_rule(risk_rule ***rules, size_t *n, size_t *cap, const json_t *obj,
                                size_t index, const char *path, cir_err *err)
{
    char label[96];
    const json_t *idv = json_object_get(obj, "id");
    if (!json_is_object(obj))
        return cir_error(err, CIR_EINPUT, path, "rules[%zu]: must be a JSON object", index);
    if (!json_is_string(idv) || json_string_length(idv) == 0)
        return cir_error(err, CIR_EINPUT, path, "rules[%zu]: field \"id\": is missing", index);
    snprintf(label, sizeof label, "rule %.64s", json_string_value(idv));

    risk_rule *old = find_rule(*rules, *n, json_string_value(idv));
    if (old && (!old->builtin || old->overridden))
        return cir_error(err, CIR_EINPUT, path, "%s: defined twice in the file", label);
    json_t *merged;
    if (old) {
        json_t *base = risk_spec_to_json(&old->spec);
        merged = risk_spec_overlay(base, obj);
        json_decref(base);
    } else {
        merged = json_incref((json_t *)obj);
    }
    risk_json_arena arena = {0};
    risk_rule_spec spec;
    risk_rule *rule = NULL;
    cir_code rc = risk_spec_from_json(merged, path, label, &arena, &spec, err);
    if (rc == CIR_OK)
        rc = risk_rule_compile(&spec, path, &rule, err);
    risk_json_arena_free(&arena);
    json_decref(merged);
    if (rc)
        return rc;
    if (old) {
        rule->builtin = true;
        rule->overridden = true;
        for (size_t i = 0; i < *n; i++)
            if ((*rules)[i] == old)
                (*rules)[i] = rule;
        risk_rule_free(old);
    } else {
        *rules = xgrow(*rules, cap, *n + 1, sizeof **rules);
        (*rules)[(*n)++] = rule;
    }
    return CIR_OK;
}

static cir_code load_file(const char *path, risk_rule ***rules, size_t *n, size_t *cap, cir_err *err)
{
    json_t *doc = NULL;
    if (read_rules_file(path, &doc, err))
        return err->code;
    cir_code rc = CIR_OK;
    const json_t *list = json_object_get(doc, "rules");
    const json_t *schema = json_object_get(doc, "schema");
    const char *k;
    json_t *v;
    if (!json_is_object(doc)) {
        rc = cir_error(err, CIR_EINPUT, path, "want a JSON object {\"rules\": [...]}");
        goto out;
    }
    json_object_foreach(doc, k, v)
        if (strcmp(k, "rules") != 0 && strcmp(k, "schema") != 0) {
            rc = cir_error(err, CIR_EINPUT, path, "unknown top-level field \"%.60s\" (want \"schema\" and \"rules\")", k);
            goto out;
        }
    if (schema && (!json_is_string(schema) || strcmp(json_string_value(schema), "circuit.rules/v1") != 0)) {
        rc = cir_error(err, CIR_EINPUT, path, "field \"schema\": want \"circuit.rules/v1\"");
        goto out;
    }
    if (!json_is_array(list)) {
        rc = cir_error(err, CIR_EINPUT, path, "field \"rules\": want an array of rules");
        goto out;
    }
    size_t i;
    json_array_foreach(list, i, v)
        if ((rc = apply_file_rule(rules, n, cap, v, i, path, err)))
            break;
out:
    json_decref(doc);
    return rc;
}

static int rule_order(const void *a, const void *b)
{
    const risk_rule *x = *(risk_rule *const *)a, *y = *(risk_rule *const *)b;
    size_t ra = risk_area_rank(x->spec.area), rb = risk_area_rank(y->spec.area);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    return strcmp(x->spec.id, y->spec.id);
}

static void build_index(risk_ruleset *rs)
{
    rs->by_type = json_object();
    rs->infos = xcalloc(rs->nrules ? rs->nrules : 1, sizeof *rs->infos);
    rs->glob_rules = xcalloc(rs->nrules ? rs->nrules : 1, sizeof *rs->glob_rules);
    for (size_t i = 0; i < rs->nrules; i++) {
        risk_rule *r = rs->rules[i];
        rs->infos[i] = &r->info;
        bool glob = false;
        for (size_t t = 0; t < r->ntypes; t++)
            glob |= strchr(r->types[t], '*') != NULL;
        if (glob) {
            rs->glob_rules[rs->nglob++] = i;
            continue;
        }
        for (size_t t = 0; t < r->ntypes; t++) {
            json_t *list = json_object_get(rs->by_type, r->types[t]);
            if (!list) {
                list = json_array();
                json_object_set_new(rs->by_type, r->types[t], list);
            }
            json_array_append_new(list, json_integer((json_int_t)i));
        }
    }
}

static int cmp_id(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* An id two built-in rules share (a bug), or NULL.  On a sorted copy of
 * the ids: every command and every fuzz input loads the table, and the
 * pairwise search this replaces was most of a load. */
static const char *duplicate_id(risk_rule *const *rules, size_t n)
{
    if (n < 2)
        return NULL;
    const char **ids = xmalloc(n * sizeof *ids);
    for (size_t i = 0; i < n; i++)
        ids[i] = rules[i]->spec.id;
    qsort(ids, n, sizeof *ids, cmp_id);
    const char *dup = NULL;
    for (size_t i = 1; i < n && !dup; i++)
        if (strcmp(ids[i - 1], ids[i]) == 0)
            dup = ids[i];
    free(ids);
    return dup;
}

cir_code risk_ruleset_load(const char *rules_file, risk_ruleset **out, cir_err *err)
{
    *out = NULL;
    risk_rule **rules = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < risk_builtin_count; i++) {
        risk_rule *r;
        if (risk_rule_compile(&risk_builtin_specs[i], "built-in rules", &r, err)) {
            /* A bad built-in is a bug; tests load the table on every run. */
            err->code = CIR_EINTERNAL;
            goto fail;
        }
        r->builtin = true;
        rules = xgrow(rules, &cap, n + 1, sizeof *rules);
        rules[n++] = r;
    }
    const char *dup = duplicate_id(rules, n);
    if (dup) {
        cir_error(err, CIR_EINTERNAL, "built-in rules", "duplicate rule id %s", dup);
        goto fail;
    }
    if (rules_file && load_file(rules_file, &rules, &n, &cap, err))
        goto fail;
    qsort(rules, n, sizeof *rules, rule_order);
    risk_ruleset *rs = xcalloc(1, sizeof *rs);
    rs->rules = rules;
    rs->nrules = n;
    build_index(rs);
    *out = rs;
    return CIR_OK;
fail:
    for (size_t i = 0; i < n; i++)
        risk_rule_free(rules[i]);
    free(rules);
    return err->code;
}

void risk_ruleset_free(risk_ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->nrules; i++)
        risk_rule_free(rs->rules[i]);
    free(rs->rules);
    free(rs->infos);
    free(rs->glob_rules);
    json_decref(rs->by_type);
    free(rs);
}

size_t risk_ruleset_rules(const risk_ruleset *rs, const risk_rule_info ***out)
{
    *out = rs->infos;
    return rs->nrules;
}

/* ---- listing ------------------------------------------------------------ */

json_t *risk_ruleset_rule_json(const risk_ruleset *rs, size_t i)
{
    assert(i < rs->nrules);
    return risk_spec_to_json(&rs->rules[i]->spec);
}

const char *risk_ruleset_rule_origin(const risk_ruleset *rs, size_t i)
{
    assert(i < rs->nrules);
    const risk_rule *r = rs->rules[i];
    return !r->builtin ? "rules file" : r->overridden ? "built-in, changed by rules file" : "built-in";
}

char *risk_ruleset_rule_missing(const risk_ruleset *rs, size_t i)
{
    assert(i < rs->nrules);
    const risk_rule *r = rs->rules[i];
    const risk_cond *t = &r->test;
    if (r->check)
        return xstrdup(r->check->doc);
    switch (t->op) {
    case RISK_OP_ABSENT: return xstrdup("not set: fires");
    case RISK_OP_PRESENT: return xstrdup("not set: passes");
    default: break;
    }
    switch (t->missing) {
    case RISK_MISSING_FIRE: return xstrdup("not set: fires");
    case RISK_MISSING_PASS: return xstrdup("not set: passes");
    case RISK_MISSING_DEFAULT: {
        char *d = json_dumps(t->dflt, JSON_COMPACT | JSON_ENCODE_ANY);
        char *s = xasprintf("default %s: %s", d,
                            risk_cond_test_value(t, t->dflt) == RISK_TRUE ? "fires" : "passes");
        free(d);
        return s;
    }
    }
    return xstrdup("not set: passes");
}

bool risk_rule_types_match(const risk_rule *r, const char *type)
{
    for (size_t i = 0; i < r->ntypes; i++) {
        const char *t = r->types[i];
        size_t n = strlen(t);
        if (t[n - 1] == '*') {
            if (strncmp(t, type, n - 1) == 0)
                return true;
        } else if (strcmp(t, type) == 0) {
            return true;
        }
    }
    return false;
}

const risk_rule *risk_ruleset_find(const risk_ruleset *rs, const char *id)
{
    return find_rule(rs->rules, rs->nrules, id);
}

/* Trivy names a check "AVD-AWS-0107" or "AWS-0107": compare without the
 * prefix. */
static const char *without_avd(const char *s, size_t *n)
{
    if (*n > 4 && strncasecmp(s, "AVD-", 4) == 0) {
        *n -= 4;
        return s + 4;
    }
    return s;
}

/* Is `name` one of the comma-separated ids in `list`? */
static bool in_id_list(const char *list, const char *name)
{
    size_t nlen = strlen(name);
    name = without_avd(name, &nlen);
    for (const char *p = list; p && *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t len = strcspn(p, ",");
        size_t trim = len;
        while (trim && p[trim - 1] == ' ')
            trim--;
        const char *id = without_avd(p, &trim);
        if (trim && trim == nlen && strncasecmp(id, name, nlen) == 0)
            return true;
        p += len;
    }
    return false;
}

bool risk_rule_named(const risk_rule_info *r, const char *name)
{
    return strcasecmp(r->id, name) == 0 || in_id_list(r->checkov, name) || in_id_list(r->trivy, name);
}

bool risk_ruleset_knows(const risk_ruleset *rs, const char *name)
{
    for (size_t i = 0; i < rs->nrules; i++)
        if (risk_rule_named(&rs->rules[i]->info, name))
            return true;
    return false;
}
