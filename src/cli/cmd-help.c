/*
 * cmd-help.c — `circuit help [COMMAND [SUBCOMMAND]]`.
 */
#include "cli.h"

#include <stdio.h>

static int help_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
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
    .min_args = 0,
    .max_args = 2,
    .exec = help_exec,
};
