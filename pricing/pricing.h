/*
 * pricing.h — the public face of the pricing module.
 *
 * AWS price lists (Bulk API CSV) flow into one SQLite cache file; cost models
 * ask it for a unit price by offer, product family, region and attribute
 * filters.  Everything under pricing/ is private to the module: src/ includes
 * this header and nothing else from here.
 *
 * Ownership: a price_cache owns every string it hands out through
 * price_match; they stay valid until price_cache_close().
 */
#ifndef CIRCUIT_PRICING_H
#define CIRCUIT_PRICING_H

#include "../src/core/err.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct price_cache price_cache;

typedef struct price_open_opts {
    const char *path;        /* NULL: CIRCUIT_CACHE, $XDG_CACHE_HOME/circuit/pricing.db,
                                ~/.cache/circuit/pricing.db */
    bool readonly;           /* open for lookups only; never creates the file */
    bool no_snapshot;        /* do not load the bundled snapshot on demand */
    bool reading;            /* the command only reads: a cache it cannot write
                                (read-only directory or file) is opened read-only */
    bool temp_fallback;      /* with reading, for commands that price (cost,
                                review, query): a cache that cannot be created
                                is replaced by a temporary one filled from the
                                snapshot, after one warning */
} price_open_opts;

/* Opens (creating and migrating as needed) the cache.  On failure returns
 * CIR_ECACHE/CIR_EIO with a message that says how to rebuild the file. */
cir_code price_cache_open(const price_open_opts *opts, price_cache **out, cir_err *err);
void price_cache_close(price_cache *c);
const char *price_cache_path(const price_cache *c);

/* ---- lookup ----------------------------------------------------------- */

typedef enum price_match_kind {
    PRICE_EXACT,        /* attribute equals value */
    PRICE_REGEX,        /* PCRE2 pattern matches the attribute */
    PRICE_USAGETYPE     /* equals value after an optional region prefix
                           ("USE1-", "EU-", ...) of the query's region */
} price_match_kind;

typedef struct price_filter {
    const char *key;           /* JSON offer key: instanceType, usagetype, ... */
    const char *value;
    price_match_kind match;
} price_filter;

typedef struct price_query {
    const char *service;       /* offer code: AmazonEC2, AmazonRDS, ... */
    const char *family;        /* productFamily; NULL = any */
    const char *region;        /* region code: us-east-1 */
    const price_filter *filters;
    size_t nfilters;
    const char *unit;          /* NULL = any */
} price_query;

typedef struct price_match {
    const char *sku;
    const char *service, *family, *region;
    const char *unit;
    const char *usd;           /* decimal text as AWS wrote it: "0.0416000000" */
    double usd_value;
    const char *description;
    const char *version;           /* price list version */
    const char *publication_date;  /* ISO 8601 */
    const char *source;            /* "aws" (synced), "import:<file>" or "snapshot" */
    size_t candidates;             /* rows that matched before the pick */
    /* The tier this row prices (AWS's StartingRange / EndingRange, in the
     * row's unit): 0 and INFINITY when the list gives none ("Inf"). */
    double begin_range, end_range;
} price_match;

/* Finds one price.  When several rows match, the pick is the smallest
 * non-zero price, ties broken by SKU (documented in the README);
 * `candidates` reports how many matched.  Results are memoised per cache.
 * When the cache holds nothing for (service, region) and a bundled snapshot
 * exists for that region, it is imported first.
 * Returns CIR_OK, CIR_ENOPRICE (nothing matched; err says what), or
 * CIR_ECACHE on a cache failure. */
cir_code price_lookup(price_cache *c, const price_query *q, price_match *out, cir_err *err);

/* Every row matching `q` (for `pricing query`), sorted by usd then SKU.
 * `*out` is owned by the caller (free with price_matches_free); the strings
 * inside are owned by the cache.  Attributes of match i are returned as a
 * JSON object text in attrs_json[i] (caller-owned with the array). */
typedef struct price_match_list {
    price_match *items;
    char **attrs_json;
    size_t n;
} price_match_list;
cir_code price_query_all(price_cache *c, const price_query *q, size_t limit,
                         price_match_list *out, cir_err *err);
void price_matches_free(price_match_list *l);

/* ---- what the cache holds ---------------------------------------------- */

typedef struct price_offer_info {
    char service[64], region[32];
    char version[32], publication_date[40];
    char etag[128], last_modified[64], fetched_at[40];
    char source[256];
    int64_t rows_seen, rows_kept;
} price_offer_info;

/* Lists every (offer, region) the cache holds, sorted.  Caller frees *out. */
cir_code price_cache_offers(price_cache *c, price_offer_info **out, size_t *n, cir_err *err);

/* What the bundled snapshot holds: one entry per offer and region, sorted
 * by offer then region, with its version, publication date and row count
 * (source "snapshot"; no fetch time).  These load into a cache on first use.
 * Returns the count; *out is the caller's to free (NULL when none, or out of
 * memory). */
size_t price_snapshot_offers(price_offer_info **out);

/* The price lists a run actually used (one per offer and region), for the
 * "prices" section every output carries.  Borrowed from the cache. */
size_t price_cache_used(const price_cache *c, const price_offer_info **out);

/* ---- filling the cache ------------------------------------------------- */

typedef struct price_ingest_stats {
    int64_t rows_seen, rows_kept, rows_bad;
    int64_t bytes;
    char service[64], region[32], version[32], publication_date[40];
    bool not_modified;          /* sync only: HTTP 304 */
} price_ingest_stats;

/* Imports one AWS regional price-list CSV (the offer and region are read
 * from the file's metadata and rows).  All or nothing: on failure the
 * previous prices for that offer and region are left as they were. */
cir_code price_import_file(price_cache *c, const char *path, price_ingest_stats *st, cir_err *err);

typedef struct price_sync_opts {
    const char *endpoint;        /* NULL: CIRCUIT_PRICING_URL, then AWS */
    const char *const *services; /* NULL-terminated; NULL = the default set */
    const char *const *default_services; /* the default set (offers missing from the index are
                                            skipped with a warning); NULL = price_default_services */
    const char *const *regions;  /* NULL-terminated; NULL = the default region */
    bool progress;               /* progress line on stderr (TTY only) */
} price_sync_opts;

/* Fetches the current price lists over HTTP(S) into the cache.  Per offer
 * and region all or nothing.  Calls `report` (may be NULL) after each. */
typedef void (*price_sync_report_fn)(const price_ingest_stats *st, void *ctx);
cir_code price_sync(price_cache *c, const price_sync_opts *o, price_sync_report_fn report,
                    void *ctx, cir_err *err);

/* The default offer set (NULL-terminated) the cost models need. */
extern const char *const price_default_services[];

#endif
