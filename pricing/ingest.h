/*
 * ingest.h — (private to pricing/) streaming a price-list CSV into the cache.
 *
 * One ingest session per (offer, region) file.  Bytes arrive in arbitrary
 * chunks — from a file, from libcurl's write callback, from the embedded
 * snapshot — and are parsed incrementally: no file is ever held whole.
 * Rows are filtered as they stream (on-demand terms, region-located
 * products) and written inside one transaction; commit swaps the new rows
 * in for that offer and region, abort leaves the previous ones untouched.
 */
#ifndef CIRCUIT_PRICING_INGEST_H
#define CIRCUIT_PRICING_INGEST_H

#include "pricing.h"

typedef struct price_ingest price_ingest;

typedef struct price_ingest_meta {
    const char *source;         /* "aws", "import:<file>", "snapshot" */
    const char *etag;           /* NULL when none */
    const char *last_modified;  /* NULL when none */
    const char *expect_service; /* NULL = take from the file */
    const char *expect_region;  /* NULL = take from the rows */
    bool rows_inline;           /* store rows on the caller's thread: for a small list in
                                 * memory, a worker thread and its 1 MiB batches cost more
                                 * than the overlap saves */
} price_ingest_meta;

/* Starts a session (begins the write transaction).  Returns CIR_ECACHE when
 * the cache cannot be written. */
cir_code price_ingest_begin(price_cache *c, const price_ingest_meta *m, price_ingest **out,
                            cir_err *err);
/* Feeds `len` bytes.  Returns CIR_EPARSE when the input is not a price list
 * CSV (missing required columns are named; a flood of bad rows fails). */
cir_code price_ingest_feed(price_ingest *in, const char *data, size_t len, cir_err *err);
/* Finishes parsing, checks the result, swaps it in and commits.  Fills st.
 * Frees the session whatever the outcome. */
cir_code price_ingest_commit(price_ingest *in, price_ingest_stats *st, cir_err *err);
/* Rolls back and frees; the cache is as it was before begin. */
void price_ingest_abort(price_ingest *in);
/* Rows after the header seen so far and rows kept so far, for a progress
 * line while bytes are still being fed (kept rows are counted as the
 * storing side gets to them, so the figure may lag).  Never fails. */
void price_ingest_progress(const price_ingest *in, int64_t *seen, int64_t *kept);

#endif
