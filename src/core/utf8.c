/*
 * utf8.c — UTF-8 checking, boundary-safe truncation and repair.
 * See utf8.h for the contract.
 */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

size_t utf8_seq_len(const unsigned char *p, size_t avail)
{
    size_t n;
    unsigned min;
    unsigned c = p[0];
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (avail < n)
        return 0;
    unsigned cp = c & (0x3Fu >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

bool utf8_valid(const char *s, size_t len, size_t *bad_at)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        /* Price lists are gigabytes of ASCII: skip it a word at a time. */
        while ((size_t)(end - p) >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (w & 0x8080808080808080ull)
                break;
            p += 8;
        }
        if (p == end)
            break;
        if (*p < 0x80) {
            p++;
            continue;
        }
        size_t n = utf8_seq_len(p, (size_t)(end - p));
        if (!n) {
            if (bad_at)
                *bad_at = (size_t)(p - (const unsigned char *)s);
            return false;
        }
        p += n;
    }
    return true;
}

size_t utf8_cut(const char *s, size_t max)
{
    size_t n = max;
    /* Back up over continuation bytes to the lead byte of the last
     * character that starts before max; keep it only if it fits whole. */
    size_t lead = n;
    while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80 && n - lead < 3)
        lead--;
    if (lead > 0 && (unsigned char)s[lead - 1] >= 0xC0) {
        size_t need = utf8_seq_len((const unsigned char *)s + lead - 1, n - lead + 1);
        if (!need)
            return lead - 1;
    }
    return n;
}

void utf8_repair(sbuf *b, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len, *run = p;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        size_t n = utf8_seq_len(p, (size_t)(end - p));
        if (n) {
            p += n;
            continue;
        }
        sbuf_add(b, (const char *)run, (size_t)(p - run));
        sbuf_add(b, "\xEF\xBF\xBD", 3);
        run = ++p;
    }
    sbuf_add(b, (const char *)run, (size_t)(p - run));
}

void utf8_repair_inplace(char *s)
{
    unsigned char *p = (unsigned char *)s;
    size_t len = strlen(s);
    unsigned char *end = p + len;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        size_t n = utf8_seq_len(p, (size_t)(end - p));
        if (n) {
            p += n;
            continue;
        }
        *p++ = '?';
    }
}
