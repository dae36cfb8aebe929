/*
 * models/waf.c — cost models: AWS WAF (v2) web ACLs: the ACL, its rules and
 * the requests it inspects.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* Rules billed per month: every rule block of the ACL (a rule-group
 * reference is one), plus the rules inside rule groups the usage file
 * counts (Infracost's keys). */
static cost_qty_rc cq_waf_rules(const cost_eval *e, double *q, const char **why)
{
    plan_val_state st;
    const json_t *rules = cost_eval_attr(e, "rule", &st);
    double n = 0, extra;
    if (st == PLAN_VAL_UNKNOWN) {
        *why = "rule";
        return CQR_UNKNOWN;
    }
    if (st == PLAN_VAL_KNOWN && json_is_array(rules))
        n = (double)json_array_size(rules);
    if (cost_eval_usage(e, "rule_group_rules", &extra))
        n += extra;
    if (cost_eval_usage(e, "managed_rule_group_rules", &extra))
        n += extra;
    *q = n;
    return CQR_OK;
}

static const cost_comp_spec acl_comps[] = {
    {.name = "Web ACL",
     .service = "awswaf", .family = "Web Application Firewall",
     .filters = {UT("WebACLV2")},
     .unit = "months", .per = "month", .qty = Q_CONST(1)},
    {.name = "Rules",
     .service = "awswaf", .family = "Web Application Firewall",
     .filters = {UT("RuleV2")},
     .unit = "rule-months", .per = "rule-month", .qty = Q_FN(cq_waf_rules), .flags = CF_OMIT_ZERO},
    {.name = "Requests",
     .service = "awswaf", .family = "Web Application Firewall",
     .filters = {UT("RequestV2-Tier1")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_requests", 1)},
};
static const cost_part acl_parts[] = {{.comps = acl_comps, .ncomps = N(acl_comps)}};
static const cost_usage_key acl_usage[] = {
    NUM("monthly_requests", "web requests the ACL inspects per month"),
    NUM("rule_group_rules", "rules inside your own rule groups the ACL uses"),
    NUM("managed_rule_group_rules", "rules inside managed rule groups the ACL uses"),
};

/* ---- the models ---- */

static const cost_model model_acl = {
    .type = "aws_wafv2_web_acl",
    .doc = "web ACL month, rules (each rule block, plus rule-group rules from usage), requests (usage)",
    PARTS(acl_parts), USAGE(acl_usage)};

COST_MODEL_LIST(waf) = {&model_acl, NULL};
