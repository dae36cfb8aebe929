/*
 * stage.c — kept rows, sorted by key, into open price groups (see stage.h).
 */
#include "stage.h"

#include "../src/core/mem.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One staged row: where its text and field offsets are, and its key.
 * Offsets are 16-bit (offset, length) pairs, or two pairs per field for a
 * row of 32 KiB or more (its unescaped text may double it). */
typedef struct staged {
    size_t text, fields;          /* offsets into stage_text / stage_fields */
    uint32_t text_len;
    uint32_t family, family_len, itype, itype_len; /* inside its text */
    uint64_t key;                 /* hash of (family, instance type) */
    bool wide;
} staged;

struct bucket {
    char *family, *itype;
    uint64_t key;
    price_group_writer *w;
    size_t memory;                /* last measured */
};

struct price_stage {
    price_stage_layout l;
    price_group_sink sink;
    void *ctx;
    char *stage_text;             /* row text, then text of unescaped fields */
    size_t text_len, text_cap;
    uint16_t *stage_fields;       /* per row, (offset, length) per column */
    size_t fields_len, fields_cap;
    staged *rows;
    size_t nrows, rows_cap;
    price_slot_stats *slot_stats; /* shared by the groups' writers */
    struct bucket *buckets;       /* open groups */
    size_t nbuckets, buckets_cap;
    uint32_t *bucket_hash;        /* open addressing: bucket index + 1 */
    size_t bucket_hash_cap;
    size_t open_bytes;            /* memory the open groups hold */
    price_str *row_fields;        /* one row's fields, rebuilt from the stage */
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

/* Copies a kept row into the stage: its text, the text of fields that do
 * not lie in it (unescaped ones), and every field's place in that text. */
static void stage_row(price_stage *st, const csv_record *r)
{
    /* 16 spare bytes after the text let the encoder compare 8 at a time */
    st->stage_text = xgrow(st->stage_text, &st->text_cap, st->text_len + r->raw_len + 16, 1);
    memcpy(st->stage_text + st->text_len, r->raw, r->raw_len);
    bool wide = r->raw_len > UINT16_MAX / 2;
    size_t per = wide ? 4 : 2;
    st->stage_fields = xgrow(st->stage_fields, &st->fields_cap, st->fields_len + per * r->n,
                             sizeof *st->stage_fields);
    uint16_t *offs = st->stage_fields + st->fields_len;
    size_t end = r->raw_len, family = 0, family_len = 0, itype = 0, itype_len = 0;
    int fc = st->l.family_col, ic = st->l.itype_col;
    for (size_t i = 0; i < r->n; i++) {
        size_t len = r->f[i].len;
        size_t at = (size_t)((uintptr_t)r->f[i].p - (uintptr_t)r->raw);
        if (!len) {
            at = 0;
        } else if (at >= r->raw_len || len > r->raw_len - at) {
            /* unescaped text lives elsewhere: append it after the row */
            st->stage_text = xgrow(st->stage_text, &st->text_cap, st->text_len + end + len + 16, 1);
            memcpy(st->stage_text + st->text_len + end, r->f[i].p, len);
            at = end;
            end += len;
        }
        if (wide) {
            offs[4 * i] = (uint16_t)at;
            offs[4 * i + 1] = (uint16_t)(at >> 16);
            offs[4 * i + 2] = (uint16_t)len;
            offs[4 * i + 3] = (uint16_t)(len >> 16);
        } else {
            offs[2 * i] = (uint16_t)at;
            offs[2 * i + 1] = (uint16_t)len;
        }
        if ((int)i == fc) {
            family = at;
            family_len = len;
        } else if ((int)i == ic) {
            itype = at;
            itype_len = len;
        }
    }
    /* Unescaped text is never longer than the raw field it came from, so a
     * row below half the 16-bit range stays below the whole range. */
    assert(wide || end <= UINT16_MAX);
    const char *text = st->stage_text + st->text_len;
    st->rows = xgrow(st->rows, &st->rows_cap, st->nrows + 1, sizeof *st->rows);
    staged *s = &st->rows[st->nrows++];
    *s = (staged){.text = st->text_len, .fields = st->fields_len, .text_len = (uint32_t)end,
                  .family = (uint32_t)family, .family_len = (uint32_t)family_len,
                  .itype = (uint32_t)itype, .itype_len = (uint32_t)itype_len, .wide = wide,
                  .key = hash_key(text + family, family_len, text + itype, itype_len)};
    st->text_len += end;
    st->fields_len += per * r->n;
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
    b->w = price_group_writer_new(st->l.nslots, st->l.usage_slot, st->slot_stats);
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

/* Adds staged row s to group writer w. */
static void add_staged(price_stage *st, price_group_writer *w, const staged *s)
{
    price_str *f = st->row_fields;
    const char *text = st->stage_text + s->text;
    const uint16_t *offs = st->stage_fields + s->fields;
    if (s->wide)
        for (size_t c = 0; c < st->l.ncols; c++)
            f[c] = (price_str){text + (offs[4 * c] | (size_t)offs[4 * c + 1] << 16),
                               offs[4 * c + 2] | (size_t)offs[4 * c + 3] << 16};
    else
        for (size_t c = 0; c < st->l.ncols; c++)
            f[c] = (price_str){text + offs[2 * c], offs[2 * c + 1]};
    /* "SKU.JRTCKXETXF.6YS6EN2CT7" is stored as ".JRTCKXETXF.6YS6EN2CT7": the
     * same for every on-demand row, so it costs nothing. */
    price_str rate = {"", 0};
    if (st->l.rate_col >= 0) {
        price_str sku = f[st->l.sku_col];
        rate = f[st->l.rate_col];
        if (rate.len > sku.len && rate.p[sku.len] == '.' && memcmp(rate.p, sku.p, sku.len) == 0) {
            rate.p += sku.len;
            rate.len -= sku.len;
        }
    }
    price_group_add(w, f, st->l.slot_col, rate, text, s->text_len, 16);
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
            add_staged(st, b->w, &st->rows[j]);
        price_group_detach(b->w); /* the stage is about to be reused */
        size_t now = price_group_memory(b->w);
        st->open_bytes += now - b->memory;
        b->memory = now;
        i = j;
    }
    st->nrows = st->text_len = st->fields_len = 0;
    return st->open_bytes >= PRICE_GROUP_BYTES ? flush_groups(st) : 0;
}


price_stage *price_stage_new(const price_stage_layout *l, price_group_sink sink, void *ctx)
{
    price_stage *s = xcalloc(1, sizeof *s);
    s->l = *l;
    s->sink = sink;
    s->ctx = ctx;
    s->slot_stats = xcalloc(l->nslots + 1, sizeof *s->slot_stats);
    s->row_fields = xcalloc(l->ncols + 1, sizeof *s->row_fields);
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
    free(s->stage_fields);
    free(s->rows);
    free(s->row_fields);
    free(s->slot_stats);
    free(s->group_buf);
    free(s);
}

int price_stage_add(price_stage *s, const csv_record *r)
{
    assert(r->n == s->l.ncols);
    stage_row(s, r);
    if (s->text_len + s->fields_len * sizeof *s->stage_fields < PRICE_STAGE_BYTES)
        return 0;
    return flush_stage(s);
}

int price_stage_finish(price_stage *s)
{
    int rc = flush_stage(s);
    return rc ? rc : flush_groups(s);
}
