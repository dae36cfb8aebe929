/*
 * test_core.c — the shared core: money rounding and formatting, JSON
 * escaping, option parsing.
 */
#include "src/cli/cli.h"
#include "src/core/sbuf.h"

#include <criterion/criterion.h>
#include <string.h>

Test(money, rounds_half_up_like_aws)
{
    cr_assert_float_eq(money_round(0.0225 * 730), 16.43, 1e-9);
    cr_assert_float_eq(money_round(0.0416 * 730), 30.37, 1e-9);
    cr_assert_float_eq(money_round(-16.425), -16.43, 1e-9);
    cr_assert_float_eq(money_round(0.004), 0.0, 1e-9);
}

Test(money, formats_with_grouping_and_sign)
{
    char s[32];
    money_format(s, sizeof s, 1234567.891);
    cr_assert_str_eq(s, "$1,234,567.89");
    money_format(s, sizeof s, -12);
    cr_assert_str_eq(s, "-$12.00");
    money_format_delta(s, sizeof s, 3.5);
    cr_assert_str_eq(s, "+$3.50");
    money_format_delta(s, sizeof s, -0.001);
    cr_assert_str_eq(s, "$0.00");
}

Test(sbuf, json_escapes_controls_and_quotes)
{
    sbuf b = SBUF_INIT;
    sbuf_json_str(&b, "a\"b\\c\n\x01");
    cr_assert_str_eq(sbuf_str(&b), "\"a\\\"b\\\\c\\n\\u0001\"");
    sbuf_reset(&b);
    sbuf_json_num(&b, 0.0000002);
    cr_assert_str_eq(sbuf_str(&b), "0.0000002");
    sbuf_reset(&b);
    sbuf_json_num(&b, 730);
    cr_assert_str_eq(sbuf_str(&b), "730");
    sbuf_free(&b);
}

static int dummy_exec(const cmd_entry *e, cli_opts *o, cir_err *err)
{
    (void)e, (void)o, (void)err;
    return 0;
}

static const cmd_entry test_entry = {
    .name = "t", .options = OPT_FORMAT | OPT_REGION | OPT_GATES, .formats = "table,json",
    .min_args = 0, .max_args = 1, .exec = dummy_exec,
};

Test(cli, parses_options_and_defaults_format)
{
    char *argv[] = {"--region", "eu-west-1", "--max-monthly-increase=500", "plan.json"};
    cli_opts o;
    memset(&o, 0, sizeof o);
    o.command = "t";
    cir_err err;
    cr_assert_eq(cli_parse(&test_entry, 4, argv, &o, &err), CIR_OK);
    cr_assert_str_eq(o.format, "table");
    cr_assert(o.max_increase_set);
    cr_assert_float_eq(o.max_increase, 500, 1e-9);
    cr_assert_str_eq(cli_default_region(&o, NULL), "eu-west-1");
    cr_assert_str_eq(cli_plan_arg(&o, 0), "plan.json");
    cli_opts_free(&o);
}

Test(cli, rejects_unknown_option_format_and_bad_number)
{
    const char *cases[][2] = {{"--nope", "x"}, {"--format", "sarif"}, {"--max-monthly-increase", "ten"}};
    for (size_t i = 0; i < 3; i++) {
        char *argv[] = {(char *)cases[i][0], (char *)cases[i][1]};
        cli_opts o;
        memset(&o, 0, sizeof o);
        o.command = "t";
        cir_err err;
        cr_assert_eq(cli_parse(&test_entry, 2, argv, &o, &err), CIR_EUSAGE, "case %zu", i);
        cli_opts_free(&o);
    }
}
