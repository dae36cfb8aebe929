/*
 * input.h — reading a whole input file, where "-" means standard input.
 */
#ifndef CIRCUIT_INPUT_H
#define CIRCUIT_INPUT_H

#include "err.h"
#include "sbuf.h"

#include <stdbool.h>

/* True when `path` names standard input ("-"). */
bool in_is_stdin(const char *path);

/* Appends the whole of `path` ("-" = stdin) to `out`.  Returns CIR_EIO
 * (topic: the path, or "stdin") when it cannot be opened or read, or when
 * it is a directory. */
cir_code in_read_all(const char *path, sbuf *out, cir_err *err);

/* True when `a` and `b` name the same existing file (same device and
 * inode), so writing one would overwrite the other.  False when either
 * does not exist or is "-". */
bool in_same_file(const char *a, const char *b);

#endif
