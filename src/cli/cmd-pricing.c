/*
 * cmd-pricing.c — `circuit pricing import|status|query` and the subcommand
 * table (sync lives in cmd-pricing-sync.c).  PLACEHOLDER until issue 3.
 */
#include "cli.h"

extern const cmd_entry cmd_pricing_sync_entry;

static const cmd_entry *const pricing_subcommands[] = {&cmd_pricing_sync_entry, NULL};

const cmd_entry cmd_pricing_entry = {
    .name = "pricing",
    .args_usage = "sync|import|status|query",
    .summary = "manage the local AWS price cache",
    .subcommands = pricing_subcommands,
};
