/*
 * sbuf.c — growable strings, JSON escaping and money formatting.
 */
#include "sbuf.h"

#include "mem.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sbuf_free(sbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void sbuf_reset(sbuf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static void reserve(sbuf *b, size_t extra)
{
    b->data = xgrow(b->data, &b->cap, b->len + extra + 1, 1);
}

void sbuf_add(sbuf *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sbuf_puts(sbuf *b, const char *s)
{
    sbuf_add(b, s, strlen(s));
}

void sbuf_putc(sbuf *b, char c)
{
    reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void sbuf_vprintf(sbuf *b, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, cp);
    va_end(cp);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        sbuf_add(b, small, (size_t)n);
        return;
    }
    reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void sbuf_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sbuf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *sbuf_str(const sbuf *b)
{
    return b->data ? b->data : "";
}

char *sbuf_detach(sbuf *b)
{
    char *s = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void sbuf_json_str(sbuf *b, const char *s)
{
    if (!s) {
        sbuf_puts(b, "null");
        return;
    }
    static const char hex[] = "0123456789abcdef";
    sbuf_putc(b, '"');
    const char *run = s;
    size_t left = strlen(s);
    for (; *s; s++, left--) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x80) {
            /* Valid UTF-8 passes through; a byte that is not becomes
             * U+FFFD, so the document stays JSON whatever came in. */
            size_t n = utf8_seq_len((const unsigned char *)s, left);
            if (n) {
                s += n - 1;
                left -= n - 1;
                continue;
            }
            sbuf_add(b, run, (size_t)(s - run));
            sbuf_puts(b, "\\ufffd");
            run = s + 1;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        sbuf_add(b, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': sbuf_puts(b, "\\\""); break;
        case '\\': sbuf_puts(b, "\\\\"); break;
        case '\n': sbuf_puts(b, "\\n"); break;
        case '\r': sbuf_puts(b, "\\r"); break;
        case '\t': sbuf_puts(b, "\\t"); break;
        default: {
            char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            sbuf_puts(b, u);
        }
        }
    }
    sbuf_add(b, run, (size_t)(s - run));
    sbuf_putc(b, '"');
}

double money_round(double usd)
{
    /* Half-up on the decimal value: nudge by a relative epsilon so that
     * 16.425 stored as 16.42499999... still rounds up, as AWS bills do. */
    double scaled = usd * 100.0;
    double eps = 1e-9 * (fabs(scaled) > 1.0 ? fabs(scaled) : 1.0);
    double r = scaled >= 0 ? floor(scaled + 0.5 + eps) : -floor(-scaled + 0.5 + eps);
    if (r == 0)
        r = 0; /* no "-0.00" */
    return r / 100.0;
}

void sbuf_json_money(sbuf *b, double usd)
{
    sbuf_printf(b, "%.2f", money_round(usd));
}

void sbuf_json_num(sbuf *b, double v)
{
    if (!isfinite(v)) {
        sbuf_puts(b, "null");
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        sbuf_printf(b, "%.0f", v);
        return;
    }
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.10f", v);
    char *end = tmp + strlen(tmp) - 1;
    while (end > tmp && *end == '0')
        *end-- = '\0';
    if (*end == '.')
        *end = '\0';
    sbuf_puts(b, tmp);
}

void sbuf_md_cell(sbuf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '\\') {
            /* A run of backslashes right before '|' would escape each other
             * and leave the pipe to end the cell: double them there.
             * Elsewhere they stay as written (they show as-is in code). */
            size_t n = strspn(s, "\\");
            sbuf_add(b, s, n);
            if (s[n] == '|')
                sbuf_add(b, s, n);
            s += n - 1;
        } else if (*s == '|') {
            sbuf_puts(b, "\\|");
        } else if (*s == '\n' || *s == '\r') {
            sbuf_putc(b, ' ');
        } else {
            sbuf_putc(b, *s);
        }
    }
}

static void group_thousands(char *out, size_t size, double cents_abs)
{
    char digits[64];
    snprintf(digits, sizeof digits, "%.0f", floor(cents_abs / 100.0));
    long frac = (long)fmod(cents_abs, 100.0);
    char grouped[128];
    size_t n = strlen(digits), j = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            grouped[j++] = ',';
        grouped[j++] = digits[i];
    }
    grouped[j] = '\0';
    if (frac < 0 || frac > 99)
        frac = 0;
    snprintf(out, size, "%s.%02d", grouped, (int)frac);
}

void money_format(char *out, size_t size, double usd)
{
    double cents = money_round(usd) * 100.0;
    char body[160];
    group_thousands(body, sizeof body, floor(fabs(cents) + 0.5));
    snprintf(out, size, "%s$%s", cents < -0.5 ? "-" : "", body);
}

void money_format_delta(char *out, size_t size, double usd)
{
    double cents = money_round(usd) * 100.0;
    char body[160];
    group_thousands(body, sizeof body, floor(fabs(cents) + 0.5));
    const char *sign = cents > 0.5 ? "+" : cents < -0.5 ? "-" : "";
    snprintf(out, size, "%s$%s", sign, body);
}
