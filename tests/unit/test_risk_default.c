/*
 * test_risk_default.c — "value defaulted": a value known only after apply
 * is judged by the rule's default when the configuration does not write
 * it, and stays unknown (no finding) when it does.  Three cases per rule:
 * known, unknown but configured, and unset.
 */
#include "test_risk_util.h"

#define EKS_AFTER "{\"vpc_config\":[{\"endpoint_public_access\":true}]}"
#define EKS_UNKNOWN "{\"vpc_config\":[{\"public_access_cidrs\":true}]}"

static size_t count(plan *p, const char *rule)
{
    risk_ruleset *rs = rt_rules();
    risk_report *rep = rt_check(rs, p);
    size_t n = rt_count(rep, rule, "*");
    risk_report_free(rep);
    risk_ruleset_free(rs);
    plan_free(p);
    return n;
}

/* Known: the value decides, whatever the configuration says. */
Test(risk_default, eks_known)
{
    cr_expect_eq(count(rt_one_conf("aws_eks_cluster",
                                   "{\"vpc_config\":[{\"endpoint_public_access\":true,"
                                   "\"public_access_cidrs\":[\"10.0.0.0/8\"]}]}",
                                   NULL, "{}"), "CIR-EKS-001"), 0);
    cr_expect_eq(count(rt_one_conf("aws_eks_cluster",
                                   "{\"vpc_config\":[{\"endpoint_public_access\":true,"
                                   "\"public_access_cidrs\":[\"0.0.0.0/0\"]}]}",
                                   NULL, "{}"), "CIR-EKS-001"), 1);
}

/* Unknown but written in the configuration (from a variable or another
 * resource): nothing can be said. */
Test(risk_default, eks_unknown_configured)
{
    cr_expect_eq(count(rt_one_conf("aws_eks_cluster", EKS_AFTER, EKS_UNKNOWN,
                                   "{\"vpc_config\":[{\"public_access_cidrs\":{\"references\":[\"var.cidrs\"]}}]}"),
                       "CIR-EKS-001"), 0);
}

/* Unknown and not written: AWS's default 0.0.0.0/0 applies (checkov
 * CKV_AWS_38 expects a failure here). */
Test(risk_default, eks_unset)
{
    cr_expect_eq(count(rt_one_conf("aws_eks_cluster", EKS_AFTER, EKS_UNKNOWN,
                                   "{\"vpc_config\":[{\"subnet_ids\":{\"constant_value\":[\"s\"]}}]}"),
                       "CIR-EKS-001"), 1);
}

/* Without the resource's configuration in the plan an unknown stays
 * unknown. */
Test(risk_default, eks_no_configuration)
{
    cr_expect_eq(count(rt_one("aws_eks_cluster", EKS_AFTER, EKS_UNKNOWN), "CIR-EKS-001"), 0);
}

/* S3 versioning, the computed inline block of provider v3/v4: known on,
 * unknown but written, and not written (off, CKV_AWS_21). */
Test(risk_default, s3_versioning_three_ways)
{
    cr_expect_eq(count(rt_one_conf("aws_s3_bucket", "{\"versioning\":[{\"enabled\":true}]}", NULL, NULL),
                       "CIR-S3-003"), 0);
    cr_expect_eq(count(rt_one_conf("aws_s3_bucket", "{}", "{\"versioning\":true}",
                                   "{\"versioning\":[{\"enabled\":{\"references\":[\"var.v\"]}}]}"),
                       "CIR-S3-003"), 0);
    cr_expect_eq(count(rt_one_conf("aws_s3_bucket", "{}", "{\"versioning\":true}", NULL), "CIR-S3-003"), 1);
}

/* The defaulted value is named as a default in the message. */
Test(risk_default, message_says_default)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_one_conf("aws_instance", "{}", "{\"metadata_options\":true}", "{}");
    risk_report *rep = rt_check(rs, p);
    const risk_finding *f = rt_find(rep, "CIR-EC2-003", "aws_instance.t");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->message, "IMDSv1 is allowed (http_tokens = optional (default)): an SSRF bug can read the "
                                 "instance's credentials");
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}
