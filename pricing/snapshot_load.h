/*
 * snapshot_load.h — (private to pricing/) filling the cache from the
 * bundled snapshot when a lookup finds no price list for (offer, region).
 *
 * Layering: cache.c (the handle, its transactions) is the bottom; ingest.c
 * writes through it; this file loads through ingest; lookup.c reads through
 * the cache and calls this.  Nothing below calls up.
 */
#ifndef CIRCUIT_PRICING_SNAPSHOT_LOAD_H
#define CIRCUIT_PRICING_SNAPSHOT_LOAD_H

#include "cache.h"

/* Imports the bundled snapshot's price list for (service, region) when the
 * snapshot has one and the cache does not, or holds one loaded from a
 * different snapshot (price_snapshot_outdated; both checked again under the
 * write lock: another process may have loaded it).  Ends the handle's read
 * transaction first; the caller starts the next one.  Does nothing (CIR_OK)
 * on a read-only cache, with the snapshot off, or when the snapshot has no
 * such list.  Returns CIR_ECACHE when the cache cannot be written, CIR_EPARSE
 * or CIR_EINTERNAL (topic: the snapshot file) when the embedded data is bad.
 * An import bumps the cache's generation (cache.h). */
cir_code price_snapshot_load(price_cache *c, const char *service, const char *region, cir_err *err);

/* True when the cache's list `row` came from a bundled snapshot other than
 * this binary's (an older circuit filled the cache), so the next load
 * should replace it.  False for imported or synced lists, and when this
 * handle cannot load (read-only cache, snapshot off, no such embedded list).
 * Reads within the caller's transaction; a read error counts as outdated
 * (the load then reports it). */
bool price_snapshot_outdated(price_cache *c, const price_offer_row *row);

#endif
