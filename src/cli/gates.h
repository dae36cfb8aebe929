/*
 * gates.h — the gate flags of a command line turned into review_gates
 * (src/review/gate.h), and the gate run `circuit cost` and `circuit check`
 * share: what a gate needs that the command did not build, evaluated after
 * the document is out.  The CLI glue lives here so that src/review never
 * knows about the command line.
 */
#ifndef CIRCUIT_CLI_GATES_H
#define CIRCUIT_CLI_GATES_H

#include "cli.h"

#include "../review/gate.h"

/* Reads the gate flags (already validated by cli_parse) from `o`. */
void cli_gates_from_opts(const cli_opts *o, review_gates *g);

/* For `circuit cost` and `circuit check`, in two steps so that every error
 * comes before the document and every gate line after it:
 *
 *   cli_gates_prepare()  reads the gate flags of `o` and computes what a
 *       gate needs that the command did not (`cost` and `risk` may be NULL):
 *       the estimate from --cache/--usage, the findings from --rules/--skip.
 *       Returns CIR_OK, or an error code with err filled (nothing to free).
 *   cli_gates_finish()   after the document was emitted: evaluates,
 *       prints one line per failed gate, frees; returns CIR_EXIT_OK,
 *       CIR_EXIT_GATE or CIR_EXIT_ERROR (err filled, as review_gates_run).
 *   cli_gates_discard()  frees without evaluating (the emit failed).
 *
 * `plans` must outlive the run (the findings borrow plan names). */
typedef struct cli_gate_run {
    review_gates gates;
    const cost_report *cost;
    const risk_report *risk;
    price_cache *cache;            /* owned from here down, NULL if unused */
    cost_usage *usage;
    cost_report *own_cost;
    risk_ruleset *rules;
    risk_report *own_risk;
} cli_gate_run;

cir_code cli_gates_prepare(const cli_opts *o, plan *const *plans, size_t nplans, const cost_report *cost,
                           const risk_report *risk, cli_gate_run *run, cir_err *err);
int cli_gates_finish(cli_gate_run *run, cir_err *err);
void cli_gates_discard(cli_gate_run *run);

#endif
