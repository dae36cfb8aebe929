/*
 * rules_json.c — the rules-file format, both ways.
 *
 * A rules file (`--rules FILE`) and `circuit rules --format json` share one
 * shape, schema circuit.rules/v1: {"schema": ..., "rules": [rule...]} where a
 * rule has the fields of a risk_rule_spec (see README, "Rules file").  Here
 * a JSON rule becomes a spec whose strings borrow from the JSON, and a spec
 * becomes JSON again.  Meaning (known op, valid pattern, known check) is
 * checked when the spec is compiled (ruleset.c); here only shape: unknown
 * fields, wrong JSON types, empty strings.  Every error names the rule and
 * the field.
 */
#include "rules_json.h"

#include "../core/mem.h"
#include "../core/num.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How an op reads its `value`. */
typedef enum { VAL_NONE, VAL_JSON, VAL_PATTERN, VAL_NUMBER, VAL_PARAM } value_kind;

static value_kind op_value_kind(const char *op)
{
    static const struct { const char *op; value_kind k; } kinds[] = {
        {"equals", VAL_JSON}, {"not_equals", VAL_JSON}, {"contains", VAL_JSON},
        {"not_contains", VAL_JSON}, {"not_contains_all", VAL_JSON},
        {"matches", VAL_PATTERN}, {"not_matches", VAL_PATTERN},
        {"lt", VAL_NUMBER}, {"le", VAL_NUMBER}, {"gt", VAL_NUMBER}, {"ge", VAL_NUMBER},
        {"check", VAL_PARAM},
    };
    for (size_t i = 0; op && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i].op, op) == 0)
            return kinds[i].k;
    return VAL_NONE;
}

/* ---- JSON -> spec ------------------------------------------------------- */

typedef struct ctx {
    const char *topic;
    const char *label;     /* "rule CIR-X-001" or "rules[3]" */
    cir_err *err;
    risk_json_arena *arena;
} ctx;

static cir_code field_error(ctx *c, const char *field, const char *what)
{
    return cir_error(c->err, CIR_EINPUT, c->topic, "%s: field \"%s\": %s", c->label, field, what);
}

static char *arena_keep(ctx *c, char *s)
{
    c->arena->strings = xgrow(c->arena->strings, &c->arena->cap, c->arena->n + 1, sizeof(char *));
    c->arena->strings[c->arena->n++] = s;
    return s;
}

/* Optional non-empty string field; `null` allowed when nullable. */
static cir_code get_str(ctx *c, const json_t *obj, const char *field, bool nullable, const char **out)
{
    const json_t *v = json_object_get(obj, field);
    *out = NULL;
    if (!v)
        return CIR_OK;
    if (json_is_null(v)) {
        if (nullable)
            return CIR_OK;
        return field_error(c, field, "must be a string, not null");
    }
    if (!json_is_string(v))
        return field_error(c, field, "must be a string");
    if (json_string_length(v) == 0)
        return field_error(c, field, "must not be empty");
    if (strlen(json_string_value(v)) != json_string_length(v))
        return field_error(c, field, "must not contain NUL");
    *out = json_string_value(v);
    return CIR_OK;
}

/* A string, or an array of non-empty strings joined with ','. */
static cir_code get_list(ctx *c, const json_t *obj, const char *field, const char **out)
{
    const json_t *v = json_object_get(obj, field);
    *out = NULL;
    if (!v || json_is_string(v))
        return get_str(c, obj, field, false, out);
    if (!json_is_array(v) || json_array_size(v) == 0)
        return field_error(c, field, "must be a string or a non-empty array of strings");
    size_t len = 1, i;
    json_t *e;
    json_array_foreach(v, i, e) {
        if (!json_is_string(e) || json_string_length(e) == 0)
            return field_error(c, field, "must hold only non-empty strings");
        if (strchr(json_string_value(e), ','))
            return field_error(c, field, "an entry must not contain ','");
        len += json_string_length(e) + 1;
    }
    char *joined = arena_keep(c, xcalloc(1, len));
    json_array_foreach(v, i, e) {
        if (i)
            strcat(joined, ",");
        strcat(joined, json_string_value(e));
    }
    *out = joined;
    return CIR_OK;
}

static cir_code check_keys(ctx *c, const json_t *obj, const char *const *known, const char *where)
{
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)obj, k, v) {
        bool ok = false;
        for (size_t i = 0; known[i] && !ok; i++)
            ok = strcmp(known[i], k) == 0;
        if (!ok) {
            char what[96];
            snprintf(what, sizeof what, "unknown field%s%s", where ? " in " : "", where ? where : "");
            return field_error(c, k, what);
        }
    }
    return CIR_OK;
}

/* `value` as spec text, according to the op. */
static cir_code get_value(ctx *c, const json_t *obj, const char *op, const char *field, const char **out)
{
    const json_t *v = json_object_get(obj, field);
    *out = NULL;
    if (!v)
        return CIR_OK;
    switch (op_value_kind(op)) {
    case VAL_NONE:
        return field_error(c, field, "this condition takes no value");
    case VAL_JSON:
        *out = arena_keep(c, json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY));
        return CIR_OK;
    case VAL_PATTERN:
        if (!json_is_string(v))
            return field_error(c, field, "must be a PCRE2 pattern string");
        return get_str(c, obj, field, false, out);
    case VAL_NUMBER:
        if (!json_is_number(v))
            return field_error(c, field, "must be a number");
        *out = arena_keep(c, xasprintf("%.17g", json_number_value(v)));
        return CIR_OK;
    case VAL_PARAM:
        if (json_is_number(v)) {
            *out = arena_keep(c, xasprintf("%.17g", json_number_value(v)));
            return CIR_OK;
        }
        return get_list(c, obj, field, out);
    }
    return CIR_OK;
}

static cir_code get_cond(ctx *c, const json_t *obj, bool is_test, risk_cond_spec *out)
{
    const char *op;
    memset(out, 0, sizeof *out);
    if (get_str(c, obj, "condition", false, &op))
        return c->err->code;
    if (!op)
        return field_error(c, "condition", is_test ? "is missing" : "is missing in a when entry");
    risk_op parsed;
    if (!risk_op_parse(op, &parsed)) {
        char what[320];
        snprintf(what, sizeof what, "unknown condition \"%.60s\" (choose from: %s)", op, risk_op_names);
        return field_error(c, "condition", what);
    }
    if (!is_test && parsed == RISK_OP_CHECK)
        return field_error(c, "condition", "\"check\" cannot be used in a when entry");
    out->op = op;
    if (get_list(c, obj, "attribute", &out->attribute) ||
        get_value(c, obj, op, "value", &out->value) ||
        get_str(c, obj, "missing", false, &out->missing))
        return c->err->code;
    const json_t *d = json_object_get(obj, "default");
    if (d) {
        if (out->missing)
            return field_error(c, "default", "give either \"missing\" or \"default\", not both");
        if (json_is_null(d))
            return field_error(c, "default", "must not be null (use \"missing\": \"pass\")");
        out->dflt = arena_keep(c, json_dumps(d, JSON_COMPACT | JSON_ENCODE_ANY));
    }
    return CIR_OK;
}

static const char *const rule_keys[] = {
    "id", "area", "severity", "resource_types", "title", "when", "attribute", "condition", "value",
    "missing", "default", "check", "message", "remediation", "checkov", "trivy", NULL,
};
static const char *const when_keys[] = {"attribute", "condition", "value", "missing", "default", NULL};

cir_code risk_spec_from_json(const json_t *obj, const char *topic, const char *label,
                             risk_json_arena *arena, risk_rule_spec *out, cir_err *err)
{
    ctx c = {topic, label, err, arena};
    memset(out, 0, sizeof *out);
    if (!json_is_object(obj))
        return cir_error(err, CIR_EINPUT, topic, "%s: must be a JSON object", label);
    if (check_keys(&c, obj, rule_keys, NULL))
        return err->code;
    if (get_str(&c, obj, "id", false, &out->id) || get_str(&c, obj, "area", false, &out->area) ||
        get_str(&c, obj, "severity", false, &out->severity) ||
        get_list(&c, obj, "resource_types", &out->types) ||
        get_str(&c, obj, "title", false, &out->title) ||
        get_str(&c, obj, "check", false, &out->check) ||
        get_str(&c, obj, "message", false, &out->message) ||
        get_str(&c, obj, "remediation", false, &out->remediation) ||
        get_str(&c, obj, "checkov", true, &out->checkov) ||
        get_str(&c, obj, "trivy", true, &out->trivy))
        return err->code;
    const json_t *when = json_object_get(obj, "when");
    if (when && !json_is_null(when)) {
        if (!json_is_array(when))
            return field_error(&c, "when", "must be an array of conditions");
        if (json_array_size(when) > RISK_MAX_WHEN)
            return field_error(&c, "when", "holds more than 3 conditions");
        size_t i;
        json_t *w;
        json_array_foreach(when, i, w) {
            if (!json_is_object(w))
                return field_error(&c, "when", "entries must be objects");
            if (check_keys(&c, w, when_keys, "a when entry") || get_cond(&c, w, false, &out->when[i]))
                return err->code;
        }
    }
    if (json_object_get(obj, "condition") || json_object_get(obj, "attribute") ||
        json_object_get(obj, "value") || json_object_get(obj, "missing") ||
        json_object_get(obj, "default"))
        if (get_cond(&c, obj, true, &out->test))
            return err->code;
    return CIR_OK;
}

void risk_json_arena_free(risk_json_arena *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->strings[i]);
    free(a->strings);
    memset(a, 0, sizeof *a);
}

/* ---- spec -> JSON ------------------------------------------------------- */

/* "a,b" -> "a" or ["a","b"]. */
static json_t *list_json(const char *s, bool always_array)
{
    if (!strchr(s, ',') && !always_array)
        return json_string(s);
    json_t *arr = json_array();
    for (const char *p = s;;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        json_array_append_new(arr, json_stringn(p, n));
        if (!comma)
            break;
        p = comma + 1;
    }
    return arr;
}

static json_t *value_json(const char *op, const char *value)
{
    switch (op_value_kind(op)) {
    case VAL_JSON: {
        json_t *v = json_loads(value, JSON_DECODE_ANY, NULL);
        assert(v);
        return v;
    }
    case VAL_NUMBER: {
        double d = strtod(value, NULL);
        long long whole;
        if (num_exact_ll(d, &whole))
            return json_integer((json_int_t)whole);
        return json_real(d);
    }
    default:
        return json_string(value);
    }
}

static void cond_json(json_t *o, const risk_cond_spec *c)
{
    if (c->attribute)
        json_object_set_new(o, "attribute", list_json(c->attribute, false));
    json_object_set_new(o, "condition", json_string(c->op));
    if (c->value)
        json_object_set_new(o, "value", value_json(c->op, c->value));
    if (c->missing)
        json_object_set_new(o, "missing", json_string(c->missing));
    if (c->dflt)
        json_object_set_new(o, "default", json_loads(c->dflt, JSON_DECODE_ANY, NULL));
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *risk_spec_to_json(const risk_rule_spec *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(s->id));
    json_object_set_new(o, "area", json_string(s->area));
    json_object_set_new(o, "severity", json_string(s->severity));
    json_object_set_new(o, "resource_types", list_json(s->types, true));
    json_object_set_new(o, "title", json_string(s->title));
    if (s->when[0].op) {
        json_t *when = json_array();
        for (size_t i = 0; i < RISK_MAX_WHEN && s->when[i].op; i++) {
            json_t *w = json_object();
            cond_json(w, &s->when[i]);
            json_array_append_new(when, w);
        }
        json_object_set_new(o, "when", when);
    }
    cond_json(o, &s->test);
    if (s->check)
        json_object_set_new(o, "check", json_string(s->check));
    json_object_set_new(o, "message", json_string(s->message));
    json_object_set_new(o, "remediation", json_string(s->remediation));
    json_object_set_new(o, "checkov", str_or_null(s->checkov));
    json_object_set_new(o, "trivy", str_or_null(s->trivy));
    return o;
}

/* ---- overriding --------------------------------------------------------- */

json_t *risk_spec_overlay(const json_t *base, const json_t *over)
{
    json_t *merged = json_deep_copy(base);
    /* A new test replaces the old one entirely (the attribute stays unless given). */
    if (json_object_get(over, "condition")) {
        json_object_del(merged, "value");
        json_object_del(merged, "missing");
        json_object_del(merged, "default");
        json_object_del(merged, "check");
    }
    if (json_object_get(over, "missing"))
        json_object_del(merged, "default");
    if (json_object_get(over, "default"))
        json_object_del(merged, "missing");
    json_object_update(merged, (json_t *)over);
    return merged;
}
