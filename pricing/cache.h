/*
 * cache.h — (private to pricing/) the price cache internals shared by
 * cache.c (open, schema, metadata, the read transaction), ingest.c
 * (writing), snapshot_load.c and lookup.c (reading).  cache.c calls none of
 * them: lookup.c hands it its state's destructor, and an import tells
 * lookups by bumping `generation`.
 *
 * Layout of the SQLite file (schema version PRICE_SCHEMA_VERSION, kept in
 * PRAGMA user_version; PRAGMA application_id marks the file as ours):
 *   meta(key, value)          next_table: number for the next price tables
 *   migrations(version, ...)  one row per applied migration
 *   offers(service, region)   one row per price list: version, publication
 *                             date, ETag, Last-Modified, fetch time, source,
 *                             rows seen/kept/bad, bytes, the usagetype
 *                             prefix learned from the data, the JSON keys of
 *                             its slots (tab-separated, store.h order), and
 *                             tbl, the number of its price tables
 *   p_<tbl>(grp, family, instance_type, nrows, data)
 *                             the prices of one (offer, region) in groups of
 *                             rows sharing family and instance type (data:
 *                             see store.h); indexed on (family,
 *                             instance_type)
 *   u_<tbl>(usagetype, grp)   which groups hold a usagetype
 * Tables per (offer, region) make an import's swap cheap and atomic: the new
 * ones are filled and indexed inside one transaction that also repoints the
 * offers row and drops the old ones.
 */
#ifndef CIRCUIT_PRICING_CACHE_H
#define CIRCUIT_PRICING_CACHE_H

#include "pricing.h"
#include "snapshot.h"

#include <sqlite3.h>
#include <stdint.h>

#define PRICE_SCHEMA_VERSION 2
#define PRICE_APPLICATION_ID 0x43697263 /* "Circ" */

typedef const price_snapshot_file *(*price_snapshot_find_fn)(const char *service,
                                                             const char *region);

typedef struct lookup_state lookup_state;

struct price_cache {
    sqlite3 *db;
    char *path;
    bool readonly, no_snapshot;
    price_snapshot_find_fn snapshot_find;
    struct arena_block *arena;     /* strings handed out to callers */
    lookup_state *lookup;          /* memo and compiled patterns (lookup.c) */
    void (*lookup_free)(price_cache *c);   /* lookup.c's, called at close */
    uint64_t generation;           /* bumped by every import committed through this handle */
    bool reading;                  /* the run's read transaction is open */
    int64_t read_version;          /* PRAGMA data_version when it opened: moves only when
                                    * another connection committed (lookup.c's pins) */
    price_offer_info *used;        /* price lists lookups used */
    size_t nused, used_cap;
    bool ingesting;                /* a write transaction is open */
    char *temp_dir;                /* a temporary cache's directory, removed at close */
    sqlite3_stmt *offer_st;        /* price_cache_offer's query, prepared once */
    sqlite3_stmt *version_st;      /* PRAGMA data_version, prepared once */
};

/* A copy of `n` bytes of `s`, NUL-terminated, owned by the cache. */
const char *price_cache_strndup(price_cache *c, const char *s, size_t n);

/* Turns an SQLite failure into a clear error naming the cache file and, for
 * corruption, how to rebuild it.  Returns CIR_ECACHE (CIR_EIO for I/O). */
cir_code price_cache_sql_error(price_cache *c, int rc, const char *doing, cir_err *err);

/* One offers row. */
typedef struct price_offer_row {
    price_offer_info info;
    int64_t tbl;
    char usage_prefix[8];
    char *columns;        /* tab-separated keys (caller frees) */
} price_offer_row;

/* Reads the offers row for (service, region); *found false when absent. */
cir_code price_cache_offer(price_cache *c, const char *service, const char *region,
                           price_offer_row *row, bool *found, cir_err *err);

/* Records that a lookup used this price list (price_cache_used). */
void price_cache_note_used(price_cache *c, const price_offer_info *info);

/* Current time as ISO 8601 UTC ("2025-11-27T10:00:00Z"). */
void price_cache_now(char *out, size_t size);

/* The read transaction lookups keep open for the whole run (see lookup.c):
 * begin starts it once (a deferred BEGIN takes its snapshot at the first
 * read, so it reads at once) and returns CIR_ECACHE when it cannot; end
 * closes it, and the next begin starts a new one.  An import ends it first. */
cir_code price_cache_read_begin(price_cache *c, cir_err *err);
void price_cache_read_end(price_cache *c);

/* Records a 304 re-check for (service, region): fetch time only. */
cir_code price_cache_touch(price_cache *c, const char *service, const char *region, cir_err *err);
/* ETag stored for (service, region), or NULL (owned by the cache). */
const char *price_cache_etag(price_cache *c, const char *service, const char *region);

/* Replaces the bundled-snapshot finder (tests). */
void price_cache_set_snapshot_finder(price_cache *c, price_snapshot_find_fn fn);

#endif
