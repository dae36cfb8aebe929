/*
 * cond.c — evaluating one rule condition against a resource.
 *
 * Three-valued on purpose: a condition is TRUE, FALSE or UNKNOWN.  UNKNOWN
 * (a value known only after apply, or a list with unknown elements that
 * might decide it) never becomes a finding.  An attribute that is simply not
 * set follows the rule's `missing` policy: fire, pass, or the provider's
 * documented default tested in its place.  Paths may hold `[*]`, which
 * visits every element of a list; an empty or absent list has nothing to
 * visit, so nothing fires.
 */
#include "rules.h"

#include "../core/mem.h"
#include "../plan/plan.h"
#include "../core/sbuf.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool json_same(const json_t *a, const json_t *b)
{
    if (json_is_number(a) && json_is_number(b))
        return json_number_value(a) == json_number_value(b);
    return json_equal((json_t *)a, (json_t *)b);
}

/* Does `have` match `want`?  Objects match when `have` holds every key of
 * `want` with the same value (so a rule names only the keys it cares about). */
static bool json_matches(const json_t *have, const json_t *want)
{
    if (json_is_object(want) && json_is_object(have)) {
        const char *k;
        json_t *v;
        json_object_foreach((json_t *)want, k, v) {
            const json_t *h = json_object_get(have, k);
            if (!h || !json_matches(h, v))
                return false;
        }
        return true;
    }
    return json_same(have, want);
}

/* `want` is one value, or an array meaning "any of". */
static bool matches_any(const json_t *have, const json_t *want)
{
    if (!json_is_array(want))
        return json_matches(have, want);
    size_t i;
    json_t *w;
    json_array_foreach(want, i, w)
        if (json_matches(have, w))
            return true;
    return false;
}

/* Scalar as text for pattern matching; false for arrays and objects. */
static bool scalar_text(const json_t *v, char *buf, size_t size, const char **out)
{
    if (json_is_string(v)) {
        *out = json_string_value(v);
        return true;
    }
    if (json_is_integer(v))
        snprintf(buf, size, "%lld", (long long)json_integer_value(v));
    else if (json_is_real(v))
        snprintf(buf, size, "%.17g", json_real_value(v));
    else if (json_is_boolean(v))
        snprintf(buf, size, "%s", json_is_true(v) ? "true" : "false");
    else
        return false;
    *out = buf;
    return true;
}

static bool re_match(const pcre2_code *re, const char *s)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
    pcre2_match_data_free(md);
    return rc >= 0;
}

static bool number_of(const json_t *v, double *out)
{
    if (json_is_number(v)) {
        *out = json_number_value(v);
        return true;
    }
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        char *end;
        double d = strtod(s, &end);
        if (end != s && *end == '\0' && isfinite(d)) {
            *out = d;
            return true;
        }
    }
    return false;
}

/* A CIDR covering its whole address space: any address with prefix /0
 * (0.0.0.0/0, ::/0, 0:0:0:0:0:0:0:0/0), or "*". */
static bool cidr_is_world(const char *s)
{
    if (strcmp(s, "*") == 0)
        return true;
    const char *slash = strrchr(s, '/');
    if (!slash)
        return false;
    const char *p = slash + 1;
    while (*p == '0')
        p++;
    return *p == '\0' && slash[1] != '\0';
}

/* Element-wise tests over a list; `null` elements are values Terraform
 * does not know yet, so a miss with one of them is UNKNOWN, not FALSE. */
static risk_truth list_contains(const json_t *list, const json_t *want)
{
    if (!json_is_array(list))
        return matches_any(list, want) ? RISK_TRUE : RISK_FALSE;
    bool has_unknown = false;
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        if (json_is_null(e))
            has_unknown = true;
        else if (matches_any(e, want))
            return RISK_TRUE;
    }
    return has_unknown ? RISK_UNKNOWN : RISK_FALSE;
}

static risk_truth list_lacks_one(const json_t *list, const json_t *want)
{
    if (!json_is_array(want))
        return list_contains(list, want) == RISK_TRUE ? RISK_FALSE
               : list_contains(list, want) == RISK_UNKNOWN ? RISK_UNKNOWN : RISK_TRUE;
    risk_truth out = RISK_FALSE;
    size_t i;
    json_t *w;
    json_array_foreach(want, i, w) {
        risk_truth t = list_contains(list, w);
        if (t == RISK_FALSE)
            return RISK_TRUE;
        if (t == RISK_UNKNOWN)
            out = RISK_UNKNOWN;
    }
    return out;
}

static risk_truth any_world(const json_t *v)
{
    if (json_is_string(v))
        return cidr_is_world(json_string_value(v)) ? RISK_TRUE : RISK_FALSE;
    if (!json_is_array(v))
        return RISK_FALSE;
    bool has_unknown = false;
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) {
        if (json_is_null(e))
            has_unknown = true;
        else if (json_is_string(e) && cidr_is_world(json_string_value(e)))
            return RISK_TRUE;
    }
    return has_unknown ? RISK_UNKNOWN : RISK_FALSE;
}

static bool is_empty(const json_t *v)
{
    if (json_is_array(v))
        return json_array_size(v) == 0;
    if (json_is_object(v))
        return json_object_size(v) == 0;
    if (json_is_string(v))
        return json_string_length(v) == 0;
    return false;
}

static risk_truth truth(bool b)
{
    return b ? RISK_TRUE : RISK_FALSE;
}

risk_truth risk_cond_test_value(const risk_cond *c, const json_t *v)
{
    if (!v || json_is_null(v)) {
        switch (c->op) {
        case RISK_OP_ABSENT: return RISK_TRUE;
        case RISK_OP_PRESENT: return RISK_FALSE;
        default: break;
        }
        switch (c->missing) {
        case RISK_MISSING_FIRE: return RISK_TRUE;
        case RISK_MISSING_PASS: return RISK_FALSE;
        case RISK_MISSING_DEFAULT:
            assert(c->dflt);
            return risk_cond_test_value(c, c->dflt);
        }
        return RISK_FALSE;
    }
    char buf[64];
    const char *text;
    double d;
    switch (c->op) {
    case RISK_OP_EQUALS: return truth(matches_any(v, c->value));
    case RISK_OP_NOT_EQUALS: return truth(!matches_any(v, c->value));
    case RISK_OP_MATCHES: return truth(scalar_text(v, buf, sizeof buf, &text) && re_match(c->re, text));
    case RISK_OP_NOT_MATCHES: return truth(scalar_text(v, buf, sizeof buf, &text) && !re_match(c->re, text));
    case RISK_OP_LT: return truth(number_of(v, &d) && d < c->num);
    case RISK_OP_LE: return truth(number_of(v, &d) && d <= c->num);
    case RISK_OP_GT: return truth(number_of(v, &d) && d > c->num);
    case RISK_OP_GE: return truth(number_of(v, &d) && d >= c->num);
    case RISK_OP_CONTAINS: return list_contains(v, c->value);
    case RISK_OP_NOT_CONTAINS: {
        risk_truth t = list_contains(v, c->value);
        return t == RISK_UNKNOWN ? RISK_UNKNOWN : truth(t == RISK_FALSE);
    }
    case RISK_OP_NOT_CONTAINS_ALL: return list_lacks_one(v, c->value);
    case RISK_OP_EMPTY: return truth(is_empty(v));
    case RISK_OP_NOT_EMPTY: return truth(!is_empty(v));
    case RISK_OP_PRESENT: return RISK_TRUE;
    case RISK_OP_ABSENT: return RISK_FALSE;
    case RISK_OP_WORLD: return any_world(v);
    case RISK_OP_CHECK: break;
    }
    assert(!"risk_cond_test_value: check conditions are not values");
    return RISK_UNKNOWN;
}

const json_t *risk_attr(const plan *p, const plan_resource *r, bool use_after, const char *path,
                        plan_val_state *state, bool *defaulted)
{
    plan_val_state dummy;
    if (!state)
        state = &dummy;
    if (defaulted)
        *defaulted = false;
    const json_t *v = plan_attr(r, use_after, path, state);
    if (*state == PLAN_VAL_UNKNOWN && use_after && p && plan_attr_configured(p, r, path, NULL) == PLAN_CFG_UNSET) {
        *state = PLAN_VAL_ABSENT;
        if (defaulted)
            *defaulted = true;
    }
    return v;
}

typedef struct eval_state {
    const risk_cond *c;
    const plan *p;
    const plan_resource *r;
    bool use_after;
    risk_hit_fn hit;
    void *ctx;
    bool any_true, any_unknown;
} eval_state;

static void eval_leaf(eval_state *st, const char *path)
{
    plan_val_state vs;
    const json_t *v = risk_attr(st->p, st->r, st->use_after, path, &vs, NULL);
    if (vs == PLAN_VAL_UNKNOWN) {
        st->any_unknown = true;
        return;
    }
    if (vs == PLAN_VAL_ABSENT)
        v = NULL;
    risk_truth t = risk_cond_test_value(st->c, v);
    if (t == RISK_UNKNOWN) {
        st->any_unknown = true;
    } else if (t == RISK_TRUE) {
        st->any_true = true;
        if (st->hit) {
            bool from_default = !v && st->c->missing == RISK_MISSING_DEFAULT &&
                                st->c->op != RISK_OP_ABSENT && st->c->op != RISK_OP_PRESENT;
            st->hit(st->ctx, path, from_default ? st->c->dflt : v, from_default);
        }
    }
}

/* Expands the first [*] of `path`, recursing for the rest. */
static void eval_path(eval_state *st, const char *path)
{
    const char *star = strstr(path, "[*]");
    if (!star) {
        eval_leaf(st, path);
        return;
    }
    char *prefix = xstrndup(path, (size_t)(star - path));
    plan_val_state vs;
    const json_t *list = plan_attr(st->r, st->use_after, prefix, &vs);
    if (vs == PLAN_VAL_UNKNOWN) {
        st->any_unknown = true;
    } else if (vs == PLAN_VAL_KNOWN && json_is_array(list)) {
        for (size_t i = 0; i < json_array_size(list); i++) {
            char *sub = xasprintf("%s[%zu]%s", prefix, i, star + 3);
            eval_path(st, sub);
            free(sub);
        }
    }
    free(prefix);
}

risk_truth risk_cond_eval(const risk_cond *c, const plan *p, const plan_resource *r, bool use_after,
                          risk_hit_fn hit, void *ctx)
{
    assert(c->op != RISK_OP_CHECK);
    eval_state st = {c, p, r, use_after, hit, ctx, false, false};
    for (size_t i = 0; i < c->npaths; i++)
        eval_path(&st, c->paths[i]);
    if (st.any_true)
        return RISK_TRUE;
    return st.any_unknown ? RISK_UNKNOWN : RISK_FALSE;
}

/* ---- message values ----------------------------------------------------- */

/* Paths whose values are never quoted in a message, whatever their size:
 * an attribute named like a secret (a whole `_`-separated word: password,
 * secret, token, api_key, ...; so http_tokens is not one), anything inside
 * documents or maps that embed secrets (user data, container definitions,
 * environment variables), and policies. */
static const char secret_path_re[] =
    "(?i)((^|[._\\[\"])(passw(or)?d|passwd|secrets?|private_?key|access_?key|secret_?key|token|"
    "api_?key|credentials?)([_\\]\"]|$)|user_data|container_definitions|variables|(^|\\.)policy$)";

static bool path_looks_secret(const char *path)
{
    static pcre2_code *re;
    if (!re) {
        int ec;
        PCRE2_SIZE off;
        re = pcre2_compile((PCRE2_SPTR)secret_path_re, PCRE2_ZERO_TERMINATED, 0, &ec, &off, NULL);
        assert(re);
    }
    return re_match(re, path);
}

char *risk_value_text(const plan_resource *r, bool use_after, const char *path, const json_t *v)
{
    if (!v || json_is_null(v))
        return NULL;
    if (r && path && (plan_attr_sensitive(r, use_after, path) || path_looks_secret(path)))
        return NULL;
    char buf[64];
    const char *text;
    if (!scalar_text(v, buf, sizeof buf, &text))
        return NULL;
    size_t n = strlen(text);
    if (n == 0 || n > 64)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)text[i] < 0x20)
            return NULL;
    if (json_is_real(v)) {
        sbuf b = SBUF_INIT;
        sbuf_json_num(&b, json_real_value(v));
        return sbuf_detach(&b);
    }
    return xstrdup(text);
}

bool risk_value_is_reference(const char *value)
{
    return value[0] == '\0' || strncmp(value, "arn:", 4) == 0;
}
