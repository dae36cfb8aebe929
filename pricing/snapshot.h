/*
 * snapshot.h — (private to pricing/) the bundled price snapshot.
 *
 * The CSV files in pricing/snapshot/ are real AWS list prices in AWS's regional CSV
 * format, embedded gzip-compressed into the binary at build time
 * (scripts/embed-snapshot.sh).  When the cache has nothing for an offer and
 * region, lookup inflates the matching file and imports it through the
 * ordinary ingest path.
 */
#ifndef CIRCUIT_PRICING_SNAPSHOT_H
#define CIRCUIT_PRICING_SNAPSHOT_H

#include <stddef.h>

typedef struct price_snapshot_file {
    const char *name;             /* file name, e.g. "AmazonEC2-us-east-1.csv" */
    const char *service;          /* offer code, from the name */
    const char *region;           /* region code, from the name */
    const char *publication_date; /* the file's Publication Date row (ISO 8601) */
    const char *version;          /* its Version row ("snapshot-20250404") */
    const unsigned char *gz;      /* the embedded bytes, gzip */
    size_t gz_len;
    size_t len;                   /* size of the CSV once inflated */
    size_t rows;                  /* its price rows */
} price_snapshot_file;

/* All embedded files, sorted by name (borrowed, static). */
size_t price_snapshot_files(const price_snapshot_file **out);
/* The file for (service, region), or NULL. */
const price_snapshot_file *price_snapshot_find(const char *service, const char *region);

/* The CSV text of `f`, NUL-terminated, in a buffer the caller frees; *len
 * gets its length.  NULL when the embedded bytes do not inflate to exactly
 * f->len bytes (a damaged build) or memory runs out. */
char *price_snapshot_text(const price_snapshot_file *f, size_t *len);

/* What identifies the content of `f`: the CRC-32 and length of its CSV, read
 * from the gzip trailer (no inflating), as 16 hex digits in `out` (size >=
 * 17).  Changes whenever the embedded list does, even when its Version row
 * does not.  "" when the embedded bytes are too short to be gzip. */
void price_snapshot_digest(const price_snapshot_file *f, char *out, size_t size);

#endif
