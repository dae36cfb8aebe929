/*
 * ruleset.c — loading rules: the built-in table plus an optional rules file,
 * each spec validated and compiled (values parsed, patterns compiled, check
 * functions resolved), then sorted and indexed by resource type.
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
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static const char *const areas[] = {"networking", "tls", "storage", "reliability", "operations", "plan"};
#define NAREAS (sizeof areas / sizeof areas[0])

static size_t area_rank(const char *area)
{
    for (size_t i = 0; i < NAREAS; i++)
        if (strcmp(areas[i], area) == 0)
            return i;
    return NAREAS;
}

/* ---- small helpers ------------------------------------------------------ */

typedef struct cctx {
    const char *topic;
    char label[96];
    cir_err *err;
} cctx;

static cir_code bad(cctx *c, const char *field, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static cir_code bad(cctx *c, const char *field, const char *fmt, ...)
{
    char what[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return cir_error(c->err, CIR_EINPUT, c->topic, "%s: field \"%s\": %s", c->label, field, what);
}

/* Splits "a, b,c" into trimmed parts; false on an empty part. */
static bool split_list(const char *s, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    for (const char *p = s;;) {
        const char *comma = strchr(p, ',');
        const char *end = comma ? comma : p + strlen(p);
        while (p < end && *p == ' ')
            p++;
        const char *e = end;
        while (e > p && e[-1] == ' ')
            e--;
        if (e == p) {
            for (size_t i = 0; i < *n; i++)
                free((*out)[i]);
            free(*out);
            *out = NULL;
            *n = 0;
            return false;
        }
        *out = xgrow(*out, &cap, *n + 1, sizeof **out);
        (*out)[(*n)++] = xstrndup(p, (size_t)(e - p));
        if (!comma)
            return true;
        p = comma + 1;
    }
}

static void free_list(char **l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(l[i]);
    free(l);
}

static pcre2_code *compile_re(const char *pattern, char *why, size_t size)
{
    int ec;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &ec, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[160];
        pcre2_get_error_message(ec, msg, sizeof msg);
        snprintf(why, size, "invalid PCRE2 pattern at offset %zu: %s", (size_t)off, (const char *)msg);
    }
    return re;
}

static bool parse_long(const char *s, size_t n, long *out)
{
    if (n == 0 || n > 5)
        return false;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

static cir_code parse_ports(cctx *c, const char *field, const char *s, risk_cond *cond)
{
    if (strcmp(s, "all") == 0) {
        cond->all_ports = true;
        return CIR_OK;
    }
    char **parts;
    size_t n;
    if (!split_list(s, &parts, &n))
        return bad(c, field, "want ports like \"22\", \"3306,5432\", \"8000-8100\" or \"all\"");
    cond->ports = xcalloc(n, sizeof *cond->ports);
    cond->nports = n;
    for (size_t i = 0; i < n; i++) {
        const char *dash = strchr(parts[i], '-');
        size_t len = strlen(parts[i]);
        long lo = 0, hi = 0;
        bool ok = dash ? parse_long(parts[i], (size_t)(dash - parts[i]), &lo) &&
                             parse_long(dash + 1, len - (size_t)(dash - parts[i]) - 1, &hi)
                       : parse_long(parts[i], len, &lo);
        if (!dash)
            hi = lo;
        if (!ok || lo > hi || hi > 65535) {
            free_list(parts, n);
            return bad(c, field, "want ports like \"22\", \"3306,5432\", \"8000-8100\" or \"all\"");
        }
        cond->ports[i] = (risk_port_range){lo, hi};
    }
    free_list(parts, n);
    return CIR_OK;
}

/* ---- compiling ---------------------------------------------------------- */

static void cond_free(risk_cond *c)
{
    free_list(c->paths, c->npaths);
    json_decref(c->value);
    json_decref(c->dflt);
    if (c->re)
        pcre2_code_free(c->re);
    free(c->ports);
    free_list(c->names, c->nnames);
    memset(c, 0, sizeof *c);
}

/* name ( .name | [digits] | [*] | ["key"] )*, as plan_attr reads them plus [*]. */
static bool valid_path(const char *p)
{
    bool want_name = true;
    while (*p) {
        if (*p == '[') {
            if (want_name)
                return false;
            p++;
            if (*p == '*') {
                p++;
            } else if (*p == '"') {
                for (p++; *p && *p != '"'; p++)
                    if (*p == '\\' && p[1])
                        p++;
                if (*p++ != '"')
                    return false;
            } else {
                const char *start = p;
                while (*p >= '0' && *p <= '9')
                    p++;
                if (p == start)
                    return false;
            }
            if (*p++ != ']')
                return false;
            continue;
        }
        if (!want_name) {
            if (*p++ != '.')
                return false;
        }
        const char *start = p;
        while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
               *p == '-')
            p++;
        if (p == start)
            return false;
        want_name = false;
    }
    return !want_name;
}

/* `pre` prefixes field names: "" for the test, "when[1]." for a when entry. */
static cir_code compile_cond(cctx *c, const char *pre, const risk_cond_spec *s,
                             const risk_check_def *check, risk_cond *out)
{
    char f_attr[32], f_value[32], f_missing[32], f_cond[32], f_default[32];
    snprintf(f_attr, sizeof f_attr, "%sattribute", pre);
    snprintf(f_value, sizeof f_value, "%svalue", pre);
    snprintf(f_missing, sizeof f_missing, "%smissing", pre);
    snprintf(f_cond, sizeof f_cond, "%scondition", pre);
    snprintf(f_default, sizeof f_default, "%sdefault", pre);
    memset(out, 0, sizeof *out);
    if (!s->op)
        return bad(c, f_cond, "is missing");
    if (!risk_op_parse(s->op, &out->op))
        return bad(c, f_cond, "unknown condition \"%.60s\" (choose from: %s)", s->op, risk_op_names);

    bool wants_attr = out->op != RISK_OP_CHECK || check->wants_attribute;
    if (s->attribute && !wants_attr)
        return bad(c, f_attr, "check \"%s\" takes no attribute", check->name);
    if (!s->attribute && wants_attr)
        return bad(c, f_attr, "is missing");
    if (s->attribute && !split_list(s->attribute, &out->paths, &out->npaths))
        return bad(c, f_attr, "holds an empty path");
    for (size_t i = 0; i < out->npaths; i++)
        if (!valid_path(out->paths[i]))
            return bad(c, f_attr, "\"%.80s\" is not a path like a.b[0].c, tags[\"Name\"] or list[*].x",
                       out->paths[i]);

    char why[240];
    switch (out->op) {
    case RISK_OP_CHECK:
        if (s->missing || s->dflt)
            return bad(c, s->missing ? f_missing : f_default,
                       "a check decides missing attributes itself (see 'circuit rules')");
        if (!s->value && check->param_required)
            return bad(c, f_value, "check \"%s\" needs a value", check->name);
        if (s->value && check->param == RISK_PARAM_NONE)
            return bad(c, f_value, "check \"%s\" takes no value", check->name);
        if (!s->value)
            return CIR_OK;
        switch (check->param) {
        case RISK_PARAM_PORTS: return parse_ports(c, f_value, s->value, out);
        case RISK_PARAM_PATTERN:
            if (!(out->re = compile_re(s->value, why, sizeof why)))
                return bad(c, f_value, "%s", why);
            return CIR_OK;
        case RISK_PARAM_NAMES:
            if (!split_list(s->value, &out->names, &out->nnames))
                return bad(c, f_value, "holds an empty name");
            return CIR_OK;
        case RISK_PARAM_NONE: break;
        }
        return CIR_OK;
    case RISK_OP_MATCHES:
    case RISK_OP_NOT_MATCHES:
        if (!s->value)
            return bad(c, f_value, "is missing (a PCRE2 pattern)");
        if (!(out->re = compile_re(s->value, why, sizeof why)))
            return bad(c, f_value, "%s", why);
        break;
    case RISK_OP_LT:
    case RISK_OP_LE:
    case RISK_OP_GT:
    case RISK_OP_GE: {
        char *end;
        if (!s->value)
            return bad(c, f_value, "is missing (a number)");
        out->num = strtod(s->value, &end);
        if (end == s->value || *end || !isfinite(out->num))
            return bad(c, f_value, "must be a number");
        break;
    }
    case RISK_OP_EQUALS:
    case RISK_OP_NOT_EQUALS:
    case RISK_OP_CONTAINS:
    case RISK_OP_NOT_CONTAINS:
    case RISK_OP_NOT_CONTAINS_ALL:
        if (!s->value)
            return bad(c, f_value, "is missing");
        out->value = json_loads(s->value, JSON_DECODE_ANY, NULL);
        if (!out->value || json_is_null(out->value))
            return bad(c, f_value, "must be a JSON value other than null");
        break;
    default:
        if (s->value)
            return bad(c, f_value, "condition \"%s\" takes no value", s->op);
        break;
    }

    if (out->op == RISK_OP_PRESENT || out->op == RISK_OP_ABSENT) {
        if (s->missing || s->dflt)
            return bad(c, s->missing ? f_missing : f_default,
                       "condition \"%s\" already says what a missing attribute means", s->op);
        return CIR_OK;
    }
    if (s->missing && s->dflt)
        return bad(c, f_missing, "give either \"missing\" or \"default\", not both");
    if (s->dflt) {
        out->missing = RISK_MISSING_DEFAULT;
        out->dflt = json_loads(s->dflt, JSON_DECODE_ANY, NULL);
        if (!out->dflt || json_is_null(out->dflt))
            return bad(c, f_default, "must be a JSON value other than null");
    } else if (s->missing && strcmp(s->missing, "fire") == 0) {
        out->missing = RISK_MISSING_FIRE;
    } else if (s->missing && strcmp(s->missing, "pass") == 0) {
        out->missing = RISK_MISSING_PASS;
    } else if (s->missing) {
        return bad(c, f_missing, "want \"fire\" or \"pass\" (or give \"default\")");
    } else {
        return bad(c, f_missing,
                   "say how a missing attribute counts: \"missing\": \"fire\" | \"pass\", or \"default\": <value>");
    }
    return CIR_OK;
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static void spec_dup(const risk_rule_spec *s, risk_rule_spec *d)
{
    memset(d, 0, sizeof *d);
    d->id = dup_or_null(s->id);
    d->area = dup_or_null(s->area);
    d->severity = dup_or_null(s->severity);
    d->types = dup_or_null(s->types);
    d->title = dup_or_null(s->title);
    for (size_t i = 0; i < RISK_MAX_WHEN; i++) {
        const risk_cond_spec *w = &s->when[i];
        d->when[i] = (risk_cond_spec){dup_or_null(w->attribute), dup_or_null(w->op), dup_or_null(w->value),
                                      dup_or_null(w->missing), dup_or_null(w->dflt)};
    }
    d->test = (risk_cond_spec){dup_or_null(s->test.attribute), dup_or_null(s->test.op),
                               dup_or_null(s->test.value), dup_or_null(s->test.missing),
                               dup_or_null(s->test.dflt)};
    d->check = dup_or_null(s->check);
    d->message = dup_or_null(s->message);
    d->remediation = dup_or_null(s->remediation);
    d->checkov = dup_or_null(s->checkov);
    d->trivy = dup_or_null(s->trivy);
}

static void cond_spec_free(risk_cond_spec *c)
{
    free((char *)c->attribute);
    free((char *)c->op);
    free((char *)c->value);
    free((char *)c->missing);
    free((char *)c->dflt);
}

static void spec_free(risk_rule_spec *s)
{
    free((char *)s->id);
    free((char *)s->area);
    free((char *)s->severity);
    free((char *)s->types);
    free((char *)s->title);
    for (size_t i = 0; i < RISK_MAX_WHEN; i++)
        cond_spec_free(&s->when[i]);
    cond_spec_free(&s->test);
    free((char *)s->check);
    free((char *)s->message);
    free((char *)s->remediation);
    free((char *)s->checkov);
    free((char *)s->trivy);
}

static void rule_free(risk_rule *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nwhen; i++)
        cond_free(&r->when[i]);
    cond_free(&r->test);
    free_list(r->types, r->ntypes);
    spec_free(&r->spec);
    free(r);
}

static bool valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = id[i];
        bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                  (i > 0 && (ch == '-' || ch == '_' || ch == '.'));
        if (!ok)
            return false;
    }
    return true;
}

static bool valid_type(const char *t)
{
    if (strcmp(t, "*") == 0)
        return true;
    size_t n = strlen(t);
    for (size_t i = 0; i < n; i++) {
        char ch = t[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
                  (ch == '*' && i == n - 1 && i > 0);
        if (!ok)
            return false;
    }
    return n > 0;
}

static cir_code need_text(cctx *c, const char *field, const char *v)
{
    if (!v)
        return bad(c, field, "is missing");
    if (!*v)
        return bad(c, field, "must not be empty");
    return CIR_OK;
}

/* Compiles a spec (copied) into a new rule.  `topic` names the rules file
 * (or "built-in rules") in errors. */
static cir_code compile_rule(const risk_rule_spec *s, const char *topic, risk_rule **out, cir_err *err)
{
    cctx c = {.topic = topic, .err = err};
    *out = NULL;
    snprintf(c.label, sizeof c.label, "rule %.64s", s->id ? s->id : "(no id)");
    if (need_text(&c, "id", s->id))
        return err->code;
    if (!valid_id(s->id))
        return bad(&c, "id", "use letters, digits, '-', '_' or '.' (at most 64), e.g. TEAM-RDS-001");
    if (need_text(&c, "area", s->area) || need_text(&c, "severity", s->severity) ||
        need_text(&c, "resource_types", s->types) || need_text(&c, "title", s->title) ||
        need_text(&c, "message", s->message) || need_text(&c, "remediation", s->remediation))
        return err->code;
    if (area_rank(s->area) == NAREAS)
        return bad(&c, "area", "want networking, tls, storage, reliability, operations or plan");
    risk_severity sev;
    if (!risk_severity_parse(s->severity, &sev))
        return bad(&c, "severity", "want info, low, medium, high or critical");
    if ((s->checkov && !*s->checkov) || (s->trivy && !*s->trivy))
        return bad(&c, s->checkov && !*s->checkov ? "checkov" : "trivy", "must not be empty (use null)");

    risk_rule *r = xcalloc(1, sizeof *r);
    spec_dup(s, &r->spec);
    if (!split_list(s->types, &r->types, &r->ntypes)) {
        rule_free(r);
        return bad(&c, "resource_types", "holds an empty type");
    }
    for (size_t i = 0; i < r->ntypes; i++)
        if (!valid_type(r->types[i])) {
            bad(&c, "resource_types", "\"%.60s\" is not a resource type (lower case, '*' only at the end)",
                r->types[i]);
            rule_free(r);
            return err->code;
        }

    const risk_check_def *check = NULL;
    if (s->test.op && strcmp(s->test.op, "check") == 0) {
        if (!s->check) {
            rule_free(r);
            return bad(&c, "check", "is missing (condition \"check\" names a check function)");
        }
        if (!(check = risk_check_find(s->check))) {
            rule_free(r);
            return bad(&c, "check", "unknown check \"%.60s\" (see docs/check.md, \"Rules file\")", s->check);
        }
    } else if (s->check) {
        rule_free(r);
        return bad(&c, "check", "only with \"condition\": \"check\"");
    }
    r->check = check;
    if (compile_cond(&c, "", &s->test, check, &r->test)) {
        rule_free(r);
        return err->code;
    }
    for (size_t i = 0; i < RISK_MAX_WHEN && s->when[i].op; i++) {
        char pre[16];
        snprintf(pre, sizeof pre, "when[%zu].", i);
        if (check && check->scope != RISK_SCOPE_CONFIG) {
            rule_free(r);
            return bad(&c, "when", "check \"%s\" looks at the plan's actions; \"when\" does not apply", check->name);
        }
        if (compile_cond(&c, pre, &s->when[i], NULL, &r->when[i])) {
            r->nwhen = i + 1;
            rule_free(r);
            return err->code;
        }
        r->nwhen = i + 1;
    }
    r->info = (risk_rule_info){r->spec.id, r->spec.area, sev, r->spec.types, r->spec.title,
                               r->spec.remediation, r->spec.checkov, r->spec.trivy};
    *out = r;
    return CIR_OK;
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
        rc = compile_rule(&spec, path, &rule, err);
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
        rule_free(old);
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
    size_t ra = area_rank(x->spec.area), rb = area_rank(y->spec.area);
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

cir_code risk_ruleset_load(const char *rules_file, risk_ruleset **out, cir_err *err)
{
    *out = NULL;
    risk_rule **rules = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < risk_builtin_count; i++) {
        risk_rule *r;
        if (compile_rule(&risk_builtin_specs[i], "built-in rules", &r, err)) {
            /* A bad built-in is a bug; tests load the table on every run. */
            err->code = CIR_EINTERNAL;
            goto fail;
        }
        r->builtin = true;
        if (find_rule(rules, n, r->spec.id)) {
            rule_free(r);
            cir_error(err, CIR_EINTERNAL, "built-in rules", "duplicate rule id %s", risk_builtin_specs[i].id);
            goto fail;
        }
        rules = xgrow(rules, &cap, n + 1, sizeof *rules);
        rules[n++] = r;
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
        rule_free(rules[i]);
    free(rules);
    return err->code;
}

void risk_ruleset_free(risk_ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->nrules; i++)
        rule_free(rs->rules[i]);
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
