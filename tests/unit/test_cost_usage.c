/*
 * test_cost_usage.c — the usage file: JSON and Infracost's YAML subset,
 * precedence (address over [*] over type default, key by key), nested
 * keys, and every malformed input a clear error.
 */
#include "src/cost/cost_model.h"
#include "src/cost/cost_yaml.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *write_tmp(const char *text)
{
    char *path = strdup("/tmp/circuit-usage-XXXXXX");
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    size_t n = strlen(text);
    cr_assert_eq(write(fd, text, n), (ssize_t)n);
    close(fd);
    return path;
}

static cost_usage *load_ok(const char *text)
{
    char *path = write_tmp(text);
    cost_usage *u = NULL;
    cir_err err;
    cir_err_clear(&err);
    cir_warn_quiet(1);
    cir_code rc = cost_usage_load(path, &u, &err);
    unlink(path);
    free(path);
    cr_assert_eq(rc, CIR_OK, "load failed: %s", err.msg);
    return u;
}

static cir_err load_bad(const char *text)
{
    char *path = write_tmp(text);
    cost_usage *u = NULL;
    cir_err err;
    cir_err_clear(&err);
    cir_warn_quiet(1);
    cir_code rc = cost_usage_load(path, &u, &err);
    unlink(path);
    free(path);
    cr_assert_neq(rc, CIR_OK, "expected an error for: %s", text);
    cr_assert_null(u);
    return err;
}

static double num(const cost_usage_view *v, const char *key)
{
    const json_t *j = cost_usage_get(v, key);
    cr_assert(json_is_number(j), "no number for %s", key);
    return json_number_value(j);
}

Test(cost_usage, address_beats_wildcard_beats_type_key_by_key)
{
    cost_usage *u = load_ok(
        "{\"version\":\"0.1\","
        "\"resource_type_default_usage\":{\"aws_lambda_function\":{\"monthly_requests\":1,\"request_duration_ms\":5}},"
        "\"resource_usage\":{\"aws_lambda_function.api[*]\":{\"monthly_requests\":2},"
        "\"aws_lambda_function.api[\\\"b\\\"]\":{\"monthly_requests\":3}}}");
    cost_usage_view v;
    cost_usage_view_for(u, "aws_lambda_function.api[\"b\"]", "aws_lambda_function", &v);
    cr_expect_eq(num(&v, "monthly_requests"), 3);
    cr_expect_eq(num(&v, "request_duration_ms"), 5);
    cost_usage_view_for(u, "aws_lambda_function.api[0]", "aws_lambda_function", &v);
    cr_expect_eq(num(&v, "monthly_requests"), 2);
    cost_usage_view_for(u, "aws_lambda_function.other", "aws_lambda_function", &v);
    cr_expect_eq(num(&v, "monthly_requests"), 1);
    /* [*] needs an index; it does not match the bare address */
    cost_usage_view_for(u, "aws_lambda_function.api", "aws_lambda_function", &v);
    cr_expect_eq(num(&v, "monthly_requests"), 1);
    cost_usage_view_for(u, "aws_nat_gateway.x", "aws_nat_gateway", &v);
    cr_expect_null(cost_usage_get(&v, "monthly_requests"));
    cost_usage_free(u);
}

Test(cost_usage, module_wildcards_and_nested_keys)
{
    cost_usage *u = load_ok(
        "{\"version\":\"0.1\",\"resource_usage\":{"
        "\"module.a[*].aws_s3_bucket.b\":{\"standard\":{\"storage_gb\":10}},"
        "\"module.a[*].aws_s3_bucket.b[*]\":{\"standard\":{\"storage_gb\":20}}}}");
    cost_usage_view v;
    cost_usage_view_for(u, "module.a[\"x\"].aws_s3_bucket.b", "aws_s3_bucket", &v);
    cr_expect_eq(num(&v, "standard.storage_gb"), 10);
    cost_usage_view_for(u, "module.a[0].aws_s3_bucket.b[3]", "aws_s3_bucket", &v);
    cr_expect_eq(num(&v, "standard.storage_gb"), 20);
    cr_expect_null(cost_usage_get(&v, "standard.monthly_tier_1_requests"));
    cost_usage_free(u);
}

Test(cost_usage, yaml_subset_reads_like_json)
{
    cost_usage *u = load_ok("# infracost usage\n"
                            "version: 0.1\n"
                            "resource_type_default_usage:\n"
                            "  aws_nat_gateway:\n"
                            "    monthly_data_processed_gb: 100 # GB\n"
                            "resource_usage:\n"
                            "  'aws_instance.web[\"a\"]':\n"
                            "    operating_system: \"windows\"\n"
                            "  aws_s3_bucket.data:\n"
                            "    standard:\n"
                            "      storage_gb: 1.5e3\n"
                            "\n"
                            "  aws_lambda_function.x:\n"
                            "    monthly_requests: 1000\n");
    cost_usage_view v;
    cost_usage_view_for(u, "aws_nat_gateway.n", "aws_nat_gateway", &v);
    cr_expect_eq(num(&v, "monthly_data_processed_gb"), 100);
    cost_usage_view_for(u, "aws_instance.web[\"a\"]", "aws_instance", &v);
    cr_expect_str_eq(json_string_value(cost_usage_get(&v, "operating_system")), "windows");
    cost_usage_view_for(u, "aws_s3_bucket.data", "aws_s3_bucket", &v);
    cr_expect_eq(num(&v, "standard.storage_gb"), 1500);
    cost_usage_view_for(u, "aws_lambda_function.x", "aws_lambda_function", &v);
    cr_expect_eq(num(&v, "monthly_requests"), 1000);
    cost_usage_free(u);
}

Test(cost_usage, yaml_rejects_what_it_does_not_support)
{
    static const char *const bad[][2] = {
        {"version: 0.1\nresource_usage:\n  - aws_x.y\n", "lists are not supported"},
        {"version: 0.1\nresource_usage:\n\taws_nat_gateway.a:\n", "tabs are not allowed"},
        {"version: 0.1\nversion: 0.2\n", "duplicate key"},
        {"version: 0.1\nresource_usage: {a: 1}\n", "only plain scalar values"},
        {"version: 0.1\nresource_usage:\n  aws_nat_gateway.a:\n      x: 1\n    y: 2\n", "indentation"},
        {"version: 0.1\nkey \"no colon\"\n", "expected \"key: value\""},
        {"version: '0.1\n", "unterminated"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *j = NULL;
        cir_err err;
        cir_err_clear(&err);
        cir_code rc = cost_yaml_parse("u.yml", bad[i][0], strlen(bad[i][0]), &j, &err);
        cr_expect_eq(rc, CIR_EPARSE, "case %zu parsed", i);
        cr_expect(strstr(err.msg, bad[i][1]) != NULL, "case %zu: \"%s\" lacks \"%s\"", i, err.msg, bad[i][1]);
        cr_expect(strstr(err.msg, "line ") != NULL, "case %zu: no line number in \"%s\"", i, err.msg);
        json_decref(j);
    }
}

Test(cost_usage, bad_files_are_one_clear_error)
{
    static const char *const bad[][2] = {
        {"", "empty"},
        {"{\"version\":\"0.1\",", "not valid JSON"},
        {"{\"resource_usage\":{}}", "missing \"version\""},
        {"{\"version\":\"2\"}", "unsupported version"},
        {"[1]", "only plain \"key: value\" mappings"},
        {"{\"version\":\"0.1\",\"resource_usage\":[]}", "resource_usage: want an object"},
        {"{\"version\":\"0.1\",\"resource_usage\":{\"aws_nat_gateway.a\":5}}", "want an object of usage keys"},
        {"{\"version\":\"0.1\",\"resource_usage\":{\"nat\":{}}}", "is not a resource address"},
        {"{\"version\":\"0.1\",\"resource_usage\":{\"aws_nat_gateway.a\":{\"monthly_data_processed_gb\":\"x\"}}}",
         "want a non-negative number"},
        {"{\"version\":\"0.1\",\"resource_usage\":{\"aws_nat_gateway.a\":{\"monthly_data_processed_gb\":-1}}}",
         "want a non-negative number"},
        {"{\"version\":\"0.1\",\"resource_usage\":{\"aws_instance.a\":{\"operating_system\":1}}}", "want a string"},
        {"{\"version\":\"0.1\",\"version\":\"0.1\"}", "not valid JSON"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cir_err err = load_bad(bad[i][0]);
        cr_expect(strstr(err.msg, bad[i][1]) != NULL, "case %zu: \"%s\" lacks \"%s\"", i, err.msg, bad[i][1]);
        cr_expect_eq(strchr(err.msg, '\n'), NULL, "case %zu: not one line", i);
    }
}

Test(cost_usage, unknown_keys_and_types_warn_but_load)
{
    cost_usage *u = load_ok("{\"version\":\"v0.1\",\"extra\":1,\"resource_type_default_usage\":{"
                            "\"aws_made_up_thing\":{\"monthly_requests\":1},\"google_x\":{}},"
                            "\"resource_usage\":{\"aws_nat_gateway.a\":{\"monthly_gb_data_processed\":1,"
                            "\"monthly_data_processed_gb\":null}}}");
    cost_usage_view v;
    cost_usage_view_for(u, "aws_nat_gateway.a", "aws_nat_gateway", &v);
    cr_expect_null(cost_usage_get(&v, "monthly_data_processed_gb"), "null is no figure");
    cost_usage_free(u);
}

Test(cost_usage, missing_file)
{
    cost_usage *u = NULL;
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(cost_usage_load("/nonexistent/usage.json", &u, &err), CIR_EIO);
    cr_expect_str_eq(err.topic, "/nonexistent/usage.json");
}
