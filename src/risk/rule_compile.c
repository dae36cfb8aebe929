/*
 * rule_compile.c — turning a rule spec (strings, as the built-in table and
 * rules files write them) into a rule the engine runs: every field
 * validated, values parsed (numbers, port ranges, lists), patterns compiled,
 * check functions resolved.  An invalid spec fails with one error naming the
 * topic, the rule and the field.
 */
#include "rules.h"
#include "rules_json.h"

#include "../core/mem.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- areas -------------------------------------------------------------- */

static const char *const areas[] = {"networking", "tls", "storage", "reliability", "operations", "iac", "plan"};
#define NAREAS (sizeof areas / sizeof areas[0])

size_t risk_area_rank(const char *area)
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

void risk_rule_free(risk_rule *r)
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

/* A resource type, "data." and a data source type, "*", or a prefix
 * ending in '*'. */
static bool valid_type(const char *t)
{
    if (strcmp(t, "*") == 0)
        return true;
    if (strncmp(t, "data.", 5) == 0 && !strchr(t + 5, '*'))
        t += 5;
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
cir_code risk_rule_compile(const risk_rule_spec *s, const char *topic, risk_rule **out, cir_err *err)
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
    if (risk_area_rank(s->area) == NAREAS)
        return bad(&c, "area", "want networking, tls, storage, reliability, operations, iac or plan");
    risk_severity sev;
    if (!risk_severity_parse(s->severity, &sev))
        return bad(&c, "severity", "want info, low, medium, high or critical");
    if ((s->checkov && !*s->checkov) || (s->trivy && !*s->trivy))
        return bad(&c, s->checkov && !*s->checkov ? "checkov" : "trivy", "must not be empty (use null)");

    risk_rule *r = xcalloc(1, sizeof *r);
    spec_dup(s, &r->spec);
    if (!split_list(s->types, &r->types, &r->ntypes)) {
        risk_rule_free(r);
        return bad(&c, "resource_types", "holds an empty type");
    }
    for (size_t i = 0; i < r->ntypes; i++)
        if (!valid_type(r->types[i])) {
            bad(&c, "resource_types",
                "\"%.60s\" is not a resource type (lower case, '*' only at the end, data sources as data.TYPE)",
                r->types[i]);
            risk_rule_free(r);
            return err->code;
        }

    const risk_check_def *check = NULL;
    if (s->test.op && strcmp(s->test.op, "check") == 0) {
        if (!s->check) {
            risk_rule_free(r);
            return bad(&c, "check", "is missing (condition \"check\" names a check function)");
        }
        if (!(check = risk_check_find(s->check))) {
            risk_rule_free(r);
            return bad(&c, "check", "unknown check \"%.60s\" (see docs/check.md, \"Rules file\")", s->check);
        }
    } else if (s->check) {
        risk_rule_free(r);
        return bad(&c, "check", "only with \"condition\": \"check\"");
    }
    r->check = check;
    if (compile_cond(&c, "", &s->test, check, &r->test)) {
        risk_rule_free(r);
        return err->code;
    }
    for (size_t i = 0; i < RISK_MAX_WHEN && s->when[i].op; i++) {
        char pre[16];
        snprintf(pre, sizeof pre, "when[%zu].", i);
        if (check && check->scope != RISK_SCOPE_CONFIG) {
            risk_rule_free(r);
            return bad(&c, "when", "check \"%s\" looks at the plan's actions; \"when\" does not apply", check->name);
        }
        if (compile_cond(&c, pre, &s->when[i], NULL, &r->when[i])) {
            r->nwhen = i + 1;
            risk_rule_free(r);
            return err->code;
        }
        r->nwhen = i + 1;
    }
    r->info = (risk_rule_info){r->spec.id, r->spec.area, sev, r->spec.types, r->spec.title,
                               r->spec.remediation, r->spec.checkov, r->spec.trivy};
    *out = r;
    return CIR_OK;
}
