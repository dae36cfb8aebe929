/*
 * test_plan_diff.c — changed attributes: Terraform-style paths, nested
 * blocks, maps, lists, unknown values, and sensitive masking at any depth
 * (leaf, nested map key, whole attribute object, whole resource).
 */
#include "test_plan_util.h"

#include <stdio.h>

static plan *update_plan(const char *before, const char *after, const char *after_unknown,
                         const char *bs, const char *as)
{
    static char buf[16384];
    snprintf(buf, sizeof buf,
             "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_instance.x\",\"mode\":\"managed\","
             "\"type\":\"aws_instance\",\"name\":\"x\",\"provider_name\":\"aws\",\"change\":{\"actions\":[\"update\"],"
             "\"before\":%s,\"after\":%s,\"after_unknown\":%s,\"before_sensitive\":%s,\"after_sensitive\":%s}}]}",
             before, after, after_unknown ? after_unknown : "{}", bs ? bs : "{}", as ? as : "{}");
    return load_ok(buf);
}

/* Renders the diff as "path: before -> after" lines. */
static char *diff_lines(plan *p)
{
    plan_diff_entry *d;
    size_t n = plan_diff(&p->resources[0], &d);
    size_t cap = 4096, len = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < n; i++) {
        char *b = plan_diff_text(d[i].before_kind, d[i].before);
        char *a = plan_diff_text(d[i].after_kind, d[i].after);
        len += (size_t)snprintf(out + len, cap - len, "%s: %s -> %s\n", d[i].path, b, a);
        cr_assert(len < cap);
        free(b), free(a);
    }
    plan_diff_free(d, n);
    return out;
}

static void check(const char *before, const char *after, const char *au, const char *bs,
                  const char *as, const char *want)
{
    plan *p = update_plan(before, after, au, bs, as);
    char *got = diff_lines(p);
    cr_assert_str_eq(got, want);
    free(got);
    plan_free(p);
}

Test(diff, scalar_and_nested_block_paths)
{
    check("{\"instance_type\":\"t3.micro\",\"root_block_device\":[{\"volume_size\":8,\"encrypted\":false}],\"ami\":\"a\"}",
          "{\"instance_type\":\"t3.small\",\"root_block_device\":[{\"volume_size\":20,\"encrypted\":false}],\"ami\":\"a\"}",
          NULL, NULL, NULL,
          "instance_type: \"t3.micro\" -> \"t3.small\"\n"
          "root_block_device[0].volume_size: 8 -> 20\n");
}

Test(diff, maps_use_brackets)
{
    check("{\"tags\":{\"Name\":\"a\",\"env\":\"dev\"}}",
          "{\"tags\":{\"Name\":\"b\",\"env\":\"prod\",\"new key\":\"x\"}}", NULL, NULL, NULL,
          "tags[\"Name\"]: \"a\" -> \"b\"\n"
          "tags[\"env\"]: \"dev\" -> \"prod\"\n"
          "tags[\"new key\"]: null -> \"x\"\n");
}

Test(diff, list_growth_and_removed_block)
{
    check("{\"cidrs\":[\"10.0.0.0/8\"],\"ebs\":[{\"size\":1}]}",
          "{\"cidrs\":[\"10.0.0.0/8\",\"172.16.0.0/12\"],\"ebs\":[]}", NULL, NULL, NULL,
          "cidrs[1]: null -> \"172.16.0.0/12\"\n"
          "ebs[0].size: 1 -> null\n");
}

Test(diff, unknown_values_at_depth)
{
    check("{\"id\":\"i-1\",\"net\":[{\"ip\":\"1.2.3.4\",\"mac\":\"m\"}]}",
          "{\"id\":\"i-1\",\"net\":[{\"mac\":\"m\"}]}",
          "{\"net\":[{\"ip\":true}],\"arn\":true}", NULL, NULL,
          "arn: null -> (known after apply)\n"
          "net[0].ip: \"1.2.3.4\" -> (known after apply)\n");
}

Test(diff, sensitive_leaf_and_map_key)
{
    check("{\"password\":\"old-s3cret\",\"env\":[{\"variables\":{\"K\":\"v1\",\"PW\":\"p1\"}}]}",
          "{\"password\":\"new-s3cret\",\"env\":[{\"variables\":{\"K\":\"v2\",\"PW\":\"p2\"}}]}",
          NULL, "{\"password\":true,\"env\":[{\"variables\":{\"PW\":true}}]}",
          "{\"password\":true,\"env\":[{\"variables\":{\"PW\":true}}]}",
          "env[0].variables[\"K\"]: \"v1\" -> \"v2\"\n"
          "env[0].variables[\"PW\"]: (sensitive) -> (sensitive)\n"
          "password: (sensitive) -> (sensitive)\n");
}

Test(diff, sensitive_unchanged_is_not_reported)
{
    check("{\"password\":\"same\",\"size\":1}", "{\"password\":\"same\",\"size\":2}", NULL,
          "{\"password\":true}", "{\"password\":true}", "size: 1 -> 2\n");
}

Test(diff, whole_object_mask)
{
    check("{\"settings\":{\"token\":\"t1\",\"mode\":\"a\"},\"n\":1}",
          "{\"settings\":{\"token\":\"t2\",\"mode\":\"b\"},\"n\":1}", NULL,
          "{\"settings\":true}", "{\"settings\":true}",
          "settings: (sensitive) -> (sensitive)\n");
    check("{\"a\":\"x1\"}", "{\"a\":\"x2\"}", NULL, "true", "true",
          "(all attributes): (sensitive) -> (sensitive)\n");
}

Test(diff, sensitivity_on_one_side_masks_that_side_only)
{
    check("{\"note\":\"public\"}", "{\"note\":\"hidden-now\"}", NULL, "{}", "{\"note\":true}",
          "note: \"public\" -> (sensitive)\n");
}

Test(diff, container_values_keep_sensitive_parts_masked)
{
    /* A type change emits whole values; the sensitive part inside must be masked. */
    plan *p = update_plan("{\"cfg\":\"plain\"}", "{\"cfg\":{\"user\":\"u\",\"pw\":\"hunter2\"}}", NULL, "{}",
                          "{\"cfg\":{\"pw\":true}}");
    char *got = diff_lines(p);
    cr_assert_null(strstr(got, "hunter2"), "leaked: %s", got);
    cr_assert_not_null(strstr(got, "\"pw\":\"(sensitive)\""), "%s", got);
    free(got);
    plan_free(p);
}

Test(diff, only_for_update_and_replace)
{
    plan *p = load_ok("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\",\"type\":\"a\",\"name\":\"b\","
                      "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{\"x\":1}}}]}");
    plan_diff_entry *d;
    cr_assert_eq(plan_diff(&p->resources[0], &d), 0);
    cr_assert_null(d);
    plan_free(p);
}

Test(diff, path_text_of_replace_paths)
{
    json_t *steps = json_loads("[\"root_block_device\",0,\"volume_size\"]", 0, NULL);
    char *s = plan_path_text(steps);
    cr_assert_str_eq(s, "root_block_device[0].volume_size");
    free(s);
    json_decref(steps);
    steps = json_loads("[\"tags\",\"Name\"]", 0, NULL);
    s = plan_path_text(steps);
    cr_assert_str_eq(s, "tags[\"Name\"]");
    free(s);
    json_decref(steps);
}

Test(diff, text_rendering)
{
    char *s = plan_diff_text(PLAN_DIFF_UNKNOWN, NULL);
    cr_assert_str_eq(s, "(known after apply)");
    free(s);
    json_t *v = json_string("x");
    s = plan_diff_text(PLAN_DIFF_SENSITIVE, v);
    cr_assert_str_eq(s, "(sensitive)");
    free(s);
    s = plan_diff_text(PLAN_DIFF_VALUE, v);
    cr_assert_str_eq(s, "\"x\"");
    free(s);
    json_decref(v);
    s = plan_diff_text(PLAN_DIFF_VALUE, NULL);
    cr_assert_str_eq(s, "null");
    free(s);
}

/* Set-typed blocks come in the provider's hash order: an added rule that
 * sorts first shifts the others, yet only it and the one rule that really
 * changed are reported (real plan: tests/scenarios/shape-set-reordering). */
Test(diff, set_elements_are_matched_by_value_not_position)
{
    check("{\"ingress\":[{\"port\":443,\"cidr\":\"0.0.0.0/0\",\"d\":\"https\"},"
          "{\"port\":22,\"cidr\":\"198.51.100.0/24\",\"d\":\"office\"}]}",
          "{\"ingress\":[{\"port\":8443,\"cidr\":\"10.8.0.0/16\",\"d\":\"vpn\"},"
          "{\"port\":443,\"cidr\":\"0.0.0.0/0\",\"d\":\"https\"},"
          "{\"port\":22,\"cidr\":\"203.0.113.0/24\",\"d\":\"office\"}]}",
          NULL, NULL, NULL,
          "ingress[0].cidr: null -> \"10.8.0.0/16\"\n"
          "ingress[0].d: null -> \"vpn\"\n"
          "ingress[0].port: null -> 8443\n"
          "ingress[2].cidr: \"198.51.100.0/24\" -> \"203.0.113.0/24\"\n");
}

Test(diff, removed_set_element_does_not_shift_the_rest)
{
    check("{\"rule\":[{\"n\":100,\"p\":80},{\"n\":110,\"p\":443},{\"n\":120,\"p\":22}]}",
          "{\"rule\":[{\"n\":100,\"p\":80},{\"n\":120,\"p\":22}]}", NULL, NULL, NULL,
          "rule[1].n: 110 -> null\n"
          "rule[1].p: 443 -> null\n");
    check("{\"sgs\":[\"sg-1\",\"sg-2\",\"sg-3\"]}", "{\"sgs\":[\"sg-0\",\"sg-1\",\"sg-2\",\"sg-3\"]}",
          NULL, NULL, NULL, "sgs[0]: null -> \"sg-0\"\n");
}

Test(diff, list_element_edited_in_place_keeps_its_index)
{
    check("{\"action\":[{\"type\":\"forward\",\"tg\":\"a\"},{\"type\":\"fixed\",\"code\":404}]}",
          "{\"action\":[{\"type\":\"redirect\",\"port\":\"443\"},{\"type\":\"fixed\",\"code\":404}]}",
          NULL, NULL, NULL,
          "action[0].port: null -> \"443\"\n"
          "action[0].tg: \"a\" -> null\n"
          "action[0].type: \"forward\" -> \"redirect\"\n");
    check("{\"l\":[\"a\",\"b\"]}", "{\"l\":[\"a\",\"c\"]}", NULL, NULL, NULL, "l[1]: \"b\" -> \"c\"\n");
}

Test(diff, unknown_element_is_never_taken_for_an_unchanged_one)
{
    check("{\"ids\":[\"sg-1\"]}", "{\"ids\":[null]}", "{\"ids\":[true]}", NULL, NULL,
          "ids[0]: \"sg-1\" -> (known after apply)\n");
}
