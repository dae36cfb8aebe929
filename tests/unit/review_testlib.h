/*
 * review_testlib.h — hand-built plans, cost reports and risk reports for
 * the review unit tests, so the review is tested on exactly the facts each
 * test states, independent of the plan reader, cost models and rules.
 */
#ifndef CIRCUIT_TEST_REVIEW_LIB_H
#define CIRCUIT_TEST_REVIEW_LIB_H

#include "src/cost/cost.h"
#include "src/plan/plan.h"
#include "src/review/review.h"
#include "src/risk/risk.h"

/* A plan from a JSON array of resources:
 *   {"address", "type", "action": create|update|delete|no-op|read|forget|
 *    replace (delete first)|replace-cbd (create first), "before", "after",
 *    "after_unknown", "before_sensitive", "after_sensitive", "index",
 *    "region", "previous_address", "data": true}
 * Resources are sorted by address, as plan_load sorts them. */
plan *tl_plan(const char *name, const char *resources_json);
void tl_plan_free(plan *p);

/* A cost report on plan p; add lines with tl_cost_add. */
cost_report *tl_cost(void);
/* status: COST_PRICED..; before/after monthly; note for not priced or the
 * usage-based component ("$0.045 per GB processed"). */
void tl_cost_add(cost_report *c, const plan *p, const char *address, cost_status status,
                 double before, double after, const char *note);
void tl_cost_free(cost_report *c);

/* A risk report; rules are static risk_rule_info the test owns. */
risk_report *tl_risk(void);
void tl_risk_add(risk_report *r, const risk_rule_info *rule, const char *address,
                 const char *attribute, const char *message);
void tl_risk_free(risk_report *r);

/* The whole review rendered; caller frees. */
char *tl_markdown(const review *rv);
char *tl_json(const review *rv);
/* Drops the code markers (addresses and values the Markdown shows as code)
 * from every model string, so a test compares plain text. */
void tl_review_plain(review *rv);

#endif
