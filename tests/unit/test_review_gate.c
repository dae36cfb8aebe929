/*
 * test_review_gate.c — cost gates fail closed: which unpriced resources each
 * gate depends on, the one line that says what to do, and --allow-unpriced
 * deciding on the priced part (review_gates_unpriced / review_gates_run).
 */
#include "review_testlib.h"
#include "src/review/gate.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

/* A report of hand-made resources: `n` entries of (address, action,
 * status, before_unknown, after_unknown). */
typedef struct fake {
    plan_resource res[6];
    cost_resource cr[6];
    cost_report rep;
} fake;

static void add(fake *f, const char *address, plan_action action, cost_status st, bool bu, bool au)
{
    size_t i = f->rep.nresources++;
    f->res[i] = (plan_resource){.address = address, .type = "aws_x", .action = action, .region = "eu-west-3",
                                .is_aws = true};
    f->cr[i] = (cost_resource){.res = &f->res[i], .status = st, .before_unknown = bu, .after_unknown = au,
                               .delta_unknown = action != PLAN_ACT_NOOP && (bu || au)};
    f->rep.resources = f->cr;
    f->rep.totals.unpriced += cost_status_unpriced(st);
    f->rep.totals.before_partial |= bu;
    f->rep.totals.after_partial |= au;
    f->rep.totals.delta_partial |= f->cr[i].delta_unknown;
}

Test(gate_unpriced, each_gate_depends_on_its_figures)
{
    fake f = {0};
    add(&f, "aws_x.priced", PLAN_ACT_CREATE, COST_PRICED, false, false);
    add(&f, "aws_x.same", PLAN_ACT_NOOP, COST_NOT_PRICED, true, true);
    review_gate_facts facts = {&f.rep, NULL};
    review_gates inc = {.max_increase_set = true, .max_increase = 10, .cost_threshold = 500};
    review_gates pct = {.max_percent_set = true, .max_percent = 10, .cost_threshold = 500};
    review_gates tot = {.max_total_set = true, .max_total = 10, .cost_threshold = 500};
    cr_expect_eq(review_gates_unpriced(&inc, &facts, NULL), 0, "an unchanged resource does not change the increase");
    cr_expect_eq(review_gates_unpriced(&pct, &facts, NULL), 1, "... but it is in the base of the percentage");
    cr_expect_eq(review_gates_unpriced(&tot, &facts, NULL), 1, "... and in the total");
}

Test(gate_unpriced, one_line_with_the_first_three_and_what_to_do)
{
    fake f = {0};
    add(&f, "aws_x.a", PLAN_ACT_CREATE, COST_NOT_PRICED, false, true);
    add(&f, "aws_x.b", PLAN_ACT_CREATE, COST_UNSUPPORTED, false, true);
    add(&f, "aws_x.c", PLAN_ACT_DELETE, COST_NOT_PRICED, true, false);
    add(&f, "aws_x.d", PLAN_ACT_UPDATE, COST_NOT_PRICED, true, true);
    review_gate_facts facts = {&f.rep, NULL};
    review_gates g = {.max_increase_set = true, .max_increase = 10, .cost_threshold = 500};
    char *line = NULL;
    cr_assert_eq(review_gates_unpriced(&g, &facts, &line), 4);
    cr_assert_not_null(line);
    cr_expect(strncmp(line, "4 resources the cost gates depend on have no price (aws_x.a, aws_x.b, aws_x.c, ...): ",
                      strlen("4 resources the cost gates depend on have no price (aws_x.a, aws_x.b, aws_x.c, ...): ")) == 0,
              "%s", line);
    cr_expect_not_null(strstr(line, "1 of them has no cost model"), "%s", line);
    cr_expect_not_null(strstr(line, "--allow-unpriced"), "%s", line);
    free(line);
}

Test(gate_unpriced, fail_on_waits_for_prices_only_when_the_cost_decides)
{
    fake f = {0};
    add(&f, "aws_x.a", PLAN_ACT_CREATE, COST_UNSUPPORTED, false, true);
    review_gate_facts facts = {&f.rep, NULL};
    review_gates awc = {.fail_on_set = true, .fail_on = REVIEW_APPROVED_WITH_CHANGES, .cost_threshold = 500};
    review_gates nr = {.fail_on_set = true, .fail_on = REVIEW_NEEDS_REVISION, .cost_threshold = 500};
    review_gates sev = {.fail_on_severity_set = true, .fail_on_severity = RISK_HIGH, .cost_threshold = 500};
    cr_expect_eq(review_gates_unpriced(&awc, &facts, NULL), 1, "the increase could ask for changes");
    cr_expect_eq(review_gates_unpriced(&nr, &facts, NULL), 0, "the cost never makes NEEDS REVISION");
    cr_expect_eq(review_gates_unpriced(&sev, &facts, NULL), 0, "severity never reads the cost");
}

Test(gate_unpriced, run_exits_2_unless_allow_unpriced)
{
    fake f = {0};
    add(&f, "aws_x.a", PLAN_ACT_CREATE, COST_NOT_PRICED, false, true);
    f.rep.totals.monthly_after = f.rep.totals.monthly_delta = 3.65;
    review_gate_facts facts = {&f.rep, NULL};
    review_gates g = {.max_total_set = true, .max_total = 1000, .cost_threshold = 500};
    cir_err err;
    cir_err_clear(&err);
    cr_expect_eq(review_gates_run(&g, &facts, &err), CIR_EXIT_ERROR, "fails closed");
    cr_expect_eq(err.code, CIR_ENOPRICE);
    cr_expect_str_eq(err.topic, "gate");
    cir_err_clear(&err);
    g.allow_unpriced = true;
    cr_expect_eq(review_gates_run(&g, &facts, &err), CIR_EXIT_OK, "the priced part is under the limit");
    g.max_total = 1;
    cr_expect_eq(review_gates_run(&g, &facts, &err), CIR_EXIT_GATE, "the priced part alone is over it");
}

Test(gate_percent, the_gate_rounds_as_the_review_prints)
{
    /* web-stack: $8.23 -> $348.54 is 4135.0% from the figures as shown */
    cost_totals t = {.monthly_before = 8.2346, .monthly_after = 348.5456, .monthly_delta = 340.311};
    double pct;
    cr_assert(cost_delta_percent(&t, &pct));
    cr_expect_float_eq(pct, 4135.0, 1e-9);
    cost_totals zero = {.monthly_before = 0.004, .monthly_after = 10, .monthly_delta = 9.996};
    cr_expect(!cost_delta_percent(&zero, &pct), "no percentage from a $0.00 baseline");
}
