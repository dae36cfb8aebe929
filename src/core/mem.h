/*
 * mem.h — checked allocation.
 *
 * circuit cannot do anything useful after malloc fails, so these wrappers
 * print the one-line error ("circuit: out of memory") and exit with status 2
 * instead of returning NULL.  Every allocation in the program goes through
 * them, so no caller has to test for NULL and none can forget to.
 */
#ifndef CIRCUIT_MEM_H
#define CIRCUIT_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array to hold at least `need` elements of `size` bytes,
 * doubling `*cap`; returns the (possibly moved) array. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* asprintf that cannot fail; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
