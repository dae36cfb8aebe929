/*
 * test_plan_classify.c — action classes, replace order, import / move /
 * deposed reporting, summary counts, names and index text.
 */
#include "src/plan/plan_internal.h"
#include "test_plan_util.h"

static plan_action classify(const char *actions_json, plan_replace_order *order, bool *ok)
{
    json_t *a = json_loads(actions_json, JSON_DECODE_ANY, NULL);
    cr_assert_not_null(a);
    plan_action act;
    plan_replace_order o;
    const char *bad;
    *ok = plan_classify_actions(a, &act, &o, &bad);
    if (order)
        *order = o;
    json_decref(a);
    return act;
}

Test(classify, single_actions)
{
    bool ok;
    cr_assert_eq(classify("[\"create\"]", NULL, &ok), PLAN_ACT_CREATE);
    cr_assert(ok);
    cr_assert_eq(classify("[\"update\"]", NULL, &ok), PLAN_ACT_UPDATE);
    cr_assert_eq(classify("[\"delete\"]", NULL, &ok), PLAN_ACT_DELETE);
    cr_assert_eq(classify("[\"read\"]", NULL, &ok), PLAN_ACT_READ);
    cr_assert_eq(classify("[\"no-op\"]", NULL, &ok), PLAN_ACT_NOOP);
    cr_assert_eq(classify("[\"forget\"]", NULL, &ok), PLAN_ACT_FORGET);
}

Test(classify, replace_keeps_its_order)
{
    bool ok;
    plan_replace_order o;
    cr_assert_eq(classify("[\"delete\",\"create\"]", &o, &ok), PLAN_ACT_REPLACE);
    cr_assert_eq(o, PLAN_ORDER_DELETE_BEFORE_CREATE);
    cr_assert_eq(classify("[\"create\",\"delete\"]", &o, &ok), PLAN_ACT_REPLACE);
    cr_assert_eq(o, PLAN_ORDER_CREATE_BEFORE_DELETE);
    cr_assert_eq(classify("[\"create\",\"forget\"]", &o, &ok), PLAN_ACT_REPLACE);
    cr_assert_eq(o, PLAN_ORDER_CREATE_THEN_FORGET);
    cr_assert_str_eq(plan_replace_order_name(PLAN_ORDER_DELETE_BEFORE_CREATE), "delete-before-create");
    cr_assert_str_eq(plan_replace_order_name(PLAN_ORDER_CREATE_BEFORE_DELETE), "create-before-delete");
}

Test(classify, by_membership_not_exact_list)
{
    bool ok;
    plan_replace_order o;
    /* A list containing delete destroys, whatever else is in it. */
    cr_assert_eq(classify("[\"delete\",\"forget\"]", &o, &ok), PLAN_ACT_DELETE);
    cr_assert_eq(classify("[\"update\",\"no-op\"]", &o, &ok), PLAN_ACT_UPDATE);
    cr_assert_eq(o, PLAN_ORDER_NONE);
}

Test(classify, refuses_unknown_and_malformed_lists)
{
    bool ok;
    classify("[\"invalid\"]", NULL, &ok);
    cr_assert_not(ok);
    classify("[\"create\",\"explode\"]", NULL, &ok);
    cr_assert_not(ok);
    classify("[]", NULL, &ok);
    cr_assert_not(ok);
    classify("[1]", NULL, &ok);
    cr_assert_not(ok);
    classify("\"create\"", NULL, &ok);
    cr_assert_not(ok);
}

static const char *moves_plan =
    "{\"format_version\":\"1.2\",\"resource_changes\":["
    "{\"address\":\"b.x\",\"mode\":\"managed\",\"type\":\"b\",\"name\":\"x\",\"provider_name\":\"registry.terraform.io/hashicorp/b\","
    " \"previous_address\":\"b.old\",\"change\":{\"actions\":[\"no-op\"]}},"
    "{\"address\":\"b.same\",\"mode\":\"managed\",\"type\":\"b\",\"name\":\"same\",\"provider_name\":\"b\","
    " \"previous_address\":\"b.same\",\"change\":{\"actions\":[\"update\"]}},"
    "{\"address\":\"b.imp\",\"mode\":\"managed\",\"type\":\"b\",\"name\":\"imp\",\"provider_name\":\"b\","
    " \"change\":{\"actions\":[\"no-op\"],\"importing\":{\"id\":\"i-123\"}}},"
    "{\"address\":\"b.dep\",\"mode\":\"managed\",\"type\":\"b\",\"name\":\"dep\",\"provider_name\":\"b\","
    " \"deposed\":\"00000001\",\"change\":{\"actions\":[\"delete\"]}},"
    "{\"address\":\"b.dep\",\"mode\":\"managed\",\"type\":\"b\",\"name\":\"dep\",\"provider_name\":\"b\","
    " \"change\":{\"actions\":[\"create\"]}},"
    "{\"address\":\"data.b.d\",\"mode\":\"data\",\"type\":\"b\",\"name\":\"d\",\"provider_name\":\"b\","
    " \"change\":{\"actions\":[\"read\"]}}],"
    "\"resource_drift\":[{\"address\":\"b.x\",\"mode\":\"managed\",\"type\":\"b\",\"name\":\"x\",\"provider_name\":\"b\","
    " \"change\":{\"actions\":[\"update\"]}}]}";

Test(classify, import_move_deposed_and_counts)
{
    plan *p = load_ok(moves_plan);
    const plan_resource *x = find_res(p, "b.x");
    cr_assert_str_eq(x->previous_address, "b.old");
    cr_assert_eq(x->action, PLAN_ACT_NOOP);
    cr_assert_null(find_res(p, "b.same")->previous_address, "same address is not a move");
    const plan_resource *imp = find_res(p, "b.imp");
    cr_assert(imp->importing);
    cr_assert_str_eq(imp->import_id, "i-123");
    /* Sorted by address, then the current object before the deposed one. */
    cr_assert_str_eq(p->resources[0].address, "b.dep");
    cr_assert_null(p->resources[0].deposed);
    cr_assert_str_eq(p->resources[1].deposed, "00000001");
    cr_assert(find_res(p, "data.b.d")->is_data);
    plan_counts c;
    plan_count(p, &c);
    cr_assert_eq(c.create, 1);
    cr_assert_eq(c.update, 1);
    cr_assert_eq(c.delete_, 1);
    cr_assert_eq(c.read, 1);
    cr_assert_eq(c.no_op, 2);
    cr_assert_eq(c.import, 1);
    cr_assert_eq(c.move, 1);
    cr_assert_eq(p->ndrift, 1, "drift is kept apart");
    cr_assert_eq(c.update + c.create + c.delete_ + c.read + c.no_op, p->nresources);
    plan_free(p);
}

Test(classify, names_and_index_text)
{
    cr_assert_str_eq(plan_action_name(PLAN_ACT_NOOP), "no-op");
    cr_assert_str_eq(plan_action_name(PLAN_ACT_FORGET), "forget");
    cr_assert_str_eq(plan_region_source_name(PLAN_REGION_VARIABLE), "provider-variable");
    cr_assert_str_eq(plan_region_source_name(PLAN_REGION_ENV_AWS_DEFAULT_REGION), "AWS_DEFAULT_REGION");
    json_t *i = json_integer(3), *s = json_string("us-east-1a");
    char *a = plan_index_text(i), *b = plan_index_text(s), *c = plan_index_text(NULL);
    cr_assert_str_eq(a, "[3]");
    cr_assert_str_eq(b, "[\"us-east-1a\"]");
    cr_assert_str_eq(c, "");
    free(a), free(b), free(c);
    json_decref(i), json_decref(s);
    cr_assert_str_eq(plan_provider_short("registry.opentofu.org/hashicorp/aws"), "aws");
    cr_assert_str_eq(plan_provider_short("aws"), "aws");
}

Test(classify, module_path_strips_instance_keys)
{
    char *a = plan_module_path("module.a[\"x.y]\"].module.b[0].module.c");
    cr_assert_str_eq(a, "module.a.module.b.module.c");
    free(a);
    char *r = plan_module_path(NULL);
    cr_assert_str_eq(r, "");
    free(r);
    cr_assert_null(plan_module_path("modul.a"));
    cr_assert_null(plan_module_path("module.a[\"open"));
}
