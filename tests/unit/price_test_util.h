/*
 * price_test_util.h — helpers shared by the pricing unit tests: a scratch
 * directory per test, a cache in it, importing a CSV given as text, and a
 * one-call lookup.  Criterion runs every test in its own process, so the
 * scratch directory and environment changes never leak between tests.
 */
#ifndef CIRCUIT_PRICE_TEST_UTIL_H
#define CIRCUIT_PRICE_TEST_UTIL_H

#include "pricing/cache.h"
#include "pricing/ingest.h"
#include "pricing/pricing.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define FIX "fixtures/prices/"

/* A fresh directory under /tmp (removed by the OS's tmp cleaning, not here:
 * tests may leave a cache behind for inspection). */
static inline const char *tmp_dir(void)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/circuit-price-test-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    return dir;
}

static inline char *tmp_path(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

/* `csv` gzip-compressed into `out` (as the binary embeds its snapshot);
 * returns the compressed length. */
static inline size_t gzip_text(const char *csv, size_t n, unsigned char *out, size_t cap)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    cr_assert_eq(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (Bytef *)csv;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    cr_assert_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
    deflateEnd(&z);
    return cap - z.avail_out;
}

static inline price_cache *open_cache_at(const char *path)
{
    cir_warn_quiet(1); /* expected warnings would only clutter the test log */
    price_open_opts o = {.path = path, .no_snapshot = true};
    price_cache *c = NULL;
    cir_err err;
    cir_err_clear(&err);
    cir_code rc = price_cache_open(&o, &c, &err);
    cr_assert_eq(rc, CIR_OK, "open %s: %s", path, err.msg);
    return c;
}

static inline price_cache *fresh_cache(void)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache *c = open_cache_at(path);
    free(path);
    return c;
}

/* Imports `csv` (text) fed in chunks of `chunk` bytes; returns the code and
 * fills st/err. */
static inline cir_code import_text(price_cache *c, const char *csv, size_t chunk,
                                   price_ingest_stats *st, cir_err *err)
{
    price_ingest_meta m = {.source = "test"};
    price_ingest *in;
    cir_err_clear(err);
    cir_code rc = price_ingest_begin(c, &m, &in, err);
    if (rc != CIR_OK)
        return rc;
    size_t len = strlen(csv);
    for (size_t pos = 0; pos < len; pos += chunk) {
        size_t n = len - pos < chunk ? len - pos : chunk;
        if ((rc = price_ingest_feed(in, csv + pos, n, err)) != CIR_OK) {
            price_ingest_abort(in);
            return rc;
        }
    }
    return price_ingest_commit(in, st, err);
}

static inline void import_fixture(price_cache *c, const char *name, price_ingest_stats *st)
{
    cir_err err;
    cir_err_clear(&err);
    char *path = malloc(strlen(FIX) + strlen(name) + 1);
    sprintf(path, "%s%s", FIX, name);
    cir_code rc = price_import_file(c, path, st, &err);
    cr_assert_eq(rc, CIR_OK, "import %s: %s", path, err.msg);
    free(path);
}

/* One lookup with up to four filters given as key, value, kind triples. */
static inline cir_code lookup1(price_cache *c, const char *service, const char *region,
                               const char *family, const price_filter *filters, size_t n,
                               price_match *m, cir_err *err)
{
    price_query q = {.service = service, .region = region, .family = family,
                     .filters = filters, .nfilters = n};
    cir_err_clear(err);
    return price_lookup(c, &q, m, err);
}

/* The standard five metadata rows of an AWS CSV, for inline test files. */
#define META(offer)                                                                          \
    "\"FormatVersion\",\"v1.0\"\n"                                                           \
    "\"Disclaimer\",\"This pricing list is for informational purposes only.\"\n"            \
    "\"Publication Date\",\"2023-02-23T00:00:00Z\"\n"                                       \
    "\"Version\",\"20230223000000\"\n"                                                      \
    "\"OfferCode\",\"" offer "\"\n"

#endif
