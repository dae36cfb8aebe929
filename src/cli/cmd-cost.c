/*
 * cmd-cost.c — `circuit cost PLAN...`: monthly cost before, after and the
 * delta of one or more plans, per resource and price component, from the
 * local price cache (the bundled snapshot loads itself when the cache has
 * nothing for a region).  Table, Markdown (PR comment), JSON
 * (circuit.cost/v1) or one self-contained HTML page with charts.  Several
 * plans give per-plan subtotals and a total.
 */
#include "cli.h"
#include "gates.h"

#include "../core/mem.h"
#include "../core/out.h"
#include "../core/sbuf.h"
#include "../cost/cost.h"
#include "../cost/cost_render.h"
#include "../cost/cost_render_html.h"
#include "../plan/plan.h"
#include "../plan/plan_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void free_plans(plan **plans, size_t n)
{
    for (size_t i = 0; i < n; i++)
        plan_free(plans[i]);
    free(plans);
}

static cir_code load_plans(const cli_opts *o, plan ***out, size_t *nout, cir_err *err)
{
    size_t n = cli_plan_count(o);
    plan **plans = xcalloc(n, sizeof *plans);
    size_t stdin_uses = 0;
    plan_load_opts lo = {.region_flag = o->regions.n ? o->regions.items[o->regions.n - 1] : NULL,
                         .quiet = o->quiet, .command = o->command};
    for (size_t i = 0; i < n; i++) {
        const char *path = cli_plan_arg(o, i);
        if (strcmp(path, "-") == 0 && ++stdin_uses > 1) {
            free_plans(plans, i);
            return cir_error(err, CIR_EUSAGE, "cost", "standard input (-) can be read only once");
        }
        cir_code rc = plan_load(path, &lo, &plans[i], err);
        if (rc != CIR_OK) {
            free_plans(plans, i);
            return rc;
        }
    }
    *out = plans;
    *nout = n;
    return CIR_OK;
}

/* --list-types: the reference the model tables document, no plan read. */
static int list_types(const cli_opts *o, cir_err *err)
{
    if (o->args.n)
        return cir_error(err, CIR_EUSAGE, "cost", "--list-types reads no plan"), CIR_EXIT_ERROR;
    sbuf doc = SBUF_INIT;
    cost_doc_types(o->format, &doc);
    cir_code rc = out_emit(o->output, &doc, err);
    sbuf_free(&doc);
    return rc == CIR_OK ? CIR_EXIT_OK : CIR_EXIT_ERROR;
}

static void cost_help_more(void)
{
    sbuf b = SBUF_INIT;
    cost_doc_help(&b);
    fputs(sbuf_str(&b), stdout);
    sbuf_free(&b);
}

static int cost_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    if (o->list_types)
        return list_types(o, err);
    cost_usage *usage = NULL;
    plan **plans = NULL;
    size_t nplans = 0;
    price_cache *cache = NULL;
    cost_report *rep = NULL;
    sbuf doc = SBUF_INIT;
    cir_code rc = CIR_OK;

    if (o->usage_file)
        rc = cost_usage_load(o->usage_file, &usage, err);
    if (rc == CIR_OK)
        rc = load_plans(o, &plans, &nplans, err);
    if (rc == CIR_OK)
        cost_usage_check_plans(usage, plans, nplans, NULL);
    if (rc == CIR_OK) {
        price_open_opts po = {.path = o->cache, .reading = true, .temp_fallback = true};
        rc = price_cache_open(&po, &cache, err);
    }
    if (rc == CIR_OK) {
        cost_opts co = {.usage = usage};
        rc = cost_estimate(plans, nplans, cache, &co, &rep, err);
    }
    cli_gate_run gates = {0};
    if (rc == CIR_OK)
        rc = cli_gates_prepare(o, plans, nplans, rep, NULL, &gates, err);
    if (rc == CIR_OK) {
        const price_offer_info *used = NULL;
        size_t nused = price_cache_used(cache, &used);
        cost_render_opts ro = {.schema = "circuit.cost/v1", .prices = used, .nprices = nused,
                               .plans = plans, .nplans = nplans,
                               .color = strcmp(o->format, "table") == 0 && !o->output && out_color(o->no_color)};
        if (strcmp(o->format, "html") == 0) {
            plan_provider_count *nr = NULL;
            size_t nnr = plan_not_reviewed(plans, nplans, &nr);
            char *nr_text = nnr ? plan_not_reviewed_text(nr, nnr) : NULL;
            cost_html_opts ho = {.render = &ro, .not_reviewed = nr_text};
            cost_render_html(rep, &ho, &doc);
            free(nr_text);
            free(nr);
        } else {
            cost_render(rep, o->format, &ro, &doc);
            plan_not_reviewed_append(plans, nplans, o->format, &doc);
        }
        rc = out_emit(o->output, &doc, err);
    }
    int status = rc == CIR_OK ? cli_gates_finish(&gates, err) : CIR_EXIT_ERROR;
    cli_gates_discard(&gates);
    sbuf_free(&doc);
    cost_report_free(rep);
    price_cache_close(cache);
    free_plans(plans, nplans);
    cost_usage_free(usage);
    return status;
}

const cmd_entry cmd_cost_entry = {
    .name = "cost",
    .args_usage = "[PLAN...]",
    .summary = "monthly cost before, after and delta, per resource and price component",
    .help = "Prices every managed AWS resource of each plan (terraform show -json) from the\n"
            "local price cache: create adds the after cost, delete removes the before cost,\n"
            "update and replace show after - before; no-op resources count in the totals.\n"
            "Several plans give per-plan subtotals and a combined total.  '-' or no argument\n"
            "reads standard input.  Usage-based components (data processed, requests,\n"
            "storage) take figures from --usage, a file in Infracost's usage-file format;\n"
            "an entry whose address matches no resource, or a key no model reads, is a\n"
            "warning naming the closest match.\n"
            "A price that is missing is never $0: the line says \"not priced\" and why, JSON\n"
            "has null and unpriced_count.  A value the plan does not give is priced as AWS\n"
            "would set it and the line says \"assumed ...\" (a usage key overrides it).\n"
            "Gate flags (see 'circuit help review') exit 1 when they fail, and 2 when a\n"
            "resource a cost gate depends on has no price (--allow-unpriced decides on the\n"
            "priced part); --fail-on and --fail-on-severity run the risk rules (--rules,\n"
            "--skip) only for the gate.  --list-types prints the priced types instead.",
    .options = OPT_FORMAT | OPT_OUTPUT | OPT_REGION | OPT_USAGE | OPT_CACHE | OPT_OFFLINE | OPT_NO_COLOR |
               OPT_QUIET | OPT_GATES | OPT_COST_THRESHOLD | OPT_RULES | OPT_SKIP | OPT_LIST_TYPES,
    .formats = "table,markdown,json,html",
    .min_args = 0,
    .max_args = -1,
    .exec = cost_exec,
    .help_more = cost_help_more,
};
