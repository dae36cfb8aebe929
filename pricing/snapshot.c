/*
 * snapshot.c — the bundled price snapshot, embedded at build time.
 *
 * scripts/embed-snapshot.sh turns pricing/snapshot/<Offer>-<region>.csv into
 * gzip blobs and a table (snapshot_data.h); this file names each blob by
 * offer and region, so lookup can import one when the cache has no prices
 * for that pair, and inflates it on demand (one region's offers inflate in a
 * few milliseconds; compressed, the snapshot keeps the binary small).
 */
#include "snapshot.h"

#include "pricing.h"
#include "snapshot_data.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static price_snapshot_file files[SNAPSHOT_COUNT ? SNAPSHOT_COUNT : 1];
static char names[SNAPSHOT_COUNT ? SNAPSHOT_COUNT : 1][2][96];
static size_t nfiles;
static int ready;

/* "AmazonEC2-us-east-1.csv" -> service "AmazonEC2", region "us-east-1". */
static int split_name(const char *name, char *service, char *region, size_t size)
{
    const char *dash = strchr(name, '-');
    const char *dot = strrchr(name, '.');
    if (!dash || !dot || dot < dash || (size_t)(dash - name) >= size ||
        (size_t)(dot - dash - 1) >= size)
        return -1;
    memcpy(service, name, (size_t)(dash - name));
    service[dash - name] = '\0';
    memcpy(region, dash + 1, (size_t)(dot - dash - 1));
    region[dot - dash - 1] = '\0';
    return 0;
}

static void load_table(void)
{
    if (ready)
        return;
    ready = 1;
    size_t count = SNAPSHOT_COUNT; /* a variable: the table may be empty */
    for (size_t i = 0; i < count; i++) {
        if (split_name(snapshot_blobs[i].name, names[nfiles][0], names[nfiles][1],
                       sizeof names[0][0]) != 0)
            continue;
        price_snapshot_file *f = &files[nfiles++];
        f->name = snapshot_blobs[i].name;
        f->service = names[nfiles - 1][0];
        f->region = names[nfiles - 1][1];
        f->publication_date = snapshot_blobs[i].publication_date;
        f->version = snapshot_blobs[i].version;
        f->gz = snapshot_blobs[i].start;
        f->gz_len = (size_t)(snapshot_blobs[i].end - snapshot_blobs[i].start);
        f->len = snapshot_blobs[i].size;
        f->rows = snapshot_blobs[i].rows;
    }
}

size_t price_snapshot_files(const price_snapshot_file **out)
{
    load_table();
    *out = files;
    return nfiles;
}

const price_snapshot_file *price_snapshot_find(const char *service, const char *region)
{
    load_table();
    for (size_t i = 0; i < nfiles; i++)
        if (strcmp(files[i].service, service) == 0 && strcmp(files[i].region, region) == 0)
            return &files[i];
    return NULL;
}

char *price_snapshot_text(const price_snapshot_file *f, size_t *len)
{
    if (f->len >= UINT_MAX || f->gz_len >= UINT_MAX)
        return NULL;
    char *text = malloc(f->len + 1);
    if (!text)
        return NULL;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) { /* 16: gzip framing */
        free(text);
        return NULL;
    }
    z.next_in = (Bytef *)f->gz;
    z.avail_in = (uInt)f->gz_len;
    z.next_out = (Bytef *)text;
    z.avail_out = (uInt)f->len + 1; /* one spare byte: more output than f->len is an error */
    int rc = inflate(&z, Z_FINISH);
    size_t got = f->len + 1 - z.avail_out;
    inflateEnd(&z);
    if (rc != Z_STREAM_END || got != f->len) {
        free(text);
        return NULL;
    }
    text[got] = '\0';
    *len = got;
    return text;
}

void price_snapshot_digest(const price_snapshot_file *f, char *out, size_t size)
{
    if (f->gz_len < 18) { /* a gzip member is at least 10 header + 8 trailer bytes */
        snprintf(out, size, "%s", "");
        return;
    }
    const unsigned char *t = f->gz + f->gz_len - 8; /* CRC32, then ISIZE, little-endian */
    unsigned long crc = 0, isize = 0;
    for (int i = 3; i >= 0; i--) {
        crc = crc << 8 | t[i];
        isize = isize << 8 | t[4 + i];
    }
    snprintf(out, size, "%08lx%08lx", crc, isize);
}

size_t price_snapshot_offers(price_offer_info **out)
{
    load_table();
    *out = NULL;
    if (!nfiles)
        return 0;
    price_offer_info *v = calloc(nfiles, sizeof *v);
    if (!v)
        return 0;
    for (size_t i = 0; i < nfiles; i++) {
        const price_snapshot_file *f = &files[i];
        snprintf(v[i].service, sizeof v[i].service, "%s", f->service);
        snprintf(v[i].region, sizeof v[i].region, "%s", f->region);
        snprintf(v[i].version, sizeof v[i].version, "%s", f->version);
        snprintf(v[i].publication_date, sizeof v[i].publication_date, "%s", f->publication_date);
        snprintf(v[i].source, sizeof v[i].source, "snapshot");
        v[i].rows_seen = v[i].rows_kept = (int64_t)f->rows;
    }
    *out = v;
    return nfiles;
}
