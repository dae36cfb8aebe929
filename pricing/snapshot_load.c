/*
 * snapshot_load.c — the bundled snapshot into the cache, on demand (see
 * snapshot_load.h): the ordinary ingest path with source "snapshot".
 */
#include "snapshot_load.h"

#include "ingest.h"

#include <stdlib.h>

cir_code price_snapshot_load(price_cache *c, const char *service, const char *region, cir_err *err)
{
    if (c->readonly || c->no_snapshot || !c->snapshot_find)
        return CIR_OK;
    const price_snapshot_file *f = c->snapshot_find(service, region);
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
        price_ingest_abort(in);
        return CIR_OK;
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
    if (price_ingest_commit(in, &st, err) != CIR_OK)
        return cir_error_prefix(err, CIR_OK, f->name, "bundled snapshot");
    return CIR_OK;
}
