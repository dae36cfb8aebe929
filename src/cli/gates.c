/*
 * gates.c — the gate flags of a command line and the gate run of `circuit
 * cost` and `circuit check` (see gates.h); the evaluation itself is
 * src/review/gate.c.
 */
#include "gates.h"

#include <string.h>

void cli_gates_from_opts(const cli_opts *o, review_gates *g)
{
    memset(g, 0, sizeof *g);
    g->max_increase_set = o->max_increase_set;
    g->max_increase = o->max_increase;
    g->max_percent_set = o->max_percent_set;
    g->max_percent = o->max_percent;
    g->max_total_set = o->max_total_set;
    g->max_total = o->max_total;
    if (o->fail_on) {
        g->fail_on_set = true;
        g->fail_on = strcmp(o->fail_on, "approved-with-changes") == 0 ? REVIEW_APPROVED_WITH_CHANGES
                                                                       : REVIEW_NEEDS_REVISION;
    }
    if (o->fail_on_severity)
        g->fail_on_severity_set = risk_severity_parse(o->fail_on_severity, &g->fail_on_severity);
    g->cost_threshold = o->cost_threshold_set ? o->cost_threshold : REVIEW_DEFAULT_COST_THRESHOLD;
    g->allow_unpriced = o->allow_unpriced;
}

void cli_gates_discard(cli_gate_run *run)
{
    risk_report_free(run->own_risk);   /* borrows rule text: before the rules */
    risk_ruleset_free(run->rules);
    cost_report_free(run->own_cost);
    cost_usage_free(run->usage);
    price_cache_close(run->cache);
    memset(run, 0, sizeof *run);
}

cir_code cli_gates_prepare(const cli_opts *o, plan *const *plans, size_t nplans, const cost_report *cost,
                           const risk_report *risk, cli_gate_run *run, cir_err *err)
{
    memset(run, 0, sizeof *run);
    cli_gates_from_opts(o, &run->gates);
    run->cost = cost;
    run->risk = risk;
    const review_gates *g = &run->gates;
    if (review_gates_need_cost(g) && !run->cost) {
        price_open_opts po = {.path = o->cache, .reading = true, .temp_fallback = true};
        cost_opts co = {.usage = NULL};
        if (price_cache_open(&po, &run->cache, err) ||
            (o->usage_file && cost_usage_load(o->usage_file, &run->usage, err)))
            goto fail;
        co.usage = run->usage;
        cost_usage_check_plans(run->usage, plans, nplans, NULL);
        if (cost_estimate(plans, nplans, run->cache, &co, &run->own_cost, err))
            goto fail;
        run->cost = run->own_cost;
    }
    if (review_gates_need_risk(g) && !run->risk) {
        risk_opts ro = {.skip = o->skip.items, .nskip = o->skip.n};
        if (risk_ruleset_load(o->rules_file, &run->rules, err) ||
            risk_check(plans, nplans, run->rules, &ro, &run->own_risk, err))
            goto fail;
        run->risk = run->own_risk;
    }
    return CIR_OK;
fail:
    cli_gates_discard(run);
    return err->code;
}

int cli_gates_finish(cli_gate_run *run, cir_err *err)
{
    review_gate_facts f = {.cost = run->cost, .risk = run->risk};
    int status = review_gates_any(&run->gates) ? review_gates_run(&run->gates, &f, err) : CIR_EXIT_OK;
    cli_gates_discard(run);
    return status;
}
