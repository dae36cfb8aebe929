/*
 * check_iam.c — rules that read IAM policy documents: identity policies
 * (aws_iam_policy, aws_iam_role_policy, ...), trust policies, resource
 * policies (bucket, queue, topic, repository, key), and the statement
 * blocks of a data.aws_iam_policy_document the plan reads.
 *
 * Every document is first normalised to the JSON shape AWS uses
 * ({"Statement": [{"Effect", "Action", "NotAction", "Resource",
 * "Principal", "Condition"}]}), so one set of checks serves both sources.
 * Action patterns match case-insensitively with IAM's wildcards (fnmatch).
 * A policy that is unknown at plan time, or an element Terraform does not
 * know yet, is never a finding; a policy that is not JSON is warned about.
 */
#include "checks.h"

#include "../core/mem.h"
#include "../core/sbuf.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- normalising ---------------------------------------------------------- */

static bool is_policy_document_source(const plan_resource *r)
{
    return r->is_data && !strcmp(r->type, "aws_iam_policy_document");
}

/* A data source's principals / not_principals blocks ({type,
 * identifiers}) as a Principal object {"AWS": [...], "Service": [...]};
 * type "*" is the anonymous principal. */
static json_t *principal_of_blocks(const json_t *blocks)
{
    if (!json_is_array(blocks) || json_array_size(blocks) == 0)
        return NULL;
    json_t *out = json_object();
    size_t i;
    json_t *b;
    json_array_foreach(blocks, i, b) {
        const char *type = json_string_value(json_object_get(b, "type"));
        const json_t *ids = json_object_get(b, "identifiers");
        if (!type)
            continue;
        if (!strcmp(type, "*")) {
            json_object_set_new(out, "AWS", json_string("*"));
            continue;
        }
        json_t *list = json_object_get(out, type);
        if (!json_is_array(list)) {
            list = json_array();
            json_object_set_new(out, type, list);
        }
        json_array_extend(list, json_is_array(ids) ? (json_t *)ids : NULL);
    }
    return out;
}

/* data.aws_iam_policy_document's `statement` blocks as a policy document. */
static json_t *doc_of_statement_blocks(const json_t *blocks)
{
    json_t *stmts = json_array();
    size_t i;
    json_t *b;
    json_array_foreach(blocks, i, b) {
        json_t *s = json_object();
        const char *effect = json_string_value(json_object_get(b, "effect"));
        json_object_set_new(s, "Effect", json_string(effect ? effect : "Allow"));   /* provider default */
        static const char *const lists[][2] = {{"actions", "Action"},     {"not_actions", "NotAction"},
                                               {"resources", "Resource"}, {"not_resources", "NotResource"}};
        for (size_t k = 0; k < 4; k++) {
            const json_t *v = json_object_get(b, lists[k][0]);
            if (json_is_array(v))
                json_object_set(s, lists[k][1], (json_t *)v);
        }
        json_t *pr = principal_of_blocks(json_object_get(b, "principals"));
        if (pr)
            json_object_set_new(s, "Principal", pr);
        const json_t *cond = json_object_get(b, "condition");
        if (json_is_array(cond) && json_array_size(cond))
            json_object_set(s, "Condition", (json_t *)cond);
        json_array_append_new(stmts, s);
    }
    json_t *doc = json_object();
    json_object_set_new(doc, "Statement", stmts);
    return doc;
}

/* The policy document at `path` of r (after side), normalised; a new
 * reference, or NULL when it is not set, unknown or not a policy. */
static json_t *policy_doc(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *path)
{
    plan_val_state st;
    if (is_policy_document_source(r)) {
        const json_t *blocks = plan_attr(r, true, "statement", &st);
        return st == PLAN_VAL_KNOWN && json_is_array(blocks) ? doc_of_statement_blocks(blocks) : NULL;
    }
    const json_t *v = plan_attr(r, true, path, &st);
    if (st != PLAN_VAL_KNOWN || !json_is_string(v) || json_string_length(v) == 0)
        return NULL;
    json_t *doc = json_loads(json_string_value(v), 0, NULL);
    if (!json_is_object(doc)) {
        risk_run_warn(run, r, "%s is not a JSON policy document; %s skipped", path, rule->info.id);
        json_decref(doc);
        return NULL;
    }
    return doc;
}

/* Statement i of a document (Statement may be one object or a list). */
static size_t statement_count(const json_t *doc)
{
    const json_t *s = json_object_get(doc, "Statement");
    return json_is_array(s) ? json_array_size(s) : json_is_object(s) ? 1 : 0;
}

static const json_t *statement_at(const json_t *doc, size_t i)
{
    const json_t *s = json_object_get(doc, "Statement");
    return json_is_array(s) ? json_array_get(s, i) : s;
}

static bool allows(const json_t *s)
{
    const char *effect = json_string_value(json_object_get(s, "Effect"));
    return effect && !strcasecmp(effect, "Allow");
}

/* Element i of a string-or-list field; NULL past the end or when unknown. */
static size_t field_count(const json_t *v)
{
    return json_is_array(v) ? json_array_size(v) : json_is_string(v) ? 1 : 0;
}

static const char *field_at(const json_t *v, size_t i)
{
    return json_string_value(json_is_array(v) ? json_array_get(v, i) : v);
}

static bool field_has(const json_t *v, const char *want)
{
    for (size_t i = 0; i < field_count(v); i++) {
        const char *s = field_at(v, i);
        if (s && !strcmp(s, want))
            return true;
    }
    return false;
}

static bool is_star_action(const char *a)
{
    return !strcmp(a, "*") || !strcmp(a, "*:*");
}

/* Resource "*" (or NotResource, which covers nearly everything). */
static bool on_every_resource(const json_t *s)
{
    return field_has(json_object_get(s, "Resource"), "*") || json_object_get(s, "NotResource");
}

/* Principal "*", {"AWS": "*"} or an AWS list holding "*". */
static bool any_principal(const json_t *s)
{
    const json_t *p = json_object_get(s, "Principal");
    if (json_is_string(p))
        return !strcmp(json_string_value(p), "*");
    return field_has(json_object_get(p, "AWS"), "*");
}

static bool has_condition(const json_t *s)
{
    const json_t *c = json_object_get(s, "Condition");
    return (json_is_object(c) && json_object_size(c)) || (json_is_array(c) && json_array_size(c));
}

static bool pattern_covers(const char *pattern, const char *action)
{
    return fnmatch(pattern, action, FNM_CASEFOLD) == 0;
}

/* Does statement s grant `action` through one of its Action patterns?
 * With `skip_star`, the bare "*" does not count (other rules report it).
 * *by receives the pattern that does. */
static bool grants(const json_t *s, const char *action, bool skip_star, const char **by)
{
    const json_t *acts = json_object_get(s, "Action");
    for (size_t i = 0; i < field_count(acts); i++) {
        const char *a = field_at(acts, i);
        if (!a || (skip_star && is_star_action(a)))
            continue;
        if (pattern_covers(a, action)) {
            *by = a;
            return true;
        }
    }
    return false;
}

/* ---- the checks ------------------------------------------------------------ */

/* Runs `fn` over the rule's policy paths (one document each). */
typedef void (*doc_fn)(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *path,
                       const json_t *doc);

static void each_doc(risk_run *run, const risk_rule *rule, const plan_resource *r, doc_fn fn)
{
    for (size_t p = 0; p < rule->test.npaths || (is_policy_document_source(r) && p == 0); p++) {
        const char *path = is_policy_document_source(r) ? "statement" : rule->test.paths[p];
        json_t *doc = policy_doc(run, rule, r, path);
        if (doc)
            fn(run, rule, r, path, doc);
        json_decref(doc);
        if (is_policy_document_source(r))
            break;
    }
}

/* Action "*" (or "*:*") on Resource "*": full administrator. */
static void admin_doc(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *path,
                      const json_t *doc)
{
    for (size_t i = 0; i < statement_count(doc); i++) {
        const json_t *s = statement_at(doc, i);
        const json_t *acts = json_object_get(s, "Action");
        if (allows(s) && (field_has(acts, "*") || field_has(acts, "*:*")) && on_every_resource(s)) {
            risk_emit_text(run, rule, r, path, rule->spec.message);
            return;
        }
    }
}

void risk_check_iam_admin_policy(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    each_doc(run, rule, r, admin_doc);
}

/* Action "*" on named resources (on "*" it is the admin rule's finding). */
static void star_action_doc(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *path,
                            const json_t *doc)
{
    for (size_t i = 0; i < statement_count(doc); i++) {
        const json_t *s = statement_at(doc, i);
        const json_t *acts = json_object_get(s, "Action");
        if (allows(s) && (field_has(acts, "*") || field_has(acts, "*:*")) && !on_every_resource(s)) {
            risk_emit_text(run, rule, r, path, rule->spec.message);
            return;
        }
    }
}

void risk_check_iam_star_action(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    each_doc(run, rule, r, star_action_doc);
}

/* The rule's names (each "a" or "a+b+c": all parts needed) that Allow
 * statements grant, on any resource or only on "*", as text: names granted
 * as written first, then per wildcard pattern the names it covers
 * ("iam:* covers iam:CreateAccessKey, iam:UpdateAccessKey and 4 more"). */
static bool granted_names(const risk_rule *rule, const json_t *doc, bool only_every_resource, sbuf *out)
{
    json_t *via = json_object();     /* pattern -> [names] */
    sbuf direct = SBUF_INIT;
    for (size_t n = 0; n < rule->test.nnames; n++) {
        char *item = xstrdup(rule->test.names[n]);
        const char *wild = NULL;
        bool all = true;
        char *save = NULL;
        for (char *part = strtok_r(item, "+", &save); part && all; part = strtok_r(NULL, "+", &save)) {
            const char *by = NULL;
            for (size_t i = 0; i < statement_count(doc) && !by; i++) {
                const json_t *s = statement_at(doc, i);
                if (allows(s) && (!only_every_resource || on_every_resource(s)))
                    grants(s, part, true, &by);
            }
            all = by != NULL;
            if (by && strcasecmp(by, part) != 0)
                wild = by;
        }
        if (all && !wild) {
            sbuf_printf(&direct, "%s%s", direct.len ? ", " : "", rule->test.names[n]);
        } else if (all) {
            json_t *list = json_object_get(via, wild);
            if (!list)
                json_object_set_new(via, wild, list = json_array());
            json_array_append_new(list, json_string(rule->test.names[n]));
        }
        free(item);
    }
    bool any = direct.len > 0;
    sbuf_puts(out, sbuf_str(&direct));
    const char *pattern;
    json_t *list;
    json_object_foreach(via, pattern, list) {
        size_t k = json_array_size(list);
        sbuf_printf(out, "%s%s covers %s", any ? "; " : "", pattern, json_string_value(json_array_get(list, 0)));
        if (k > 1)
            sbuf_printf(out, k == 2 ? " and %s" : ", %s", json_string_value(json_array_get(list, 1)));
        if (k > 2)
            sbuf_printf(out, " and %zu more", k - 2);
        any = true;
    }
    sbuf_free(&direct);
    json_decref(via);
    return any;
}

static void grants_doc_any(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *path,
                           const json_t *doc)
{
    sbuf b = SBUF_INIT;
    if (granted_names(rule, doc, false, &b))
        risk_emit(run, rule, r, path, "%s: %s", rule->spec.message, sbuf_str(&b));
    sbuf_free(&b);
}

static void grants_doc_every(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *path,
                             const json_t *doc)
{
    sbuf b = SBUF_INIT;
    if (granted_names(rule, doc, true, &b))
        risk_emit(run, rule, r, path, "%s: %s", rule->spec.message, sbuf_str(&b));
    sbuf_free(&b);
}

void risk_check_iam_grants(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    each_doc(run, rule, r, grants_doc_any);
}

void risk_check_iam_grants_unconstrained(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    each_doc(run, rule, r, grants_doc_every);
}

/* An Allow statement for any principal with no Condition to narrow it. */
static void any_principal_doc(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *path,
                              const json_t *doc)
{
    for (size_t i = 0; i < statement_count(doc); i++) {
        const json_t *s = statement_at(doc, i);
        if (allows(s) && any_principal(s) && !has_condition(s)) {
            risk_emit_text(run, rule, r, path, rule->spec.message);
            return;
        }
    }
}

void risk_check_policy_any_principal(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    each_doc(run, rule, r, any_principal_doc);
}

/* Like any_principal_doc, limited to statements granting one of the
 * rule's actions (here "*" counts). */
static void public_actions_doc(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *path,
                               const json_t *doc)
{
    size_t nfound = 0;
    sbuf found = SBUF_INIT;
    for (size_t n = 0; n < rule->test.nnames; n++) {
        const char *by = NULL;
        for (size_t i = 0; i < statement_count(doc) && !by; i++) {
            const json_t *s = statement_at(doc, i);
            if (allows(s) && any_principal(s) && !has_condition(s))
                grants(s, rule->test.names[n], false, &by);
        }
        if (by && nfound++ < 3)
            sbuf_printf(&found, "%s%s", found.len ? ", " : "", rule->test.names[n]);
    }
    if (nfound > 3)
        sbuf_printf(&found, " and %zu more", nfound - 3);
    if (nfound)
        risk_emit(run, rule, r, path, "%s: %s", rule->spec.message, sbuf_str(&found));
    sbuf_free(&found);
}

void risk_check_policy_public_actions(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    each_doc(run, rule, r, public_actions_doc);
}
