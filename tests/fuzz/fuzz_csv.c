/*
 * fuzz_csv.c — the price-list CSV parser and the ingest behind it
 * (pricing/csv.c, ingest.c, stage.c, store.c), then reading back what was
 * stored (lookup.c, the group decoder) and writing it as JSON the way
 * `pricing query --format json` does.
 *
 * Input: the first byte picks the chunk size the bytes are fed in (low 7
 * bits: 1 to 255 bytes; a price list arrives in arbitrary pieces from
 * curl) and whether rows go through the worker thread (bit 7); the rest
 * is the CSV.  An import either fails with a proper error and leaves the
 * cache as it was, or succeeds; then every stored row must read back with
 * UTF-8 text and attributes that form a JSON object.
 */
#include "fuzz_common.h"

#include "pricing/cache.h"
#include "pricing/ingest.h"
#include "pricing/rowq.h"
#include "src/core/jsonw.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static price_cache *cache;
static unsigned runs;

/* The cache is opened per input and closed after it, so no memory
 * outlives an input (see fz_cache).  Now and then the file starts afresh:
 * every (offer, region) a fuzzed file names adds tables, and thousands of
 * them would slow every run down. */
static void open_cache(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/csv.db", fz_dir());
    static const char *const parts[] = {"", "-wal", "-shm"};
    if (++runs % 500 == 0)
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
            char f[600];
            snprintf(f, sizeof f, "%s%s", path, parts[i]);
            remove(f);
        }
    price_open_opts o = {.path = path, .no_snapshot = true};
    cir_err err;
    if (price_cache_open(&o, &cache, &err) != CIR_OK)
        fz_fail("open cache", "%s", err.msg);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_setup();
    return 0;
}

/* What `pricing query --format json` writes for the rows of one offer. */
static void read_back(const price_ingest_stats *st)
{
    price_query q = {.service = st->service, .region = st->region};
    price_match_list l;
    cir_err err;
    cir_code rc = price_query_all(cache, &q, 0, &l, &err);
    fz_check_error("query after import", &err, rc);
    if (rc != CIR_OK)
        return;
    if ((int64_t)l.n > st->rows_kept)
        fz_fail("query after import", "%zu rows read back, %lld kept", l.n, (long long)st->rows_kept);
    sbuf doc = SBUF_INIT;
    jw w;
    jw_init(&w, &doc);
    jw_array(&w, JW_BLOCK);
    for (size_t i = 0; i < l.n; i++) {
        const price_match *m = &l.items[i];
        jw_object(&w, JW_LINE);
        jw_kstr(&w, "sku", m->sku);
        jw_kstr(&w, "usd", m->usd);
        jw_kstr(&w, "unit", m->unit);
        jw_kstr(&w, "family", m->family);
        jw_kstr(&w, "description", m->description);
        jw_kstr(&w, "version", m->version);
        jw_kraw(&w, "attributes", l.attrs_json[i]);
        jw_end_object(&w);
        json_error_t je;
        json_t *attrs = json_loads(l.attrs_json[i], JSON_REJECT_DUPLICATES, &je);
        if (!json_is_object(attrs))
            fz_fail("stored attributes", "not a JSON object: %s", je.text);
        json_decref(attrs);
    }
    jw_end_array(&w);
    jw_finish(&w);
    fz_check_doc("pricing query json", FZ_JSON, &doc);
    sbuf_free(&doc);
    price_matches_free(&l);
    /* The pick rule over the same rows. */
    price_match m;
    rc = price_lookup(cache, &q, &m, &err);
    if (rc != CIR_ENOPRICE)
        fz_check_error("lookup after import", &err, rc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    open_cache();
    /* Bit 7 of the first byte: rows through the worker thread, or inline
     * (both paths split rows; the thread costs a start per import). */
    rowq_inline = !(data[0] & 0x80);
    size_t chunk = (size_t)(data[0] & 0x7F) * 2 + 1;
    const char *csv = (const char *)data + 1;
    size_t len = size - 1;
    price_ingest_meta m = {.source = "fuzz"};
    price_ingest *in;
    cir_err err;
    cir_err_clear(&err);
    cir_code rc = price_ingest_begin(cache, &m, &in, &err);
    fz_check_error("ingest begin", &err, rc);
    if (rc != CIR_OK)
        fz_fail("ingest begin", "the cache cannot be written: %s", err.msg);
    for (size_t off = 0; rc == CIR_OK && off < len; off += chunk) {
        size_t n = len - off < chunk ? len - off : chunk;
        /* Each chunk in its own allocation, so a read past it is caught. */
        char *piece = malloc(n);
        memcpy(piece, csv + off, n);
        rc = price_ingest_feed(in, piece, n, &err);
        free(piece);
    }
    if (rc != CIR_OK) {
        fz_check_error("ingest feed", &err, rc);
        price_ingest_abort(in);
    } else {
        price_ingest_stats st;
        rc = price_ingest_commit(in, &st, &err);
        fz_check_error("ingest commit", &err, rc);
        if (rc == CIR_OK)
            read_back(&st);
    }
    price_cache_close(cache);
    cache = NULL;
    return 0;
}
