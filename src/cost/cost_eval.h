/*
 * cost_eval.h — (private to src/cost/) evaluating one cost model on one
 * side (before or after) of one resource.  cost_estimate.c calls it once
 * or twice per resource and turns the sides into a cost_resource.
 */
#ifndef CIRCUIT_COST_EVAL_H
#define CIRCUIT_COST_EVAL_H

#include "cost_memo.h"
#include "cost_model.h"

typedef struct cost_eval_in {
    const plan *plan;               /* for references; may be NULL */
    const plan_resource *res;
    const cost_model *model;
    const cost_usage_view *usage;   /* may be NULL */
    price_cache *cache;
    cost_memo *memo;                /* answers already looked up; may be NULL */
} cost_eval_in;

/* Fills `side` (owned by the caller: cost_side_clear) with the components
 * of the model on the before or after values.  *is_free is set when the
 * model's free_when holds (then *free_note, caller-owned, says why).
 * Missing prices and unknown values become not-priced components, not
 * errors; returns CIR_ECACHE (err filled) only when the cache fails. */
cir_code cost_eval_side(const cost_eval_in *in, bool after, cost_side *side, bool *is_free,
                        char **free_note, cir_err *err);
void cost_side_clear(cost_side *s);
void cost_component_clear(cost_component *c);

/* "0.0416000000" -> "0.0416" (at least two decimals).  Caller frees. */
char *cost_trim_price(const char *usd);
/* A computed price as text with at least two decimals.  Caller frees. */
char *cost_price_text(double v);

#endif
