/*
 * cmd-changes.c — `circuit changes [PLAN...]`: what a plan creates, updates,
 * replaces, destroys, reads, forgets, imports and moves, as a table
 * (default), Markdown or JSON (circuit.changes/v1).  The reader and the
 * renderers live in src/plan/; this file wires options to them.
 */
#include "cli.h"

#include "../core/mem.h"
#include "../core/out.h"
#include "../plan/plan.h"
#include "../plan/plan_render.h"

#include <stdlib.h>
#include <string.h>

static int changes_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    plan_load_opts lo = {
        .command = o->command,
        .region_flag = o->regions.n ? o->regions.items[o->regions.n - 1] : NULL,
        .quiet = o->quiet,
    };
    size_t n = cli_plan_count(o), stdin_uses = 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(cli_plan_arg(o, i), "-") == 0 && ++stdin_uses > 1)
            return cir_error(err, CIR_EUSAGE, "changes", "standard input (-) can be read only once"), CIR_EXIT_ERROR;
    bool json = strcmp(o->format, "json") == 0;
    sbuf doc = SBUF_INIT;
    /* Several plans: one document each, in order; JSON wraps them in an array. */
    if (json && n > 1)
        sbuf_puts(&doc, "[\n");
    plan **plans = xcalloc(n, sizeof *plans);
    cir_code rc = CIR_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        if ((rc = plan_load(cli_plan_arg(o, i), &lo, &plans[i], err)))
            break;
        if (i && json)
            sbuf_puts(&doc, ",\n");
        else if (i)
            sbuf_putc(&doc, '\n');
        if (json)
            plan_render_json(plans[i], &doc);
        else if (strcmp(o->format, "markdown") == 0)
            plan_render_markdown(plans[i], &doc);
        else
            plan_render_table(plans[i], &doc, !o->output && out_color(o->no_color));
    }
    if (json && n > 1)
        sbuf_puts(&doc, "]\n");
    /* Emit before freeing the plans: freeing the JSON tree leaves a million
     * small chunks in malloc's fast bins, and stdio's first buffer
     * allocation after that would pay for consolidating them all. */
    if (!rc)
        rc = out_emit(o->output, &doc, err);
    sbuf_free(&doc);
    for (size_t i = 0; i < n; i++)
        plan_free(plans[i]);
    free(plans);
    return rc ? CIR_EXIT_ERROR : CIR_EXIT_OK;
}

const cmd_entry cmd_changes_entry = {
    .name = "changes",
    .args_usage = "[PLAN...]",
    .summary = "what a plan creates, updates, replaces, destroys, reads, moves and imports",
    .help = "PLAN is the output of `terraform show -json PLANFILE` (or `tofu show -json`);\n"
            "`-` or no argument reads stdin.  A binary plan file is converted with\n"
            "`terraform show -json` when terraform or tofu is on PATH.  A state file, the\n"
            "text of `terraform plan`, a compressed file and other inputs that are not\n"
            "plans are named in the error, with the command to run instead.  The table groups\n"
            "resources by action (+ create, ~ update, -/+ and +/- replace, - destroy,\n"
            "<= read, . forget) with the AWS region and where it came from; --format json\n"
            "writes the circuit.changes/v1 document (docs/changes.md).  Sensitive\n"
            "values are shown as (sensitive), unknown ones as (known after apply).\n"
            "Several plans give one document each, in order (JSON: an array of them).",
    .options = OPT_FORMAT | OPT_OUTPUT | OPT_REGION | OPT_NO_COLOR | OPT_QUIET | OPT_OFFLINE,
    .noeffect = OPT_USAGE | OPT_CACHE | OPT_RULES,
    .formats = "table,markdown,json",
    .min_args = 0,
    .max_args = -1,
    .exec = changes_exec,
};
