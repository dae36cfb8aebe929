/*
 * test_plan_config.c — what the configuration says about a resource: every
 * change linked to its configuration block (modules followed, instance keys
 * dropped), whether an attribute is written at all, and what its
 * expression refers to.  Real plans from tests/scenarios/ show why: unset
 * Optional+Computed attributes read "known after apply" there.
 */
#include "test_plan_util.h"

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
    cr_expect_eq(plan_attr_configured(asg, "mixed_instances_policy"), PLAN_CFG_UNSET);
    cr_expect_eq(plan_attr_configured(asg, "mixed_instances_policy[0].launch_template[0].override[0].instance_type"),
                 PLAN_CFG_UNSET);
    cr_expect_eq(plan_attr_configured(asg, "launch_template"), PLAN_CFG_SET);
    cr_expect_eq(plan_attr_configured(asg, "launch_template[0].id"), PLAN_CFG_SET);
    cr_expect_eq(plan_attr_configured(asg, "launch_template.version"), PLAN_CFG_SET, "no index: the first block");
    cr_expect_eq(plan_attr_configured(asg, "launch_template[1].id"), PLAN_CFG_UNSET);
    cr_expect_eq(plan_attr_configured(asg, "health_check_type"), PLAN_CFG_SET);
    cr_expect_eq(plan_attr_configured(asg, "instance_refresh[0].preferences[0].min_healthy_percentage"),
                 PLAN_CFG_SET);
    const json_t *refs = plan_config_refs(asg, "launch_template[0].id");
    cr_assert_not_null(refs);
    cr_expect_str_eq(json_string_value(json_array_get(refs, 0)), "aws_launch_template.web.id");
    cr_expect_null(plan_config_refs(asg, "launch_template[0].version"), "a constant has no references");
    cr_expect_null(plan_config_refs(asg, "mixed_instances_policy"));
    plan_free(p);
}

/* x[count.index]: Terraform lists the resource and count.index apart. */
Test(config, count_and_for_each_instances_share_one_block)
{
    plan *p = load_file("fixtures/scenarios/cost-count-index-refs.json");
    for (int i = 0; i < 2; i++) {
        char addr[64];
        snprintf(addr, sizeof addr, "aws_autoscaling_group.by_count[%d]", i);
        const json_t *refs = plan_config_refs(find_res(p, addr), "launch_configuration");
        cr_assert_not_null(refs, "%s", addr);
        cr_expect_str_eq(json_string_value(json_array_get(refs, 0)), "aws_launch_configuration.tier");
        cr_expect_str_eq(json_string_value(json_array_get(refs, 1)), "count.index");
    }
    const json_t *refs = plan_config_refs(find_res(p, "aws_ecs_service.svc[\"worker\"]"), "task_definition");
    cr_assert_not_null(refs);
    cr_expect_str_eq(json_string_value(json_array_get(refs, 1)), "each.key");
    plan_free(p);
}

Test(config, modules_two_deep_are_followed)
{
    plan *p = load_file("fixtures/scenarios/shape-modules-two-deep.json");
    const plan_resource *db = find_res(p, "module.service[\"prod\"].module.database.aws_db_instance.this");
    cr_expect_not_null(db->config);
    cr_expect_eq(plan_attr_configured(db, "instance_class"), PLAN_CFG_SET);
    cr_expect_eq(plan_attr_configured(db, "iops"), PLAN_CFG_UNSET);
    const json_t *refs = plan_config_refs(db, "db_subnet_group_name");
    cr_assert_not_null(refs);
    cr_expect_str_eq(json_string_value(json_array_get(refs, 0)), "aws_db_subnet_group.this.name",
                     "relative to the module");
    plan_free(p);
}

Test(config, constants_nulls_and_plans_without_configuration)
{
    plan *p = load_ok(
        "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_instance.x\",\"mode\":\"managed\","
        "\"type\":\"aws_instance\",\"name\":\"x\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\","
        "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{},\"after_unknown\":{\"tags\":true}}}],"
        "\"configuration\":{\"root_module\":{\"resources\":[{\"address\":\"aws_instance.x\",\"mode\":\"managed\","
        "\"type\":\"aws_instance\",\"name\":\"x\",\"expressions\":{\"tags\":{\"constant_value\":{\"Name\":\"web\","
        "\"Gone\":null}},\"user_data\":{\"constant_value\":null}}}]}}}");
    const plan_resource *r = find_res(p, "aws_instance.x");
    cr_expect_eq(plan_attr_configured(r, "tags"), PLAN_CFG_SET);
    cr_expect_eq(plan_attr_configured(r, "tags[\"Name\"]"), PLAN_CFG_SET, "into the constant");
    cr_expect_eq(plan_attr_configured(r, "tags.Gone"), PLAN_CFG_UNSET, "written as null");
    cr_expect_eq(plan_attr_configured(r, "tags.Other"), PLAN_CFG_UNSET);
    cr_expect_eq(plan_attr_configured(r, "user_data"), PLAN_CFG_UNSET, "null is not set");
    cr_expect_eq(plan_attr_configured(r, "ami"), PLAN_CFG_UNSET);
    cr_expect_eq(plan_attr_configured(r, "bad[path"), PLAN_CFG_UNSET);
    plan_free(p);
    p = load_ok("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_instance.x\",\"mode\":\"managed\","
                "\"type\":\"aws_instance\",\"name\":\"x\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\","
                "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{}}}]}");
    r = find_res(p, "aws_instance.x");
    cr_expect_null(r->config);
    cr_expect_eq(plan_attr_configured(r, "ami"), PLAN_CFG_UNKNOWN, "a trimmed plan cannot say");
    cr_expect_null(plan_config_refs(r, "ami"));
    plan_free(p);
}
