/*
 * plan_encoding.c — telling text circuit cannot read from a damaged plan
 * before the JSON parser does.
 *
 * `terraform show -json` writes UTF-8.  Windows PowerShell's `>` re-encodes
 * it as UTF-16 (little-endian, with a byte order mark), and some editors
 * save UTF-16BE or UTF-32: to the JSON parser those look like a NUL after
 * the first character, reported as "truncated JSON" or "not JSON".  Saying
 * which encoding the file is in, and how to convert it, is the useful
 * answer.
 */
#include "plan_internal.h"

#include <string.h>

/* Counts, over the first bytes, how many even and odd positions hold NUL. */
static void nul_pattern(const unsigned char *d, size_t len, size_t *even, size_t *odd)
{
    *even = *odd = 0;
    size_t n = len < 256 ? len : 256;
    for (size_t i = 0; i < n; i++)
        if (!d[i])
            (*(i % 2 ? odd : even))++;
}

const char *plan_foreign_encoding(const char *data, size_t len)
{
    const unsigned char *d = (const unsigned char *)data;
    if (len >= 4 && memcmp(d, "\xFF\xFE\0\0", 4) == 0)
        return "UTF-32LE";
    if (len >= 4 && memcmp(d, "\0\0\xFE\xFF", 4) == 0)
        return "UTF-32BE";
    if (len >= 2 && memcmp(d, "\xFF\xFE", 2) == 0)
        return "UTF-16LE";
    if (len >= 2 && memcmp(d, "\xFE\xFF", 2) == 0)
        return "UTF-16BE";
    /* No byte order mark: JSON text is ASCII at its start ('{', spaces), so
     * UTF-16 shows as a NUL in every other byte. */
    if (len < 4)
        return NULL;
    size_t even, odd;
    nul_pattern(d, len, &even, &odd);
    size_t pairs = (len < 256 ? len : 256) / 2;
    if (len >= 8 && !d[0] && !d[1] && !d[2] && d[3] && even >= pairs * 9 / 10 && odd >= pairs / 2)
        return "UTF-32BE";
    if (len >= 8 && d[0] && !d[1] && !d[2] && !d[3] && odd >= pairs * 9 / 10 && even >= pairs / 2)
        return "UTF-32LE";
    if (!d[0] && d[1] && even >= pairs * 9 / 10 && odd == 0)
        return "UTF-16BE";
    if (d[0] && !d[1] && odd >= pairs * 9 / 10 && even == 0)
        return "UTF-16LE";
    return NULL;
}

cir_code plan_encoding_error(const char *name, const char *encoding, cir_err *err)
{
    return cir_error(err, CIR_EPARSE, name,
                     "%s text, not UTF-8: convert it with `iconv -f %s -t UTF-8` (in Windows "
                     "PowerShell, whose `>` writes UTF-16, save the plan with `terraform show "
                     "-json PLANFILE | Out-File -Encoding utf8 plan.json`)",
                     encoding, encoding);
}
