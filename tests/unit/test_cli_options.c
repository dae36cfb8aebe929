/*
 * test_cli_options.c — one flag set: walks the command table and checks
 * that every option a command documents (its help lists what `options` and
 * `noeffect` hold) parses, that every command taking options accepts all the
 * common flags, and the helpers around them (URLs, --output, same file).
 */
#include "src/cli/cli.h"
#include "src/core/input.h"
#include "src/core/url.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

/* A value each option accepts. */
static const char *value_for(const cli_option_info *oi)
{
    if (!strcmp(oi->name, "format"))
        return NULL;   /* per command, below */
    if (!strcmp(oi->name, "fail-on"))
        return "needs-revision";
    if (!strcmp(oi->name, "fail-on-severity"))
        return "high";
    if (!strcmp(oi->name, "behavior"))
        return "update";
    if (!strcmp(oi->metavar ? oi->metavar : "", "USD") || !strcmp(oi->metavar ? oi->metavar : "", "P") ||
        !strcmp(oi->metavar ? oi->metavar : "", "N"))
        return "5";
    return "x";
}

static void first_format(const cmd_entry *e, char *out, size_t size)
{
    snprintf(out, size, "%s", e->formats ? e->formats : "table");
    char *comma = strchr(out, ',');
    if (comma)
        *comma = '\0';
}

static void parse_each_option(const cmd_entry *e, const char *prefix)
{
    cli_option_info oi;
    for (size_t i = 0; cli_option_at(i, &oi); i++) {
        if (!((e->options | e->noeffect) & oi.bit))
            continue;
        char fmt[32];
        first_format(e, fmt, sizeof fmt);
        const char *v = !strcmp(oi.name, "format") ? fmt : value_for(&oi);
        char flag[64];
        snprintf(flag, sizeof flag, "--%s", oi.name);
        /* Enough positional arguments for any command's minimum. */
        char *argv[8] = {flag, (char *)v, "github", "x"};
        int argc = oi.metavar ? 2 : 1;
        if (!oi.metavar)
            argv[1] = "github", argv[2] = "x";
        argc += e->min_args;
        cli_opts o;
        memset(&o, 0, sizeof o);
        o.command = e->name;
        cir_err err;
        cir_err_clear(&err);
        cir_code rc = cli_parse(e, argc, argv, &o, &err);
        cr_expect_eq(rc, CIR_OK, "circuit %s%s%s %s: %s", prefix ? prefix : "", prefix ? " " : "", e->name, flag,
                     err.msg);
        cr_expect(o.given & oi.bit, "%s %s not recorded as given", e->name, flag);
        cli_opts_free(&o);
    }
}

static void walk(const cmd_entry *const *table, const char *prefix, size_t *seen)
{
    for (size_t i = 0; table[i]; i++) {
        const cmd_entry *e = table[i];
        if (e->subcommands) {
            walk(e->subcommands, e->name, seen);
            continue;
        }
        parse_each_option(e, prefix);
        (*seen)++;
        /* Honoured and no-effect sets never overlap. */
        cr_expect_eq(e->options & e->noeffect, 0u, "%s: an option both honoured and without effect", e->name);
        /* Every command that takes options takes all the common flags. */
        if (e->options)
            cr_expect_eq((e->options | e->noeffect) & OPT_COMMON, (uint32_t)OPT_COMMON,
                         "%s%s%s lacks a common flag", prefix ? prefix : "", prefix ? " " : "", e->name);
    }
}

Test(cli_options, every_documented_option_is_accepted)
{
    size_t seen = 0;
    walk(cmd_table, NULL, &seen);
    cr_expect_geq(seen, 12u, "walked %zu commands", seen);
}

Test(cli_options, every_option_has_help_and_a_unique_name)
{
    cli_option_info a, b;
    for (size_t i = 0; cli_option_at(i, &a); i++) {
        cr_expect(a.help && *a.help, "--%s has no help", a.name);
        for (size_t j = i + 1; cli_option_at(j, &b); j++)
            cr_expect(strcmp(a.name, b.name) != 0, "--%s twice", a.name);
    }
}

Test(cli_options, repeatable_options_keep_every_value)
{
    const cmd_entry *pricing = cli_find(cmd_table, "pricing");
    const cmd_entry *query = cli_find(pricing->subcommands, "query");
    char *argv[] = {"--service", "AmazonEC2", "--service", "AmazonRDS"};
    cli_opts o;
    memset(&o, 0, sizeof o);
    o.command = "pricing query";
    cir_err err;
    cr_assert_eq(cli_parse(query, 4, argv, &o, &err), CIR_OK);
    cr_expect_eq(o.services.n, 2u);
    cli_opts_free(&o);
}

Test(cli_options, output_may_not_overwrite_an_input)
{
    char path[] = "/tmp/circuit-cli-XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    close(fd);
    cli_opts o;
    memset(&o, 0, sizeof o);
    o.command = "review";
    o.output = path;
    const char *inputs[] = {"-", NULL, path};
    cir_err err;
    cr_expect_eq(cli_output_check(&o, inputs, 3, &err), CIR_EUSAGE);
    cr_expect(strstr(err.msg, "refusing to overwrite") != NULL, "%s", err.msg);
    o.output = "/tmp/circuit-cli-does-not-exist";
    cr_expect_eq(cli_output_check(&o, inputs, 3, &err), CIR_OK);
    cr_expect(!in_same_file("-", "-"));
    unlink(path);
}

Test(url, https_or_loopback_only)
{
    cir_err err;
    bool lo;
    cr_expect_eq(cir_url_check("https://api.github.com/x", NULL, &lo, &err), CIR_OK);
    cr_expect(!lo);
    cr_expect_eq(cir_url_check("http://127.0.0.1:8080/api", NULL, &lo, &err), CIR_OK);
    cr_expect(lo);
    cr_expect_eq(cir_url_check("http://[::1]/", NULL, &lo, &err), CIR_OK);
    cr_expect_eq(cir_url_check("http://127.0.0.1.example.net/", NULL, NULL, &err), CIR_EUSAGE);
    cr_expect_eq(cir_url_check("ftp://127.0.0.1/", NULL, NULL, &err), CIR_EUSAGE);
    cr_expect_eq(cir_url_check("not a url", NULL, NULL, &err), CIR_EUSAGE);
}

Test(url, origin_compares_scheme_host_and_port)
{
    char *a = cir_url_origin("https://API.github.com/repos/x?page=2");
    char *b = cir_url_origin("https://api.github.com:443/other");
    char *c = cir_url_origin("http://api.github.com/");
    cr_expect_str_eq(a, "https://api.github.com:443");
    cr_expect_str_eq(a, b);
    cr_expect_str_neq(a, c);
    free(a);
    free(b);
    free(c);
}
