/*
 * gate.c — evaluating the CI gate flags (see gate.h).  Money is compared in
 * cents and percentages to one decimal, as they are printed, so "$500.00
 * exceeds $500.00" can never happen.  Cost gates fail closed: a price the
 * run did not find is never taken as $0.
 */
#include "gate.h"

#include "../core/mem.h"
#include "../core/sbuf.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    double pct;
    if (g->max_percent_set && delta > 0) {
        if (before <= 0 || !cost_delta_percent(t, &pct)) {
            review_list_add(out, "monthly increase %s from a $0.00 baseline exceeds --max-increase-percent %g%%",
                            d, g->max_percent);
        } else if (pct > g->max_percent + 1e-9) {
            review_list_add(out, "monthly increase %.1f%% (%s) exceeds --max-increase-percent %g%%", pct, d,
                            g->max_percent);
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
        assert(f->cost);
    if (review_gates_need_risk(g))
        assert(f->risk);
    const cost_totals *totals = f->cost ? &f->cost->totals : NULL;
    if (totals)
        cost_gates(g, totals, failures);
    if (g->fail_on_set) {
        review_verdict v = review_decide(f->risk, totals, g->cost_threshold, NULL);
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

/* ---- failing closed ------------------------------------------------------------ */

/* Which figures of a resource the set gates read. */
typedef struct gate_needs {
    bool delta, before, after;
} gate_needs;

static gate_needs needs_of(const review_gates *g, const review_gate_facts *f)
{
    gate_needs n = {false, false, false};
    if (g->max_increase_set)
        n.delta = true;
    if (g->max_percent_set)
        n.delta = n.before = true;
    if (g->max_total_set)
        n.after = true;
    /* the cost decides the verdict only for approved-with-changes, and only
     * when the findings alone do not already reach it */
    if (g->fail_on_set && g->fail_on == REVIEW_APPROVED_WITH_CHANGES &&
        review_decide(f->risk, NULL, g->cost_threshold, NULL) < REVIEW_APPROVED_WITH_CHANGES)
        n.delta = true;
    return n;
}

static bool depends(const cost_resource *cr, gate_needs n)
{
    return (n.delta && cr->delta_unknown) || (n.before && cr->before_unknown) || (n.after && cr->after_unknown);
}

/* The region of a "no price ... in R" note, for the advice. */
static bool missing_price(const cost_resource *cr)
{
    const cost_side *sides[2] = {&cr->before, &cr->after};
    for (size_t s = 0; s < 2; s++)
        for (size_t i = 0; i < sides[s]->ncomponents; i++) {
            const char *note = sides[s]->components[i].note;
            if (!sides[s]->components[i].priced && note && strstr(note, "circuit pricing sync"))
                return true;
        }
    return false;
}

size_t review_gates_unpriced(const review_gates *g, const review_gate_facts *f, char **line)
{
    if (line)
        *line = NULL;
    if (!f->cost || !review_gates_need_cost(g))
        return 0;
    gate_needs needs = needs_of(g, f);
    const cost_report *c = f->cost;
    size_t n = 0, unsupported = 0, other = 0;
    sbuf names = SBUF_INIT, regions = SBUF_INIT;
    for (size_t i = 0; i < c->nresources; i++) {
        const cost_resource *cr = &c->resources[i];
        if (!depends(cr, needs))
            continue;
        if (n < 3)
            sbuf_printf(&names, "%s%s", n ? ", " : "", cr->res->address);
        n++;
        if (cr->status == COST_UNSUPPORTED) {
            unsupported++;
        } else if (missing_price(cr) && cr->res->region) {
            char pat[64];
            snprintf(pat, sizeof pat, " %s ", cr->res->region);
            sbuf probe = SBUF_INIT;
            sbuf_printf(&probe, " %s ", sbuf_str(&regions));
            if (!strstr(sbuf_str(&probe), pat))
                sbuf_printf(&regions, "%s%s", regions.len ? " " : "", cr->res->region);
            sbuf_free(&probe);
        } else {
            other++;
        }
    }
    if (n && line) {
        sbuf b = SBUF_INIT;
        sbuf_printf(&b, "%zu resource%s the cost gates depend on %s no price (%s%s): ", n, n == 1 ? "" : "s",
                    n == 1 ? "has" : "have", sbuf_str(&names), n > 3 ? ", ..." : "");
        bool fixable = false;
        if (regions.len) {
            /* one region per sync: name the first, say when there are more */
            char first[64];
            snprintf(first, sizeof first, "%.*s", (int)strcspn(sbuf_str(&regions), " "), sbuf_str(&regions));
            sbuf_printf(&b, "run `circuit pricing sync --region %s`%s", first,
                        strchr(sbuf_str(&regions), ' ') ? " (and the other regions their notes name)" : "");
            fixable = true;
        }
        if (other) {
            sbuf_printf(&b, "%sset the values their notes name in the plan, or give them in a usage file (--usage)",
                        fixable ? ", " : "");
            fixable = true;
        }
        if (unsupported == n)
            sbuf_printf(&b, "%s%s no cost model", fixable ? "; " : "",
                        n == 1 ? "its type has" : "their types have");
        else if (unsupported)
            sbuf_printf(&b, "%s%zu of them %s no cost model", fixable ? "; " : "", unsupported,
                        unsupported == 1 ? "has" : "have");
        sbuf_printf(&b, "%s pass --allow-unpriced to decide on the priced part only", fixable ? "; or" : ";");
        *line = sbuf_detach(&b);
    }
    sbuf_free(&names);
    sbuf_free(&regions);
    return n;
}

int review_gates_report(const review_list *failures)
{
    for (size_t i = 0; i < failures->n; i++)
        fprintf(stderr, "circuit: gate: %s\n", failures->items[i]);
    return failures->n ? CIR_EXIT_GATE : CIR_EXIT_OK;
}

int review_gates_run(const review_gates *g, const review_gate_facts *f, cir_err *err)
{
    char *line = NULL;
    size_t unpriced = review_gates_unpriced(g, f, &line);
    if (unpriced && !g->allow_unpriced) {
        /* a cost gate cannot decide: the other gates still report */
        review_gates g2 = *g;
        g2.max_increase_set = g2.max_percent_set = g2.max_total_set = false;
        if (g2.fail_on == REVIEW_APPROVED_WITH_CHANGES)
            g2.fail_on_set = false;
        review_list failures = {0};
        review_gates_eval(&g2, f, &failures);
        review_gates_report(&failures);
        review_list_free(&failures);
        cir_error(err, CIR_ENOPRICE, "gate", "%s", line);
        free(line);
        return CIR_EXIT_ERROR;
    }
    if (unpriced)
        fprintf(stderr, "circuit: gate: decided on the priced part only (--allow-unpriced): %zu resource%s %s no price\n",
                unpriced, unpriced == 1 ? "" : "s", unpriced == 1 ? "has" : "have");
    free(line);
    review_list failures = {0};
    review_gates_eval(g, f, &failures);
    int rc = review_gates_report(&failures);
    review_list_free(&failures);
    return rc;
}
