/*
 * cost_memo.c — the prices one cost run has already looked up, by query.
 *
 * A 10,000-resource plan asks the same few hundred questions thousands of
 * times ("t3.medium, Linux, shared, us-east-1"); tiered prices need every
 * row of a query.  Answers (a price, or "no price") are kept for the run in
 * an open-addressing hash table keyed by the rendered query.  The price
 * strings stay owned by the cache, which outlives the run.
 */
#include "cost_memo.h"

#include "../core/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct memo_slot {
    char *key;          /* NULL = empty */
    uint64_t hash;
    cir_code rc;        /* CIR_OK or CIR_ENOPRICE */
    price_match m;
    price_match *tiers; /* cost_memo_put_tiers: owned copy */
    size_t ntiers;
} memo_slot;

struct cost_memo {
    memo_slot *slots;
    size_t cap, n;      /* cap is a power of two */
};

cost_memo *cost_memo_new(void)
{
    cost_memo *m = xcalloc(1, sizeof *m);
    m->cap = 256;
    m->slots = xcalloc(m->cap, sizeof *m->slots);
    return m;
}

void cost_memo_free(cost_memo *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++) {
        free(m->slots[i].key);
        free(m->slots[i].tiers);
    }
    free(m->slots);
    free(m);
}

static uint64_t fnv1a(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static memo_slot *find_slot(memo_slot *slots, size_t cap, const char *key, size_t len, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    for (;;) {
        memo_slot *s = &slots[i];
        if (!s->key || (s->hash == h && strlen(s->key) == len && memcmp(s->key, key, len) == 0))
            return s;
        i = (i + 1) & (cap - 1);
    }
}

bool cost_memo_get(const cost_memo *m, const char *key, size_t len, cir_code *rc, price_match *out)
{
    uint64_t h = fnv1a(key, len);
    const memo_slot *s = find_slot(m->slots, m->cap, key, len, h);
    if (!s->key)
        return false;
    *rc = s->rc;
    if (s->rc == CIR_OK)
        *out = s->m;
    return true;
}

static void grow(cost_memo *m)
{
    size_t cap = m->cap * 2;
    memo_slot *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *find_slot(slots, cap, m->slots[i].key, strlen(m->slots[i].key), m->slots[i].hash) = m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

void cost_memo_put(cost_memo *m, const char *key, size_t len, cir_code rc, const price_match *match)
{
    if ((m->n + 1) * 4 > m->cap * 3)
        grow(m);
    uint64_t h = fnv1a(key, len);
    memo_slot *s = find_slot(m->slots, m->cap, key, len, h);
    if (!s->key) {
        s->key = xstrndup(key, len);
        s->hash = h;
        m->n++;
    }
    s->rc = rc;
    if (rc == CIR_OK)
        s->m = *match;
}

bool cost_memo_get_tiers(const cost_memo *m, const char *key, size_t len, const price_match **tiers,
                         size_t *n)
{
    uint64_t h = fnv1a(key, len);
    const memo_slot *s = find_slot(m->slots, m->cap, key, len, h);
    if (!s->key)
        return false;
    *tiers = s->tiers;
    *n = s->ntiers;
    return true;
}

void cost_memo_put_tiers(cost_memo *m, const char *key, size_t len, const price_match *tiers, size_t n)
{
    if ((m->n + 1) * 4 > m->cap * 3)
        grow(m);
    uint64_t h = fnv1a(key, len);
    memo_slot *s = find_slot(m->slots, m->cap, key, len, h);
    if (!s->key) {
        s->key = xstrndup(key, len);
        s->hash = h;
        m->n++;
    }
    free(s->tiers);
    s->tiers = NULL;
    if (n) {
        s->tiers = xcalloc(n, sizeof *tiers);
        memcpy(s->tiers, tiers, n * sizeof *tiers);
    }
    s->ntiers = n;
    s->rc = n ? CIR_OK : CIR_ENOPRICE;
}
