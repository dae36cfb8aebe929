/*
 * cmd-review.c — `circuit review [PLAN...]`: the engineer's review of one
 * or more plans (stdin when none or "-"), in Markdown (the seed's format,
 * for a PR comment), JSON (circuit.review/v1) or one self-contained HTML page
 * with charts, then the CI gates.
 *
 * The run is: load the plans, price them from the cache (the bundled
 * snapshot fills an empty cache; nothing is fetched), run the risk rules,
 * build the review, emit it, evaluate the gates.  The document is written
 * before the gates so a failing gate still leaves its report behind.
 */
#include "cli.h"
#include "gates.h"

#include "../core/mem.h"
#include "../core/out.h"
#include "../cost/cost.h"
#include "../plan/plan.h"
#include "../plan/plan_source.h"
#include "../review/review.h"
#include "../risk/risk.h"

#include <stdlib.h>
#include <string.h>

typedef struct review_run {
    plan **plans;
    size_t nplans;
    price_cache *cache;
    cost_usage *usage;
    cost_report *cost;
    risk_ruleset *rules;
    risk_report *risk;         /* findings on what the plan changes */
    risk_report *unchanged;    /* findings on what it leaves unchanged, counted */
    plan_srcmap **maps;         /* --source-dir, one per plan; NULL when none */
    review *rv;
} review_run;

static void run_free(review_run *r)
{
    review_free(r->rv);
    risk_report_free(r->risk);
    risk_report_free(r->unchanged);
    cli_source_maps_free(r->maps, r->nplans);
    risk_ruleset_free(r->rules);
    cost_report_free(r->cost);
    cost_usage_free(r->usage);
    price_cache_close(r->cache);
    for (size_t i = 0; i < r->nplans; i++)
        plan_free(r->plans[i]);
    free(r->plans);
}

static cir_code load_plans(const cli_opts *o, review_run *r, cir_err *err)
{
    size_t n = cli_plan_count(o);
    r->plans = xcalloc(n, sizeof *r->plans);
    plan_load_opts lo = {.region_flag = o->regions.n ? o->regions.items[o->regions.n - 1] : NULL,
                         .quiet = o->quiet, .command = o->command};
    size_t stdin_uses = 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(cli_plan_arg(o, i), "-") == 0 && ++stdin_uses > 1)
            return cir_error(err, CIR_EUSAGE, "review", "standard input (-) can be read only once");
    for (size_t i = 0; i < n; i++) {
        if (plan_load(cli_plan_arg(o, i), &lo, &r->plans[i], err))
            return err->code;
        r->nplans++;
    }
    return CIR_OK;
}

static cir_code estimate(const cli_opts *o, review_run *r, cir_err *err)
{
    price_open_opts po = {.path = o->cache, .reading = true, .temp_fallback = true};
    if (price_cache_open(&po, &r->cache, err))
        return err->code;
    if (o->usage_file && cost_usage_load(o->usage_file, &r->usage, err))
        return err->code;
    cost_usage_check_plans(r->usage, r->plans, r->nplans, NULL);
    cost_opts co = {.usage = r->usage};
    return cost_estimate(r->plans, r->nplans, r->cache, &co, &r->cost, err);
}

static cir_code check(const cli_opts *o, review_run *r, cir_err *err)
{
    if (risk_ruleset_load(o->rules_file, &r->rules, err))
        return err->code;
    /* Every resource is checked so the review can count the problems that
     * already exist; only those on what the plan changes are judged (and
     * gated on). */
    risk_opts ro = {.skip = o->skip.items, .nskip = o->skip.n, .scope = RISK_RESOURCES_ALL};
    if (risk_check(r->plans, r->nplans, r->rules, &ro, &r->risk, err) ||
        cli_source_maps(o, r->plans, r->nplans, false, &r->maps, err))
        return err->code;
    risk_report_locate(r->risk, r->plans, r->maps, r->nplans);
    r->unchanged = review_split_findings(r->plans, r->nplans, r->risk);
    return CIR_OK;
}

static int review_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    review_gates gates;
    cli_gates_from_opts(o, &gates);
    review_run run;
    memset(&run, 0, sizeof run);
    int status = CIR_EXIT_ERROR;
    sbuf doc = SBUF_INIT;
    /* The verdict, the cut notice and the headings need room: a budget
     * smaller than that could not be kept. */
    if (o->max_length_set && (o->max_length != (double)(size_t)o->max_length ||
                              (o->max_length > 0 && o->max_length < REVIEW_MIN_MAX_LENGTH))) {
        cir_error(err, CIR_EUSAGE, "review", "--max-length wants 0 (no limit) or a whole number of at least %d "
                  "characters", REVIEW_MIN_MAX_LENGTH);
        return CIR_EXIT_ERROR;
    }
    if (load_plans(o, &run, err) || estimate(o, &run, err) || check(o, &run, err))
        goto done;
    review_opts ropts = {.cost_threshold = gates.cost_threshold,
                         .unchanged_risk = run.unchanged,
                         .cache = run.cache,
                         .region = cli_default_region(o, NULL)};
    if (review_build(run.plans, run.nplans, run.cost, run.risk, &ropts, &run.rv, err))
        goto done;
    if (strcmp(o->format, "json") == 0)
        review_render_json(run.rv, &doc);
    else if (strcmp(o->format, "html") == 0)
        review_render_html(run.rv, 0, &doc);
    else
        review_render_markdown(run.rv, o->max_length_set ? (size_t)o->max_length : REVIEW_DEFAULT_MAX_LENGTH,
                               &doc);
    if (out_emit(o->output, &doc, err))
        goto done;
    review_gate_facts facts = {.cost = run.cost, .risk = run.risk};
    status = review_gates_run(&gates, &facts, err);
done:
    sbuf_free(&doc);
    run_free(&run);
    return status;
}

const cmd_entry cmd_review_entry = {
    .name = "review",
    .args_usage = "[PLAN...]",
    .summary = "the engineer's review of a plan: changes, cost, risks, verdict",
    .help = "Reads one or more plans (`terraform show -json`; \"-\" or none reads stdin; a\n"
            "terminal on stdin gets a hint instead of a wait) and writes the\n"
            "Infrastructure/DevOps Engineer Review: new and modified resources, monthly cost\n"
            "impact, deployment, scaling and reliability assessment, dependencies, operational\n"
            "checklist, strengths, concerns, recommendations and the verdict.\n"
            "Verdict: NEEDS REVISION on a critical/high finding or unprotected data loss;\n"
            "APPROVED WITH CHANGES on a medium finding or a monthly increase above\n"
            "--cost-threshold; APPROVED otherwise.  Gate flags make the exit status 1 when they\n"
            "fail (one stderr line each); the review is written either way.\n"
            "Only what the plan changes is judged: unchanged resources are context where a\n"
            "changed one depends on them, and the findings on them are counted; resources of\n"
            "providers other than AWS are counted as not reviewed.  --max-length N keeps the\n"
            "Markdown within N characters (default 60000, under GitHub's comment limit).\n"
            "Prices come from the cache, filled from the bundled snapshot when empty; review\n"
            "never fetches (--offline is accepted for scripts that pass it everywhere).",
    .options = OPT_FORMAT | OPT_OUTPUT | OPT_REGION | OPT_USAGE | OPT_CACHE | OPT_OFFLINE | OPT_RULES |
               OPT_SKIP | OPT_COST_THRESHOLD | OPT_GATES | OPT_NO_COLOR | OPT_QUIET | OPT_SOURCE_DIR |
               OPT_MAX_LENGTH,
    .formats = "markdown,json,html",
    .min_args = 0,
    .max_args = -1,
    .exec = review_exec,
};
