/*
 * cmd-help.c — `circuit help [COMMAND [SUBCOMMAND]]`, and `circuit help
 * --format json`: the command and option tables as data (circuit.help/v1),
 * from which scripts/gen-docs.py writes the reference pages, the man page
 * and the bash completion, so none of them can drift from the code.  The
 * JSON is written with core/jsonw.h, a command or an option a line.
 */
#include "cli.h"

#include "../core/jsonw.h"
#include "../core/out.h"
#include "../core/sbuf.h"

#include <stdio.h>
#include <string.h>

static void json_names(jw *w, const char *key, uint32_t bits)
{
    cli_option_info oi;
    jw_karray(w, key, JW_SAME);
    for (size_t i = 0; cli_option_at(i, &oi); i++)
        if (bits & oi.bit)
            jw_str(w, oi.name);
    jw_end_array(w);
}

static void json_formats(jw *w, const char *formats)
{
    jw_karray(w, "formats", JW_SAME);
    for (const char *p = formats; p && *p;) {
        size_t n = strcspn(p, ",");
        char one[32];
        snprintf(one, sizeof one, "%.*s", (int)n, p);
        jw_str(w, one);
        p += n + (p[n] == ',');
    }
    jw_end_array(w);
}

static void json_commands(jw *w, const cmd_entry *const *table, const char *prefix)
{
    for (size_t i = 0; table[i]; i++) {
        const cmd_entry *e = table[i];
        char path[64];
        snprintf(path, sizeof path, "%s%s%s", prefix ? prefix : "", prefix ? " " : "", e->name);
        jw_object(w, JW_LINE);
        jw_kstr(w, "command", path);
        jw_kstr(w, "args", e->args_usage ? e->args_usage : "");
        jw_kstr(w, "summary", e->summary);
        jw_kstr(w, "help", e->help ? e->help : "");
        json_formats(w, e->formats);
        json_names(w, "options", e->options);
        json_names(w, "noeffect", e->noeffect);
        jw_kint(w, "min_args", e->min_args);
        jw_kint(w, "max_args", e->max_args);
        jw_karray(w, "subcommands", JW_SAME);
        for (size_t k = 0; e->subcommands && e->subcommands[k]; k++)
            jw_str(w, e->subcommands[k]->name);
        jw_end_array(w);
        jw_end_object(w);
        if (e->subcommands)
            json_commands(w, e->subcommands, path);
    }
}

static void json_options(jw *w)
{
    jw_karray(w, "options", JW_BLOCK);
    cli_option_info oi;
    for (size_t i = 0; cli_option_at(i, &oi); i++) {
        jw_object(w, JW_LINE);
        jw_kstr(w, "name", oi.name);
        if (oi.short_name) {
            char short_name[2] = {oi.short_name, '\0'};
            jw_kstr(w, "short", short_name);
        }
        jw_kstr(w, "metavar", oi.metavar);
        jw_kbool(w, "repeatable", oi.repeatable);
        jw_kbool(w, "common", (oi.bit & OPT_COMMON) != 0);
        jw_kstr(w, "help", oi.help);
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void help_json(sbuf *b)
{
    static const struct {
        int code;
        const char *meaning;
    } exits[] = {{0, "success, and every gate passed"}, {1, "a gate failed"}, {2, "an error"}};
    jw w;
    jw_begin_document(&w, b, JW_BLOCK, "circuit.help/v1");
    jw_kstr(&w, "version", cli_version);
    jw_karray(&w, "commands", JW_BLOCK);
    json_commands(&w, cmd_table, NULL);
    jw_end_array(&w);
    json_options(&w);
    jw_karray(&w, "exit_codes", JW_LINE);
    for (size_t i = 0; i < sizeof exits / sizeof exits[0]; i++) {
        jw_object(&w, JW_SAME);
        jw_kint(&w, "code", exits[i].code);
        jw_kstr(&w, "meaning", exits[i].meaning);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    jw_end_document(&w);
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
