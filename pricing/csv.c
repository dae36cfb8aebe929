/*
 * csv.c — the streaming CSV reader behind every price-list import (see
 * csv.h for the dialect and the contract).
 *
 * Three scanners share one grammar.  parse_fast() splits a record 64 bytes
 * at a time: it builds bit masks of quotes, commas and line ends (AVX2 when
 * the CPU has it), turns the quote mask into an "inside quotes" mask with a
 * prefix XOR, and takes every comma and line end outside quotes as the end
 * of a field.  fast_skip() does the same to find only the end of a record
 * the gate has decided on.  Quote parity is exactly the RFC 4180 grammar as
 * long as every quote sits where the grammar allows one (opening after a
 * delimiter, closing before one, or doubled); the mask pass checks that too,
 * and any lazy-quote oddity, like the last bytes of the input, goes to
 * scan_field(), which walks one field at a time (memchr for the closing
 * quote of a quoted field, a byte loop for an unquoted one).  All three
 * agree on where fields and records end (tests/unit/test_price_csv.c checks
 * them against a character-at-a-time reader on random input).

 * Chunking: records are parsed straight out of the caller's chunk.  The
 * incomplete tail is copied into `carry`; on the next feed, bytes are
 * appended to the carry in geometrically growing steps until the pending
 * record completes, and parsing switches back to the new chunk.  A record
 * that straddles a boundary is therefore copied once and parsed again from
 * its start, never resumed mid-field, which keeps the grammar stateless.
 */
#include "csv.h"

#include "../src/core/mem.h"

#include <assert.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

struct csv_reader {
    csv_record_fn on_record;
    void *ctx;
    csv_gate_fn gate;
    size_t gate_width;
    bool gate_raw;

    char *split;                 /* csv_split's padded copy */
    size_t split_cap;
    char *carry;                 /* incomplete tail of the stream */
    size_t carry_len, carry_cap;

    csv_field *fields;           /* fields of the record being parsed */
    size_t fields_cap;
    char *scratch;               /* unescaped text of fields with "" in them */
    size_t scratch_len, scratch_cap;
    size_t *fix_idx, *fix_off;   /* fields whose text lives in scratch */
    size_t nfix, fix_cap;

    uint64_t consumed;           /* stream offset of the next unparsed byte */
    uint64_t nrec, nskip;
    bool started;                /* BOM question settled */
    bool failed;
    cir_err *err;
};

typedef enum { P_DONE, P_BLANK, P_NONE, P_MORE, P_STOP, P_SLOW } parse_status;
typedef enum { F_MORE, F_COMMA, F_END } field_status;

static const char BOM[3] = {'\xEF', '\xBB', '\xBF'};

csv_reader *csv_new(csv_record_fn on_record, void *ctx)
{
    csv_reader *r = xcalloc(1, sizeof *r);
    r->on_record = on_record;
    r->ctx = ctx;
    return r;
}

void csv_free(csv_reader *r)
{
    if (!r)
        return;
    free(r->carry);
    free(r->split);
    free(r->fields);
    free(r->scratch);
    free(r->fix_idx);
    free(r->fix_off);
    free(r);
}

void csv_set_gate_raw(csv_reader *r, bool raw)
{
    r->gate_raw = raw;
}

void csv_set_gate(csv_reader *r, size_t width, csv_gate_fn gate)
{
    r->gate_width = gate ? width : 0;
    r->gate = width ? gate : NULL;
}

uint64_t csv_records(const csv_reader *r) { return r->nrec; }
uint64_t csv_skipped(const csv_reader *r) { return r->nskip; }
uint64_t csv_bytes(const csv_reader *r) { return r->consumed; }

/* ---- one field ---------------------------------------------------------- */

typedef struct field_scan {
    const char *start;   /* raw text, without the surrounding quotes */
    size_t len;
    bool escaped;        /* holds "" pairs to collapse */
    bool unterminated;   /* quote still open at end of input */
    const char *next;    /* first byte after the delimiter */
} field_scan;

/* Scans the field at p.  F_MORE: the field (or the byte after it) is not in
 * [p, end) yet and more input may come. */
static inline field_status scan_field(const char *p, const char *end, bool eof, field_scan *fs)
{
    fs->escaped = false;
    fs->unterminated = false;
    if (p < end && *p == '"') {
        const char *q = p + 1;
        for (;;) {
            const char *x = memchr(q, '"', (size_t)(end - q));
            if (!x) {
                if (!eof)
                    return F_MORE;
                fs->start = p + 1;
                fs->len = (size_t)(end - p - 1);
                fs->unterminated = true;
                fs->next = end;
                return F_END;
            }
            if (x + 1 == end) {
                if (!eof)
                    return F_MORE;
                fs->start = p + 1;
                fs->len = (size_t)(x - p - 1);
                fs->next = end;
                return F_END;
            }
            char c = x[1];
            if (c == '"') {
                fs->escaped = true;
                q = x + 2;
                continue;
            }
            if (c == ',' || c == '\n') {
                fs->start = p + 1;
                fs->len = (size_t)(x - p - 1);
                fs->next = x + 2;
                return c == ',' ? F_COMMA : F_END;
            }
            if (c == '\r') {
                if (x + 2 == end) {
                    if (!eof)
                        return F_MORE;
                    fs->start = p + 1;
                    fs->len = (size_t)(x - p - 1);
                    fs->next = end;
                    return F_END;
                }
                if (x[2] == '\n') {
                    fs->start = p + 1;
                    fs->len = (size_t)(x - p - 1);
                    fs->next = x + 3;
                    return F_END;
                }
            }
            q = x + 1; /* lazy: a stray quote is text */
        }
    }
    const char *x = p;
    while (x < end && *x != ',' && *x != '\n')
        x++;
    if (x == end) {
        if (!eof)
            return F_MORE;
        fs->start = p;
        fs->len = (size_t)(x - p);
        if (fs->len && x[-1] == '\r')
            fs->len--;
        fs->next = end;
        return F_END;
    }
    fs->start = p;
    fs->len = (size_t)(x - p);
    fs->next = x + 1;
    if (*x == ',')
        return F_COMMA;
    if (fs->len && x[-1] == '\r')
        fs->len--;
    return F_END;
}

/* ---- the vectorised skip ------------------------------------------------ */

typedef struct masks {
    uint64_t quote, comma, nl;
} masks;

/* Bit i of the result: odd number of set bits in x[0..i]. */
static inline uint64_t prefix_xor(uint64_t x)
{
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

static inline void block_masks(const unsigned char *s, masks *m)
{
#if defined(__SSE2__)
    const __m128i vq = _mm_set1_epi8('"'), vc = _mm_set1_epi8(','), vn = _mm_set1_epi8('\n');
    uint64_t q[4], c[4], n[4];
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
        q[k] = (uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vq));
        c[k] = (uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vc));
        n[k] = (uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vn));
    }
    m->quote = q[0] | q[1] << 16 | q[2] << 32 | q[3] << 48;
    m->comma = c[0] | c[1] << 16 | c[2] << 32 | c[3] << 48;
    m->nl = n[0] | n[1] << 16 | n[2] << 32 | n[3] << 48;
#else
    m->quote = m->comma = m->nl = 0;
    for (int i = 0; i < 64; i++) {
        uint64_t bit = (uint64_t)1 << i;
        switch (s[i]) {
        case '"': m->quote |= bit; break;
        case ',': m->comma |= bit; break;
        case '\n': m->nl |= bit; break;
        default: break;
        }
    }
#endif
}

/* Quotes in a 64-byte block the parity model cannot vouch for: an opening
 * quote not right after a delimiter, or a closing one not right before a
 * delimiter or a CR LF.  The callers first test a cheaper superset (closing
 * quotes before a delimiter only, no look past the block) and come here only
 * when that finds something: a CR LF file's line ends, or a closing quote in
 * the block's last byte. */
static inline uint64_t cr_mask(const unsigned char *s)
{
    uint64_t cr = 0;
#if defined(__SSE2__)
    const __m128i vr = _mm_set1_epi8('\r');
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
        cr |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vr)) << (16 * k);
    }
#else
    for (int i = 0; i < 64; i++)
        cr |= (uint64_t)(s[i] == '\r') << i;
#endif
    return cr;
}

static __attribute__((noinline)) uint64_t odd_quotes(const unsigned char *s, const masks *m,
                                                     uint64_t in, uint64_t prevok)
{
    unsigned char b64 = s[64], b65 = s[65];
    uint64_t delim = m->comma | m->nl | m->quote;
    uint64_t open = m->quote & in, close = m->quote & ~in;
    uint64_t la = b64 == ',' || b64 == '\n' || b64 == '"' || (b64 == '\r' && b65 == '\n');
    uint64_t nextok = (delim >> 1) | (la << 63);
    uint64_t odd = (open & ~prevok) | (close & ~nextok);
    if (!odd)
        return 0;
    uint64_t crlf = cr_mask(s) & ((m->nl >> 1) | ((uint64_t)(b64 == '\n') << 63));
    return (open & ~prevok) | (close & ~(nextok | (crlf >> 1)));
}

typedef enum { S_FOUND, S_MORE, S_SLOW } skip_status;

/* From p (a field start outside quotes, or the start of a 64-byte block of
 * a record, given whether it starts inside quotes and whether the byte
 * before it is a delimiter) finds the end of the record.
 * S_SLOW: a quote the parity model cannot vouch for; use scan_field.
 * MASKS fills a `masks` for 64 bytes, PXOR is the prefix XOR; the body is a
 * macro so an AVX2 build of it can sit beside the baseline one. */
#define FAST_SKIP_BODY(MASKS, PXOR)                                                          \
    const unsigned char *s = (const unsigned char *)p;                                       \
    const unsigned char *e = (const unsigned char *)end;                                     \
    while (e - s >= 66) {                                                                    \
        masks m;                                                                             \
        MASKS(s, &m);                                                                        \
        uint64_t in = PXOR(m.quote) ^ inside;                                                \
        uint64_t open = m.quote & in, close = m.quote & ~in;                                 \
        uint64_t delim = m.comma | m.nl | m.quote;                                           \
        uint64_t prevok = (delim << 1) | prev_ok;                                            \
        uint64_t odd = (open & ~prevok) | (close & ~(delim >> 1));                           \
        if (odd)                                                                             \
            odd = odd_quotes(s, &m, in, prevok);                                             \
        uint64_t ends = m.nl & ~in;                                                          \
        if (ends) {                                                                          \
            uint64_t before = (ends & (~ends + 1)) - 1;                                      \
            if (odd & before)                                                                \
                return S_SLOW;                                                               \
            *rec_end = (const char *)s + __builtin_ctzll(ends) + 1;                          \
            return S_FOUND;                                                                  \
        }                                                                                    \
        if (odd)                                                                             \
            return S_SLOW;                                                                   \
        inside = (uint64_t)0 - (in >> 63);                                                   \
        prev_ok = delim >> 63;                                                               \
        s += 64;                                                                             \
    }                                                                                        \
    return S_MORE;

static skip_status fast_skip_base(const char *p, const char *end, uint64_t inside,
                                  uint64_t prev_ok, const char **rec_end)
{
    FAST_SKIP_BODY(block_masks, prefix_xor)
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2_SKIP 1

__attribute__((target("avx2"))) static inline void block_masks_avx2(const unsigned char *s,
                                                                    masks *m)
{
    const __m256i vq = _mm256_set1_epi8('"'), vc = _mm256_set1_epi8(','),
                  vn = _mm256_set1_epi8('\n');
    __m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)s);
    __m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(s + 32));
#define MASK64(v) \
    ((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, v)) | \
     (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, v)) << 32)
    m->quote = MASK64(vq);
    m->comma = MASK64(vc);
    m->nl = MASK64(vn);
#undef MASK64
}

__attribute__((target("pclmul"))) static inline uint64_t prefix_xor_clmul(uint64_t x)
{
    __m128i ones = _mm_set1_epi8((char)0xff);
    return (uint64_t)_mm_cvtsi128_si64(
        _mm_clmulepi64_si128(_mm_set_epi64x(0, (long long)x), ones, 0));
}

__attribute__((target("avx2,pclmul"))) static skip_status
fast_skip_avx2(const char *p, const char *end, uint64_t inside, uint64_t prev_ok,
               const char **rec_end)
{
    FAST_SKIP_BODY(block_masks_avx2, prefix_xor_clmul)
}
#endif

/* One 64-byte block for the field splitter: the masks plus `in` (inside
 * quotes after each byte, given whether the block starts inside). */
typedef struct block {
    masks m;
    uint64_t in;
} block;

static void scan_block_base(const unsigned char *s, uint64_t inside, block *b)
{
    block_masks(s, &b->m);
    b->in = prefix_xor(b->m.quote) ^ inside;
}

#ifdef HAVE_AVX2_SKIP
__attribute__((target("avx2,pclmul"))) static void scan_block_avx2(const unsigned char *s,
                                                                   uint64_t inside, block *b)
{
    block_masks_avx2(s, &b->m);
    b->in = prefix_xor_clmul(b->m.quote) ^ inside;
}
#endif

/* inside: all ones when p is inside quotes; prev_ok: 1 when the byte before
 * p is a delimiter. */
typedef skip_status (*skip_fn)(const char *p, const char *end, uint64_t inside, uint64_t prev_ok,
                               const char **rec_end);
typedef void (*block_fn)(const unsigned char *s, uint64_t inside, block *b);

static skip_fn skip_impl;
static block_fn block_impl;

void csv_use_simd(bool on)
{
    skip_impl = fast_skip_base;
    block_impl = scan_block_base;
#ifdef HAVE_AVX2_SKIP
    __builtin_cpu_init();
    if (on && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("pclmul")) {
        skip_impl = fast_skip_avx2;
        block_impl = scan_block_avx2;
    }
#else
    (void)on;
#endif
}

static skip_status fast_skip(const char *p, const char *end, const char **rec_end)
{
    if (!skip_impl)
        csv_use_simd(true);
    return skip_impl(p, end, 0, 1, rec_end);
}

/* ---- records ------------------------------------------------------------ */

/* Stores a field whose "" pairs must be collapsed (left to right, as
 * scan_field read them) in the scratch buffer. */
static __attribute__((noinline)) void add_escaped(csv_reader *r, size_t nf, const field_scan *fs)
{
    r->scratch = xgrow(r->scratch, &r->scratch_cap, r->scratch_len + fs->len + 1, 1);
    char *out = r->scratch + r->scratch_len;
    size_t n = 0;
    for (size_t i = 0; i < fs->len; i++) {
        out[n++] = fs->start[i];
        if (fs->start[i] == '"' && i + 1 < fs->len && fs->start[i + 1] == '"')
            i++;
    }
    if (r->nfix >= r->fix_cap) {
        size_t cap = r->fix_cap;
        r->fix_idx = xgrow(r->fix_idx, &cap, r->nfix + 1, sizeof *r->fix_idx);
        r->fix_off = xgrow(r->fix_off, &r->fix_cap, r->nfix + 1, sizeof *r->fix_off);
    }
    r->fix_idx[r->nfix] = nf;
    r->fix_off[r->nfix++] = r->scratch_len;
    r->fields[nf].p = NULL;
    r->fields[nf].len = n;
    r->scratch_len += n;
}

static inline void add_field(csv_reader *r, size_t nf, const field_scan *fs, bool *bad)
{
    if (nf >= r->fields_cap) {
        if (nf >= CSV_MAX_FIELDS) {
            *bad = true;
            return;
        }
        r->fields = xgrow(r->fields, &r->fields_cap, nf + 1, sizeof *r->fields);
    }
    if (fs->escaped) {
        add_escaped(r, nf, fs);
        return;
    }
    r->fields[nf].p = fs->start;
    r->fields[nf].len = fs->len;
}

/* Points unescaped fields at the scratch text (which may have moved). */
static void fix_fields(csv_reader *r)
{
    for (size_t i = 0; i < r->nfix; i++)
        r->fields[r->fix_idx[i]].p = r->scratch + r->fix_off[i];
}

/* Skips the rest of a gated record from p.  P_MORE or P_DONE (*used set). */
static parse_status skip_rest(const char *buf, const char *p, const char *end, bool eof, size_t *used)
{
    const char *rec_end;
    switch (fast_skip(p, end, &rec_end)) {
    case S_FOUND:
        *used = (size_t)(rec_end - buf);
        return P_DONE;
    case S_MORE:
        if (!eof)
            return P_MORE;
        break;
    case S_SLOW:
        break;
    }
    for (;;) {
        field_scan fs;
        field_status st = scan_field(p, end, eof, &fs);
        if (st == F_MORE)
            return P_MORE;
        if (st == F_END) {
            *used = (size_t)(fs.next - buf);
            return P_DONE;
        }
        p = fs.next;
        if (p == end && eof) {
            *used = (size_t)(end - buf);
            return P_DONE;
        }
    }
}

/* Set bits of x, counted up to 3 ("more than two"): all a field needs to
 * know, without a popcount instruction the baseline ISA lacks. */
static inline size_t count3(uint64_t x)
{
    if (!x)
        return 0;
    x &= x - 1;
    if (!x)
        return 1;
    x &= x - 1;
    return x ? 3 : 2;
}

static parse_status deliver(csv_reader *r, size_t nf, bool bad, uint64_t offset,
                            const char *raw, size_t raw_len, bool partial)
{
    fix_fields(r);
    csv_record rec = {
        .partial = partial,
        .escaped = r->nfix != 0,
        .f = r->fields,
        .n = nf < CSV_MAX_FIELDS ? nf : CSV_MAX_FIELDS,
        .index = r->nrec++,
        .offset = offset,
        .raw = raw,
        .raw_len = raw_len,
        .bad = bad,
    };
    return r->on_record(r->ctx, &rec) ? P_STOP : P_DONE;
}

/* A record the gate decided on while splitting the block at `base`: only
 * its end is wanted now, to skip it or (kept, raw mode) to hand it over
 * unsplit.  It is in this block (`ends`, line ends outside quotes, checked
 * already) or found by skipping on from the next block with the quote state
 * (`in`, `delim`) carried over, so no byte is scanned twice. */
static parse_status decided(csv_reader *r, const char *buf, size_t len, bool eof,
                            uint64_t offset, size_t nf, bool keep, size_t base, uint64_t ends,
                            uint64_t in, uint64_t delim, size_t *used)
{
    const char *rec_end;
    if (ends) {
        rec_end = buf + base + (unsigned)__builtin_ctzll(ends) + 1;
    } else {
        switch (skip_impl(buf + base + 64, buf + len, (uint64_t)0 - (in >> 63), delim >> 63,
                          &rec_end)) {
        case S_FOUND:
            break;
        case S_MORE:
            return eof ? P_SLOW : P_MORE;
        default:
            return P_SLOW;
        }
    }
    *used = (size_t)(rec_end - buf);
    if (keep)
        return deliver(r, nf, false, offset, buf, *used, true);
    r->nrec++;
    r->nskip++;
    return P_DONE;
}

/* The record at buf, split 64 bytes at a time with the same masks and the
 * same quote checks as fast_skip(): every comma or line end outside quotes
 * ends a field, and the quote count of a field (0, 2, or more) tells plain,
 * quoted or quoted-with-"" apart.  A gated record is abandoned at the gate and only
 * its end is looked for.  P_SLOW: something only scan_field() can read (a
 * lazy quote, or the end of the input in sight). */
static parse_status parse_fast(csv_reader *r, const char *buf, size_t len, bool eof,
                               uint64_t offset, size_t *used)
{
    const unsigned char *u = (const unsigned char *)buf;
    if (!block_impl)
        csv_use_simd(true);
    r->nfix = 0;
    r->scratch_len = 0;
    size_t nf = 0, field_start = 0, field_q = 0;
    bool bad = false;
    csv_gate_fn gate = r->gate;
    size_t gate_at = gate ? r->gate_width : SIZE_MAX; /* field count that calls the gate */
    uint64_t inside = 0, prev_ok = 1;
    for (size_t base = 0; len - base >= 66; base += 64) {
        block b;
        block_impl(u + base, inside, &b);
        const masks *m = &b.m;
        uint64_t in = b.in;
        uint64_t open = m->quote & in, close = m->quote & ~in;
        uint64_t delim = m->comma | m->nl | m->quote;
        uint64_t prevok = (delim << 1) | prev_ok;
        uint64_t odd = (open & ~prevok) | (close & ~(delim >> 1));
        if (odd)
            odd = odd_quotes(u + base, m, in, prevok);
        unsigned char b64 = u[base + 64];
        uint64_t ends = m->nl & ~in;
        uint64_t upto = ends ? ((ends & (~ends + 1)) << 1) - 1 : ~(uint64_t)0;
        if (odd & upto)
            return P_SLOW;
        {
            uint64_t seps = (m->comma | m->nl) & ~in & upto;
            unsigned last = field_start > base ? (unsigned)(field_start - base) : 0;
            uint64_t quotes = m->quote;
            /* No "" pair in the block (the usual case): a field that starts
             * and ends in it has no quote or exactly its two outer ones, so
             * its first byte says which, without counting. */
            bool plain = (quotes & ((quotes >> 1) | ((uint64_t)(b64 == '"') << 63))) == 0;
            if (plain && nf + 64 > r->fields_cap && nf + 64 <= CSV_MAX_FIELDS)
                r->fields = xgrow(r->fields, &r->fields_cap, nf + 64, sizeof *r->fields);
            while (seps) {
                if (plain && field_start >= base && nf + 64 <= r->fields_cap) {
                    /* The hot loop: every field before the record's end,
                     * quoted or not, with no counting and no branches on
                     * its content. */
                    uint64_t eol_bit = ends & (~ends + 1);
                    uint64_t body = seps & ~eol_bit;
                    seps &= eol_bit;
                    csv_field *fl = r->fields; /* locals: the stores cannot alias them */
                    size_t at = field_start, n = nf;
                    while (body) {
                        size_t pos = base + (unsigned)__builtin_ctzll(body);
                        body &= body - 1;
                        size_t qd = u[at] == '"';
                        fl[n].p = buf + at + qd;
                        fl[n].len = pos - at - 2 * qd;
                        n++;
                        at = pos + 1;
                        if (n == gate_at) {
                            nf = n;
                            field_start = at;
                            gate_at = SIZE_MAX;
                            fix_fields(r);
                            bool keep = gate(r->ctx, r->fields, nf);
                            if (!keep || r->gate_raw)
                                return decided(r, buf, len, eof, offset, nf, keep, base, ends,
                                               in, delim, used);
                        }
                    }
                    nf = n;
                    field_start = at;
                    last = field_start > base ? (unsigned)(field_start - base) : 0;
                    if (!seps)
                        break;
                }
                unsigned bit = (unsigned)__builtin_ctzll(seps);
                seps &= seps - 1;
                size_t pos = base + bit;
                size_t start = field_start, flen = pos - field_start;
                bool quoted, escaped = false;
                if (plain && start >= base) {
                    quoted = u[start] == '"';
                } else {
                    /* last <= bit < 64 here, so both shifts are defined */
                    uint64_t fq =
                        quotes & (((uint64_t)1 << bit) - 1) & ~(((uint64_t)1 << last) - 1);
                    size_t q = field_q + (fq ? count3(fq) : 0);
                    quoted = q != 0;
                    escaped = q > 2;
                }
                bool eol = (m->nl >> bit) & 1;
                if (eol && flen && u[pos - 1] == '\r')
                    flen--;
                if (quoted) { /* the checks guarantee it opens and closes the field */
                    start++;
                    flen -= 2;
                }
                field_scan fs = {.start = buf + start, .len = flen, .escaped = escaped};
                add_field(r, nf++, &fs, &bad);
                if (eol) {
                    *used = pos + 1;
                    return deliver(r, nf, bad, offset, buf, pos + 1, false);
                }
                field_start = pos + 1;
                field_q = 0;
                last = bit + 1;
                if (nf == gate_at) {
                    gate_at = SIZE_MAX;
                    fix_fields(r);
                    bool keep = gate(r->ctx, r->fields, nf);
                    if (!keep || r->gate_raw)
                        return decided(r, buf, len, eof, offset, nf, keep, base, ends, in,
                                       delim, used);
                }
            }
            if (last < 64 && (quotes >> last)) {
                field_q += count3(quotes >> last);
                field_q = field_q > 3 ? 3 : field_q;
            }
        }
        inside = (uint64_t)0 - (in >> 63);
        prev_ok = delim >> 63;
    }
    return eof ? P_SLOW : P_MORE;
}

static parse_status parse_scalar(csv_reader *r, const char *buf, size_t len, bool eof,
                                 uint64_t offset, size_t *used);

/* Parses one record at buf.  P_BLANK: a blank line (*used bytes); P_NONE:
 * nothing left at end of input. */
static parse_status parse_one(csv_reader *r, const char *buf, size_t len, bool eof,
                              uint64_t offset, size_t *used)
{
    if (len == 0)
        return eof ? P_NONE : P_MORE;
    if (buf[0] == '\n') {
        *used = 1;
        return P_BLANK;
    }
    if (buf[0] == '\r') {
        if (len == 1 && !eof)
            return P_MORE;
        if (len == 1 || buf[1] == '\n') {
            *used = len == 1 ? 1 : 2;
            return P_BLANK;
        }
    }
    if (len >= 130) {
        parse_status st = parse_fast(r, buf, len, eof, offset, used);
        if (st != P_SLOW)
            return st;
    }
    return parse_scalar(r, buf, len, eof, offset, used);
}

/* parse_one's field-by-field path, for what parse_fast leaves. */
static parse_status parse_scalar(csv_reader *r, const char *buf, size_t len, bool eof,
                                 uint64_t offset, size_t *used)
{
    const char *end = buf + len;
    r->nfix = 0;
    r->scratch_len = 0;
    size_t nf = 0;
    bool bad = false;
    csv_gate_fn gate = r->gate;
    size_t width = r->gate_width;
    const char *p = buf;
    for (;;) {
        if (gate && nf == width) {
            fix_fields(r);
            bool keep = gate(r->ctx, r->fields, nf);
            gate = NULL;
            if (!keep || r->gate_raw) {
                parse_status st = skip_rest(buf, p, end, eof, used);
                if (st != P_DONE)
                    return st;
                if (keep)
                    return deliver(r, nf, bad, offset, buf, *used, true);
                r->nrec++;
                r->nskip++;
                return st;
            }
        }
        field_scan fs;
        field_status st;
        if (p == end) {
            if (!eof)
                return P_MORE;
            /* The input ends right after a comma: one last empty field. */
            fs.start = p;
            fs.len = 0;
            fs.escaped = fs.unterminated = false;
            fs.next = p;
            st = F_END;
        } else {
            st = scan_field(p, end, eof, &fs);
            if (st == F_MORE)
                return P_MORE;
        }
        add_field(r, nf++, &fs, &bad);
        bad |= fs.unterminated;
        if (st == F_END) {
            *used = (size_t)(fs.next - buf);
            break;
        }
        p = fs.next;
    }
    return deliver(r, nf, bad, offset, buf, *used, false);
}

/* Parses every complete record in buf; *used = bytes consumed. */
static parse_status parse_all(csv_reader *r, const char *buf, size_t len, bool eof, size_t *used)
{
    size_t pos = 0;
    if (!r->started) {
        if (len < sizeof BOM && !eof && memcmp(buf, BOM, len) == 0) {
            *used = 0;
            return P_MORE;
        }
        if (len >= sizeof BOM && memcmp(buf, BOM, sizeof BOM) == 0)
            pos = sizeof BOM;
        r->started = true;
    }
    parse_status st;
    for (;;) {
        size_t n = 0;
        st = parse_one(r, buf + pos, len - pos, eof, r->consumed + pos, &n);
        if (st == P_MORE || st == P_NONE || st == P_STOP)
            break;
        pos += n;
    }
    r->consumed += pos;
    *used = pos;
    return st;
}

static void carry_append(csv_reader *r, const char *data, size_t n)
{
    if (!n)
        return;
    r->carry = xgrow(r->carry, &r->carry_cap, r->carry_len + n, 1);
    memcpy(r->carry + r->carry_len, data, n);
    r->carry_len += n;
}

static cir_code stopped(csv_reader *r, cir_err *err)
{
    r->failed = true;
    if (err && err->code != CIR_OK)
        return err->code;
    return cir_error(err, CIR_EPARSE, NULL, "record %llu: rejected by the reader",
                     (unsigned long long)r->nrec);
}

static cir_code too_long(csv_reader *r, cir_err *err)
{
    r->failed = true;
    return cir_error(err, CIR_EPARSE, NULL,
                     "record %llu (byte %llu) is longer than %u MiB: an unterminated quote "
                     "or not a CSV file",
                     (unsigned long long)r->nrec + 1, (unsigned long long)r->consumed,
                     CSV_MAX_RECORD >> 20);
}

cir_code csv_feed(csv_reader *r, const char *data, size_t len, cir_err *err)
{
    if (r->failed)
        return cir_error(err, CIR_EPARSE, NULL, "the reader already failed");
    size_t take = 0, used;
    if (r->carry_len) {
        for (;;) {
            size_t step = r->carry_len > 4096 ? r->carry_len : 4096;
            size_t add = len - take < step ? len - take : step;
            size_t before = r->carry_len;
            carry_append(r, data + take, add);
            take += add;
            if (parse_all(r, r->carry, r->carry_len, false, &used) == P_STOP)
                return stopped(r, err);
            if (used >= before) {
                /* Everything carried over is consumed, so whatever is left
                 * came from `data`: parse it from there. */
                size_t left = r->carry_len - used;
                assert(left <= take);
                take -= left;
                r->carry_len = 0;
                break;
            }
            if (used > 0) {
                /* Records that were complete but needed look-ahead (the
                 * skip reads 66 bytes at a time) came out; keep the rest. */
                memmove(r->carry, r->carry + used, r->carry_len - used);
                r->carry_len -= used;
            }
            if (r->carry_len > CSV_MAX_RECORD)
                return too_long(r, err);
            if (take == len)
                return CIR_OK;
        }
    }
    if (parse_all(r, data + take, len - take, false, &used) == P_STOP)
        return stopped(r, err);
    size_t rest = len - take - used;
    if (rest > CSV_MAX_RECORD)
        return too_long(r, err);
    carry_append(r, data + take + used, rest);
    return CIR_OK;
}

cir_code csv_split_padded(csv_reader *r, const char *raw, size_t len, uint64_t index,
                          uint64_t offset, cir_err *err)
{
    r->started = true;
    r->nrec = index;
    size_t used = 0;
    parse_status st = P_SLOW;
    if (len && raw[len - 1] == '\n')
        st = parse_fast(r, raw, len + CSV_SPLIT_PAD, true, offset, &used);
    if (st == P_SLOW || (st == P_DONE && used != len)) {
        r->nrec = index;
        st = parse_scalar(r, raw, len, true, offset, &used);
    }
    if (st == P_STOP) {
        if (err && err->code != CIR_OK)
            return err->code;
        return cir_error(err, CIR_EPARSE, NULL, "record %llu: rejected by the reader",
                         (unsigned long long)index + 1);
    }
    return CIR_OK;
}

cir_code csv_split(csv_reader *r, const char *raw, size_t len, uint64_t index, uint64_t offset,
                   cir_err *err)
{
    /* A padded copy lets the 64-byte scan run to the record's last byte. */
    r->split = xgrow(r->split, &r->split_cap, len + CSV_SPLIT_PAD, 1);
    memcpy(r->split, raw, len);
    memset(r->split + len, 0, CSV_SPLIT_PAD);
    return csv_split_padded(r, r->split, len, index, offset, err);
}

cir_code csv_finish(csv_reader *r, cir_err *err)
{
    if (r->failed)
        return cir_error(err, CIR_EPARSE, NULL, "the reader already failed");
    size_t used;
    parse_status st = parse_all(r, r->carry ? r->carry : "", r->carry_len, true, &used);
    if (st == P_STOP)
        return stopped(r, err);
    assert(used == r->carry_len);
    r->carry_len = 0;
    return CIR_OK;
}
