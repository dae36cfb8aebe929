/*
 * gate.c — evaluating the CI gate flags (see gate.h).  Money is compared in
 * cents, as it is printed, so "$500.00 exceeds $500.00" can never happen.
 */
#include "gate.h"

#include "../cli/cli.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

void review_gates_from_cli(const struct cli_opts *o, review_gates *g)
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
}

bool review_gates_any(const review_gates *g)
{
    return g->max_increase_set || g->max_percent_set || g->max_total_set || g->fail_on_set ||
           g->fail_on_severity_set;
}

bool review_gates_need_cost(const review_gates *g)
{
    return g->max_increase_set || g->max_percent_set || g->max_total_set || g->fail_on_set;
}

bool review_gates_need_risk(const review_gates *g)
{
    return g->fail_on_set || g->fail_on_severity_set;
}

static const char *fail_on_flag(review_verdict v)
{
    return v == REVIEW_APPROVED_WITH_CHANGES ? "approved-with-changes" : "needs-revision";
}

static void cost_gates(const review_gates *g, const cost_totals *t, review_list *out)
{
    double delta = money_round(t->monthly_delta), before = money_round(t->monthly_before);
    char d[48], limit[48];
    money_format(d, sizeof d, delta);
    if (g->max_increase_set && delta > money_round(g->max_increase)) {
        money_format(limit, sizeof limit, g->max_increase);
        review_list_add(out, "monthly increase %s exceeds --max-monthly-increase %s", d, limit);
    }
    if (g->max_percent_set && delta > 0) {
        if (before <= 0) {
            review_list_add(out, "monthly increase %s from a $0.00 baseline exceeds --max-increase-percent %g%%",
                            d, g->max_percent);
        } else {
            double pct = delta / before * 100.0;
            if (pct > g->max_percent + 1e-9)
                review_list_add(out, "monthly increase %.1f%% (%s) exceeds --max-increase-percent %g%%", pct,
                                d, g->max_percent);
        }
    }
    double after = money_round(t->monthly_after);
    if (g->max_total_set && after > money_round(g->max_total)) {
        char total[48];
        money_format(total, sizeof total, after);
        money_format(limit, sizeof limit, g->max_total);
        review_list_add(out, "monthly total %s exceeds --max-monthly-total %s", total, limit);
    }
}

size_t review_gates_eval(const review_gates *g, const review_gate_facts *f, review_list *failures)
{
    size_t before = failures->n;
    if (review_gates_need_cost(g))
        assert(f->totals);
    if (review_gates_need_risk(g))
        assert(f->risk);
    if (f->totals)
        cost_gates(g, f->totals, failures);
    if (g->fail_on_set) {
        review_verdict v = review_decide(f->risk, f->totals, g->cost_threshold, NULL);
        if (v >= g->fail_on)
            review_list_add(failures, "verdict %s fails --fail-on %s", review_verdict_name(v),
                            fail_on_flag(g->fail_on));
    }
    if (g->fail_on_severity_set && f->risk) {
        size_t n = 0;
        for (size_t i = 0; i < f->risk->nfindings; i++)
            n += f->risk->findings[i].rule->severity >= g->fail_on_severity;
        if (n)
            review_list_add(failures, "%zu finding%s of severity %s or worse fail%s --fail-on-severity %s", n,
                            n == 1 ? "" : "s", risk_severity_name(g->fail_on_severity), n == 1 ? "s" : "",
                            risk_severity_name(g->fail_on_severity));
    }
    return failures->n - before;
}

int review_gates_report(const review_list *failures)
{
    for (size_t i = 0; i < failures->n; i++)
        fprintf(stderr, "circuit: gate: %s\n", failures->items[i]);
    return failures->n ? CIR_EXIT_GATE : CIR_EXIT_OK;
}

int review_gates_run(const review_gates *g, const review_gate_facts *f)
{
    review_list failures = {0};
    review_gates_eval(g, f, &failures);
    int rc = review_gates_report(&failures);
    review_list_free(&failures);
    return rc;
}

void review_gates_discard(review_gate_run *run)
{
    risk_report_free(run->own_risk);   /* borrows rule text: before the rules */
    risk_ruleset_free(run->rules);
    cost_report_free(run->own_cost);
    cost_usage_free(run->usage);
    price_cache_close(run->cache);
    memset(run, 0, sizeof *run);
}

cir_code review_gates_prepare(const struct cli_opts *o, plan *const *plans, size_t nplans,
                              const cost_report *cost, const risk_report *risk, review_gate_run *run,
                              cir_err *err)
{
    memset(run, 0, sizeof *run);
    review_gates_from_cli(o, &run->gates);
    run->cost = cost;
    run->risk = risk;
    const review_gates *g = &run->gates;
    if (review_gates_need_cost(g) && !run->cost) {
        price_open_opts po = {.path = o->cache};
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
    review_gates_discard(run);
    return err->code;
}

int review_gates_finish(review_gate_run *run)
{
    review_gate_facts f = {.totals = run->cost ? &run->cost->totals : NULL, .risk = run->risk};
    int status = review_gates_any(&run->gates) ? review_gates_run(&run->gates, &f) : CIR_EXIT_OK;
    review_gates_discard(run);
    return status;
}
