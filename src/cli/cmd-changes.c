/*
 * cmd-changes.c — `circuit changes`.  PLACEHOLDER until its issue lands.
 */
#include "cli.h"

static int changes_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self, (void)o;
    cir_error(err, CIR_EUSAGE, "changes", "PLACEHOLDER: this command is not built yet");
    return CIR_EXIT_ERROR;
}

const cmd_entry cmd_changes_entry = {
    .name = "changes",
    .args_usage = "[PLAN...]",
    .summary = "PLACEHOLDER",
    .options = OPT_FORMAT | OPT_OUTPUT | OPT_REGION | OPT_NO_COLOR | OPT_QUIET,
    .formats = "table,markdown,json",
    .min_args = 0,
    .max_args = -1,
    .exec = changes_exec,
};
