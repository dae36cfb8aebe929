/*
 * stage.c — kept rows, sorted by key, into open price groups (see stage.h).
 */
#include "stage.h"

#include "../src/core/mem.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One staged row: where its text and spans are, and its key. */
typedef struct staged {
    size_t text, spans;           /* offsets into stage_text / stage_spans */
    uint32_t text_len;
    uint32_t family, family_len, itype, itype_len; /* inside its text */
    uint64_t key;                 /* hash of (family, instance type) */
} staged;

struct bucket {
    char *family, *itype;
    uint64_t key;
    price_group_writer *w;
    size_t memory;                /* last measured */
};

/* Every row is staged as its text and ncols + 2 spans: one per column, then
 * an empty one (for slots whose column the file lacks) and the shortened
 * rate code; slot_span maps each slot to one of them. */
#define SPAN_EMPTY(st) ((st)->l.ncols)
#define SPAN_RATE(st) ((st)->l.ncols + 1)

struct price_stage {
    price_stage_layout l;
    size_t nspans;                /* per row: ncols + 2 */
    uint32_t *slot_span;          /* per slot */
    price_group_sink sink;
    void *ctx;
    char *stage_text;             /* row text, then text of unescaped fields */
    size_t text_len, text_cap;
    price_span *stage_spans;      /* nspans per row */
    size_t spans_len, spans_cap;
    staged *rows;
    size_t nrows, rows_cap;
    price_slot_stats *slot_stats; /* shared by the groups' writers */
    struct bucket *buckets;       /* open groups */
    size_t nbuckets, buckets_cap;
    uint32_t *bucket_hash;        /* open addressing: bucket index + 1 */
    size_t bucket_hash_cap;
    size_t open_bytes;            /* memory the open groups hold */
    unsigned char *group_buf;     /* a serialised group */
    size_t group_cap;
};

static void drop_buckets(price_stage *st)
{
    for (size_t i = 0; i < st->nbuckets; i++) {
        free(st->buckets[i].family);
        free(st->buckets[i].itype);
        price_group_writer_free(st->buckets[i].w);
    }
    st->nbuckets = 0;
    st->open_bytes = 0;
    if (st->bucket_hash)
        memset(st->bucket_hash, 0, st->bucket_hash_cap * sizeof *st->bucket_hash);
}


static uint64_t hash_key(const char *a, size_t alen, const char *b, size_t blen)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < alen; i++)
        h = (h ^ (unsigned char)a[i]) * 1099511628211ull;
    h = (h ^ 0x1f) * 1099511628211ull;
    for (size_t i = 0; i < blen; i++)
        h = (h ^ (unsigned char)b[i]) * 1099511628211ull;
    return h;
}

/* "SKU.JRTCKXETXF.6YS6EN2CT7" is stored as ".JRTCKXETXF.6YS6EN2CT7": the
 * same for every on-demand row, so it costs nothing. */
static price_span short_rate(const char *text, price_span sku, price_span rate)
{
    if (rate.len > sku.len && text[rate.off + sku.len] == '.' &&
        memcmp(text + rate.off, text + sku.off, sku.len) == 0)
        return (price_span){rate.off + sku.len, rate.len - sku.len};
    return rate;
}

/* Copies a kept row into the stage: its text, the text of fields that do
 * not lie in it (unescaped ones), and every field's span in that text. */
static void stage_row(price_stage *st, const csv_record *r)
{
    /* 16 spare bytes after the text let the encoder compare 8 at a time */
    st->stage_text = xgrow(st->stage_text, &st->text_cap, st->text_len + r->raw_len + 16, 1);
    char *text = st->stage_text + st->text_len;
    memcpy(text, r->raw, r->raw_len);
    st->stage_spans = xgrow(st->stage_spans, &st->spans_cap, st->spans_len + st->nspans,
                            sizeof *st->stage_spans);
    price_span *sp = st->stage_spans + st->spans_len;
    const char *raw = r->raw;
    size_t end = r->raw_len;
    if (!r->escaped) { /* every field lies in the text: no checks needed */
        assert(r->n == 0 || (r->f[r->n - 1].p >= raw &&
                             r->f[r->n - 1].p + r->f[r->n - 1].len <= raw + r->raw_len));
        for (size_t i = 0; i < r->n; i++)
            sp[i] = (price_span){(uint32_t)(r->f[i].p - raw), (uint32_t)r->f[i].len};
    } else {
        for (size_t i = 0; i < r->n; i++) {
            size_t len = r->f[i].len;
            size_t at = (size_t)((uintptr_t)r->f[i].p - (uintptr_t)raw); /* huge when outside */
            if (at >= r->raw_len || len > r->raw_len - at) {
                at = end;
                if (len) { /* unescaped text lives elsewhere: append it after the row */
                    st->stage_text =
                        xgrow(st->stage_text, &st->text_cap, st->text_len + end + len + 16, 1);
                    text = st->stage_text + st->text_len;
                    memcpy(text + end, r->f[i].p, len);
                    end += len;
                }
            }
            sp[i] = (price_span){(uint32_t)at, (uint32_t)len};
        }
    }
    assert(end <= UINT32_MAX);
    sp[SPAN_EMPTY(st)] = (price_span){0, 0};
    sp[SPAN_RATE(st)] = st->l.rate_col >= 0 && st->l.sku_col >= 0
                            ? short_rate(text, sp[st->l.sku_col], sp[st->l.rate_col])
                            : (price_span){0, 0};
    price_span family = st->l.family_col >= 0 ? sp[st->l.family_col] : (price_span){0, 0};
    price_span itype = st->l.itype_col >= 0 ? sp[st->l.itype_col] : (price_span){0, 0};
    st->rows = xgrow(st->rows, &st->rows_cap, st->nrows + 1, sizeof *st->rows);
    staged *s = &st->rows[st->nrows++];
    *s = (staged){.text = st->text_len, .spans = st->spans_len, .text_len = (uint32_t)end,
                  .family = family.off, .family_len = family.len,
                  .itype = itype.off, .itype_len = itype.len,
                  .key = hash_key(text + family.off, family.len, text + itype.off, itype.len)};
    st->text_len += end;
    st->spans_len += st->nspans;
}

static int cmp_staged(const void *x, const void *y)
{
    const staged *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (a->text > b->text) - (a->text < b->text); /* file order within a key */
}

static void bucket_rehash(price_stage *st)
{
    size_t cap = st->bucket_hash_cap ? st->bucket_hash_cap * 2 : 256;
    free(st->bucket_hash);
    st->bucket_hash = xcalloc(cap, sizeof *st->bucket_hash);
    st->bucket_hash_cap = cap;
    for (size_t i = 0; i < st->nbuckets; i++) {
        size_t h = st->buckets[i].key & (cap - 1);
        while (st->bucket_hash[h])
            h = (h + 1) & (cap - 1);
        st->bucket_hash[h] = (uint32_t)(i + 1);
    }
}

/* The open group for a staged row's key, created on first use. */
static struct bucket *bucket_for(price_stage *st, const staged *s)
{
    const char *text = st->stage_text + s->text;
    if ((st->nbuckets + 1) * 2 > st->bucket_hash_cap)
        bucket_rehash(st);
    size_t mask = st->bucket_hash_cap - 1;
    size_t h = s->key & mask;
    for (; st->bucket_hash[h]; h = (h + 1) & mask) {
        struct bucket *b = &st->buckets[st->bucket_hash[h] - 1];
        if (b->key == s->key && strlen(b->family) == s->family_len &&
            memcmp(b->family, text + s->family, s->family_len) == 0 &&
            strlen(b->itype) == s->itype_len && memcmp(b->itype, text + s->itype, s->itype_len) == 0)
            return b;
    }
    st->buckets = xgrow(st->buckets, &st->buckets_cap, st->nbuckets + 1, sizeof *st->buckets);
    struct bucket *b = &st->buckets[st->nbuckets];
    b->family = xstrndup(text + s->family, s->family_len);
    b->itype = xstrndup(text + s->itype, s->itype_len);
    b->key = s->key;
    b->w = price_group_writer_new(st->l.nslots, st->nspans, st->l.usage_slot, st->slot_stats);
    b->memory = price_group_memory(b->w);
    st->open_bytes += b->memory;
    st->bucket_hash[h] = (uint32_t)++st->nbuckets;
    return b;
}

/* Hands every open group to the sink and starts afresh. */
static int flush_groups(price_stage *st)
{
    int rc = 0;
    for (size_t i = 0; i < st->nbuckets && !rc; i++) {
        struct bucket *b = &st->buckets[i];
        size_t len, nrows, nindex;
        price_str *index;
        price_group_end(b->w, &st->group_buf, &st->group_cap, &len, &nrows, &index, &nindex);
        if (nrows)
            rc = st->sink(st->ctx, b->family, b->itype, st->group_buf, len, nrows, index, nindex);
    }
    drop_buckets(st);
    return rc;
}

/* Sorts the stage by key and adds each run of a key to that key's group;
 * writes the groups out when they hold PRICE_GROUP_BYTES. */
static int flush_stage(price_stage *st)
{
    qsort(st->rows, st->nrows, sizeof *st->rows, cmp_staged);
    for (size_t i = 0; i < st->nrows;) {
        struct bucket *b = bucket_for(st, &st->rows[i]);
        size_t j = i;
        for (; j < st->nrows && st->rows[j].key == b->key; j++)
            price_group_add(b->w, st->stage_text + st->rows[j].text, st->rows[j].text_len, 16,
                            st->stage_spans + st->rows[j].spans, st->slot_span);
        price_group_detach(b->w); /* the stage is about to be reused */
        size_t now = price_group_memory(b->w);
        st->open_bytes += now - b->memory;
        b->memory = now;
        i = j;
    }
    st->nrows = st->text_len = st->spans_len = 0;
    return st->open_bytes >= PRICE_GROUP_BYTES ? flush_groups(st) : 0;
}


price_stage *price_stage_new(const price_stage_layout *l, price_group_sink sink, void *ctx)
{
    price_stage *s = xcalloc(1, sizeof *s);
    s->l = *l;
    s->sink = sink;
    s->ctx = ctx;
    s->slot_stats = xcalloc(l->nslots + 1, sizeof *s->slot_stats);
    s->nspans = l->ncols + 2;
    s->slot_span = xcalloc(l->nslots, sizeof *s->slot_span);
    for (size_t k = 0; k < l->nslots; k++) {
        int c = l->slot_col[k];
        s->slot_span[k] = k == PRICE_SLOT_RATE_CODE         ? (uint32_t)SPAN_RATE(s)
                          : c >= 0 && (size_t)c < l->ncols ? (uint32_t)c
                                                            : (uint32_t)SPAN_EMPTY(s);
    }
    return s;
}

void price_stage_free(price_stage *s)
{
    if (!s)
        return;
    drop_buckets(s);
    free(s->buckets);
    free(s->bucket_hash);
    free(s->stage_text);
    free(s->stage_spans);
    free(s->slot_span);
    free(s->rows);
    free(s->slot_stats);
    free(s->group_buf);
    free(s);
}

int price_stage_add(price_stage *s, const csv_record *r)
{
    assert(r->n == s->l.ncols);
    stage_row(s, r);
    if (s->text_len + s->spans_len * sizeof *s->stage_spans < PRICE_STAGE_BYTES)
        return 0;
    return flush_stage(s);
}

int price_stage_finish(price_stage *s)
{
    int rc = flush_stage(s);
    return rc ? rc : flush_groups(s);
}
