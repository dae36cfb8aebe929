/*
 * test_plan_config.c — plan_attr_configured / plan_config_block_count:
 * unset vs literal vs expression vs nested block, in the root module and
 * inside module instances, and "cannot tell" without configuration; every
 * change linked to its configuration block and what an expression refers
 * to.  Real plans from tests/scenarios/ show why: unset Optional+Computed
 * attributes read "known after apply" there.
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

static plan *load_file(const char *path)
{
    plan_load_opts o = {.quiet = true};
    plan *p = NULL;
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(plan_load(path, &o, &p, &err), CIR_OK, "%s: %s", path, err.msg);
    return p;
}

/* An ASG from a launch template: mixed_instances_policy is unknown in the
 * plan but not written, launch_template is written as a block. */
Test(config, unknown_but_unwritten_is_told_apart_from_written)
{
    plan *p = load_file("fixtures/scenarios/stack-asg-web-alb.json");
    const plan_resource *asg = find_res(p, "aws_autoscaling_group.web");
    plan_val_state st;
    plan_attr(asg, true, "mixed_instances_policy", &st);
    cr_assert_eq(st, PLAN_VAL_UNKNOWN, "the real plan calls it known after apply");
    cr_expect_eq(plan_attr_configured(p, asg, "mixed_instances_policy", NULL), PLAN_CFG_UNSET);
    cr_expect_eq(plan_attr_configured(p, asg, "mixed_instances_policy[0].launch_template[0].override[0].instance_type", NULL),
                 PLAN_CFG_UNSET);
    cr_expect_eq(plan_attr_configured(p, asg, "launch_template", NULL), PLAN_CFG_BLOCK);
    cr_expect_eq(plan_attr_configured(p, asg, "launch_template[0].id", NULL), PLAN_CFG_EXPRESSION);
    cr_expect_eq(plan_attr_configured(p, asg, "launch_template.version", NULL), PLAN_CFG_CONSTANT, "no index: the first block");
    cr_expect_eq(plan_attr_configured(p, asg, "launch_template[1].id", NULL), PLAN_CFG_UNKNOWN);
    cr_expect_eq(plan_attr_configured(p, asg, "health_check_type", NULL), PLAN_CFG_CONSTANT);
    cr_expect_eq(plan_attr_configured(p, asg, "instance_refresh[0].preferences[0].min_healthy_percentage", NULL),
                 PLAN_CFG_CONSTANT);
    const json_t *refs = plan_config_refs(p, asg, "launch_template[0].id");
    cr_assert_not_null(refs);
    cr_expect_str_eq(json_string_value(json_array_get(refs, 0)), "aws_launch_template.web.id");
    cr_expect_null(plan_config_refs(p, asg, "launch_template[0].version"), "a constant has no references");
    cr_expect_null(plan_config_refs(p, asg, "mixed_instances_policy"));
    plan_free(p);
}

/* x[count.index]: Terraform lists the resource and count.index apart. */
Test(config, count_and_for_each_instances_share_one_block)
{
    plan *p = load_file("fixtures/scenarios/cost-count-index-refs.json");
    for (int i = 0; i < 2; i++) {
        char addr[64];
        snprintf(addr, sizeof addr, "aws_autoscaling_group.by_count[%d]", i);
        const json_t *refs = plan_config_refs(p, find_res(p, addr), "launch_configuration");
        cr_assert_not_null(refs, "%s", addr);
        cr_expect_str_eq(json_string_value(json_array_get(refs, 0)), "aws_launch_configuration.tier");
        cr_expect_str_eq(json_string_value(json_array_get(refs, 1)), "count.index");
    }
    const json_t *refs = plan_config_refs(p, find_res(p, "aws_ecs_service.svc[\"worker\"]"), "task_definition");
    cr_assert_not_null(refs);
    cr_expect_str_eq(json_string_value(json_array_get(refs, 1)), "each.key");
    plan_free(p);
}

Test(config, modules_two_deep_are_followed)
{
    plan *p = load_file("fixtures/scenarios/shape-modules-two-deep.json");
    const plan_resource *db = find_res(p, "module.service[\"prod\"].module.database.aws_db_instance.this");
    cr_expect_not_null(db->config);
    cr_expect_eq(plan_attr_configured(p, db, "instance_class", NULL), PLAN_CFG_EXPRESSION);
    cr_expect_eq(plan_attr_configured(p, db, "iops", NULL), PLAN_CFG_UNSET);
    const json_t *refs = plan_config_refs(p, db, "db_subnet_group_name");
    cr_assert_not_null(refs);
    cr_expect_str_eq(json_string_value(json_array_get(refs, 0)), "aws_db_subnet_group.this.name",
                     "relative to the module");
    plan_free(p);
}

Test(config, a_plan_without_configuration_cannot_say)
{
    plan *p = load_ok("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_instance.x\",\"mode\":\"managed\","
                      "\"type\":\"aws_instance\",\"name\":\"x\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\","
                      "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{}}}]}");
    const plan_resource *r = find_res(p, "aws_instance.x");
    cr_expect_null(r->config);
    cr_expect_eq(plan_attr_configured(p, r, "ami", NULL), PLAN_CFG_UNKNOWN, "a trimmed plan cannot say");
    cr_expect_null(plan_config_refs(p, r, "ami"));
    plan_free(p);
}
