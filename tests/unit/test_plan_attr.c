/*
 * test_plan_attr.c — plan_attr / plan_attr_sensitive: path forms, unknown
 * before absent, before vs after side, sensitive enclosing values.
 */
#include "test_plan_util.h"

static const char *attr_plan =
    "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_instance.x\",\"type\":\"aws_instance\","
    "\"name\":\"x\",\"provider_name\":\"aws\",\"change\":{\"actions\":[\"update\"],"
    "\"before\":{\"instance_type\":\"t3.micro\",\"tags\":{\"Name\":\"web\"},\"root_block_device\":[{\"volume_size\":8}],"
    "  \"secret\":{\"a\":\"s\"}},"
    "\"after\":{\"instance_type\":null,\"tags\":{\"Name\":\"web2\",\"a.b\":\"dot\"},\"root_block_device\":[{\"volume_size\":20}],"
    "  \"ebs_optimized\":null,\"secret\":{\"a\":\"s2\"},\"meta\":[{\"k\":\"v\"}]},"
    "\"after_unknown\":{\"instance_type\":true,\"network\":true},"
    "\"before_sensitive\":{\"secret\":true},\"after_sensitive\":{\"meta\":[{\"k\":true}]}}}]}";

Test(attr, known_unknown_absent)
{
    plan *p = load_ok(attr_plan);
    const plan_resource *r = &p->resources[0];
    plan_val_state st;
    const json_t *v = plan_attr(r, true, "root_block_device[0].volume_size", &st);
    cr_assert_eq(st, PLAN_VAL_KNOWN);
    cr_assert_eq(json_integer_value(v), 20);
    cr_assert_null(plan_attr(r, true, "instance_type", &st));
    cr_assert_eq(st, PLAN_VAL_UNKNOWN, "unknown wins over a null value");
    cr_assert_null(plan_attr(r, true, "network.subnet", &st));
    cr_assert_eq(st, PLAN_VAL_UNKNOWN, "below an unknown value is unknown");
    cr_assert_null(plan_attr(r, true, "ebs_optimized", &st));
    cr_assert_eq(st, PLAN_VAL_ABSENT);
    cr_assert_null(plan_attr(r, true, "no_such", &st));
    cr_assert_eq(st, PLAN_VAL_ABSENT);
    v = plan_attr(r, false, "instance_type", &st);
    cr_assert_eq(st, PLAN_VAL_KNOWN);
    cr_assert_str_eq(json_string_value(v), "t3.micro");
    plan_free(p);
}

Test(attr, path_forms)
{
    plan *p = load_ok(attr_plan);
    const plan_resource *r = &p->resources[0];
    plan_val_state st;
    cr_assert_str_eq(json_string_value(plan_attr(r, true, "tags[\"Name\"]", &st)), "web2");
    cr_assert_str_eq(json_string_value(plan_attr(r, true, "tags.Name", &st)), "web2");
    cr_assert_str_eq(json_string_value(plan_attr(r, true, "tags[\"a.b\"]", &st)), "dot");
    cr_assert_null(plan_attr(r, true, "root_block_device[7].volume_size", &st));
    cr_assert_eq(st, PLAN_VAL_ABSENT);
    cr_assert_null(plan_attr(r, true, "tags[", &st), "malformed path");
    cr_assert_null(plan_attr(r, true, ".x", &st));
    cr_assert_null(plan_attr(r, true, "", &st));
    plan_free(p);
}

Test(attr, sensitive_marks)
{
    plan *p = load_ok(attr_plan);
    const plan_resource *r = &p->resources[0];
    cr_assert(plan_attr_sensitive(r, false, "secret.a"), "inside a sensitive object");
    cr_assert(plan_attr_sensitive(r, false, "secret"));
    cr_assert_not(plan_attr_sensitive(r, true, "secret"));
    cr_assert(plan_attr_sensitive(r, true, "meta[0].k"));
    cr_assert(plan_attr_sensitive(r, true, "meta"), "a value holding a sensitive part");
    cr_assert_not(plan_attr_sensitive(r, true, "tags"));
    plan_free(p);
}
