/*
 * cmd-help.c — `circuit help [COMMAND [SUBCOMMAND]]`, and `circuit help
 * --format json`: the command and option tables as data (circuit.help/v1),
 * from which scripts/gen-docs.py writes the reference pages, the man page
 * and the bash completion, so none of them can drift from the code.
 */
#include "cli.h"

#include "../core/out.h"
#include "../core/sbuf.h"

#include <stdio.h>
#include <string.h>

static void json_names(sbuf *b, uint32_t bits)
{
    cli_option_info oi;
    bool first = true;
    sbuf_putc(b, '[');
    for (size_t i = 0; cli_option_at(i, &oi); i++) {
        if (!(bits & oi.bit))
            continue;
        sbuf_puts(b, first ? "" : ", ");
        sbuf_json_str(b, oi.name);
        first = false;
    }
    sbuf_putc(b, ']');
}

static void json_formats(sbuf *b, const char *formats)
{
    sbuf_putc(b, '[');
    for (const char *p = formats; p && *p;) {
        size_t n = strcspn(p, ",");
        char one[32];
        snprintf(one, sizeof one, "%.*s", (int)n, p);
        sbuf_puts(b, p == formats ? "" : ", ");
        sbuf_json_str(b, one);
        p += n + (p[n] == ',');
    }
    sbuf_putc(b, ']');
}

static void json_commands(sbuf *b, const cmd_entry *const *table, const char *prefix, bool *first)
{
    for (size_t i = 0; table[i]; i++) {
        const cmd_entry *e = table[i];
        char path[64];
        snprintf(path, sizeof path, "%s%s%s", prefix ? prefix : "", prefix ? " " : "", e->name);
        sbuf_puts(b, *first ? "\n    {" : ",\n    {");
        *first = false;
        sbuf_puts(b, "\"command\": ");
        sbuf_json_str(b, path);
        sbuf_puts(b, ", \"args\": ");
        sbuf_json_str(b, e->args_usage ? e->args_usage : "");
        sbuf_puts(b, ", \"summary\": ");
        sbuf_json_str(b, e->summary);
        sbuf_puts(b, ", \"help\": ");
        sbuf_json_str(b, e->help ? e->help : "");
        sbuf_puts(b, ", \"formats\": ");
        json_formats(b, e->formats);
        sbuf_puts(b, ", \"options\": ");
        json_names(b, e->options);
        sbuf_puts(b, ", \"noeffect\": ");
        json_names(b, e->noeffect);
        sbuf_printf(b, ", \"min_args\": %d, \"max_args\": %d", e->min_args, e->max_args);
        sbuf_puts(b, ", \"subcommands\": [");
        for (size_t k = 0; e->subcommands && e->subcommands[k]; k++) {
            sbuf_puts(b, k ? ", " : "");
            sbuf_json_str(b, e->subcommands[k]->name);
        }
        sbuf_puts(b, "]}");
        if (e->subcommands)
            json_commands(b, e->subcommands, path, first);
    }
}

static void help_json(sbuf *b)
{
    sbuf_printf(b, "{\n  \"schema\": \"circuit.help/v1\",\n  \"version\": ");
    sbuf_json_str(b, cli_version);
    sbuf_puts(b, ",\n  \"commands\": [");
    bool first = true;
    json_commands(b, cmd_table, NULL, &first);
    sbuf_puts(b, "\n  ],\n  \"options\": [");
    cli_option_info oi;
    for (size_t i = 0; cli_option_at(i, &oi); i++) {
        sbuf_puts(b, i ? ",\n    {" : "\n    {");
        sbuf_puts(b, "\"name\": ");
        sbuf_json_str(b, oi.name);
        if (oi.short_name)
            sbuf_printf(b, ", \"short\": \"%c\"", oi.short_name);
        sbuf_puts(b, ", \"metavar\": ");
        if (oi.metavar)
            sbuf_json_str(b, oi.metavar);
        else
            sbuf_puts(b, "null");
        sbuf_printf(b, ", \"repeatable\": %s, \"common\": %s, \"help\": ", oi.repeatable ? "true" : "false",
                    (oi.bit & OPT_COMMON) ? "true" : "false");
        sbuf_json_str(b, oi.help);
        sbuf_putc(b, '}');
    }
    sbuf_puts(b, "\n  ],\n  \"exit_codes\": [{\"code\": 0, \"meaning\": \"success, and every gate passed\"}, "
                 "{\"code\": 1, \"meaning\": \"a gate failed\"}, {\"code\": 2, \"meaning\": \"an error\"}]\n}\n");
}

static int help_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    if (strcmp(o->format, "json") == 0) {
        if (o->args.n)
            return cir_error(err, CIR_EUSAGE, "help", "--format json describes every command; give no COMMAND"),
                   CIR_EXIT_ERROR;
        sbuf b = SBUF_INIT;
        help_json(&b);
        cir_code rc = out_emit(o->output, &b, err);
        sbuf_free(&b);
        return rc ? CIR_EXIT_ERROR : CIR_EXIT_OK;
    }
    if (o->args.n == 0) {
        cli_print_help(cmd_table, NULL, NULL);
        return CIR_EXIT_OK;
    }
    const cmd_entry *e = cli_find(cmd_table, o->args.items[0]);
    if (!e) {
        cir_error(err, CIR_EUSAGE, "help", "unknown command \"%s\"", o->args.items[0]);
        return CIR_EXIT_ERROR;
    }
    if (o->args.n == 2) {
        const cmd_entry *sub = e->subcommands ? cli_find(e->subcommands, o->args.items[1]) : NULL;
        if (!sub) {
            cir_error(err, CIR_EUSAGE, "help", "unknown command \"%s %s\"", o->args.items[0],
                      o->args.items[1]);
            return CIR_EXIT_ERROR;
        }
        cli_print_help(e->subcommands, sub, e->name);
        return CIR_EXIT_OK;
    }
    cli_print_help(cmd_table, e, NULL);
    return CIR_EXIT_OK;
}

const cmd_entry cmd_help_entry = {
    .name = "help",
    .args_usage = "[COMMAND [SUBCOMMAND]]",
    .summary = "show the commands, or one command's usage and options",
    .help = "--format json writes the command and option tables as data (circuit.help/v1);\n"
            "the reference pages, man page and bash completion are generated from it.",
    .options = OPT_FORMAT | OPT_OUTPUT | OPT_QUIET,
    .noeffect = OPT_COMMON & ~(OPT_FORMAT | OPT_OUTPUT | OPT_QUIET),
    .formats = "text,json",
    .min_args = 0,
    .max_args = 2,
    .exec = help_exec,
};
