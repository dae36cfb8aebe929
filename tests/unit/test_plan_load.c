/*
 * test_plan_load.c — reading and validating: wrapper text, BOM, errors with
 * line and column, not-a-plan detection, format_version rules, wrong types,
 * trimmed entries, errored/incomplete plans.
 */
#include "test_plan_util.h"

#define RC "\"resource_changes\":[{\"address\":\"a.b\",\"type\":\"a\",\"name\":\"b\",\"provider_name\":\"a\",\"change\":{\"actions\":[\"create\"]}}]"
#define PLAN "{\"format_version\":\"1.2\"," RC "}"

static bool has_warning(const plan *p, const char *part)
{
    for (size_t i = 0; i < p->nwarnings; i++)
        if (strstr(p->warnings[i], part))
            return true;
    return false;
}

static void expect_error(const char *json, cir_code code, const char *part)
{
    cir_err e = load_fail(json);
    cr_assert_eq(e.code, code, "code %d for %s (%s)", e.code, json, e.msg);
    cr_assert_not_null(strstr(e.msg, part), "message \"%s\" lacks \"%s\"", e.msg, part);
    cr_assert_str_eq(e.topic, "test.json");
}

Test(load, plain_plan_has_no_warnings)
{
    plan *p = load_ok(PLAN);
    cr_assert_eq(p->nresources, 1);
    cr_assert_eq(p->nwarnings, 0);
    cr_assert_str_eq(p->format_version, "1.2");
    cr_assert(p->complete);
    cr_assert_not(p->errored);
    plan_free(p);
}

Test(load, bom_and_wrapper_lines)
{
    plan *p = load_ok("\xEF\xBB\xBF" PLAN);
    cr_assert_eq(p->nwarnings, 0);
    plan_free(p);
    p = load_ok("[command]/tmp/x/terraform-bin show -json plan.tfplan\n" PLAN "%0A\n::set-output name=exitcode::0\n");
    cr_assert_eq(p->nresources, 1);
    cr_assert(has_warning(p, "skipped 1 line"));
    cr_assert(has_warning(p, "ignored text after the JSON, from line 2"));
    plan_free(p);
    p = load_ok(PLAN "\n}\n");
    cr_assert(has_warning(p, "from line 2"), "a stray brace is trailing text");
    plan_free(p);
}

Test(load, syntax_errors_name_line_and_column)
{
    expect_error("{\n  \"a\": tru\n}", CIR_EPARSE, "not JSON: invalid token at line 2, column");
    expect_error("hello world", CIR_EPARSE, "line 1, column");
    /* Lines skipped before the JSON still count. */
    expect_error("wrapper\n{\n \"a\": [1,,]\n}", CIR_EPARSE, "at line 3,");
}

Test(load, error_never_quotes_the_bad_token)
{
    cir_err e = load_fail("{\"password\": s3cr3tvalue}");
    cr_assert_null(strstr(e.msg, "s3cr3t"), "%s", e.msg);
}

Test(load, truncated_and_empty)
{
    expect_error("{\"format_version\":\"1.2\",\"resource_changes\":[", CIR_EPARSE, "truncated JSON");
    expect_error("{\"format_version\":\"1.", CIR_EPARSE, "truncated JSON");
    expect_error("", CIR_EPARSE, "is empty");
    expect_error(" \n\t ", CIR_EPARSE, "only white space");
}

Test(load, binary_plan_buffer)
{
    cir_err e;
    plan *p = NULL;
    plan_load_opts o = {.quiet = true};
    cr_assert_eq(plan_load_buffer("x.tfplan", "PK\x03\x04rest", 8, &o, &p, &e), CIR_EINPUT);
    cr_assert_null(p);
    cr_assert_not_null(strstr(e.msg, "terraform show -json"));
}

Test(load, not_a_plan)
{
    expect_error("[1,2]", CIR_EINPUT, "not a plan: the JSON is an array");
    expect_error("{\"hello\":1}", CIR_EINPUT, "no resource_changes, planned_values or format_version");
    expect_error("{\"planned_values\":{},\"configuration\":{}}", CIR_EINPUT, "fragment");
    expect_error("{\"plan_format_version\":\"1.1\"," RC "}", CIR_EINPUT, "HCP Terraform redacted plan");
    expect_error("{\"format_version\":\"1.0\",\"values\":{}}", CIR_EINPUT, "Terraform state");
}

Test(load, format_versions)
{
    const char *ok[] = {"0.1", "0.2", "1.0", "1.2", "1.99"};
    for (size_t i = 0; i < 5; i++) {
        char buf[512];
        snprintf(buf, sizeof buf, "{\"format_version\":\"%s\"," RC "}", ok[i]);
        plan_free(load_ok(buf));
    }
    expect_error("{\"format_version\":\"2.0\"," RC "}", CIR_EINPUT, "unsupported format_version \"2.0\"");
    expect_error("{\"format_version\":\"10.1\"," RC "}", CIR_EINPUT, "unsupported");
    expect_error("{\"format_version\":\"latest\"," RC "}", CIR_EINPUT, "not of the form major.minor");
    expect_error("{\"format_version\":1.2," RC "}", CIR_EINPUT, "format_version: expected a string, got a number");
    plan *p = load_ok("{" RC "}");
    cr_assert_null(p->format_version);
    cr_assert(has_warning(p, "no format_version"));
    plan_free(p);
}

Test(load, wrong_types_name_the_field)
{
    expect_error("{\"format_version\":\"1.2\",\"resource_changes\":{}}", CIR_EINPUT,
                 "resource_changes: expected an array, got an object");
    expect_error("{\"format_version\":\"1.2\",\"resource_changes\":[7]}", CIR_EINPUT,
                 "resource_changes[0]: expected an object, got a number");
    expect_error("{\"format_version\":\"1.2\",\"errored\":\"yes\"," RC "}", CIR_EINPUT,
                 "errored: expected a boolean, got a string");
    expect_error("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":5,\"type\":\"a\",\"name\":\"b\","
                 "\"change\":{\"actions\":[\"create\"]}}]}", CIR_EINPUT, "resource_changes[0].address: expected a string");
    expect_error("{\"format_version\":\"1.2\",\"resource_changes\":[{\"type\":\"a\",\"name\":\"b\",\"index\":true,"
                 "\"change\":{\"actions\":[\"create\"]}}]}", CIR_EINPUT, "resource_changes[0].index: expected an integer or a string");
    expect_error("{\"format_version\":\"1.2\",\"resource_changes\":[{\"type\":\"a\",\"name\":\"b\","
                 "\"change\":{\"actions\":[\"create\"],\"after_unknown\":\"x\"}}]}", CIR_EINPUT, "change.after_unknown");
    expect_error("{\"format_version\":\"1.2\",\"resource_changes\":[{\"type\":\"a\",\"name\":\"b\"}]}", CIR_EINPUT,
                 "resource_changes[0].change: expected an object, got nothing");
    expect_error("{\"format_version\":\"1.2\",\"resource_changes\":[{\"name\":\"b\",\"change\":{\"actions\":[\"create\"]}}]}",
                 CIR_EINPUT, "no type");
    expect_error("{\"format_version\":\"1.2\",\"resource_drift\":[{\"type\":\"a\",\"name\":\"b\","
                 "\"change\":{\"actions\":[\"invalid\"]}}]," RC "}", CIR_EINPUT, "resource_drift[0].change.actions: unknown action");
}

Test(load, trimmed_entries_get_address_mode_and_provider)
{
    plan *p = load_ok("{\"format_version\":\"0.1\",\"resource_changes\":[{\"module_address\":\"module.m\",\"type\":\"aws_iam_user\","
                      "\"name\":\"u\",\"index\":\"k\",\"change\":{\"actions\":[\"update\"]}},"
                      "{\"address\":\"data.aws_ami.a\",\"type\":\"aws_ami\",\"name\":\"a\",\"change\":{\"actions\":[\"read\"]}}]}");
    const plan_resource *r = find_res(p, "module.m.aws_iam_user.u[\"k\"]");
    cr_assert_str_eq(r->mode, "managed");
    cr_assert_str_eq(r->provider, "aws");
    cr_assert(r->is_aws);
    const plan_resource *d = find_res(p, "data.aws_ami.a");
    cr_assert_str_eq(d->mode, "data");
    cr_assert(d->is_data);
    plan_free(p);
}

Test(load, index_types_are_kept)
{
    plan *p = load_ok("{\"format_version\":\"1.2\",\"resource_changes\":["
                      "{\"address\":\"a.b[0]\",\"type\":\"a\",\"name\":\"b\",\"index\":0,\"change\":{\"actions\":[\"create\"]}},"
                      "{\"address\":\"a.b[\\\"x\\\"]\",\"type\":\"a\",\"name\":\"b\",\"index\":\"x\",\"change\":{\"actions\":[\"create\"]}}]}");
    cr_assert(json_is_integer(find_res(p, "a.b[0]")->index));
    cr_assert(json_is_string(find_res(p, "a.b[\"x\"]")->index));
    plan_free(p);
}

Test(load, errored_and_incomplete)
{
    plan *p = load_ok("{\"format_version\":\"1.2\",\"errored\":true,\"complete\":false,\"planned_values\":{}}");
    cr_assert(p->errored);
    cr_assert_not(p->complete);
    cr_assert_eq(p->nresources, 0);
    cr_assert(has_warning(p, "the plan errored"));
    plan_free(p);
    p = load_ok("{\"format_version\":\"1.2\",\"complete\":false," RC "}");
    cr_assert(has_warning(p, "incomplete"));
    plan_free(p);
}

Test(load, huge_integers_are_read)
{
    plan *p = load_ok("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\",\"type\":\"a\",\"name\":\"b\","
                      "\"change\":{\"actions\":[\"create\"],\"after\":{\"n\":123456789012345678901234567890}}}]}");
    cr_assert(has_warning(p, "64 bits"));
    plan_free(p);
}

Test(load, missing_file_and_directory)
{
    plan *p;
    cir_err e;
    plan_load_opts o = {.quiet = true};
    cr_assert_eq(plan_load("/nonexistent/plan.json", &o, &p, &e), CIR_EIO);
    cr_assert_str_eq(e.topic, "/nonexistent/plan.json");
    cr_assert_not_null(strstr(e.msg, "cannot open"));
    cr_assert_eq(plan_load("/", &o, &p, &e), CIR_EIO);
    cr_assert_not_null(strstr(e.msg, "is a directory"));
}

/* planned_values and prior_state are checked by plan_scan.c's own grammar
 * checker rather than built: bad JSON there must still be reported. */
Test(load, skipped_sections_are_still_validated)
{
    expect_error("{\"format_version\":\"1.2\",\"planned_values\":{\"a\":[1,2,}]}," RC "}", CIR_EPARSE,
                 "not JSON: invalid token at line 1, column 52");
    expect_error("{\"format_version\":\"1.2\",\n\"prior_state\":{\"a\" 1}," RC "}", CIR_EPARSE,
                 "not JSON: ':' expected at line 2, column 20");
    expect_error("{\"format_version\":\"1.2\",\"planned_values\":{\"a\":\"x\\q\"}," RC "}", CIR_EPARSE,
                 "invalid escape");
    expect_error("{\"format_version\":\"1.2\",\"planned_values\":{\"a\":\"\xff\"}," RC "}", CIR_EPARSE,
                 "invalid UTF-8");
    expect_error("{\"format_version\":\"1.2\",\"planned_values\":{\"a\":\"x\ty\"}," RC "}", CIR_EPARSE,
                 "control character");
    expect_error("{\"format_version\":\"1.2\",\"planned_values\":{\"a\":tru}," RC "}", CIR_EPARSE, "invalid token");
    expect_error("{\"format_version\":\"1.2\",\"planned_values\":{\"a\":01}," RC "}", CIR_EPARSE, "expected");
    expect_error("{\"format_version\":\"1.2\"," RC ",\"planned_values\":{\"a\":[1,{\"b\":", CIR_EPARSE,
                 "truncated JSON");
    expect_error("{\"format_version\":\"1.2\"," RC ",\"prior_state\":{\"a\":\"abc", CIR_EPARSE, "truncated JSON");
    expect_error("{\"format_version\":\"1.2\"," RC ",\"planned_values\":{\"a\":1.}}", CIR_EPARSE, "a digit expected");
}

Test(load, skipped_sections_accept_valid_json)
{
    plan *p = load_ok("{\"format_version\":\"1.2\",\"planned_values\":{\"s\":\"\\u00e9\\\"\\\\\xc3\xa9\",\"n\":[-0.5e+3,0,1E2,true,false,null,{},[]]},"
                      "\"prior_state\":{}," RC "}");
    cr_assert(json_is_object(json_object_get(p->root, "planned_values")));
    cr_assert_eq(p->nresources, 1);
    plan_free(p);
}

Test(load, top_level_scanner_errors)
{
    expect_error("{\"format_version\":\"1.2\" \"x\":1}", CIR_EPARSE, "',' or '}' expected");
    expect_error("{\"format_version\" \"1.2\"}", CIR_EPARSE, "':' expected");
    expect_error("{1:2}", CIR_EPARSE, "string or '}' expected");
    expect_error("{\"format_version\":\"1.2\",", CIR_EPARSE, "truncated");
    /* Duplicate keys are refused at the top level as deeper down. */
    expect_error("{\"format_version\":\"0.1\",\"format_version\":\"1.2\"," RC "}", CIR_EPARSE,
                 "duplicate object key at line 1, column 25");
}
