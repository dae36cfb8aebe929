/*
 * store.h — (private to pricing/) how price rows are packed in the cache.
 *
 * Measured on this design's target (a 1 GB EC2 regional CSV keeps about
 * 200,000 on-demand rows), one SQLite row per price costs more than the
 * whole CSV scan, so prices are stored in groups: all rows of one product
 * family and instance type that arrive within one staging batch share one
 * SQLite row.  Inside a group:
 *
 *   group := 0x00 0x02 (format 2), varint nstrings,
 *            (nstrings - 1) x (varint len, bytes),         string table
 *            varint nrows, nrows x row                     (index 0 = "")
 *   row   := sku as varint len + bytes; the price as a varint count of
 *            trailing zeros cut after its decimal point, then len + bytes;
 *            the description as varint lengths of the prefix and suffix it
 *            shares with the previous row's, then the middle as len +
 *            bytes; then a varint count of the other slots whose value
 *            differs from the previous row's and, per such slot in slot
 *            order, a varint gap (slots skipped since the last one) and a
 *            varint v: v even = string table index v/2; v odd = a literal
 *            of v/2 bytes that follows (for values that rarely repeat).
 *
 * Format 1 (caches written before format 2) has no 0x00 0x02 prefix (its
 * first byte, nstrings, is never 0) and a bitmap of the changed slots,
 * one bit per slot, in place of the count and gaps; readers take both.
 * A row changes about four of 150 slots, so the gaps take a quarter of the
 * bytes the bitmap did.
 *
 * A row of an EC2 instance type repeats most attributes of its neighbours
 * (vCPU, memory, processor, location, ...), so it costs its SKU, price and
 * description plus a few bytes.  Which slots are stored as literals is
 * learned while writing (price_slot_stats): a slot whose new values are
 * mostly unseen ones would only bloat the string table.  Slots are the offer's columns in a fixed
 * order (PRICE_SLOT_* first, then product attributes); their JSON keys are
 * stored once per offer.
 */
#ifndef CIRCUIT_PRICING_STORE_H
#define CIRCUIT_PRICING_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Fixed slots; product attributes follow from PRICE_SLOT_NFIXED on. */
enum {
    PRICE_SLOT_SKU,           /* inline */
    PRICE_SLOT_USD,           /* inline */
    PRICE_SLOT_DESCRIPTION,   /* inline */
    PRICE_SLOT_UNIT,
    PRICE_SLOT_BEGIN,
    PRICE_SLOT_END,
    PRICE_SLOT_RATE_CODE,
    PRICE_SLOT_NFIXED
};
#define PRICE_SLOT_NINLINE 3

/* JSON key of a fixed slot ("sku", "pricePerUnit", ...). */
const char *price_slot_key(size_t slot);

typedef struct price_str {
    const char *p;
    size_t len;
} price_str;

/* ---- building a group (ingest) ------------------------------------------ */

/* Accumulates the rows of one group as they arrive: a value equal to the
 * same slot of the previous row costs a comparison; a new one is copied
 * into the group's string table once. */
typedef struct price_group_writer price_group_writer;

/* Per-slot statistics shared by all writers of one import: how often a
 * slot's value changed, and how often to a value not among the slot's
 * recent ones (a small hash cache), so slots whose values are mostly unique
 * (an instanceSKU) are told from those that cycle through a few (an
 * operating system).  One array of nslots, zeroed, owned by the caller. */
typedef struct price_slot_stats {
    uint32_t changes, fresh;
    uint32_t recent[64];
} price_slot_stats;

/* Where one value of a row lies in the row's text. */
typedef struct price_span {
    uint32_t off, len;
} price_span;

/* `nspans`: how many spans every row passes (see price_group_add).
 * `index_slot`: the slot whose distinct values price_group_end reports (the
 * usagetype, for the cache's usagetype index; always kept in the table), or
 * SIZE_MAX. */
price_group_writer *price_group_writer_new(size_t nslots, size_t nspans, size_t index_slot,
                                           price_slot_stats *stats);
void price_group_writer_free(price_group_writer *w);
/* Adds a row: `text` of `text_len` bytes and `spans`, nspans places in it;
 * slot s takes spans[slot_span[s]] (a caller with a slot that has no value
 * points it at an empty span).  The text must stay as it is until the next
 * row is added (the writer compares that row with it) or the group ends, and
 * so must the spans.  `text_pad`: bytes after text + text_len that may be
 * read, which lets comparisons go a word at a time. */
void price_group_add(price_group_writer *w, const char *text, size_t text_len, size_t text_pad,
                     const price_span *spans, const uint32_t *slot_span);
/* Copies the last row's text and spans into the writer, so the caller may
 * reuse what it passed (the next row is still compared with that row). */
void price_group_detach(price_group_writer *w);
/* Bytes of memory the writer holds. */
size_t price_group_memory(const price_group_writer *w);
/* Serialises the group into `out` (reallocated as needed) and lists the
 * distinct values seen in the index slot (borrowed until the next call on
 * the writer).  The writer is then empty and ready for more rows. */
void price_group_end(price_group_writer *w, unsigned char **out, size_t *out_cap, size_t *len,
                     size_t *nrows, price_str **index_values, size_t *nindex);

/* ---- reading a group (lookup) ------------------------------------------- */

/* The row format price_group_end writes (see the top of this file). */
#define PRICE_GROUP_FORMAT 2

typedef struct price_group_reader {
    const unsigned char *p, *end;
    int format;               /* of the open group: 1 or PRICE_GROUP_FORMAT */
    size_t nslots, nstrings, nrows, row;
    price_str *strings;       /* the string table (0 = "") */
    price_str *current;       /* value per slot, current row */
    size_t strings_cap, current_cap;
    char *text[2];            /* rebuilt price and description (current row) */
    size_t text_cap[2];
    char *prev_desc;          /* the previous row's description */
    size_t prev_desc_len, prev_desc_cap;
} price_group_reader;

/* Opens a group blob; false when it is malformed.  The reader's arrays are
 * reused across groups; free them with price_group_reader_free. */
bool price_group_open(price_group_reader *r, const void *data, size_t len, size_t nslots);
/* Advances to the next row; false at the end (or on a malformed row). */
bool price_group_next(price_group_reader *r);
/* Value of `slot` in the current row (borrowed from the blob or the
 * reader; valid until the next row). */
static inline price_str price_group_value(const price_group_reader *r, size_t slot)
{
    return r->current[slot];
}
void price_group_reader_free(price_group_reader *r);

#endif
