/*
 * test_risk_scope.c — which resources the configuration rules look at:
 * by default what the plan changes; with RISK_RESOURCES_ALL the unchanged
 * (no-op) resources too, each such finding marked `unchanged`.  Deletes
 * stay out either way (they leave nothing in the planned state).
 */
#include "test_risk_util.h"

/* An unencrypted EBS volume three times over: created, left unchanged,
 * deleted. */
static plan *three_volumes(void)
{
    return rt_plan(
        "{\"format_version\":\"1.2\",\"resource_changes\":["
        "{\"address\":\"aws_ebs_volume.new\",\"mode\":\"managed\",\"type\":\"aws_ebs_volume\",\"name\":\"new\","
        "\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"create\"],"
        "\"before\":null,\"after\":{\"encrypted\":false},\"after_unknown\":{}}},"
        "{\"address\":\"aws_ebs_volume.old\",\"mode\":\"managed\",\"type\":\"aws_ebs_volume\",\"name\":\"old\","
        "\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"no-op\"],"
        "\"before\":{\"encrypted\":false},\"after\":{\"encrypted\":false},\"after_unknown\":{}}},"
        "{\"address\":\"aws_ebs_volume.gone\",\"mode\":\"managed\",\"type\":\"aws_ebs_volume\",\"name\":\"gone\","
        "\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"delete\"],"
        "\"before\":{\"encrypted\":false},\"after\":null,\"after_unknown\":{}}}]}");
}

static risk_report *check_scope(const risk_ruleset *rs, plan *p, risk_resource_scope scope)
{
    risk_report *rep = NULL;
    risk_opts o = {.scope = scope};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(risk_check(&p, 1, rs, &o, &rep, &err), CIR_OK, "check: %s", err.msg);
    return rep;
}

/* The default leaves the unchanged volume alone. */
Test(risk_scope, changed_skips_unchanged)
{
    risk_ruleset *rs = rt_rules();
    plan *p = three_volumes();
    risk_report *rep = check_scope(rs, p, RISK_RESOURCES_CHANGED);
    cr_expect_eq(rt_count(rep, "CIR-EBS-001", "aws_ebs_volume.new"), 1);
    cr_expect_eq(rt_count(rep, "CIR-EBS-001", "aws_ebs_volume.old"), 0);
    cr_expect_eq(rt_count(rep, "CIR-EBS-001", "aws_ebs_volume.gone"), 0);
    cr_expect_eq(risk_report_unchanged(rep), 0);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* Scope all judges the unchanged volume and says it is unchanged. */
Test(risk_scope, all_includes_unchanged)
{
    risk_ruleset *rs = rt_rules();
    plan *p = three_volumes();
    risk_report *rep = check_scope(rs, p, RISK_RESOURCES_ALL);
    const risk_finding *old = rt_find(rep, "CIR-EBS-001", "aws_ebs_volume.old");
    const risk_finding *fresh = rt_find(rep, "CIR-EBS-001", "aws_ebs_volume.new");
    cr_assert_not_null(old);
    cr_assert_not_null(fresh);
    cr_expect(old->unchanged);
    cr_expect_not(fresh->unchanged);
    cr_expect_eq(rt_count(rep, "CIR-EBS-001", "aws_ebs_volume.gone"), 0);
    cr_expect_eq(risk_report_unchanged(rep), 1);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* The scope names parse; anything else is refused. */
Test(risk_scope, parse)
{
    risk_resource_scope s = RISK_RESOURCES_ALL;
    cr_expect(risk_scope_parse("changed", &s));
    cr_expect_eq(s, RISK_RESOURCES_CHANGED);
    cr_expect(risk_scope_parse("all", &s));
    cr_expect_eq(s, RISK_RESOURCES_ALL);
    cr_expect_not(risk_scope_parse("ALL", &s));
    cr_expect_not(risk_scope_parse("", &s));
    cr_expect_not(risk_scope_parse(NULL, &s));
}
