/*
 * snapshot_load.c — the bundled snapshot into the cache, on demand (see
 * snapshot_load.h): the ordinary ingest path with source "snapshot".
 *
 * Each load also records the digest of the embedded list it came from
 * (meta row "snapshot:SERVICE:REGION"), so a cache filled by an older
 * circuit, whose snapshot held other prices, is reloaded from this one's
 * rather than serving the old prices for ever.
 */
#include "snapshot_load.h"

#include "ingest.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIGEST_SIZE 17

static char *digest_key(const char *service, const char *region)
{
    return sqlite3_mprintf("snapshot:%s:%s", service, region);
}

/* The digest recorded with the cache's list for (service, region): "" when
 * none (loaded before digests were kept) or on a read error. */
static void stored_digest(price_cache *c, const char *service, const char *region, char *out,
                          size_t size)
{
    out[0] = '\0';
    char *key = digest_key(service, region);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db, "SELECT value FROM meta WHERE key = ?1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char *v = sqlite3_column_text(st, 0);
            snprintf(out, size, "%s", v ? (const char *)v : "");
        }
        sqlite3_finalize(st);
    }
    sqlite3_free(key);
}

static int store_digest(price_cache *c, const char *service, const char *region, const char *digest)
{
    char *key = digest_key(service, region);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)", -1,
                                &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, digest, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(c->db);
        sqlite3_finalize(st);
    }
    sqlite3_free(key);
    return rc;
}

/* The embedded file a load of (service, region) would use, or NULL. */
static const price_snapshot_file *loadable(price_cache *c, const char *service, const char *region)
{
    if (c->readonly || c->no_snapshot || !c->snapshot_find)
        return NULL;
    return c->snapshot_find(service, region);
}

static bool outdated(price_cache *c, const price_offer_row *row, const price_snapshot_file *f)
{
    if (strcmp(row->info.source, "snapshot") != 0)
        return false; /* imported or synced prices are the user's choice */
    char want[DIGEST_SIZE], have[DIGEST_SIZE];
    price_snapshot_digest(f, want, sizeof want);
    stored_digest(c, row->info.service, row->info.region, have, sizeof have);
    return strcmp(want, have) != 0;
}

bool price_snapshot_outdated(price_cache *c, const price_offer_row *row)
{
    const price_snapshot_file *f = loadable(c, row->info.service, row->info.region);
    return f && outdated(c, row, f);
}

cir_code price_snapshot_load(price_cache *c, const char *service, const char *region, cir_err *err)
{
    const price_snapshot_file *f = loadable(c, service, region);
    if (!f)
        return CIR_OK;
    price_ingest_meta m = {.source = "snapshot", .expect_service = service, .expect_region = region,
                           .rows_inline = true};
    price_ingest *in;
    /* The write needs the read to end (price_ingest_begin ends it). */
    if (price_ingest_begin(c, &m, &in, err) != CIR_OK)
        return err->code;
    /* Under the write lock now: another process may have loaded it. */
    price_offer_row row;
    bool found;
    if (price_cache_offer(c, service, region, &row, &found, err) != CIR_OK) {
        price_ingest_abort(in);
        return err->code;
    }
    if (found) {
        free(row.columns);
        if (!outdated(c, &row, f)) {
            price_ingest_abort(in);
            return CIR_OK;
        }
    }
    size_t len;
    char *text = price_snapshot_text(f, &len);
    if (!text) {
        price_ingest_abort(in);
        return cir_error(err, CIR_EINTERNAL, f->name,
                         "bundled snapshot: the embedded data does not inflate; rebuild circuit");
    }
    price_ingest_stats st;
    cir_code code = price_ingest_feed(in, text, len, err);
    free(text);
    if (code != CIR_OK) {
        price_ingest_abort(in);
        return cir_error_prefix(err, CIR_OK, f->name, "bundled snapshot");
    }
    char digest[DIGEST_SIZE];
    price_snapshot_digest(f, digest, sizeof digest);
    int rc = store_digest(c, service, region, digest);
    if (rc != SQLITE_OK) {
        price_cache_sql_error(c, rc, "save the new prices", err);
        price_ingest_abort(in);
        return err->code;
    }
    if (price_ingest_commit(in, &st, err) != CIR_OK)
        return cir_error_prefix(err, CIR_OK, f->name, "bundled snapshot");
    return CIR_OK;
}
