/*
 * check_misc.c — small checks an attribute condition cannot say: a
 * resource type that is a finding by itself (the default VPC, a policy
 * attached to a user), secrets in EC2 user data (plain or base64), and an
 * S3 lifecycle configuration that never aborts incomplete multipart
 * uploads for the whole bucket.
 */
#include "checks.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

/* The resource's existence is the finding. */
void risk_check_always(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    risk_emit_text(run, rule, r, NULL, rule->spec.message);
}

/* Policies attached to IAM users: aws_iam_user_policy and
 * aws_iam_user_policy_attachment always; aws_iam_policy_attachment when
 * its users list holds a name (unknown: no finding). */
void risk_check_user_attached(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (strcmp(r->type, "aws_iam_policy_attachment") != 0) {
        risk_emit_text(run, rule, r, NULL, rule->spec.message);
        return;
    }
    plan_val_state st;
    const json_t *users = plan_attr(r, true, "users", &st);
    if (st == PLAN_VAL_KNOWN && json_is_array(users) && json_array_size(users) > 0)
        risk_emit(run, rule, r, "users", "%s (%zu user%s)", rule->spec.message, json_array_size(users),
                  json_array_size(users) == 1 ? "" : "s");
}

/* ---- user data --------------------------------------------------------------- */

static int b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Decodes standard base64 (white space ignored); NULL when `s` is not
 * base64 or decodes to a NUL byte (binary, e.g. gzip). */
static char *b64_decode(const char *s)
{
    size_t n = strlen(s);
    char *out = xmalloc(n / 4 * 3 + 4);
    size_t o = 0, quad = 0;
    unsigned acc = 0;
    bool pad = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\r' || c == ' ')
            continue;
        if (c == '=') {
            pad = true;
            continue;
        }
        int v = b64_value(c);
        if (v < 0 || pad)
            goto bad;
        acc = (acc << 6) | (unsigned)v;
        if (++quad == 4) {
            out[o++] = (char)(acc >> 16);
            out[o++] = (char)(acc >> 8);
            out[o++] = (char)acc;
            quad = 0;
            acc = 0;
        }
    }
    if (quad == 1)
        goto bad;
    if (quad == 2)
        out[o++] = (char)(acc >> 4);
    if (quad == 3) {
        out[o++] = (char)(acc >> 10);
        out[o++] = (char)(acc >> 2);
    }
    out[o] = '\0';
    if (strlen(out) != o)
        goto bad;
    return out;
bad:
    free(out);
    return NULL;
}

static bool re_found(const pcre2_code *re, const char *s)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
    pcre2_match_data_free(md);
    return rc >= 0;
}

/* user_data / user_data_base64 holding something the pattern (an access
 * key id, a secret key assignment) matches, as written or base64-decoded.
 * What matched is never shown. */
void risk_check_user_data_secrets(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    static const char *const paths[] = {"user_data", "user_data_base64"};
    for (size_t i = 0; i < 2; i++) {
        plan_val_state st;
        const json_t *v = plan_attr(r, true, paths[i], &st);
        if (st != PLAN_VAL_KNOWN || !json_is_string(v))
            continue;
        const char *text = json_string_value(v);
        char *decoded = b64_decode(text);
        bool hit = re_found(rule->test.re, text) || (decoded && re_found(rule->test.re, decoded));
        free(decoded);
        if (hit) {
            risk_emit_text(run, rule, r, paths[i], rule->spec.message);
            return;
        }
    }
}

/* ---- S3 lifecycle -------------------------------------------------------------- */

/* null, "", 0, false, and lists or objects made only of those. */
static bool deep_empty(const json_t *v)
{
    if (!v || json_is_null(v) || json_is_false(v))
        return true;
    if (json_is_string(v))
        return json_string_length(v) == 0;
    if (json_is_number(v))
        return json_number_value(v) == 0;
    size_t i;
    const char *k;
    json_t *x;
    if (json_is_array(v)) {
        json_array_foreach(v, i, x)
            if (!deep_empty(x))
                return false;
        return true;
    }
    if (json_is_object(v)) {
        json_object_foreach((json_t *)v, k, x)
            if (!deep_empty(x))
                return false;
        return true;
    }
    return false;
}

/* Fires unless an enabled rule with no filter (so for every object) sets
 * abort_incomplete_multipart_upload.  Unknown rules: no finding. */
void risk_check_s3_abort_multipart(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    plan_val_state st;
    const json_t *rules = plan_attr(r, true, "rule", &st);
    if (st == PLAN_VAL_UNKNOWN)
        return;
    bool scoped = false;
    for (size_t i = 0; st == PLAN_VAL_KNOWN && i < json_array_size(rules); i++) {
        const json_t *x = json_array_get(rules, i);
        const char *status = json_string_value(json_object_get(x, "status"));
        const json_t *abort = json_object_get(x, "abort_incomplete_multipart_upload");
        if (!status || strcmp(status, "Enabled") != 0 || deep_empty(abort))
            continue;
        if (deep_empty(json_object_get(x, "filter")) && deep_empty(json_object_get(x, "prefix")))
            return;
        scoped = true;
    }
    risk_emit_text(run, rule, r, "rule", scoped ? "incomplete multipart uploads are aborted only for part of the "
                                                  "bucket (the rule has a filter); elsewhere their parts are billed forever"
                                                : rule->spec.message);
}
