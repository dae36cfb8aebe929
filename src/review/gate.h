/*
 * gate.h — the CI gate shared by `circuit review`, `circuit cost` and
 * `circuit check`: the five gate flags of PRODUCT.md evaluated against the
 * cost totals, the findings and the verdict.
 *
 * A command builds its document first, emits it, then evaluates the gates:
 * the document is delivered whether or not a gate fails.  Each failed gate
 * is one stderr line "circuit: gate: <what>" and the exit status is 1.
 * The command computes the cost estimate, the findings or the verdict only
 * when a gate needs them (review_gates_need_*).
 *
 * Cost gates fail closed: when a resource a cost gate depends on has no
 * price (a component not priced, or a type without a model), the gate
 * cannot decide and the run exits 2 with one line naming how many, the
 * first few and what to do.  --allow-unpriced decides on the priced part
 * instead, and says so on stderr.
 */
#ifndef CIRCUIT_GATE_H
#define CIRCUIT_GATE_H

#include "review.h"

#include <stdbool.h>

typedef struct review_gates {
    bool max_increase_set, max_percent_set, max_total_set;
    double max_increase, max_percent, max_total;   /* USD, percent, USD */
    bool fail_on_set;
    review_verdict fail_on;          /* fail when the verdict is this or worse */
    bool fail_on_severity_set;
    risk_severity fail_on_severity;  /* fail on an unsuppressed finding this severe or worse */
    double cost_threshold;           /* for the verdict (--cost-threshold, default 500) */
    bool allow_unpriced;             /* cost gates decide on the priced part */
} review_gates;

bool review_gates_any(const review_gates *g);
/* A gate needs the cost totals (the increase, percent or total gates, or
 * --fail-on, whose verdict weighs the increase). */
bool review_gates_need_cost(const review_gates *g);
/* A gate needs the findings (--fail-on or --fail-on-severity). */
bool review_gates_need_risk(const review_gates *g);

typedef struct review_gate_facts {
    const cost_report *cost;      /* required when review_gates_need_cost */
    const risk_report *risk;      /* required when review_gates_need_risk */
} review_gate_facts;

/* Evaluates every gate that is set; appends one line per failed gate to
 * `failures` ("monthly increase $612.40 exceeds --max-monthly-increase
 * $500.00").  Returns the number of failed gates.  Never fails.  Cost
 * gates are evaluated on the priced part (see review_gates_unpriced).
 *
 * --max-increase-percent from a $0.00 baseline: any increase fails it (the
 * percentage is unbounded); no change or a decrease passes.  Percentages
 * follow cost_delta_percent(), as the review prints them. */
size_t review_gates_eval(const review_gates *g, const review_gate_facts *f, review_list *failures);

/* The resources without a price that a set cost gate depends on: changed
 * ones for --max-monthly-increase and for --fail-on approved-with-changes
 * when only the cost could decide the verdict; those in the total before
 * as well for --max-increase-percent; those in the total after for
 * --max-monthly-total.  Returns their number; when non-zero and `line` is
 * not NULL, *line (caller frees) is the one message for it: how many, the
 * first three addresses, and what to do. */
size_t review_gates_unpriced(const review_gates *g, const review_gate_facts *f, char **line);

/* Prints "circuit: gate: <line>" for each failure on stderr and returns the
 * exit status: CIR_EXIT_GATE when there is any, CIR_EXIT_OK otherwise. */
int review_gates_report(const review_list *failures);

/* Evaluate and report in one call: CIR_EXIT_OK, CIR_EXIT_GATE (the failed
 * gates' lines on stderr), or CIR_EXIT_ERROR with `err` filled (CIR_ENOPRICE,
 * topic "gate") when a cost gate depends on a resource without a price and
 * --allow-unpriced is not given; the other gates' failures still print.
 * With --allow-unpriced and such resources, one stderr line says the cost
 * gates decided on the priced part only. */
int review_gates_run(const review_gates *g, const review_gate_facts *f, cir_err *err);

#endif
