/*
 * test_plan_config.c — plan_config_attr(): is an attribute written in a
 * resource's configuration block?  Attributes, nested list blocks by index,
 * constants (null counts as not written), references, modules, and the
 * cases it cannot tell (no configuration for the resource, inside a
 * non-constant expression).
 */
#include "test_risk_util.h"

#include "src/plan/plan_config.h"

static const char eks_expr[] =
    "{\"name\":{\"constant_value\":\"x\"},\"role_arn\":{\"references\":[\"aws_iam_role.r.arn\",\"aws_iam_role.r\"]},"
    "\"kms_key_id\":{\"constant_value\":null},\"tags\":{\"constant_value\":{\"Team\":\"a\"}},"
    "\"version\":{},"
    "\"vpc_config\":[{\"subnet_ids\":{\"constant_value\":[\"s-1\"]}}]}";

static plan_cfg_state attr(plan *p, const char *path)
{
    return plan_config_attr(p, &p->resources[0], path);
}

/* Constants and references are written; a constant null is not. */
Test(plan_config, attributes)
{
    plan *p = rt_one_conf("aws_eks_cluster", "{}", NULL, eks_expr);
    cr_expect_eq(attr(p, "name"), PLAN_CFG_SET);
    cr_expect_eq(attr(p, "role_arn"), PLAN_CFG_SET);
    cr_expect_eq(attr(p, "kms_key_id"), PLAN_CFG_UNSET);
    cr_expect_eq(attr(p, "enabled_cluster_log_types"), PLAN_CFG_UNSET);
    cr_expect_eq(attr(p, "version"), PLAN_CFG_SET);
    plan_free(p);
}

/* Nested blocks are followed by index; an attribute the block leaves out,
 * or a block element that is not there, is not written. */
Test(plan_config, nested_blocks)
{
    plan *p = rt_one_conf("aws_eks_cluster", "{}", NULL, eks_expr);
    cr_expect_eq(attr(p, "vpc_config"), PLAN_CFG_SET);
    cr_expect_eq(attr(p, "vpc_config[0].subnet_ids"), PLAN_CFG_SET);
    cr_expect_eq(attr(p, "vpc_config[0].public_access_cidrs"), PLAN_CFG_UNSET);
    cr_expect_eq(attr(p, "vpc_config[1].subnet_ids"), PLAN_CFG_UNSET);
    cr_expect_eq(attr(p, "encryption_config[0].resources"), PLAN_CFG_UNSET);
    plan_free(p);
}

/* Inside a constant map the key decides; inside an expression that is not
 * a constant nothing can be told. */
Test(plan_config, inside_expressions)
{
    plan *p = rt_one_conf("aws_eks_cluster", "{}", NULL, eks_expr);
    cr_expect_eq(attr(p, "tags[\"Team\"]"), PLAN_CFG_SET);
    cr_expect_eq(attr(p, "tags.Owner"), PLAN_CFG_UNSET);
    cr_expect_eq(attr(p, "role_arn.x"), PLAN_CFG_UNKNOWN);
    cr_expect_eq(attr(p, "version.x"), PLAN_CFG_UNKNOWN);
    plan_free(p);
}

/* A resource whose block writes nothing sets nothing; a plan without the
 * resource's configuration, or a malformed path, cannot tell. */
Test(plan_config, missing_configuration)
{
    plan *p = rt_one_conf("aws_s3_bucket", "{}", NULL, NULL);
    cr_expect_eq(attr(p, "versioning"), PLAN_CFG_UNSET);
    cr_expect_eq(attr(p, "a..b"), PLAN_CFG_UNKNOWN);
    plan_free(p);
    p = rt_one("aws_s3_bucket", "{}", NULL);
    cr_expect_eq(attr(p, "versioning"), PLAN_CFG_UNKNOWN);
    cr_expect_null(plan_config_resource(p, &p->resources[0]));
    plan_free(p);
}

/* Resources inside modules are found through module_calls, instance keys
 * dropped. */
Test(plan_config, modules)
{
    plan *p = rt_plan(
        "{\"format_version\":\"1.2\",\"configuration\":{\"root_module\":{\"module_calls\":{\"net\":{\"source\":\"./net\","
        "\"module\":{\"resources\":[{\"address\":\"aws_vpc.v\",\"mode\":\"managed\",\"type\":\"aws_vpc\",\"name\":\"v\","
        "\"expressions\":{\"cidr_block\":{\"constant_value\":\"10.0.0.0/16\"}}}]}}}}},"
        "\"resource_changes\":[{\"address\":\"module.net[\\\"a\\\"].aws_vpc.v\",\"module_address\":\"module.net[\\\"a\\\"]\","
        "\"mode\":\"managed\",\"type\":\"aws_vpc\",\"name\":\"v\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\","
        "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{},\"after_unknown\":{}}}]}");
    cr_expect_eq(attr(p, "cidr_block"), PLAN_CFG_SET);
    cr_expect_eq(attr(p, "enable_dns_support"), PLAN_CFG_UNSET);
    cr_expect_not_null(plan_config_module(p, "module.net[\"a\"]"));
    cr_expect_null(plan_config_module(p, "module.other"));
    plan_free(p);
}
