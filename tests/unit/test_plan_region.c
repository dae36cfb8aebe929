/*
 * test_plan_region.c — region resolution (plan-json.md §6): per-resource
 * region, provider constants, var.x through variables and module calls,
 * aliases in modules, older Terraform's key mismatch, required_providers
 * inheritance, and the --region / env / default fallbacks with their source.
 */
#include "test_plan_util.h"

#include <stdio.h>

#define AWS "\"provider_name\":\"registry.terraform.io/hashicorp/aws\""

/* One aws_sns_topic resource change in module `mod` (NULL = root) plus a
 * configuration given as JSON text. */
static plan *one(const char *module, const char *after, const char *conf, const char *vars,
                 const char *flag)
{
    char addr[256], buf[8192];
    snprintf(addr, sizeof addr, "%s%saws_sns_topic.t", module ? module : "", module ? "." : "");
    char modfield[300] = "";
    if (module)
        snprintf(modfield, sizeof modfield, "\"module_address\":\"%s\",", module);
    snprintf(buf, sizeof buf,
             "{\"format_version\":\"1.2\",\"variables\":%s,\"resource_changes\":[{\"address\":\"%s\",%s"
             "\"mode\":\"managed\",\"type\":\"aws_sns_topic\",\"name\":\"t\"," AWS ","
             "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":%s,\"after_unknown\":{}}}],"
             "\"configuration\":%s}",
             vars ? vars : "{}", addr, modfield, after ? after : "{}", conf ? conf : "{}");
    cir_err err;
    plan *p = load_str_opts(buf, flag, &err);
    cr_assert_not_null(p, "load failed: %s", err.msg);
    return p;
}

static void expect(plan *p, const char *region, plan_region_source src)
{
    const plan_resource *r = &p->resources[0];
    cr_assert(r->is_aws);
    cr_assert_not_null(r->region);
    cr_assert_str_eq(r->region, region);
    cr_assert_eq(r->region_source, src, "source %s, want %s", plan_region_source_name(r->region_source),
                 plan_region_source_name(src));
    plan_free(p);
}

static void clear_env(void)
{
    unsetenv("AWS_REGION");
    unsetenv("AWS_DEFAULT_REGION");
}

#define ROOT_RES "{\"resources\":[{\"address\":\"aws_sns_topic.t\",\"mode\":\"managed\",\"type\":\"aws_sns_topic\",\"name\":\"t\",\"provider_config_key\":\"%s\"}]}"

static char *conf_root(const char *key, const char *provider_config)
{
    static char buf[4096];
    char rm[512];
    snprintf(rm, sizeof rm, ROOT_RES, key);
    snprintf(buf, sizeof buf, "{\"provider_config\":%s,\"root_module\":%s}", provider_config, rm);
    return buf;
}

Test(region, provider_constant)
{
    clear_env();
    expect(one(NULL, NULL, conf_root("aws", "{\"aws\":{\"name\":\"aws\",\"expressions\":{\"region\":{\"constant_value\":\"eu-west-2\"}}}}"), NULL, NULL),
           "eu-west-2", PLAN_REGION_PROVIDER);
}

Test(region, root_alias)
{
    clear_env();
    expect(one(NULL, NULL, conf_root("aws.use1",
               "{\"aws\":{\"expressions\":{\"region\":{\"constant_value\":\"eu-west-2\"}}},"
               "\"aws.use1\":{\"alias\":\"use1\",\"expressions\":{\"region\":{\"constant_value\":\"us-east-1\"}}}}"), NULL, NULL),
           "us-east-1", PLAN_REGION_PROVIDER);
}

Test(region, variable_from_top_level_variables)
{
    clear_env();
    expect(one(NULL, NULL, conf_root("aws", "{\"aws\":{\"expressions\":{\"region\":{\"references\":[\"var.region\"]}}}}"),
               "{\"region\":{\"value\":\"ap-southeast-2\"}}", NULL),
           "ap-southeast-2", PLAN_REGION_VARIABLE);
}

Test(region, variable_attribute_traversal)
{
    clear_env();
    expect(one(NULL, NULL, conf_root("aws", "{\"aws\":{\"expressions\":{\"region\":{\"references\":[\"var.cfg.region\",\"var.cfg\"]}}}}"),
               "{\"cfg\":{\"value\":{\"region\":\"ca-central-1\"}}}", NULL),
           "ca-central-1", PLAN_REGION_VARIABLE);
}

Test(region, sensitive_variable_is_never_used)
{
    clear_env();
    const char *conf = "{\"provider_config\":{\"aws\":{\"expressions\":{\"region\":{\"references\":[\"var.r\"]}}}},"
                       "\"root_module\":{\"resources\":[{\"mode\":\"managed\",\"type\":\"aws_sns_topic\",\"name\":\"t\",\"provider_config_key\":\"aws\"}],"
                       "\"variables\":{\"r\":{\"sensitive\":true}}}}";
    expect(one(NULL, NULL, conf, "{\"r\":{\"value\":\"eu-south-1\"}}", NULL), "us-east-1", PLAN_REGION_DEFAULT);
}

Test(region, unresolvable_expression_falls_back_not_to_parent)
{
    clear_env();
    expect(one(NULL, NULL, conf_root("aws", "{\"aws\":{\"expressions\":{\"region\":{\"references\":[\"local.region\"]}}}}"), NULL, "eu-west-3"),
           "eu-west-3", PLAN_REGION_FLAG);
}

Test(region, v6_after_region_wins)
{
    clear_env();
    expect(one(NULL, "{\"region\":\"us-west-2\"}",
               conf_root("aws", "{\"aws\":{\"expressions\":{\"region\":{\"constant_value\":\"eu-west-2\"}}}}"), NULL, NULL),
           "us-west-2", PLAN_REGION_RESOURCE);
}

Test(region, before_region_for_a_delete)
{
    clear_env();
    const char *buf = "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_sns_topic.t\",\"mode\":\"managed\","
                      "\"type\":\"aws_sns_topic\",\"name\":\"t\"," AWS ",\"change\":{\"actions\":[\"delete\"],"
                      "\"before\":{\"region\":\"sa-east-1\"},\"after\":null}}]}";
    expect(load_ok(buf), "sa-east-1", PLAN_REGION_RESOURCE);
}

Test(region, unknown_after_region_uses_provider)
{
    clear_env();
    const char *buf = "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_s3_bucket.b\",\"mode\":\"managed\","
                      "\"type\":\"aws_s3_bucket\",\"name\":\"b\"," AWS ",\"change\":{\"actions\":[\"create\"],"
                      "\"before\":null,\"after\":{},\"after_unknown\":{\"region\":true}}}],"
                      "\"configuration\":{\"provider_config\":{\"aws\":{\"expressions\":{\"region\":{\"constant_value\":\"eu-north-1\"}}}},"
                      "\"root_module\":{\"resources\":[{\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"b\",\"provider_config_key\":\"aws\"}]}}}";
    expect(load_ok(buf), "eu-north-1", PLAN_REGION_PROVIDER);
}

/* module.a["k"].module.b[0] resources, inheriting through required_providers
 * entries, a module variable set from a root variable. */
static const char *nested_conf =
    "{\"provider_config\":{"
    " \"aws\":{\"expressions\":{\"region\":{\"constant_value\":\"eu-west-1\"}}},"
    " \"module.a:aws\":{\"module_address\":\"module.a\",\"version_constraint\":\">= 5\"},"
    " \"module.a.module.b:aws\":{\"module_address\":\"module.a.module.b\",\"expressions\":{\"region\":{\"references\":[\"var.where\"]}}}},"
    "\"root_module\":{\"module_calls\":{\"a\":{\"expressions\":{\"reg\":{\"references\":[\"var.root_region\"]}},\"module\":{"
    "  \"resources\":[{\"mode\":\"managed\",\"type\":\"aws_sns_topic\",\"name\":\"t\",\"provider_config_key\":\"module.a:aws\"}],"
    "  \"module_calls\":{\"b\":{\"expressions\":{\"where\":{\"references\":[\"var.reg\"]}},\"module\":{"
    "    \"resources\":[{\"mode\":\"managed\",\"type\":\"aws_sns_topic\",\"name\":\"t\",\"provider_config_key\":\"module.a.module.b:aws\"}]}}}}}}}}";

Test(region, module_required_providers_inherits_root)
{
    clear_env();
    expect(one("module.a[\\\"k\\\"]", NULL, nested_conf, NULL, NULL), "eu-west-1", PLAN_REGION_PROVIDER);
}

Test(region, module_variable_through_module_calls)
{
    clear_env();
    expect(one("module.a[\\\"k\\\"].module.b[0]", NULL, nested_conf, "{\"root_region\":{\"value\":\"me-south-1\"}}", NULL),
           "me-south-1", PLAN_REGION_VARIABLE);
}

Test(region, module_variable_constant_argument)
{
    clear_env();
    const char *conf =
        "{\"provider_config\":{\"module.m:aws\":{\"module_address\":\"module.m\",\"expressions\":{\"region\":{\"references\":[\"var.r\"]}}}},"
        "\"root_module\":{\"module_calls\":{\"m\":{\"expressions\":{\"r\":{\"constant_value\":\"af-south-1\"}},\"module\":{"
        "\"resources\":[{\"mode\":\"managed\",\"type\":\"aws_sns_topic\",\"name\":\"t\",\"provider_config_key\":\"module.m:aws\"}]}}}}}";
    expect(one("module.m", NULL, conf, NULL, NULL), "af-south-1", PLAN_REGION_VARIABLE);
}

Test(region, module_variable_default)
{
    clear_env();
    const char *conf =
        "{\"provider_config\":{\"module.m:aws\":{\"module_address\":\"module.m\",\"expressions\":{\"region\":{\"references\":[\"var.r\"]}}}},"
        "\"root_module\":{\"module_calls\":{\"m\":{\"module\":{\"variables\":{\"r\":{\"default\":\"il-central-1\"}},"
        "\"resources\":[{\"mode\":\"managed\",\"type\":\"aws_sns_topic\",\"name\":\"t\",\"provider_config_key\":\"module.m:aws\"}]}}}}}";
    expect(one("module.m", NULL, conf, NULL, NULL), "il-central-1", PLAN_REGION_VARIABLE);
}

Test(region, alias_passed_into_module)
{
    clear_env();
    const char *conf =
        "{\"provider_config\":{\"aws\":{\"expressions\":{\"region\":{\"constant_value\":\"eu-west-1\"}}},"
        "\"aws.use1\":{\"alias\":\"use1\",\"expressions\":{\"region\":{\"constant_value\":\"us-east-1\"}}}},"
        "\"root_module\":{\"module_calls\":{\"edge\":{\"module\":{"
        "\"resources\":[{\"mode\":\"managed\",\"type\":\"aws_sns_topic\",\"name\":\"t\",\"provider_config_key\":\"aws.use1\"}]}}}}}";
    expect(one("module.edge", NULL, conf, NULL, NULL), "us-east-1", PLAN_REGION_PROVIDER);
}

Test(region, old_terraform_key_mismatch_walks_up)
{
    clear_env();
    /* Terraform 0.12.8-1.1.6: "inner:aws" has no provider_config entry. */
    const char *conf =
        "{\"provider_config\":{\"aws\":{\"expressions\":{\"region\":{\"constant_value\":\"eu-west-1\"}}},"
        "\"module.outer:aws\":{\"module_address\":\"module.outer\",\"expressions\":{\"region\":{\"constant_value\":\"us-west-1\"}}}},"
        "\"root_module\":{\"module_calls\":{\"outer\":{\"module\":{\"module_calls\":{\"inner\":{\"module\":{"
        "\"resources\":[{\"mode\":\"managed\",\"type\":\"aws_sns_topic\",\"name\":\"t\",\"provider_config_key\":\"inner:aws\"}]}}}}}}}}";
    expect(one("module.outer.module.inner", NULL, conf, NULL, NULL), "us-west-1", PLAN_REGION_PROVIDER);
}

Test(region, no_configuration_uses_flag_env_default)
{
    clear_env();
    expect(one(NULL, NULL, NULL, NULL, "eu-west-3"), "eu-west-3", PLAN_REGION_FLAG);
    setenv("AWS_DEFAULT_REGION", "ap-east-1", 1);
    expect(one(NULL, NULL, NULL, NULL, NULL), "ap-east-1", PLAN_REGION_ENV_AWS_DEFAULT_REGION);
    setenv("AWS_REGION", "ap-northeast-1", 1);
    expect(one(NULL, NULL, NULL, NULL, NULL), "ap-northeast-1", PLAN_REGION_ENV_AWS_REGION);
    expect(one(NULL, NULL, NULL, NULL, "eu-west-3"), "eu-west-3", PLAN_REGION_FLAG);
    clear_env();
    expect(one(NULL, NULL, NULL, NULL, NULL), "us-east-1", PLAN_REGION_DEFAULT);
}

Test(region, provider_without_region_falls_back)
{
    clear_env();
    expect(one(NULL, NULL, conf_root("aws", "{\"aws\":{\"version_constraint\":\"~> 5.0\"}}"), NULL, NULL),
           "us-east-1", PLAN_REGION_DEFAULT);
}

Test(region, non_aws_has_none)
{
    const char *buf = "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"google_x.y\",\"mode\":\"managed\","
                      "\"type\":\"google_x\",\"name\":\"y\",\"provider_name\":\"registry.terraform.io/hashicorp/google\","
                      "\"change\":{\"actions\":[\"create\"],\"after\":{\"region\":\"europe-west1\"}}}]}";
    plan *p = load_ok(buf);
    cr_assert_not(p->resources[0].is_aws);
    cr_assert_null(p->resources[0].region);
    cr_assert_eq(p->resources[0].region_source, PLAN_REGION_NONE);
    plan_free(p);
}
