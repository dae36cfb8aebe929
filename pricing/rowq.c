/*
 * rowq.c — the record queue between the CSV parser and the storing worker
 * (see rowq.h).
 *
 * A batch is a byte buffer of records, each: a header (sizes, index,
 * offset, bad flag), the raw text, the text of unescaped fields (those that
 * do not point into the raw text), then one (offset, length) pair per field.
 * Full batches go through a small FIFO guarded by one mutex; spent ones come
 * back on a free list, so steady state allocates nothing.
 */
#include "rowq.h"

#include "../src/core/mem.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BATCH_BYTES (1u << 20)
#define IN_FLIGHT 4

typedef struct rec_head {
    uint64_t index, offset;
    uint32_t raw_len, extra_len, nfields;
    uint32_t flags;           /* 1: bad, 2: partial */
} rec_head;

typedef struct batch {
    unsigned char *p;
    size_t len, cap;
    struct batch *next;
} batch;

struct rowq {
    rowq_fn fn;
    void *ctx;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t changed;
    batch *head, *tail;       /* full batches, oldest first */
    size_t queued;            /* atomic: read without the lock by rowq_backlog */
    batch *spare;             /* free list */
    batch *filling;           /* the producer's current batch */
    bool done;                /* producer: no more batches */
    bool cancel;
    int stopped;              /* worker: callback's stop code */
    csv_field *fields;        /* worker's view of one record */
    size_t fields_cap;
};

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

static batch *take_spare(rowq *q)
{
    batch *b = q->spare;
    if (b) {
        q->spare = b->next;
    } else {
        b = xcalloc(1, sizeof *b);
        b->p = xcalloc(1, BATCH_BYTES); /* what the padding reads is always initialised */
        b->cap = BATCH_BYTES;
    }
    b->len = 0;
    b->next = NULL;
    return b;
}

static void free_batches(batch *b)
{
    while (b) {
        batch *next = b->next;
        free(b->p);
        free(b);
        b = next;
    }
}

/* Handles every record of a batch; returns the callback's stop code. */
static int run_batch(rowq *q, const batch *b)
{
    for (size_t pos = 0; pos < b->len;) {
        const rec_head *h = (const rec_head *)(const void *)(b->p + pos);
        const char *raw = (const char *)(b->p + pos + sizeof *h);
        size_t text = align8(h->raw_len + h->extra_len);
        const uint32_t *offs = (const uint32_t *)(const void *)(b->p + pos + sizeof *h + text);
        if (h->nfields > q->fields_cap)
            q->fields = xgrow(q->fields, &q->fields_cap, h->nfields, sizeof *q->fields);
        for (uint32_t i = 0; i < h->nfields; i++) {
            q->fields[i].p = raw + offs[2 * i];
            q->fields[i].len = offs[2 * i + 1];
        }
        csv_record r = {
            .f = q->fields,
            .n = h->nfields,
            .index = h->index,
            .offset = h->offset,
            .raw = raw,
            .raw_len = h->raw_len,
            .bad = (h->flags & 1) != 0,
            .partial = (h->flags & 2) != 0,
            .escaped = h->extra_len != 0,
        };
        int rc = q->fn(q->ctx, &r);
        if (rc)
            return rc;
        pos += sizeof *h + text + align8((size_t)h->nfields * 8);
    }
    return 0;
}

static void *worker(void *arg)
{
    rowq *q = arg;
    pthread_mutex_lock(&q->mu);
    for (;;) {
        while (!q->head && !q->done && !q->cancel)
            pthread_cond_wait(&q->changed, &q->mu);
        if (q->cancel || (!q->head && q->done))
            break;
        batch *b = q->head;
        q->head = b->next;
        if (!q->head)
            q->tail = NULL;
        __atomic_sub_fetch(&q->queued, 1, __ATOMIC_RELAXED);
        pthread_cond_broadcast(&q->changed);
        pthread_mutex_unlock(&q->mu);
        int rc = run_batch(q, b);
        pthread_mutex_lock(&q->mu);
        b->next = q->spare;
        q->spare = b;
        if (rc) {
            q->stopped = rc;
            pthread_cond_broadcast(&q->changed);
            break;
        }
    }
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

bool rowq_inline;

rowq *rowq_start(rowq_fn fn, void *ctx)
{
    if (rowq_inline)
        return NULL;
    rowq *q = xcalloc(1, sizeof *q);
    q->fn = fn;
    q->ctx = ctx;
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->changed, NULL);
    if (pthread_create(&q->thread, NULL, worker, q) != 0) {
        pthread_cond_destroy(&q->changed);
        pthread_mutex_destroy(&q->mu);
        free(q);
        return NULL;
    }
    return q;
}

/* Hands the filling batch to the worker, waiting while too many are queued.
 * Returns the worker's stop code. */
static int hand_over(rowq *q)
{
    batch *b = q->filling;
    q->filling = NULL;
    pthread_mutex_lock(&q->mu);
    while (__atomic_load_n(&q->queued, __ATOMIC_RELAXED) >= IN_FLIGHT && !q->stopped)
        pthread_cond_wait(&q->changed, &q->mu);
    int stopped = q->stopped;
    if (!stopped && b && b->len) {
        if (q->tail)
            q->tail->next = b;
        else
            q->head = b;
        q->tail = b;
        __atomic_add_fetch(&q->queued, 1, __ATOMIC_RELAXED);
        b = NULL;
        pthread_cond_broadcast(&q->changed);
    }
    if (b) {
        b->next = q->spare;
        q->spare = b;
    }
    if (!stopped)
        q->filling = take_spare(q);
    pthread_mutex_unlock(&q->mu);
    return stopped;
}

size_t rowq_backlog(rowq *q)
{
    return __atomic_load_n(&q->queued, __ATOMIC_RELAXED);
}

int rowq_push(rowq *q, const csv_record *r)
{
    size_t extra = 0;
    for (size_t i = 0; i < r->n; i++) {
        const csv_field *f = &r->f[i];
        if (f->len && (f->p < r->raw || f->p + f->len > r->raw + r->raw_len))
            extra += f->len;
    }
    size_t text = align8(r->raw_len + extra);
    size_t need = sizeof(rec_head) + text + align8(r->n * 8);
    /* The padding the worker may read past a record is whatever follows it
     * in the batch: the next record, or bytes of the batch's capacity. */
    if (!q->filling || q->filling->len + need + CSV_SPLIT_PAD > q->filling->cap) {
        int rc = hand_over(q);
        if (rc)
            return rc;
    }
    batch *b = q->filling;
    if (need + CSV_SPLIT_PAD > b->cap) {
        b->p = xrealloc(b->p, need + CSV_SPLIT_PAD);
        memset(b->p + b->cap, 0, need + CSV_SPLIT_PAD - b->cap);
        b->cap = need + CSV_SPLIT_PAD;
    }
    unsigned char *o = b->p + b->len;
    rec_head h = {r->index, r->offset, (uint32_t)r->raw_len, (uint32_t)extra, (uint32_t)r->n,
                  (r->bad ? 1u : 0u) | (r->partial ? 2u : 0u)};
    memcpy(o, &h, sizeof h);
    char *text_at = (char *)o + sizeof h;
    memcpy(text_at, r->raw, r->raw_len);
    uint32_t *offs = (uint32_t *)(void *)(o + sizeof h + text);
    size_t extra_at = r->raw_len;
    for (size_t i = 0; i < r->n; i++) {
        const csv_field *f = &r->f[i];
        if (f->len == 0) {
            offs[2 * i] = 0;
        } else if (f->p >= r->raw && f->p + f->len <= r->raw + r->raw_len) {
            offs[2 * i] = (uint32_t)(f->p - r->raw);
        } else {
            memcpy(text_at + extra_at, f->p, f->len);
            offs[2 * i] = (uint32_t)extra_at;
            extra_at += f->len;
        }
        offs[2 * i + 1] = (uint32_t)f->len;
    }
    b->len += need;
    return 0;
}

static void stop_and_join(rowq *q, bool cancel)
{
    pthread_mutex_lock(&q->mu);
    q->done = true;
    q->cancel = cancel;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->mu);
    pthread_join(q->thread, NULL);
    free_batches(q->head);
    free_batches(q->spare);
    if (q->filling)
        free_batches(q->filling);
    pthread_cond_destroy(&q->changed);
    pthread_mutex_destroy(&q->mu);
    free(q->fields);
}

int rowq_finish(rowq *q)
{
    int rc = hand_over(q);
    stop_and_join(q, false);
    if (!rc)
        rc = q->stopped;
    free(q);
    return rc;
}

void rowq_cancel(rowq *q)
{
    stop_and_join(q, true);
    free(q);
}
