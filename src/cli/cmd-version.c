/*
 * cmd-version.c — `circuit version` (same as `circuit --version`).
 */
#include "cli.h"

#include <stdio.h>

static int version_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self, (void)o, (void)err;
    printf("circuit %s\n", cli_version);
    return CIR_EXIT_OK;
}

const cmd_entry cmd_version_entry = {
    .name = "version",
    .summary = "print the version",
    .min_args = 0,
    .max_args = 0,
    .exec = version_exec,
};
