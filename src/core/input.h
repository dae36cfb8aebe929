/*
 * input.h — reading a whole input file, where "-" means standard input:
 * the one helper for the command line's files (usage files, rules files,
 * comment bodies) and the files a report reads beside the plan.  The plan
 * itself has its own reader (plan_load.c: it maps files and tells devices
 * from plans).
 */
#ifndef CIRCUIT_INPUT_H
#define CIRCUIT_INPUT_H

#include "err.h"
#include "sbuf.h"

#include <stdbool.h>

/* True when `path` names standard input ("-"). */
bool in_is_stdin(const char *path);

/* How in_read_file reads. */
typedef struct in_read_opts {
    const char *what;      /* the noun for messages ("usage file"); NULL: none ("file") */
    size_t limit;          /* most bytes accepted; 0: no limit */
    bool dash_is_stdin;    /* "-" names standard input */
} in_read_opts;

/* Appends the whole of `path` to `out` (which stays the caller's).  Returns
 * CIR_EIO (topic: the path, or "stdin") when it cannot be opened or read,
 * or is a directory: "cannot open usage file: No such file or directory";
 * CIR_EINPUT past the limit: "larger than 64 MiB: not a usage file".  On
 * error `out` holds what was read so far. */
cir_code in_read_file(const char *path, const in_read_opts *o, sbuf *out, cir_err *err);

/* in_read_file with "-" as stdin, no limit, no noun ("cannot open: ..."). */
cir_code in_read_all(const char *path, sbuf *out, cir_err *err);

/* True when `a` and `b` name the same existing file (same device and
 * inode), so writing one would overwrite the other.  False when either
 * does not exist or is "-". */
bool in_same_file(const char *a, const char *b);

#endif
