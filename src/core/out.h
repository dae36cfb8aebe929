/*
 * out.h — delivering a finished document to stdout or to --output FILE.
 *
 * Renderers build the whole document in an sbuf first; out_emit() writes it
 * in one go.  A file is written to a temporary name beside the target and
 * renamed over it, so a failure never leaves a truncated report behind.
 */
#ifndef CIRCUIT_OUT_H
#define CIRCUIT_OUT_H

#include "err.h"
#include "sbuf.h"

#include <stdbool.h>

/* Writes `doc` to `path` (NULL or "-" = stdout).  Returns CIR_EIO on error. */
cir_code out_emit(const char *path, const sbuf *doc, cir_err *err);

/* True when ANSI colour may be used on stdout: a terminal, NO_COLOR unset,
 * and `no_color_flag` false. */
bool out_color(bool no_color_flag);

#endif
