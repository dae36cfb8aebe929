/*
 * commands.c — the top-level command table the dispatcher walks.
 * One entry per cmd-<name>.c; order is the order `circuit help` lists.
 */
#include "cli.h"

extern const cmd_entry cmd_review_entry;
extern const cmd_entry cmd_changes_entry;
extern const cmd_entry cmd_cost_entry;
extern const cmd_entry cmd_check_entry;
extern const cmd_entry cmd_estimate_entry;
extern const cmd_entry cmd_pricing_entry;
extern const cmd_entry cmd_rules_entry;
extern const cmd_entry cmd_comment_entry;
extern const cmd_entry cmd_help_entry;
extern const cmd_entry cmd_version_entry;

const cmd_entry *const cmd_table[] = {
    &cmd_review_entry,
    &cmd_changes_entry,
    &cmd_cost_entry,
    &cmd_check_entry,
    &cmd_estimate_entry,
    &cmd_pricing_entry,
    &cmd_rules_entry,
    &cmd_comment_entry,
    &cmd_help_entry,
    &cmd_version_entry,
    NULL,
};
