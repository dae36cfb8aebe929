/*
 * utf8.h — checking and repairing UTF-8 where text comes in or goes out.
 *
 * Every output format circuit writes (JSON, SARIF, Markdown, the terminal)
 * is UTF-8, and every document must stay valid whatever bytes a plan, a
 * price list or a usage file carried.  Inputs are checked at their boundary
 * (utf8_valid); the writers and the error line repair what still slips
 * through (utf8_repair: each invalid byte becomes U+FFFD), and truncation
 * never cuts a character in half (utf8_cut).
 *
 * "Valid" is RFC 3629: shortest form, no surrogates (U+D800..DFFF), nothing
 * above U+10FFFF.
 */
#ifndef CIRCUIT_UTF8_H
#define CIRCUIT_UTF8_H

#include "sbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* Length (2..4) of the valid multi-byte sequence at p, which holds `avail`
 * bytes and starts with a byte >= 0x80; 0 when it is not valid UTF-8. */
size_t utf8_seq_len(const unsigned char *p, size_t avail);

/* True when the `len` bytes at s are valid UTF-8.  When not, and `bad_at`
 * is not NULL, *bad_at is the offset of the first invalid byte. */
bool utf8_valid(const char *s, size_t len, size_t *bad_at);

/* The largest n <= max such that s[0..n) ends on a character boundary
 * (s is NUL-terminated or at least `max` bytes long). */
size_t utf8_cut(const char *s, size_t max);

/* Appends the `len` bytes at s to b with every invalid byte replaced by
 * U+FFFD (EF BF BD). */
void utf8_repair(sbuf *b, const char *s, size_t len);

/* Repairs a NUL-terminated string held in a fixed buffer in place:
 * invalid bytes become '?' (one byte each, so the length never grows). */
void utf8_repair_inplace(char *s);

#endif
