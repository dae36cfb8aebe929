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
 * snapshot has one and the cache does not (checked again under the write
 * lock: another process may have loaded it).  Ends the handle's read
 * transaction first; the caller starts the next one.  Does nothing (CIR_OK)
 * on a read-only cache, with the snapshot off, or when the snapshot has no
 * such list.  Returns CIR_ECACHE when the cache cannot be written, CIR_EPARSE
 * or CIR_EINTERNAL (topic: the snapshot file) when the embedded data is bad.
 * An import bumps the cache's generation (cache.h). */
cir_code price_snapshot_load(price_cache *c, const char *service, const char *region, cir_err *err);

#endif
