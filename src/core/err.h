/*
 * err.h — the one error type every circuit call threads through.
 *
 * A function that can fail takes a `cir_err *` as its last argument, fills it
 * with cir_error() and returns the same code, so callers write
 *     if (plan_load(path, &o, &p, err)) return err->code;
 * The CLI prints it once, as the single stderr line PRODUCT.md asks for:
 *     circuit: <topic>: <message>
 * Messages never contain sensitive plan values: callers pass names and
 * positions, never attribute values, into the format.
 */
#ifndef CIRCUIT_ERR_H
#define CIRCUIT_ERR_H

#include <stdarg.h>
#include <stddef.h>

typedef enum cir_code {
    CIR_OK = 0,
    CIR_EUSAGE,    /* bad command line */
    CIR_EIO,       /* cannot read or write a file or stream */
    CIR_EPARSE,    /* input is not well-formed (JSON, CSV, ...) */
    CIR_EINPUT,    /* well-formed but not what we accept (not a plan, ...) */
    CIR_ENET,      /* network or HTTP failure */
    CIR_ECACHE,    /* price cache unusable (corrupt, locked, read-only) */
    CIR_ENOPRICE,  /* no price matched a lookup */
    CIR_EINTERNAL  /* a bug: an invariant did not hold */
} cir_code;

typedef struct cir_err {
    cir_code code;
    char topic[256];   /* file name, URL or subject; "" when none */
    char msg[512];
} cir_err;

/* Fills `e` (which may be NULL) and returns `code`. */
cir_code cir_error(cir_err *e, cir_code code, const char *topic,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Puts a prefix before the message `e` already holds: "<prefix>: <cause>".
 * `code` replaces the code unless CIR_OK; `topic` replaces the topic unless
 * NULL.  Use it to wrap an error from a lower layer: never pass err->msg
 * back into cir_error, which would format the buffer into itself.  Returns
 * the resulting code (CIR_EINTERNAL when e is NULL and code is CIR_OK). */
cir_code cir_error_prefix(cir_err *e, cir_code code, const char *topic, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Makes the NUL-terminated text in s (a buffer of `size` bytes that
 * vsnprintf may have filled to the brim) fit one output line: control
 * characters become spaces, a character cut at the end is dropped, other
 * invalid UTF-8 bytes become '?'. */
void cir_err_sanitize(char *s, size_t size);

/* Resets `e` to CIR_OK with empty topic and message. */
void cir_err_clear(cir_err *e);

/* Prints "circuit: <topic>: <msg>\n" (or "circuit: <msg>") to stderr. */
void cir_err_print(const cir_err *e);

/* Prints a one-line warning "circuit: warning: <topic>: <msg>" to stderr,
 * unless warnings are silenced with cir_warn_quiet(1). */
void cir_warn(const char *topic, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cir_warn_quiet(int quiet);

/* Exit status for an error: PRODUCT.md fixes it at 2. */
#define CIR_EXIT_OK 0
#define CIR_EXIT_GATE 1
#define CIR_EXIT_ERROR 2

#endif
