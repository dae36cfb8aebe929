/*
 * sbuf.h — a growable byte string, the one way circuit builds text.
 *
 * Every renderer writes its whole document into an sbuf and hands it to
 * out_emit() only when it is complete, so an error half-way never leaves a
 * half-written document on stdout.  The JSON helpers write RFC 8259 strings
 * and numbers so nothing is escaped by hand; whole JSON documents are
 * written with the JSON writer over them (jsonw.h).
 */
#ifndef CIRCUIT_SBUF_H
#define CIRCUIT_SBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct sbuf {
    char *data;   /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
} sbuf;

#define SBUF_INIT {NULL, 0, 0}

void sbuf_free(sbuf *b);
void sbuf_reset(sbuf *b);                       /* len = 0, keeps memory */
void sbuf_add(sbuf *b, const char *s, size_t n);
void sbuf_puts(sbuf *b, const char *s);
void sbuf_putc(sbuf *b, char c);
void sbuf_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_vprintf(sbuf *b, const char *fmt, va_list ap);
/* Returns the text ("" when empty); valid until the next change. */
const char *sbuf_str(const sbuf *b);
/* Hands the buffer over: caller frees the result; `b` is left empty. */
char *sbuf_detach(sbuf *b);

/* JSON: a quoted, escaped string ("null" for NULL); a byte that is not
 * valid UTF-8 is written as \ufffd. */
void sbuf_json_str(sbuf *b, const char *s);
/* JSON: a money figure rounded half-up to cents, e.g. 16.43. */
void sbuf_json_money(sbuf *b, double usd);
/* JSON: a number printed with up to 10 significant decimals, no trailing 0s. */
void sbuf_json_num(sbuf *b, double v);

/* Markdown table cell: escapes '|' and folds newlines. */
void sbuf_md_cell(sbuf *b, const char *s);

/* Rounds half-up to cents (16.425 -> 16.43), robust to binary noise. */
double money_round(double usd);
/* Formats "$1,234.56" (or "-$12.00") into out (size >= 32). */
void money_format(char *out, size_t size, double usd);
/* Formats a signed delta: "+$12.00", "-$3.50", "$0.00". */
void money_format_delta(char *out, size_t size, double usd);

#endif
