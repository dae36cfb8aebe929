/*
 * test_plan_config.c — plan_attr_configured / plan_config_block_count:
 * unset vs literal vs expression vs nested block, in the root module and
 * inside module instances, and "cannot tell" without configuration.
 */
#include "test_plan_util.h"

static const char *cfg_plan =
    "{\"format_version\":\"1.2\",\"resource_changes\":["
    " {\"address\":\"aws_instance.web\",\"type\":\"aws_instance\",\"name\":\"web\",\"provider_name\":\"aws\","
    "  \"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{\"instance_type\":\"t3.micro\"},"
    "  \"after_unknown\":{\"root_block_device\":true,\"tenancy\":true}}},"
    " {\"address\":\"module.asg[\\\"a.b\\\"].aws_autoscaling_group.this[0]\",\"module_address\":\"module.asg[\\\"a.b\\\"]\","
    "  \"type\":\"aws_autoscaling_group\",\"name\":\"this\",\"index\":0,\"provider_name\":\"aws\","
    "  \"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{},\"after_unknown\":{\"mixed_instances_policy\":true}}}],"
    "\"configuration\":{\"root_module\":{"
    " \"resources\":[{\"address\":\"aws_instance.web\",\"mode\":\"managed\",\"type\":\"aws_instance\",\"name\":\"web\","
    "  \"expressions\":{\"instance_type\":{\"constant_value\":\"t3.micro\"},"
    "   \"ebs_block_device\":[{\"volume_size\":{\"constant_value\":50}},{\"volume_type\":{\"references\":[\"var.t\"]}}],"
    "   \"user_data\":{},\"subnet_id\":{\"references\":[\"aws_subnet.a.id\",\"aws_subnet.a\"]},"
    "   \"tags\":{\"constant_value\":{\"Name\":\"web\",\"Nil\":null}},\"iops\":{\"constant_value\":null}}}],"
    " \"module_calls\":{\"asg\":{\"module\":{\"resources\":[{\"address\":\"aws_autoscaling_group.this\",\"mode\":\"managed\","
    "  \"type\":\"aws_autoscaling_group\",\"name\":\"this\",\"expressions\":{\"min_size\":{\"constant_value\":1},"
    "  \"launch_template\":[{\"id\":{\"references\":[\"aws_launch_template.x.id\"]}}]}}]}}}}}}";

Test(plan_config, unset_literal_expression)
{
    plan *p = load_ok(cfg_plan);
    const plan_resource *r = find_res(p, "aws_instance.web");
    const json_t *v;
    cr_assert_eq(plan_attr_configured(p, r, "root_block_device", &v), PLAN_CFG_UNSET,
                 "a block the configuration does not write is unset");
    cr_assert_eq(plan_attr_configured(p, r, "root_block_device[0].volume_type", &v), PLAN_CFG_UNSET);
    cr_assert_eq(plan_attr_configured(p, r, "tenancy", &v), PLAN_CFG_UNSET);
    cr_assert_eq(plan_attr_configured(p, r, "instance_type", &v), PLAN_CFG_CONSTANT);
    cr_assert_str_eq(json_string_value(v), "t3.micro");
    cr_assert_eq(plan_attr_configured(p, r, "subnet_id", &v), PLAN_CFG_EXPRESSION);
    cr_assert_not_null(json_object_get(v, "references"));
    cr_assert_eq(plan_attr_configured(p, r, "user_data", NULL), PLAN_CFG_EXPRESSION,
                 "an expression without references is still an expression");
    cr_assert_eq(plan_attr_configured(p, r, "iops", NULL), PLAN_CFG_UNSET, "a literal null is unset");
    plan_free(p);
}

Test(plan_config, nested_blocks_and_literal_maps)
{
    plan *p = load_ok(cfg_plan);
    const plan_resource *r = find_res(p, "aws_instance.web");
    const json_t *v;
    cr_assert_eq(plan_attr_configured(p, r, "ebs_block_device", &v), PLAN_CFG_BLOCK);
    cr_assert_eq(json_array_size(v), 2);
    cr_assert_eq(plan_config_block_count(p, r, "ebs_block_device"), 2);
    cr_assert_eq(plan_config_block_count(p, r, "root_block_device"), 0);
    cr_assert_eq(plan_config_block_count(p, r, "subnet_id"), -1);
    cr_assert_eq(plan_attr_configured(p, r, "ebs_block_device[0].volume_size", &v), PLAN_CFG_CONSTANT);
    cr_assert_eq(json_integer_value(v), 50);
    cr_assert_eq(plan_attr_configured(p, r, "ebs_block_device.0.volume_type", NULL), PLAN_CFG_UNSET,
                 "dotted index form");
    cr_assert_eq(plan_attr_configured(p, r, "ebs_block_device[1].volume_type", NULL), PLAN_CFG_EXPRESSION);
    cr_assert_eq(plan_attr_configured(p, r, "ebs_block_device[2].volume_type", NULL), PLAN_CFG_UNKNOWN,
                 "more blocks than the configuration writes (dynamic): cannot tell");
    cr_assert_eq(plan_attr_configured(p, r, "ebs_block_device.volume_size", NULL), PLAN_CFG_CONSTANT,
                 "a block without its index is the first");
    cr_assert_eq(plan_attr_configured(p, r, "tags[\"Name\"]", &v), PLAN_CFG_CONSTANT);
    cr_assert_str_eq(json_string_value(v), "web");
    cr_assert_eq(plan_attr_configured(p, r, "tags.Nil", NULL), PLAN_CFG_UNSET);
    cr_assert_eq(plan_attr_configured(p, r, "tags.Other", NULL), PLAN_CFG_UNSET);
    cr_assert_eq(plan_attr_configured(p, r, "tags[", NULL), PLAN_CFG_UNKNOWN, "malformed path");
    plan_free(p);
}

Test(plan_config, module_instances_are_followed)
{
    plan *p = load_ok(cfg_plan);
    const plan_resource *r = find_res(p, "module.asg[\"a.b\"].aws_autoscaling_group.this[0]");
    cr_assert_eq(plan_attr_configured(p, r, "mixed_instances_policy", NULL), PLAN_CFG_UNSET,
                 "provider 5.x marks an unset mixed_instances_policy unknown; the configuration says unset");
    cr_assert_eq(plan_attr_configured(p, r, "launch_template[0].id", NULL), PLAN_CFG_EXPRESSION);
    cr_assert_eq(plan_attr_configured(p, r, "min_size", NULL), PLAN_CFG_CONSTANT);
    plan_free(p);
}

Test(plan_config, no_configuration_cannot_tell)
{
    plan *p = load_ok("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_instance.x\","
                      "\"type\":\"aws_instance\",\"name\":\"x\",\"provider_name\":\"aws\",\"change\":{"
                      "\"actions\":[\"create\"],\"before\":null,\"after\":{},\"after_unknown\":{\"tenancy\":true}}}]}");
    const plan_resource *r = &p->resources[0];
    cr_assert_eq(plan_attr_configured(p, r, "tenancy", NULL), PLAN_CFG_UNKNOWN);
    cr_assert_eq(plan_config_block_count(p, r, "root_block_device"), -1);
    cr_assert_eq(plan_attr_configured(NULL, r, "tenancy", NULL), PLAN_CFG_UNKNOWN);
    plan_free(p);
}
