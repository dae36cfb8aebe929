/*
 * cmd-pricing.c — `circuit pricing sync|import|status|query`.  PLACEHOLDER.
 */
#include "cli.h"

static int pricing_placeholder(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)o;
    cir_error(err, CIR_EUSAGE, self->name, "PLACEHOLDER: this command is not built yet");
    return CIR_EXIT_ERROR;
}

static const cmd_entry sync_entry = {.name = "sync", .summary = "PLACEHOLDER", .max_args = -1, .exec = pricing_placeholder};

static const cmd_entry *const pricing_subcommands[] = {&sync_entry, NULL};

const cmd_entry cmd_pricing_entry = {
    .name = "pricing",
    .args_usage = "sync|import|status|query",
    .summary = "manage the local AWS price cache",
    .subcommands = pricing_subcommands,
};
