/*
 * cmd-changes.c — `circuit changes [PLAN]`: what a plan creates, updates,
 * replaces, destroys, reads, forgets, imports and moves, as a table
 * (default), Markdown or JSON (circuit.changes/v1).  The reader and the
 * renderers live in src/plan/; this file wires options to them.
 */
#include "cli.h"

#include "../core/out.h"
#include "../plan/plan.h"
#include "../plan/plan_render.h"

#include <string.h>

static int changes_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    plan_load_opts lo = {
        .command = o->command,
        .region_flag = o->regions.n ? o->regions.items[o->regions.n - 1] : NULL,
        .quiet = o->quiet,
    };
    plan *p;
    if (plan_load(cli_plan_arg(o, 0), &lo, &p, err))
        return CIR_EXIT_ERROR;
    sbuf doc = SBUF_INIT;
    if (strcmp(o->format, "json") == 0)
        plan_render_json(p, &doc);
    else if (strcmp(o->format, "markdown") == 0)
        plan_render_markdown(p, &doc);
    else
        plan_render_table(p, &doc, !o->output && out_color(o->no_color));
    /* Emit before freeing the plan: freeing the JSON tree leaves a million
     * small chunks in malloc's fast bins, and stdio's first buffer
     * allocation after that would pay for consolidating them all. */
    cir_code rc = out_emit(o->output, &doc, err);
    sbuf_free(&doc);
    plan_free(p);
    return rc ? CIR_EXIT_ERROR : CIR_EXIT_OK;
}

const cmd_entry cmd_changes_entry = {
    .name = "changes",
    .args_usage = "[PLAN]",
    .summary = "what a plan creates, updates, replaces, destroys, reads, moves and imports",
    .help = "PLAN is the output of `terraform show -json PLANFILE` (or `tofu show -json`);\n"
            "`-` or no argument reads stdin.  A binary plan file is converted with\n"
            "`terraform show -json` when terraform or tofu is on PATH.  A state file, the\n"
            "text of `terraform plan`, a compressed file and other inputs that are not\n"
            "plans are named in the error, with the command to run instead.  The table groups\n"
            "resources by action (+ create, ~ update, -/+ and +/- replace, - destroy,\n"
            "<= read, . forget) with the AWS region and where it came from; --format json\n"
            "writes the circuit.changes/v1 document described in the README.  Sensitive\n"
            "values are shown as (sensitive), unknown ones as (known after apply).",
    .options = OPT_FORMAT | OPT_OUTPUT | OPT_REGION | OPT_NO_COLOR | OPT_QUIET,
    .formats = "table,markdown,json",
    .min_args = 0,
    .max_args = 1,
    .exec = changes_exec,
};
