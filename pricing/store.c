/*
 * store.c — the grouped price-row codec (see store.h for the format).
 */
#include "store.h"

#include "../src/core/mem.h"

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const slot_keys[PRICE_SLOT_NFIXED] = {
    [PRICE_SLOT_SKU] = "sku",         [PRICE_SLOT_USD] = "pricePerUnit",
    [PRICE_SLOT_DESCRIPTION] = "description", [PRICE_SLOT_UNIT] = "unit",
    [PRICE_SLOT_BEGIN] = "beginRange", [PRICE_SLOT_END] = "endRange",
    [PRICE_SLOT_RATE_CODE] = "rateCode",
};

const char *price_slot_key(size_t slot)
{
    return slot < PRICE_SLOT_NFIXED ? slot_keys[slot] : NULL;
}

/* ---- bytes ---------------------------------------------------------------- */

typedef struct bytes {
    unsigned char *p;
    size_t len, cap;
} bytes;

static inline void bytes_need(bytes *b, size_t n)
{
    if (b->len + n > b->cap)
        b->p = xgrow(b->p, &b->cap, b->len + n, 1);
}

static inline void put_varint(bytes *b, size_t v)
{
    bytes_need(b, 10);
    while (v >= 0x80) {
        b->p[b->len++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    b->p[b->len++] = (unsigned char)v;
}

static inline void put_str(bytes *b, const char *s, size_t n)
{
    put_varint(b, n);
    bytes_need(b, n);
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
}

/* ---- writer --------------------------------------------------------------- */



typedef struct str_ref {
    uint32_t off, len;
} str_ref;

struct price_group_writer {
    size_t nslots, ntable;        /* ntable = nslots - PRICE_SLOT_NINLINE */
    size_t nspans;
    size_t index_slot;
    price_slot_stats *stats;      /* shared, per slot */
    bytes arena;                  /* the string table's bytes */
    str_ref *strings;             /* table; [0] is "" */
    size_t nstrings, strings_cap;
    uint32_t *hash;               /* open addressing: string index + 1, 0 = free */
    size_t hash_cap;
    /* the previous row, as the caller passed it or as detached copies */
    const char *prev;
    size_t prev_len, prev_pad;
    const price_span *prev_spans;
    bytes own;                    /* detached text */
    price_span *own_spans;        /* detached spans */
    uint16_t *changed;            /* table slots that differ, one row */
    unsigned char *is_index;      /* per string: seen in the index slot */
    size_t is_index_cap;
    price_str *index_values;
    size_t nindex, index_cap;
    bytes rows;
    size_t nrows;
};

/* Forgets the group's rows and strings (the arena is cleared by the next
 * group's first row, so price_group_end's index values outlive the reset). */
static void writer_reset(price_group_writer *w)
{
    w->nstrings = 1;
    w->strings[0] = (str_ref){0, 0};
    if (w->hash)
        memset(w->hash, 0, w->hash_cap * sizeof *w->hash);
    w->prev = "";
    w->prev_len = w->prev_pad = 0;
    w->prev_spans = NULL; /* no previous row: every slot counts as "" */
    if (w->is_index)
        memset(w->is_index, 0, w->is_index_cap);
    w->rows.len = 0;
    w->nrows = 0;
}

price_group_writer *price_group_writer_new(size_t nslots, size_t nspans, size_t index_slot,
                                           price_slot_stats *stats)
{
    assert(nslots >= PRICE_SLOT_NFIXED && nspans > 0);
    price_group_writer *w = xcalloc(1, sizeof *w);
    w->stats = stats;
    w->nslots = nslots;
    w->ntable = nslots - PRICE_SLOT_NINLINE;
    w->nspans = nspans;
    w->index_slot = index_slot;
    w->own_spans = xcalloc(nspans, sizeof *w->own_spans);
    w->changed = xcalloc(w->ntable + 1, sizeof *w->changed);
    w->strings = xgrow(NULL, &w->strings_cap, 16, sizeof *w->strings);
    writer_reset(w);
    return w;
}

void price_group_writer_free(price_group_writer *w)
{
    if (!w)
        return;
    free(w->arena.p);
    free(w->strings);
    free(w->hash);
    free(w->own_spans);
    free(w->changed);
    free(w->own.p);
    free(w->is_index);
    free(w->index_values);
    free(w->rows.p);
    free(w);
}

size_t price_group_memory(const price_group_writer *w)
{
    return sizeof *w + w->arena.cap + w->strings_cap * sizeof *w->strings +
           w->hash_cap * sizeof *w->hash + w->nspans * sizeof *w->own_spans + w->rows.cap +
           w->own.cap + w->is_index_cap + w->index_cap * sizeof *w->index_values;
}

/* A hash of n bytes, eight at a time (values live in memory only: the
 * string table's index and the slot statistics). */
static inline uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ull ^ n, x;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&x, s + i, 8);
        h = (h ^ x) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    if (i < n) {
        x = 0;
        memcpy(&x, s + i, n - i);
        h = (h ^ x) * 0xc4ceb9fe1a85ec53ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
}

static inline const char *ref_ptr(const price_group_writer *w, str_ref r)
{
    return (const char *)w->arena.p + r.off;
}

static void rehash(price_group_writer *w)
{
    size_t cap = w->hash_cap ? w->hash_cap * 2 : 64;
    free(w->hash);
    w->hash = xcalloc(cap, sizeof *w->hash);
    w->hash_cap = cap;
    for (size_t i = 1; i < w->nstrings; i++) {
        size_t h = hash_bytes(ref_ptr(w, w->strings[i]), w->strings[i].len) & (cap - 1);
        while (w->hash[h])
            h = (h + 1) & (cap - 1);
        w->hash[h] = (uint32_t)(i + 1);
    }
}

/* Table index of `s`; when the group has not seen it yet, adds it (and
 * sets *fresh) unless `add` is false, then returns UINT32_MAX. */
static uint32_t intern(price_group_writer *w, price_str s, bool add, bool *fresh)
{
    *fresh = false;
    if (s.len == 0)
        return 0;
    if ((w->nstrings + 1) * 2 > w->hash_cap)
        rehash(w);
    size_t mask = w->hash_cap - 1;
    size_t h = hash_bytes(s.p, s.len) & mask;
    for (; w->hash[h]; h = (h + 1) & mask) {
        str_ref t = w->strings[w->hash[h] - 1];
        if (t.len == s.len && memcmp(ref_ptr(w, t), s.p, s.len) == 0)
            return w->hash[h] - 1;
    }
    *fresh = true;
    if (!add)
        return UINT32_MAX;
    bytes_need(&w->arena, s.len);
    memcpy(w->arena.p + w->arena.len, s.p, s.len);
    w->strings = xgrow(w->strings, &w->strings_cap, w->nstrings + 1, sizeof *w->strings);
    w->strings[w->nstrings] = (str_ref){(uint32_t)w->arena.len, (uint32_t)s.len};
    w->arena.len += s.len;
    w->hash[h] = (uint32_t)(w->nstrings + 1);
    return (uint32_t)w->nstrings++;
}

/* A slot whose changes are mostly to unseen values is stored literally. */
static bool literal_slot(const price_slot_stats *st)
{
    return st->changes >= 32 && (uint64_t)st->fresh * 4 > (uint64_t)st->changes * 3;
}

static void note_index_value(price_group_writer *w, uint32_t idx)
{
    if (idx == 0)
        return;
    if (idx >= w->is_index_cap) {
        size_t old = w->is_index_cap;
        w->is_index = xgrow(w->is_index, &w->is_index_cap, (size_t)idx + 1, 1);
        memset(w->is_index + old, 0, w->is_index_cap - old);
    }
    w->is_index[idx] = 1;
}

/* a[0..n) == b[0..n), where both may be read 8 bytes at a time up to the
 * next multiple of 8 (the caller's padding makes that safe). */
static inline bool same_padded(const char *a, const char *b, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    size_t i = 0;
    uint64_t x, y;
    for (; i + 8 <= n; i += 8) {
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (x != y)
            return false;
    }
    if (i == n)
        return true;
    memcpy(&x, a + i, 8);
    memcpy(&y, b + i, 8);
    return ((x ^ y) << (8 * (8 - (n - i)))) == 0;
#else
    return memcmp(a, b, n) == 0;
#endif
}

static inline bool same_bytes(const char *a, const char *b, size_t n)
{
    if (n <= 16) {
        for (size_t i = 0; i < n; i++)
            if (a[i] != b[i])
                return false;
        return true;
    }
    return memcmp(a, b, n) == 0;
}

/* "0.0416000000" is stored as 6 and "0.0416". */
static void put_price(bytes *b, price_str v)
{
    size_t zeros = 0;
    if (memchr(v.p, '.', v.len))
        while (zeros < v.len && v.p[v.len - 1 - zeros] == '0')
            zeros++;
    put_varint(b, zeros);
    put_str(b, v.p, v.len - zeros);
}

/* Bytes a[0..n) and b[0..n) have in common at the start (at the end, for
 * common_suffix, with a_end and b_end just past them), up to max. */
static size_t common_prefix(const char *a, const char *b, size_t max)
{
    size_t n = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (uint64_t x, y; n + 8 <= max; n += 8) {
        memcpy(&x, a + n, 8);
        memcpy(&y, b + n, 8);
        if (x != y)
            return n + (size_t)__builtin_ctzll(x ^ y) / 8;
    }
#endif
    while (n < max && a[n] == b[n])
        n++;
    return n;
}

static size_t common_suffix(const char *a_end, const char *b_end, size_t max)
{
    size_t n = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (uint64_t x, y; n + 8 <= max; n += 8) {
        memcpy(&x, a_end - n - 8, 8);
        memcpy(&y, b_end - n - 8, 8);
        if (x != y)
            return n + (size_t)__builtin_clzll(x ^ y) / 8;
    }
#endif
    while (n < max && a_end[-1 - (ptrdiff_t)n] == b_end[-1 - (ptrdiff_t)n])
        n++;
    return n;
}

/* The description as what it shares with the previous row's (prefix and
 * suffix lengths) and the middle that differs. */
static void put_description(bytes *b, price_str v, price_str prev)
{
    size_t max = v.len < prev.len ? v.len : prev.len;
    size_t pre = common_prefix(v.p, prev.p, max);
    size_t suf = common_suffix(v.p + v.len, prev.p + prev.len, max - pre);
    put_varint(b, pre);
    put_varint(b, suf);
    put_str(b, v.p + pre, v.len - pre - suf);
}

/* A changed value: its index in the group's string table, or, for a slot
 * whose values rarely repeat, the value itself (it would only bloat the
 * table). */
static void put_table_value(price_group_writer *w, bytes *b, size_t slot, price_str v)
{
    price_slot_stats *st = &w->stats[slot];
    uint64_t x = hash_bytes(v.p, v.len);
    uint32_t h = (uint32_t)(x >> 32) | 1;
    uint32_t *seen = &st->recent[x & 63];
    st->fresh += *seen != h;
    *seen = h;
    if (++st->changes >= 4096) { /* a moving estimate */
        st->changes /= 2;
        st->fresh /= 2;
    }
    if (slot != w->index_slot && literal_slot(st)) {
        put_varint(b, v.len * 2 + 1);
        bytes_need(b, v.len);
        memcpy(b->p + b->len, v.p, v.len);
        b->len += v.len;
        return;
    }
    bool fresh;
    uint32_t idx = intern(w, v, true, &fresh);
    put_varint(b, (size_t)idx * 2);
    if (slot == w->index_slot)
        note_index_value(w, idx);
}

static inline price_str span_str(const char *text, price_span s)
{
    return (price_str){text + s.off, s.len};
}

/* The previous row's span behind a slot ("" before the group's first row). */
static inline price_span prev_span(const price_group_writer *w, uint32_t span)
{
    return w->prev_spans ? w->prev_spans[span] : (price_span){0, 0};
}

void price_group_add(price_group_writer *w, const char *text, size_t text_len, size_t text_pad,
                     const price_span *spans, const uint32_t *slot_span)
{
    if (w->nrows == 0)
        w->arena.len = 0;
    /* Spans are checked where they are made (stage_row): a loop here would
     * cost as much as the comparisons. */
    assert(text_len <= UINT32_MAX);
    bytes *b = &w->rows;
    put_str(b, text + spans[slot_span[PRICE_SLOT_SKU]].off, spans[slot_span[PRICE_SLOT_SKU]].len);
    put_price(b, span_str(text, spans[slot_span[PRICE_SLOT_USD]]));
    uint32_t desc = slot_span[PRICE_SLOT_DESCRIPTION];
    put_description(b, span_str(text, spans[desc]), span_str(w->prev, prev_span(w, desc)));
    /* Each slot is compared with the same slot of the previous row of the
     * group, whose text and spans the caller (or the detached copy) still
     * holds. */
    const char *prev = w->prev;
    const uint32_t *table_span = slot_span + PRICE_SLOT_NINLINE;
    size_t nchanged = 0, ntable = w->ntable;
    uint16_t *changed = w->changed;
    if (!w->prev_spans) {
        for (size_t t = 0; t < ntable; t++)
            if (spans[table_span[t]].len)
                changed[nchanged++] = (uint16_t)t;
    } else if (text_pad >= 8 && w->prev_pad >= 8) {
        const price_span *ps = w->prev_spans;
        for (size_t t = 0; t < ntable; t++) {
            price_span v = spans[table_span[t]], pv = ps[table_span[t]];
            if (v.len != pv.len || (v.len && !same_padded(text + v.off, prev + pv.off, v.len)))
                changed[nchanged++] = (uint16_t)t;
        }
    } else {
        const price_span *ps = w->prev_spans;
        for (size_t t = 0; t < ntable; t++) {
            price_span v = spans[table_span[t]], pv = ps[table_span[t]];
            if (v.len != pv.len || (v.len && !same_bytes(text + v.off, prev + pv.off, v.len)))
                changed[nchanged++] = (uint16_t)t;
        }
    }
    put_varint(b, nchanged);
    for (size_t k = 0, next = 0; k < nchanged; k++) {
        size_t t = changed[k];
        put_varint(b, t - next);
        next = t + 1;
        put_table_value(w, b, t + PRICE_SLOT_NINLINE, span_str(text, spans[table_span[t]]));
    }
    w->prev = text;
    w->prev_len = text_len;
    w->prev_pad = text_pad;
    w->prev_spans = spans;
    w->nrows++;
}

void price_group_detach(price_group_writer *w)
{
    if (w->nrows == 0 || w->prev == (const char *)w->own.p)
        return;
    w->own.len = 0;
    bytes_need(&w->own, w->prev_len + 16);
    memcpy(w->own.p, w->prev, w->prev_len);
    memset(w->own.p + w->prev_len, 0, 16);
    memcpy(w->own_spans, w->prev_spans, w->nspans * sizeof *w->own_spans);
    w->prev = (const char *)w->own.p;
    w->prev_pad = 16;
    w->prev_spans = w->own_spans;
}

void price_group_end(price_group_writer *w, unsigned char **out, size_t *out_cap, size_t *len,
                     size_t *nrows, price_str **index_values, size_t *nindex)
{
    bytes o = {*out, 0, *out_cap};
    bytes_need(&o, 2);
    o.p[o.len++] = 0x00;
    o.p[o.len++] = PRICE_GROUP_FORMAT;
    put_varint(&o, w->nstrings);
    for (size_t i = 1; i < w->nstrings; i++)
        put_str(&o, ref_ptr(w, w->strings[i]), w->strings[i].len);
    put_varint(&o, w->nrows);
    bytes_need(&o, w->rows.len);
    memcpy(o.p + o.len, w->rows.p, w->rows.len);
    o.len += w->rows.len;
    *out = o.p;
    *out_cap = o.cap;
    *len = o.len;
    *nrows = w->nrows;
    w->nindex = 0;
    for (size_t i = 1; i < w->is_index_cap && i < w->nstrings; i++)
        if (w->is_index[i]) {
            w->index_values = xgrow(w->index_values, &w->index_cap, w->nindex + 1,
                                    sizeof *w->index_values);
            w->index_values[w->nindex++] =
                (price_str){ref_ptr(w, w->strings[i]), w->strings[i].len};
        }
    *index_values = w->index_values;
    *nindex = w->nindex;
    writer_reset(w);
}

/* ---- reader --------------------------------------------------------------- */

static bool get_varint(price_group_reader *r, size_t *v)
{
    size_t x = 0;
    for (unsigned shift = 0; r->p < r->end && shift < 63; shift += 7) {
        unsigned char c = *r->p++;
        x |= (size_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) {
            *v = x;
            return true;
        }
    }
    return false;
}

static bool get_str(price_group_reader *r, price_str *s)
{
    size_t n;
    if (!get_varint(r, &n) || n > (size_t)(r->end - r->p))
        return false;
    s->p = (const char *)r->p;
    s->len = n;
    r->p += n;
    return true;
}

bool price_group_open(price_group_reader *r, const void *data, size_t len, size_t nslots)
{
    r->p = data;
    r->end = r->p + len;
    r->nslots = nslots;
    r->row = 0;
    r->format = 1;
    if (len >= 2 && r->p[0] == 0x00) {
        if (r->p[1] != PRICE_GROUP_FORMAT)
            return false;
        r->format = PRICE_GROUP_FORMAT;
        r->p += 2;
    }
    if (nslots < PRICE_SLOT_NFIXED || !get_varint(r, &r->nstrings) || r->nstrings == 0 ||
        r->nstrings > len + 1)
        return false;
    r->strings = xgrow(r->strings, &r->strings_cap, r->nstrings, sizeof *r->strings);
    r->strings[0] = (price_str){"", 0};
    for (size_t i = 1; i < r->nstrings; i++)
        if (!get_str(r, &r->strings[i]))
            return false;
    r->current = xgrow(r->current, &r->current_cap, nslots, sizeof *r->current);
    for (size_t i = 0; i < nslots; i++)
        r->current[i] = r->strings[0];
    r->prev_desc_len = 0;
    return get_varint(r, &r->nrows);
}

/* Rebuilds text number k (0 price, 1 description) of the current row from
 * `head` + middle + `tail` pieces. */
static price_str rebuild(price_group_reader *r, int k, const char *a, size_t an, price_str mid,
                         const char *c, size_t cn, char fill, size_t nfill)
{
    size_t n = an + mid.len + cn + nfill;
    r->text[k] = xgrow(r->text[k], &r->text_cap[k], n + 1, 1);
    char *o = r->text[k];
    if (an)
        memcpy(o, a, an);
    if (mid.len)
        memcpy(o + an, mid.p, mid.len);
    if (cn)
        memcpy(o + an + mid.len, c, cn);
    if (nfill)
        memset(o + an + mid.len + cn, fill, nfill);
    o[n] = '\0';
    return (price_str){o, n};
}

/* One changed slot's value: a string table index or a literal. */
static bool get_value(price_group_reader *r, price_str *cur)
{
    size_t v;
    if (!get_varint(r, &v))
        return false;
    if (v & 1) {
        size_t n = v >> 1;
        if (n > (size_t)(r->end - r->p))
            return false;
        *cur = (price_str){(const char *)r->p, n};
        r->p += n;
        return true;
    }
    if ((v >> 1) >= r->nstrings)
        return false;
    *cur = r->strings[v >> 1];
    return true;
}

/* The rest of a format-1 row: a bitmap of the changed slots. */
static bool next_bitmap(price_group_reader *r, size_t ntable)
{
    size_t nbitmap = (ntable + 7) / 8;
    if ((size_t)(r->end - r->p) < nbitmap)
        return false;
    const unsigned char *bitmap = r->p;
    r->p += nbitmap;
    for (size_t t = 0; t < ntable; t++)
        if ((bitmap[t / 8] & (1u << (t % 8))) &&
            !get_value(r, &r->current[t + PRICE_SLOT_NINLINE]))
            return false;
    r->row++;
    return true;
}

bool price_group_next(price_group_reader *r)
{
    if (r->row >= r->nrows)
        return false;
    size_t zeros, pre, suf;
    price_str usd, mid;
    if (!get_str(r, &r->current[PRICE_SLOT_SKU]) || !get_varint(r, &zeros) || zeros > 64 ||
        !get_str(r, &usd) || !get_varint(r, &pre) || !get_varint(r, &suf) ||
        pre + suf > r->prev_desc_len || !get_str(r, &mid))
        return false;
    r->current[PRICE_SLOT_USD] = rebuild(r, 0, "", 0, usd, "", 0, '0', zeros);
    /* No previous description yet (prev_desc NULL): NULL + 0 is undefined. */
    const char *tail = r->prev_desc ? r->prev_desc + r->prev_desc_len - suf : "";
    price_str desc = rebuild(r, 1, r->prev_desc, pre, mid, tail, suf, 0, 0);
    r->current[PRICE_SLOT_DESCRIPTION] = desc;
    r->prev_desc = xgrow(r->prev_desc, &r->prev_desc_cap, desc.len + 1, 1);
    memcpy(r->prev_desc, desc.p, desc.len);
    r->prev_desc_len = desc.len;
    size_t ntable = r->nslots - PRICE_SLOT_NINLINE;
    if (r->format == 1)
        return next_bitmap(r, ntable);
    size_t nchanged;
    if (!get_varint(r, &nchanged) || nchanged > ntable)
        return false;
    for (size_t k = 0, t = 0; k < nchanged; k++, t++) {
        size_t gap;
        if (!get_varint(r, &gap) || gap >= ntable - t)
            return false;
        t += gap;
        if (!get_value(r, &r->current[t + PRICE_SLOT_NINLINE]))
            return false;
    }
    r->row++;
    return true;
}

void price_group_reader_free(price_group_reader *r)
{
    free(r->strings);
    free(r->current);
    free(r->text[0]);
    free(r->text[1]);
    free(r->prev_desc);
    memset(r, 0, sizeof *r);
}
