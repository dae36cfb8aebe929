/*
 * rowq.h — (private to pricing/) hands CSV records from the thread that
 * parses a price list to a worker thread that stores them.
 *
 * Splitting a 1 GB price list into records and packing the kept ones into
 * the cache cost about the same; on two cores they overlap.  Records are
 * copied (their raw text and field offsets) into 1 MiB batches; a few
 * batches in flight bound the memory.  The worker sees the records in order,
 * as csv_records whose pointers stay valid during its callback, each raw
 * text followed by CSV_SPLIT_PAD readable bytes so it can be split in place
 * (csv_split_padded).
 */
#ifndef CIRCUIT_PRICING_ROWQ_H
#define CIRCUIT_PRICING_ROWQ_H

#include "csv.h"

typedef struct rowq rowq;

/* Handles one record on the worker thread; nonzero stops the worker (the
 * callback records why in its own context). */
typedef int (*rowq_fn)(void *ctx, const csv_record *r);

/* Starts the worker.  Returns NULL when no thread can be started; the
 * caller then handles records itself. */
rowq *rowq_start(rowq_fn fn, void *ctx);

/* Tests and fuzzers set this to take the inline path (rowq_start returns
 * NULL, as when no thread can be started) without a thread per import. */
extern bool rowq_inline;
/* Queues a copy of `r`.  Returns nonzero once the worker has stopped on a
 * callback failure (its context then holds the reason). */
int rowq_push(rowq *q, const csv_record *r);
/* Batches waiting for the worker (a hint: it changes as you look). */
size_t rowq_backlog(rowq *q);
/* Hands over the last batch, waits for the worker to finish and frees the
 * queue.  Returns the worker's stop code (0 when every record was handled). */
int rowq_finish(rowq *q);
/* Stops the worker without handling what is still queued; frees the queue. */
void rowq_cancel(rowq *q);

#endif
