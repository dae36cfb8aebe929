/*
 * err.c — filling and printing cir_err, and the one-line warning channel.
 * See err.h for the contract.
 */
#include "err.h"

#include "utf8.h"

#include <stdio.h>
#include <string.h>

static int warn_quiet;

cir_code cir_error(cir_err *e, cir_code code, const char *topic,
                   const char *fmt, ...)
{
    if (!e)
        return code;
    e->code = code;
    snprintf(e->topic, sizeof e->topic, "%s", topic ? topic : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    cir_err_sanitize(e->msg, sizeof e->msg);
    cir_err_sanitize(e->topic, sizeof e->topic);
    return code;
}

cir_code cir_error_prefix(cir_err *e, cir_code code, const char *topic, const char *fmt, ...)
{
    if (!e)
        return code ? code : CIR_EINTERNAL;
    if (code)
        e->code = code;
    char cause[sizeof e->msg];
    memcpy(cause, e->msg, sizeof cause);
    char prefix[sizeof e->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    if (topic)
        snprintf(e->topic, sizeof e->topic, "%s", topic);
    size_t n = strlen(prefix);
    if (prefix[0] && cause[0] && n + 2 < sizeof prefix) {
        memcpy(prefix + n, ": ", 3);
        n += 2;
    }
    size_t room = sizeof e->msg - 1 - (n < sizeof e->msg - 1 ? n : sizeof e->msg - 1);
    size_t clen = strlen(cause);
    memcpy(e->msg, prefix, sizeof e->msg - 1 - room);
    memcpy(e->msg + (sizeof e->msg - 1 - room), cause, clen < room ? clen : room);
    e->msg[sizeof e->msg - 1 - room + (clen < room ? clen : room)] = '\0';
    cir_err_sanitize(e->msg, sizeof e->msg);
    cir_err_sanitize(e->topic, sizeof e->topic);
    return e->code;
}

void cir_err_sanitize(char *s, size_t size)
{
    /* One line on stderr, valid UTF-8 however the text was cut: fold
     * control characters (a newline a caller let through, a terminal escape
     * from an input) into spaces, drop a character vsnprintf cut in half,
     * and mark any other invalid byte. */
    size_t len = strnlen(s, size);
    if (len == size - 1)
        s[utf8_cut(s, len)] = '\0';
    for (unsigned char *p = (unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            *p = ' ';
    utf8_repair_inplace(s);
}

void cir_err_clear(cir_err *e)
{
    if (!e)
        return;
    e->code = CIR_OK;
    e->topic[0] = '\0';
    e->msg[0] = '\0';
}

void cir_err_print(const cir_err *e)
{
    if (e->topic[0])
        fprintf(stderr, "circuit: %s: %s\n", e->topic, e->msg);
    else
        fprintf(stderr, "circuit: %s\n", e->msg);
}

void cir_warn_quiet(int quiet)
{
    warn_quiet = quiet;
}

void cir_warn(const char *topic, const char *fmt, ...)
{
    if (warn_quiet)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cir_err_sanitize(msg, sizeof msg);
    char where[256];
    snprintf(where, sizeof where, "%s", topic ? topic : "");
    cir_err_sanitize(where, sizeof where);
    if (*where)
        fprintf(stderr, "circuit: warning: %s: %s\n", where, msg);
    else
        fprintf(stderr, "circuit: warning: %s\n", msg);
}
