/*
 * cost_memo.h — (private to src/cost/) answers to price lookups already
 * made in one cost run, keyed by the rendered query.
 */
#ifndef CIRCUIT_COST_MEMO_H
#define CIRCUIT_COST_MEMO_H

#include "../../pricing/pricing.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct cost_memo cost_memo;

/* A new, empty memo; free with cost_memo_free(). */
cost_memo *cost_memo_new(void);
void cost_memo_free(cost_memo *m);

/* True when `key` was answered: *rc is CIR_OK (then *out is the price; its
 * strings are owned by the cache) or CIR_ENOPRICE. */
bool cost_memo_get(const cost_memo *m, const char *key, size_t len, cir_code *rc, price_match *out);
/* Records an answer (CIR_OK with `match`, or CIR_ENOPRICE). */
void cost_memo_put(cost_memo *m, const char *key, size_t len, cir_code rc, const price_match *match);

/* The same for a tiered price: the rows of each tier, in tier order
 * (n == 0: no price).  *tiers is owned by the memo. */
bool cost_memo_get_tiers(const cost_memo *m, const char *key, size_t len, const price_match **tiers,
                         size_t *n);
void cost_memo_put_tiers(cost_memo *m, const char *key, size_t len, const price_match *tiers, size_t n);

#endif
