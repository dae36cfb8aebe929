/*
 * snapshot.h — (private to pricing/) the bundled price snapshot.
 *
 * The CSV files in pricing/snapshot/ are real AWS list prices in AWS's regional CSV
 * format, embedded into the binary at build time (scripts/embed-snapshot.sh).
 * When the cache has nothing for an offer and region, lookup imports the
 * matching snapshot file through the ordinary ingest path.
 */
#ifndef CIRCUIT_PRICING_SNAPSHOT_H
#define CIRCUIT_PRICING_SNAPSHOT_H

#include <stddef.h>

typedef struct price_snapshot_file {
    const char *name;          /* file name, e.g. "AmazonEC2-us-east-1.csv" */
    const char *service;       /* offer code, from the name */
    const char *region;        /* region code, from the name */
    const char *data;
    size_t len;
} price_snapshot_file;

/* All embedded files (borrowed, static). */
size_t price_snapshot_files(const price_snapshot_file **out);
/* The file for (service, region), or NULL. */
const price_snapshot_file *price_snapshot_find(const char *service, const char *region);

#endif
