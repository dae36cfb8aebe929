/*
 * cli.h — the command table and the parsed command line.
 *
 * Shaped after tmux: each command lives in its own cmd-<name>.c and exports
 * one `cmd_entry` (name, usage, summary, accepted options, exec).  The
 * dispatcher in cli.c walks the table, parses the options the entry accepts
 * into a `cli_opts`, and calls exec.  Options are themselves a table
 * (cli_options.c): adding one is a row plus a field here, not a new branch.
 */
#ifndef CIRCUIT_CLI_H
#define CIRCUIT_CLI_H

#include "../core/err.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bits naming the options a command accepts. */
enum {
    OPT_FORMAT        = 1u << 0,
    OPT_OUTPUT        = 1u << 1,
    OPT_REGION        = 1u << 2,
    OPT_USAGE         = 1u << 3,
    OPT_CACHE         = 1u << 4,
    OPT_OFFLINE       = 1u << 5,
    OPT_RULES         = 1u << 6,
    OPT_NO_COLOR      = 1u << 7,
    OPT_GATES         = 1u << 8,   /* the five gate flags together */
    OPT_SKIP          = 1u << 9,
    OPT_SERVICE       = 1u << 10,
    OPT_ENDPOINT      = 1u << 11,
    OPT_FAMILY        = 1u << 12,
    OPT_ATTR          = 1u << 13,
    OPT_QUIET         = 1u << 14,
    OPT_COST_THRESHOLD = 1u << 15,
    OPT_PR            = 1u << 16,
    OPT_MR            = 1u << 17,
    OPT_REPO          = 1u << 18,
    OPT_BEHAVIOR      = 1u << 19,
    OPT_TOKEN_ENV     = 1u << 20,
    OPT_SOURCE_DIR    = 1u << 21,
    OPT_SCOPE         = 1u << 22,
    OPT_MAX_LENGTH    = 1u << 23,
    OPT_LIST_TYPES    = 1u << 24
};

/* The common flags: every command that takes options accepts them all.
 * Those a command cannot honour are in its entry's `noeffect` set and draw
 * one warning line each when given. */
#define OPT_COMMON (OPT_FORMAT | OPT_OUTPUT | OPT_REGION | OPT_USAGE | OPT_CACHE | OPT_OFFLINE | OPT_RULES | \
                    OPT_NO_COLOR | OPT_QUIET)

typedef struct cli_list {
    const char **items;   /* borrowed from argv */
    size_t n, cap;
} cli_list;

typedef struct cli_opts {
    const char *command;        /* e.g. "changes", "pricing sync" */
    const char *format;         /* validated against the entry's formats */
    const char *output;         /* NULL = stdout */
    cli_list regions;           /* --region (last wins where one is used) */
    const char *usage_file;
    const char *cache;
    const char *rules_file;
    const char *endpoint;
    const char *family;
    const char *scope;          /* --scope changed|all (check) */
    const char *pr, *mr, *repo, *behavior, *token_env;   /* circuit comment */
    const char *source_dir;     /* --source-dir: the .tf files behind the plan */
    bool offline, no_color, quiet;
    uint32_t given;             /* OPT_* bits of the options on the command line */
    cli_list skip, services, attrs;
    /* Gates: each *_set tells whether the flag was given. */
    bool max_increase_set, max_percent_set, max_total_set, cost_threshold_set;
    double max_increase, max_percent, max_total, cost_threshold;
    bool max_length_set;            /* --max-length: Markdown size budget, characters */
    double max_length;
    const char *fail_on;            /* approved-with-changes | needs-revision */
    const char *fail_on_severity;   /* low | medium | high | critical */
    bool allow_unpriced;            /* cost gates decide on the priced part only */
    bool list_types;                /* cost: print the priced types instead of pricing */
    /* Positional arguments, in order. */
    cli_list args;
} cli_opts;

struct cmd_entry;
typedef int (*cmd_exec_fn)(const struct cmd_entry *self, cli_opts *o, cir_err *err);

typedef struct cmd_entry {
    const char *name;
    const char *args_usage;     /* e.g. "[PLAN...]" */
    const char *summary;        /* one line for `circuit help` */
    const char *help;           /* paragraph for `circuit help NAME`, or NULL */
    uint32_t options;           /* OPT_* bits it honours */
    uint32_t noeffect;          /* OPT_* bits it accepts but cannot honour (a warning) */
    const char *formats;        /* comma list, first is the default; NULL = none */
    int min_args, max_args;     /* max_args < 0: unlimited */
    cmd_exec_fn exec;           /* returns CIR_EXIT_*; fills err on CIR_EXIT_ERROR */
    const struct cmd_entry *const *subcommands; /* NULL-terminated, or NULL */
    void (*help_more)(void);    /* prints more help from the program's own tables, or NULL */
} cmd_entry;

/* The top-level table, NULL-terminated (commands.c). */
extern const cmd_entry *const cmd_table[];

/* Runs circuit with argv; returns the process exit status. */
int cli_main(int argc, char **argv);

/* Finds `name` in a NULL-terminated table; NULL if absent. */
const cmd_entry *cli_find(const cmd_entry *const *table, const char *name);

/* Parses argv (after the command name) into `o` for `e`.
 * Returns CIR_EUSAGE with a message on a bad option or argument count. */
cir_code cli_parse(const cmd_entry *e, int argc, char **argv, cli_opts *o, cir_err *err);
void cli_opts_free(cli_opts *o);

/* Prints the help for one entry (or the whole table when e is NULL). */
void cli_print_help(const cmd_entry *const *table, const cmd_entry *e, const char *prefix);

/* Region from the command line or environment, for places where the plan
 * does not say: last --region, AWS_REGION, AWS_DEFAULT_REGION, us-east-1.
 * `source` (may be NULL) receives "flag", "AWS_REGION", ... or "default". */
const char *cli_default_region(const cli_opts *o, const char **source);

/* Every option: long name, short name (0 when none), metavar (NULL for a
 * flag), help text and OPT_* bit, in table order; for help, docs and
 * completion.  Returns false past the end. */
typedef struct cli_option_info {
    const char *name;
    char short_name;
    const char *metavar;
    const char *help;
    uint32_t bit;
    bool repeatable;
} cli_option_info;
bool cli_option_at(size_t i, cli_option_info *out);

/* CIR_EUSAGE when --output names one of `inputs` (n of them; "-" and NULL
 * skipped): writing it would destroy what was read. */
cir_code cli_output_check(const cli_opts *o, const char *const *inputs, size_t n, cir_err *err);

/* The source maps for plans[0..n) (plan_source.h), one per plan, NULL
 * where there is none: --source-dir when given (for every plan), else, when
 * `default_to_plan_dir`, the plan file's own folder if it holds .tf files.
 * *out is NULL when no plan has a map.  Free with cli_source_maps_free. */
struct plan;
struct plan_srcmap;
cir_code cli_source_maps(const cli_opts *o, struct plan *const *plans, size_t n, bool default_to_plan_dir,
                         struct plan_srcmap ***out, cir_err *err);
void cli_source_maps_free(struct plan_srcmap **maps, size_t n);

/* Plan arguments: "-" or none means stdin. */
size_t cli_plan_count(const cli_opts *o);
const char *cli_plan_arg(const cli_opts *o, size_t i);

/* The version string, e.g. "0.1.0". */
extern const char cli_version[];

#endif
