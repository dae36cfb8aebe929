/*
 * cmd-pricing-sync.c — `circuit pricing sync`.  PLACEHOLDER until issue 3.
 */
#include "cli.h"

static int sync_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self, (void)o;
    cir_error(err, CIR_EUSAGE, "pricing sync", "PLACEHOLDER: this command is not built yet");
    return CIR_EXIT_ERROR;
}

const cmd_entry cmd_pricing_sync_entry = {
    .name = "sync",
    .summary = "PLACEHOLDER",
    .options = OPT_REGION | OPT_SERVICE | OPT_ENDPOINT | OPT_CACHE | OPT_OFFLINE,
    .max_args = 0,
    .exec = sync_exec,
};
