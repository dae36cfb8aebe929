/*
 * test_risk_suppress.c — suppression by --skip ID and by the resource tag
 * circuit:skip = "ID,ID" (in tags or tags_all; the before side for a
 * delete): the finding moves to the suppressed list with how and what it
 * said, and nothing is ever dropped silently — an unknown --skip id is an
 * error, an unknown id in a tag a warning.
 */
#include "test_risk_util.h"

#include <criterion/redirect.h>

Test(risk_suppress, skip_flag_moves_findings_to_suppressed)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_fixture("check-suppress.json");
    const char *skip[] = {"CIR-SG-002"};
    risk_report *rep = rt_check_skip(rs, p, skip, 1);
    cr_expect_eq(rt_count(rep, "CIR-SG-002", "*"), 0);
    const risk_suppression *s = rt_find_suppressed(rep, "CIR-SG-002", "aws_security_group.bastion");
    cr_assert_not_null(s);
    cr_expect_str_eq(s->how, "--skip");
    cr_expect_str_eq(s->attribute, "ingress[1]");
    cr_expect(strstr(s->message, "RDP (port 3389)") != NULL);
    cr_expect_str_eq(s->plan_name, "fixtures/plans/check-suppress.json");
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_suppress, tags_and_tags_all)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_fixture("check-suppress.json");
    risk_report *rep = rt_check(rs, p);
    const risk_suppression *s = rt_find_suppressed(rep, "CIR-SG-001", "aws_security_group.bastion");
    cr_assert_not_null(s);
    cr_expect_str_eq(s->how, "tag circuit:skip");
    cr_expect_not_null(rt_find_suppressed(rep, "CIR-SG-001", "aws_security_group.jump"));   /* tags_all */
    cr_expect_eq(rt_count(rep, "CIR-SG-001", "aws_security_group.open"), 1);   /* its tag names another rule */
    cr_expect_eq(rt_count(rep, "CIR-SG-002", "aws_security_group.bastion"), 1);
    cr_expect_eq(rep->nsuppressed, 2);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_suppress, unknown_tag_id_warns_once, .init = cr_redirect_stderr)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_fixture("check-suppress.json");
    cir_warn_quiet(0);
    risk_report *rep = rt_check(rs, p);
    fflush(stderr);
    cr_expect_stderr_eq_str("circuit: warning: aws_security_group.bastion: tag circuit:skip names "
                            "\"CIR-NOPE-001\", which is no rule\n");
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_suppress, unknown_skip_id_is_an_error)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_fixture("check-suppress.json");
    const char *skip[] = {"CIR-SG-001", "CIR-SG-999"};
    risk_opts o = {.skip = skip, .nskip = 2};
    risk_report *rep = NULL;
    cir_err err;
    cir_err_clear(&err);
    cr_expect_eq(risk_check(&p, 1, rs, &o, &rep, &err), CIR_EUSAGE);
    cr_expect_null(rep);
    cr_expect_str_eq(err.topic, "--skip");
    cr_expect_str_eq(err.msg, "no rule has the id or checkov/Trivy id \"CIR-SG-999\" (see 'circuit rules')");
    plan_free(p);
    risk_ruleset_free(rs);
}

/* A plan-level finding on a deleted resource reads the tag from before. */
Test(risk_suppress, deleted_resource_tag_in_before)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_plan(
        "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_s3_bucket.old\",\"mode\":\"managed\","
        "\"type\":\"aws_s3_bucket\",\"name\":\"old\",\"provider_name\":\"aws\",\"change\":{\"actions\":[\"delete\"],"
        "\"before\":{\"bucket\":\"old\",\"tags\":{\"circuit:skip\":\" CIR-PLAN-001 ,CIR-PLAN-002\"},"
        "\"force_destroy\":true},\"after\":null}}]}");
    risk_report *rep = rt_check(rs, p);
    cr_expect_eq(rep->nfindings, 0);
    cr_expect_eq(rep->nsuppressed, 2);
    cr_expect_not_null(rt_find_suppressed(rep, "CIR-PLAN-001", "aws_s3_bucket.old"));
    cr_expect_not_null(rt_find_suppressed(rep, "CIR-PLAN-002", "aws_s3_bucket.old"));
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* Plan-wide findings have no resource, so only --skip can suppress them. */
Test(risk_suppress, plan_wide_only_by_flag)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_fixture("check-plan-errored.json");
    const char *skip[] = {"CIR-PLAN-009"};
    risk_report *rep = rt_check_skip(rs, p, skip, 1);
    const risk_suppression *s = rt_find_suppressed(rep, "CIR-PLAN-009", NULL);
    cr_assert_not_null(s);
    cr_expect_null(s->address);
    cr_expect_eq(rt_count(rep, "CIR-PLAN-009", NULL), 0);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* --skip takes ids in any letter case, and the checkov / Trivy ids a rule
 * lists (Trivy's with or without "AVD-"). */
Test(risk_suppress, skip_by_case_and_peer_ids)
{
    risk_ruleset *rs = rt_rules();
    static const char *const names[][2] = {
        {"cir-sg-002", "CIR-SG-002"}, {"CKV_AWS_25", "CIR-SG-002"}, {"ckv_aws_24", "CIR-SG-001"},
        {"AVD-AWS-0107", "CIR-SG-001"}, {"aws-0107", "CIR-SG-002"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        plan *p = rt_fixture("check-suppress.json");
        const char *skip[] = {names[i][0]};
        risk_report *rep = rt_check_skip(rs, p, skip, 1);
        cr_expect_eq(rt_count(rep, names[i][1], "*"), 0, "--skip %s left %s", names[i][0], names[i][1]);
        cr_expect_not_null(rt_find_suppressed(rep, names[i][1], "aws_security_group.bastion"), "--skip %s",
                           names[i][0]);
        risk_report_free(rep);
        plan_free(p);
    }
    risk_ruleset_free(rs);
}

/* A peer id that only partly matches a listed one names nothing. */
Test(risk_suppress, peer_id_must_match_whole)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_fixture("check-suppress.json");
    const char *skip[] = {"CKV_AWS_2"};   /* a real id (HTTP listener), not CKV_AWS_24 */
    risk_report *rep = rt_check_skip(rs, p, skip, 1);
    cr_expect_gt(rt_count(rep, "CIR-SG-002", "*"), 0);
    risk_report_free(rep);
    plan_free(p);
    const char *bad[] = {"CKV_AWS_2499"};
    risk_opts o = {.skip = bad, .nskip = 1};
    cir_err err;
    cir_err_clear(&err);
    p = rt_fixture("check-suppress.json");
    cr_expect_eq(risk_check(&p, 1, rs, &o, &rep, &err), CIR_EUSAGE);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* The circuit:skip tag takes peer ids too. */
Test(risk_suppress, tag_with_peer_id)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_one("aws_ebs_volume", "{\"encrypted\":false,\"tags\":{\"circuit:skip\":\"ckv_aws_3\"}}", NULL);
    risk_report *rep = rt_check(rs, p);
    cr_expect_eq(rt_count(rep, "CIR-EBS-001", "*"), 0);
    const risk_suppression *s = rt_find_suppressed(rep, "CIR-EBS-001", "aws_ebs_volume.t");
    cr_assert_not_null(s);
    cr_expect_str_eq(s->how, "tag circuit:skip");
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}
