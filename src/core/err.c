/*
 * err.c — filling and printing cir_err, and the one-line warning channel.
 * See err.h for the contract.
 */
#include "err.h"

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
    /* One line on stderr: fold any newline a caller let through. */
    for (char *s = e->msg; *s; s++)
        if (*s == '\n' || *s == '\r')
            *s = ' ';
    for (char *s = e->topic; *s; s++)
        if (*s == '\n' || *s == '\r')
            *s = ' ';
    return code;
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
    for (char *s = msg; *s; s++)
        if (*s == '\n' || *s == '\r')
            *s = ' ';
    if (topic && *topic)
        fprintf(stderr, "circuit: warning: %s: %s\n", topic, msg);
    else
        fprintf(stderr, "circuit: warning: %s\n", msg);
}
