/*
 * stage.h — (private to pricing/) kept price rows on their way into price
 * groups (store.h).
 *
 * Rows arrive in file order, one instance type after another at random.
 * They are copied, text and field spans, into a small stage; a full stage
 * is sorted by (product family, instance type) and each run of one key is
 * added to that key's open group, so a group's encoder state is touched
 * once per run rather than once per row, and each row is compared with its
 * neighbour while both are in cache.  When the open groups hold
 * PRICE_GROUP_BYTES they are all handed to the sink (one SQLite row each)
 * and memory starts over: it stays flat whatever the file size.
 */
#ifndef CIRCUIT_PRICING_STAGE_H
#define CIRCUIT_PRICING_STAGE_H

#include "csv.h"
#include "store.h"

/* Staged text and spans before sorting.  A small stage stays in the core's
 * caches while its rows are compared: on the benchmark's 1 GB file 1 MiB
 * took about a tenth less CPU than 4 MiB (and 512 KiB no less than 1 MiB),
 * with the same cache size. */
#define PRICE_STAGE_BYTES (1u << 20)
#define PRICE_GROUP_BYTES (16u << 20) /* encoded open groups before writing them */

/* Where things are in a row (columns; -1 when the file lacks one). */
typedef struct price_stage_layout {
    size_t ncols, nslots;
    const int *slot_col;   /* per slot, borrowed for the stage's life */
    int family_col, itype_col, sku_col, rate_col;
    size_t usage_slot;     /* slot indexed by usagetype, or SIZE_MAX */
} price_stage_layout;

/* Receives one finished group; returns 0, or an error code that the stage
 * passes back (its caller knows what it means). */
typedef int (*price_group_sink)(void *ctx, const char *family, const char *itype,
                                const void *data, size_t len, size_t nrows,
                                const price_str *index_values, size_t nindex);

typedef struct price_stage price_stage;

price_stage *price_stage_new(const price_stage_layout *l, price_group_sink sink, void *ctx);
void price_stage_free(price_stage *s);
/* Adds a complete row (r->n == ncols).  Returns 0 or the sink's error. */
int price_stage_add(price_stage *s, const csv_record *r);
/* Hands every remaining row to the sink.  Returns 0 or the sink's error. */
int price_stage_finish(price_stage *s);

#endif
