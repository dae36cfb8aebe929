/*
 * csv.c — the streaming CSV reader behind every price-list import (see
 * csv.h for the dialect and the contract).
 *
 * Two scanners share one grammar.  scan_field() walks one field at a time
 * (memchr for the closing quote of a quoted field, a byte loop for an
 * unquoted one) and is used for every record that is kept.  fast_skip()
 * finds the end of a record the gate rejected 64 bytes at a time: it builds
 * bit masks of quotes, commas and line ends, turns the quote mask into an
 * "inside quotes" mask with a prefix XOR, and takes the first line end that
 * is outside quotes.  Quote parity is exactly the RFC 4180 grammar as long as
 * every quote sits where the grammar allows one (opening after a delimiter,
 * closing before one, or doubled); the mask pass checks that too, and any
 * lazy-quote oddity sends the record back to scan_field, so both scanners
 * always agree on where a record ends.
 *
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

typedef enum { P_DONE, P_BLANK, P_NONE, P_MORE, P_STOP } parse_status;
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
    free(r->fields);
    free(r->scratch);
    free(r->fix_idx);
    free(r->fix_off);
    free(r);
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
    uint64_t quote, comma, nl, cr;
} masks;

static inline void block_masks(const unsigned char *s, masks *m)
{
#if defined(__SSE2__)
    const __m128i vq = _mm_set1_epi8('"'), vc = _mm_set1_epi8(','), vn = _mm_set1_epi8('\n'),
                  vr = _mm_set1_epi8('\r');
    m->quote = m->comma = m->nl = m->cr = 0;
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
        int shift = 16 * k;
        m->quote |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vq)) << shift;
        m->comma |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vc)) << shift;
        m->nl |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vn)) << shift;
        m->cr |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vr)) << shift;
    }
#else
    m->quote = m->comma = m->nl = m->cr = 0;
    for (int i = 0; i < 64; i++) {
        uint64_t bit = (uint64_t)1 << i;
        switch (s[i]) {
        case '"': m->quote |= bit; break;
        case ',': m->comma |= bit; break;
        case '\n': m->nl |= bit; break;
        case '\r': m->cr |= bit; break;
        default: break;
        }
    }
#endif
}

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

typedef enum { S_FOUND, S_MORE, S_SLOW } skip_status;

/* From p (a field start, outside quotes) finds the end of the record.
 * S_SLOW: a quote the parity model cannot vouch for; use scan_field. */
static skip_status fast_skip(const char *p, const char *end, const char **rec_end)
{
    const unsigned char *s = (const unsigned char *)p;
    const unsigned char *e = (const unsigned char *)end;
    uint64_t inside = 0;  /* all ones when the previous block ended inside quotes */
    uint64_t prev_ok = 1; /* the byte before p is the comma that ended a field */
    while (e - s >= 66) {
        masks m;
        block_masks(s, &m);
        uint64_t in = prefix_xor(m.quote) ^ inside;
        uint64_t open = m.quote & in, close = m.quote & ~in;
        uint64_t delim = m.comma | m.nl | m.quote;
        uint64_t prevok = (delim << 1) | prev_ok;
        unsigned char b64 = s[64], b65 = s[65];
        uint64_t crlf = m.cr & ((m.nl >> 1) | ((uint64_t)(b64 == '\n') << 63));
        uint64_t la = b64 == ',' || b64 == '\n' || b64 == '"' || (b64 == '\r' && b65 == '\n');
        uint64_t nextok = ((m.comma | m.nl | m.quote | crlf) >> 1) | (la << 63);
        uint64_t odd = (open & ~prevok) | (close & ~nextok);
        uint64_t ends = m.nl & ~in;
        if (ends) {
            uint64_t before = (ends & (~ends + 1)) - 1;
            if (odd & before)
                return S_SLOW;
            *rec_end = (const char *)s + __builtin_ctzll(ends) + 1;
            return S_FOUND;
        }
        if (odd)
            return S_SLOW;
        inside = (uint64_t)0 - (in >> 63);
        prev_ok = delim >> 63;
        s += 64;
    }
    return S_MORE;
}

/* ---- records ------------------------------------------------------------ */

static void add_field(csv_reader *r, size_t nf, const field_scan *fs, bool *bad)
{
    if (nf >= CSV_MAX_FIELDS) {
        *bad = true;
        return;
    }
    if (nf >= r->fields_cap)
        r->fields = xgrow(r->fields, &r->fields_cap, nf + 1, sizeof *r->fields);
    csv_field *f = &r->fields[nf];
    if (!fs->escaped) {
        f->p = fs->start;
        f->len = fs->len;
        return;
    }
    /* Collapse "" pairs left to right, as scan_field read them. */
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
    f->p = NULL;
    f->len = n;
    r->scratch_len += n;
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

/* Parses one record at buf.  P_BLANK: a blank line (*used bytes); P_NONE:
 * nothing left at end of input. */
static parse_status parse_one(csv_reader *r, const char *buf, size_t len, bool eof,
                              uint64_t offset, size_t *used)
{
    const char *end = buf + len;
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
            if (!gate(r->ctx, r->fields, nf)) {
                parse_status st = skip_rest(buf, p, end, eof, used);
                if (st == P_DONE) {
                    r->nrec++;
                    r->nskip++;
                }
                return st;
            }
            gate = NULL;
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
    fix_fields(r);
    csv_record rec = {
        .f = r->fields,
        .n = nf < CSV_MAX_FIELDS ? nf : CSV_MAX_FIELDS,
        .index = r->nrec++,
        .offset = offset,
        .bad = bad,
    };
    return r->on_record(r->ctx, &rec) ? P_STOP : P_DONE;
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
