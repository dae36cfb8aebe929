/*
 * jsonw.h — the one JSON writer: every JSON document circuit writes by
 * hand (the circuit.<name>/v1 schemas, SARIF) goes through it, into an sbuf.
 *
 * The writer keeps the nesting and the commas, so a renderer only says what
 * comes next: open an object or an array, a key, a value, close.  Strings
 * are escaped by sbuf_json_str (NULL is null, bytes that are not UTF-8 are
 * \ufffd), money is rounded to cents by sbuf_json_money: jansson would print
 * 16.43 as 16.429999999999999, and a 10,000-resource plan must render in a
 * fraction of its parse time, so no jansson tree is built in between.
 *
 * Each container is laid out one of four ways (jw_layout), chosen when it
 * is opened, so one document can be indented at the top and compact within
 * (the check document's findings are one line each, for instance).
 *
 * Misuse is a bug in the renderer, not an input error: it is asserted (a key
 * outside an object or twice in a row, a value in an object without its key,
 * a close that does not match the open, a document not closed at the end).
 */
#ifndef CIRCUIT_JSONW_H
#define CIRCUIT_JSONW_H

#include "sbuf.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum jw_layout {
    JW_SAME,      /* as the container it is in (JW_COMPACT in JW_ROWS; JW_BLOCK at the top) */
    JW_BLOCK,     /* a member a line, indented two spaces a level; ": " after keys */
    JW_LINE,      /* on one line: ", " between members, ": " after keys */
    JW_COMPACT,   /* no white space: "," and ":" */
    JW_ROWS,      /* JW_COMPACT, but each member starts a line of its own, unindented */
} jw_layout;

/* Deep enough for any value jansson parses (2048 levels) inside a document. */
#define JW_MAX_DEPTH 4096

typedef struct jw {
    sbuf *b;
    size_t depth;           /* open containers */
    bool keyed;             /* a key was written, its value not yet */
    bool done;              /* the top-level value is complete */
    unsigned char frame[JW_MAX_DEPTH];   /* per open container: JWF_* bits */
} jw;

/* Starts a document at the end of `b` (which the caller owns). */
void jw_init(jw *w, sbuf *b);
/* Ends the document with a newline; asserts that exactly one value was
 * written and everything opened was closed.  jw_finish_value asserts the
 * same without the newline, for a value that will be embedded elsewhere. */
void jw_finish(jw *w);
void jw_finish_value(jw *w);

/* A circuit document: jw_init, the top-level object laid out `l` and its
 * "schema" member first; jw_end_document closes it and finishes. */
void jw_begin_document(jw *w, sbuf *b, jw_layout l, const char *schema);
void jw_end_document(jw *w);

/* Containers.  A close must match the innermost open. */
void jw_object(jw *w, jw_layout l);
void jw_array(jw *w, jw_layout l);
void jw_end_object(jw *w);
void jw_end_array(jw *w);

/* The key of the next member; only inside an object, before its value. */
void jw_key(jw *w, const char *k);

/* Values: in an array, after a key, or as the whole document. */
void jw_str(jw *w, const char *s);                  /* NULL: null */
void jw_str_nonempty(jw *w, const char *s);         /* NULL or "": null */
void jw_money(jw *w, double usd);                   /* rounded half-up to cents: 16.43 */
void jw_money_or_null(jw *w, double usd, bool is_null);
void jw_num(jw *w, double v);                       /* up to 10 decimals; not finite: null */
void jw_fixed(jw *w, double v, int decimals);       /* exactly `decimals`; not finite: null */
void jw_int(jw *w, long long v);
void jw_uint(jw *w, size_t v);
void jw_bool(jw *w, bool v);
void jw_null(jw *w);
/* A value already rendered as JSON (stored attributes, a jansson dump),
 * written as it is: the caller vouches that it is one valid JSON value. */
void jw_raw(jw *w, const char *json);

/* The same, as a key and its value. */
void jw_kobject(jw *w, const char *k, jw_layout l);
void jw_karray(jw *w, const char *k, jw_layout l);
void jw_kstr(jw *w, const char *k, const char *s);
void jw_kstr_nonempty(jw *w, const char *k, const char *s);
void jw_kmoney(jw *w, const char *k, double usd);
void jw_kmoney_or_null(jw *w, const char *k, double usd, bool is_null);
void jw_knum(jw *w, const char *k, double v);
void jw_kfixed(jw *w, const char *k, double v, int decimals);
void jw_kint(jw *w, const char *k, long long v);
void jw_kuint(jw *w, const char *k, size_t v);
void jw_kbool(jw *w, const char *k, bool v);
void jw_knull(jw *w, const char *k);
void jw_kraw(jw *w, const char *k, const char *json);

#endif
