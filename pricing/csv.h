/*
 * csv.h — (private to pricing/) a streaming, incremental CSV reader built for
 * AWS price lists: gigabytes in, a few megabytes of memory, as fast as the
 * bytes can be scanned.
 *
 * Bytes arrive in chunks of any size (a record may straddle any number of
 * chunk boundaries); complete records come out through a callback as arrays
 * of (pointer, length) fields.  Field pointers are borrowed and valid only
 * during the callback: they point into the caller's chunk or into the
 * reader's own carry-over buffer, so no field is ever malloc'd.
 *
 * Dialect: RFC 4180 (quoted fields, "" for a quote, CR LF or LF line ends,
 * newlines inside quotes) made lazy the way real price lists need it: a bare
 * quote inside an unquoted field is an ordinary character, and a quote inside
 * a quoted field that is not followed by a delimiter is kept as text.  Any
 * number of fields per record; blank lines are skipped; a UTF-8 byte order
 * mark at the start is dropped.
 *
 * Early rejection: a "gate" sees the first N fields of each record and may
 * reject it; the rest of a rejected record is then skipped with a
 * vectorised scan instead of being split into fields.  This is what keeps a
 * price-list import (mostly Reserved terms, which it drops) near the speed
 * of `wc -l`.
 */
#ifndef CIRCUIT_PRICING_CSV_H
#define CIRCUIT_PRICING_CSV_H

#include "../src/core/err.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A record longer than this (an unterminated quote, a binary file) is an
 * error: the reader cannot resynchronise and would otherwise buffer the whole
 * stream. */
#define CSV_MAX_RECORD (4u << 20)
/* Fields beyond this count are dropped and the record is marked bad. */
#define CSV_MAX_FIELDS 4096

typedef struct csv_field {
    const char *p;   /* not NUL-terminated */
    size_t len;
} csv_field;

typedef struct csv_record {
    const csv_field *f;
    size_t n;
    uint64_t index;    /* 0-based number of the record in the stream */
    uint64_t offset;   /* byte offset of its first byte (after any BOM) */
    const char *raw;   /* the record's bytes as read (fields point into them,
                          except fields with "" whose text is unescaped
                          elsewhere) */
    size_t raw_len;
    bool bad;          /* malformed: quote still open at end of input, or
                          more than CSV_MAX_FIELDS fields */
    bool escaped;      /* some field's text lies outside raw (a field with ""
                          pairs, unescaped elsewhere); false: every field
                          points into raw */
    bool partial;      /* only the gate's fields are split (csv_set_gate_raw);
                          the rest is in raw */
} csv_record;

/* Returns 0 to go on; anything else stops the reader, which then reports
 * CIR_EPARSE unless the callback filled `err` itself (see csv_feed). */
typedef int (*csv_record_fn)(void *ctx, const csv_record *r);
/* Sees fields 0..n-1 of a record (n = the gate width) when the record has
 * more than n fields (shorter ones are never gated); returns true to keep the
 * record, false to skip the rest of it.  May be called more than once for the
 * same record (when it straddles a chunk), so it must be pure. */
typedef bool (*csv_gate_fn)(void *ctx, const csv_field *f, size_t n);

typedef struct csv_reader csv_reader;

/* Creates a reader; `ctx` is passed to both callbacks.  Never NULL. */
csv_reader *csv_new(csv_record_fn on_record, void *ctx);
void csv_free(csv_reader *r);

/* Installs (or, with width 0, removes) the gate; takes effect from the next
 * record, so a record callback may install it when it sees the header. */
void csv_set_gate(csv_reader *r, size_t width, csv_gate_fn gate);

/* With `raw` set, a record the gate keeps is not split any further: it is
 * delivered with just the gate's fields, `partial` set, and its raw text, so
 * another thread can split it (see rowq.h). */
void csv_set_gate_raw(csv_reader *r, bool raw);

/* Splits one complete record given as text (a partial record's raw bytes)
 * and hands it to the callback as csv_feed would, with `index` and
 * `offset` as given.  The record the callback sees lies in a copy followed
 * by CSV_SPLIT_PAD readable bytes.  Returns CIR_OK or the callback's stop
 * as CIR_EPARSE. */
#define CSV_SPLIT_PAD 130
cir_code csv_split(csv_reader *r, const char *raw, size_t len, uint64_t index, uint64_t offset,
                   cir_err *err);
/* The same without the copy, for raw text already followed by
 * CSV_SPLIT_PAD readable bytes (their content does not matter): the fields
 * point into `raw` itself. */
cir_code csv_split_padded(csv_reader *r, const char *raw, size_t len, uint64_t index,
                          uint64_t offset, cir_err *err);

/* Feeds a chunk.  Returns CIR_OK, or CIR_EPARSE when a record is longer than
 * CSV_MAX_RECORD or when the record callback stopped the reader (then the
 * callback's own message in `err` is kept if it set one). */
cir_code csv_feed(csv_reader *r, const char *data, size_t len, cir_err *err);
/* Signals end of input: the last record may lack its line end. */
cir_code csv_finish(csv_reader *r, cir_err *err);

/* Records seen so far, including skipped (gated) ones but not blank lines. */
uint64_t csv_records(const csv_reader *r);
/* Records the gate rejected. */
uint64_t csv_skipped(const csv_reader *r);
/* Bytes consumed so far. */
uint64_t csv_bytes(const csv_reader *r);

/* Chooses the record skipper: the best the CPU offers (AVX2 on x86-64, the
 * default) or the portable 64-bit one.  For tests, which check both. */
void csv_use_simd(bool on);

/* True when the field equals the NUL-terminated `s`. */
static inline bool csv_eq(const csv_field *f, const char *s)
{
    size_t i = 0;
    for (; i < f->len; i++)
        if (s[i] != f->p[i] || s[i] == '\0')
            return false;
    return s[i] == '\0';
}

#endif
