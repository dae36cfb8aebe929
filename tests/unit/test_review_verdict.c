/*
 * test_review_verdict.c — the verdict rules (README "Verdict rules") and
 * the CI gates, on hand-built findings and cost totals.
 */
#include "review_testlib.h"
#include "src/review/gate.h"

#include <criterion/criterion.h>
#include <string.h>

static const risk_rule_info crit = {"T-CRIT", "networking", RISK_CRITICAL, "aws_security_group",
                                    "open admin port", "close it", NULL, NULL};
static const risk_rule_info high = {"T-HIGH", "storage", RISK_HIGH, "aws_db_instance", "public database",
                                    "make it private", NULL, NULL};
static const risk_rule_info med = {"T-MED", "reliability", RISK_MEDIUM, "aws_ecs_service",
                                   "no circuit breaker", "enable it", NULL, NULL};
static const risk_rule_info low = {"T-LOW", "operations", RISK_LOW, "aws_cloudwatch_log_group",
                                   "no retention", "set retention", NULL, NULL};
static const risk_rule_info loss = {"T-LOSS", "plan", RISK_MEDIUM, "*",
                                    "Destroying a stateful resource (data loss)", "snapshot first", NULL, NULL};
static const risk_rule_info loss_info = {"T-DOWN", "plan", RISK_MEDIUM, "*",
                                         "Destroy-before-create on a serving resource", "use cbd", NULL, NULL};

static review_verdict decide(risk_report *r, double delta, double threshold)
{
    cost_totals t = {.monthly_before = 100, .monthly_after = 100 + delta, .monthly_delta = delta};
    return review_decide(r, &t, threshold, NULL);
}

Test(verdict, names_are_the_seed_words)
{
    cr_assert_str_eq(review_verdict_name(REVIEW_APPROVED), "APPROVED");
    cr_assert_str_eq(review_verdict_name(REVIEW_APPROVED_WITH_CHANGES), "APPROVED WITH CHANGES");
    cr_assert_str_eq(review_verdict_name(REVIEW_NEEDS_REVISION), "NEEDS REVISION");
}

Test(verdict, nothing_found_is_approved)
{
    risk_report *r = tl_risk();
    review_list why = {0};
    cost_totals t = {.monthly_before = 10, .monthly_after = 20, .monthly_delta = 10};
    cr_assert_eq(review_decide(r, &t, 500, &why), REVIEW_APPROVED);
    cr_assert_eq(why.n, 1);
    cr_assert(strstr(why.items[0], "no critical, high or medium finding"));
    review_list_free(&why);
    cr_assert_eq(review_decide(NULL, NULL, 500, NULL), REVIEW_APPROVED);
    tl_risk_free(r);
}

Test(verdict, critical_or_high_needs_revision)
{
    risk_report *r = tl_risk();
    tl_risk_add(r, &crit, "aws_security_group.a", NULL, "x");
    cr_assert_eq(decide(r, 0, 500), REVIEW_NEEDS_REVISION);
    tl_risk_free(r);
    r = tl_risk();
    tl_risk_add(r, &high, "aws_db_instance.a", NULL, "x");
    review_list why = {0};
    cost_totals t = {.monthly_before = 0, .monthly_after = 0, .monthly_delta = 0};
    cr_assert_eq(review_decide(r, &t, 500, &why), REVIEW_NEEDS_REVISION);
    cr_assert(strstr(why.items[0], "1 critical or high finding: T-HIGH on aws_db_instance.a"));
    review_list_free(&why);
    tl_risk_free(r);
}

Test(verdict, unprotected_data_loss_needs_revision_even_below_high)
{
    risk_report *r = tl_risk();
    tl_risk_add(r, &loss, "aws_db_instance.main", NULL, "destroyed without a final snapshot");
    review_list why = {0};
    cr_assert_eq(review_decide(r, NULL, 500, &why), REVIEW_NEEDS_REVISION);
    bool named = false;
    for (size_t i = 0; i < why.n; i++)
        named |= strstr(why.items[i], "unprotected data loss: T-LOSS on aws_db_instance.main") != NULL;
    cr_assert(named);
    review_list_free(&why);
    tl_risk_free(r);
}

Test(verdict, plan_finding_that_is_not_data_loss_is_only_medium)
{
    risk_report *r = tl_risk();
    tl_risk_add(r, &loss_info, "aws_lb.web", NULL, "outage window");
    cr_assert_not(review_finding_is_data_loss(&r->findings[0]));
    cr_assert_eq(decide(r, 0, 500), REVIEW_APPROVED_WITH_CHANGES);
    tl_risk_free(r);
}

Test(verdict, medium_asks_for_changes)
{
    risk_report *r = tl_risk();
    tl_risk_add(r, &med, "aws_ecs_service.app", NULL, "x");
    cr_assert_eq(decide(r, 0, 500), REVIEW_APPROVED_WITH_CHANGES);
    tl_risk_free(r);
}

Test(verdict, low_findings_do_not_count)
{
    risk_report *r = tl_risk();
    tl_risk_add(r, &low, "aws_cloudwatch_log_group.a", NULL, "x");
    cr_assert_eq(decide(r, 0, 500), REVIEW_APPROVED);
    tl_risk_free(r);
}

Test(verdict, cost_above_threshold_asks_for_changes)
{
    risk_report *r = tl_risk();
    cr_assert_eq(decide(r, 500.01, 500), REVIEW_APPROVED_WITH_CHANGES);
    cr_assert_eq(decide(r, 500.00, 500), REVIEW_APPROVED, "equal to the threshold is not above it");
    cr_assert_eq(decide(r, 500.004, 500), REVIEW_APPROVED, "compared in cents");
    cr_assert_eq(decide(r, 50, 10), REVIEW_APPROVED_WITH_CHANGES, "threshold is configurable");
    cr_assert_eq(decide(r, -900, 10), REVIEW_APPROVED, "a saving never asks for changes");
    tl_risk_free(r);
}

Test(verdict, worst_rule_wins)
{
    risk_report *r = tl_risk();
    tl_risk_add(r, &high, "aws_db_instance.a", NULL, "x");
    tl_risk_add(r, &med, "aws_ecs_service.app", NULL, "x");
    review_list why = {0};
    cost_totals t = {.monthly_before = 0, .monthly_after = 900, .monthly_delta = 900};
    cr_assert_eq(review_decide(r, &t, 500, &why), REVIEW_NEEDS_REVISION);
    cr_assert_eq(why.n, 3, "every rule that fired is a reason");
    review_list_free(&why);
    tl_risk_free(r);
}

/* ---- gates --------------------------------------------------------------- */

static size_t eval(const review_gates *g, double before, double after, risk_report *r, review_list *out)
{
    cost_report rep = {.totals = {.monthly_before = before, .monthly_after = after, .monthly_delta = after - before}};
    review_gate_facts f = {&rep, r};
    return review_gates_eval(g, &f, out);
}

Test(gate, max_monthly_increase_both_ways)
{
    review_gates g = {.max_increase_set = true, .max_increase = 500, .cost_threshold = 500};
    review_list out = {0};
    cr_assert_eq(eval(&g, 1000, 1500, NULL, &out), 0, "exactly the limit passes");
    cr_assert_eq(eval(&g, 1000, 1612.40, NULL, &out), 1);
    cr_assert_str_eq(out.items[0], "monthly increase $612.40 exceeds --max-monthly-increase $500.00");
    cr_assert_eq(eval(&g, 1000, 200, NULL, &out), 0, "a decrease passes");
    review_list_free(&out);
}

Test(gate, max_increase_percent_both_ways_and_zero_baseline)
{
    review_gates g = {.max_percent_set = true, .max_percent = 10, .cost_threshold = 500};
    review_list out = {0};
    cr_assert_eq(eval(&g, 100, 110, NULL, &out), 0, "exactly 10%% passes");
    cr_assert_eq(eval(&g, 100, 122.5, NULL, &out), 1);
    cr_assert_str_eq(out.items[0], "monthly increase 22.5% ($22.50) exceeds --max-increase-percent 10%");
    cr_assert_eq(eval(&g, 0, 12, NULL, &out), 1, "from $0 any increase counts");
    cr_assert_str_eq(out.items[1], "monthly increase $12.00 from a $0.00 baseline exceeds --max-increase-percent 10%");
    cr_assert_eq(eval(&g, 0, 0, NULL, &out), 0, "no change from $0 passes");
    review_list_free(&out);
}

Test(gate, max_monthly_total_both_ways)
{
    review_gates g = {.max_total_set = true, .max_total = 1000, .cost_threshold = 500};
    review_list out = {0};
    cr_assert_eq(eval(&g, 0, 1000, NULL, &out), 0);
    cr_assert_eq(eval(&g, 900, 1432.5, NULL, &out), 1);
    cr_assert_str_eq(out.items[0], "monthly total $1,432.50 exceeds --max-monthly-total $1,000.00");
    review_list_free(&out);
}

Test(gate, fail_on_needs_revision_both_ways)
{
    review_gates g = {.fail_on_set = true, .fail_on = REVIEW_NEEDS_REVISION, .cost_threshold = 500};
    review_list out = {0};
    risk_report *r = tl_risk();
    tl_risk_add(r, &med, "aws_ecs_service.app", NULL, "x");
    cr_assert_eq(eval(&g, 0, 0, r, &out), 0, "APPROVED WITH CHANGES passes needs-revision");
    tl_risk_add(r, &high, "aws_db_instance.a", NULL, "x");
    cr_assert_eq(eval(&g, 0, 0, r, &out), 1);
    cr_assert_str_eq(out.items[0], "verdict NEEDS REVISION fails --fail-on needs-revision");
    review_list_free(&out);
    tl_risk_free(r);
}

Test(gate, fail_on_approved_with_changes_also_fails_on_needs_revision)
{
    review_gates g = {.fail_on_set = true, .fail_on = REVIEW_APPROVED_WITH_CHANGES, .cost_threshold = 500};
    review_list out = {0};
    risk_report *r = tl_risk();
    cr_assert_eq(eval(&g, 0, 100, r, &out), 0, "APPROVED passes");
    cr_assert_eq(eval(&g, 0, 600, r, &out), 1, "cost above the threshold asks for changes");
    cr_assert_str_eq(out.items[0], "verdict APPROVED WITH CHANGES fails --fail-on approved-with-changes");
    tl_risk_add(r, &crit, "aws_security_group.a", NULL, "x");
    cr_assert_eq(eval(&g, 0, 0, r, &out), 1);
    cr_assert_str_eq(out.items[1], "verdict NEEDS REVISION fails --fail-on approved-with-changes");
    g.cost_threshold = 1000;
    tl_risk_free(r);
    r = tl_risk();
    cr_assert_eq(eval(&g, 0, 600, r, &out), 0, "the verdict uses --cost-threshold");
    review_list_free(&out);
    tl_risk_free(r);
}

Test(gate, fail_on_severity_counts_that_severity_or_worse)
{
    review_gates g = {.fail_on_severity_set = true, .fail_on_severity = RISK_HIGH, .cost_threshold = 500};
    review_list out = {0};
    risk_report *r = tl_risk();
    tl_risk_add(r, &med, "aws_ecs_service.app", NULL, "x");
    tl_risk_add(r, &low, "aws_cloudwatch_log_group.a", NULL, "x");
    cr_assert_eq(eval(&g, 0, 0, r, &out), 0, "medium and low pass --fail-on-severity high");
    tl_risk_add(r, &crit, "aws_security_group.a", NULL, "x");
    tl_risk_add(r, &high, "aws_db_instance.a", NULL, "x");
    cr_assert_eq(eval(&g, 0, 0, r, &out), 1);
    cr_assert_str_eq(out.items[0], "2 findings of severity high or worse fail --fail-on-severity high");
    g.fail_on_severity = RISK_LOW;
    cr_assert_eq(eval(&g, 0, 0, r, &out), 1);
    cr_assert_str_eq(out.items[1], "4 findings of severity low or worse fail --fail-on-severity low");
    review_list_free(&out);
    tl_risk_free(r);
}

Test(gate, every_failed_gate_is_one_line)
{
    review_gates g = {.max_increase_set = true, .max_increase = 1, .max_total_set = true, .max_total = 1,
                      .max_percent_set = true, .max_percent = 1, .cost_threshold = 500};
    review_list out = {0};
    cr_assert_eq(eval(&g, 10, 20, NULL, &out), 3);
    cr_assert_eq(review_gates_report(&out), CIR_EXIT_GATE);
    review_list_free(&out);
    cr_assert_eq(review_gates_report(&out), CIR_EXIT_OK);
}

Test(gate, what_each_gate_needs)
{
    review_gates g = {0};
    cr_assert_not(review_gates_any(&g));
    g.max_total_set = true;
    cr_assert(review_gates_need_cost(&g));
    cr_assert_not(review_gates_need_risk(&g));
    memset(&g, 0, sizeof g);
    g.fail_on_severity_set = true;
    cr_assert(review_gates_need_risk(&g));
    cr_assert_not(review_gates_need_cost(&g));
    g.fail_on_set = true;
    cr_assert(review_gates_need_cost(&g) && review_gates_need_risk(&g));
}
