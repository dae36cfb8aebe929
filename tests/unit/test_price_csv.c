/*
 * test_price_csv.c — the streaming CSV reader (pricing/csv.c): RFC 4180
 * quoting, lazy quotes, CRLF, embedded newlines, BOM, variable field counts,
 * records split at every byte position, and the gate's fast skip checked
 * against a plain character-by-character reference reader on random input.
 */
#include "pricing/csv.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Records are collected as one text: fields joined by '|', records ended by
 * '\n', a bad record prefixed with '!'.  Test inputs avoid '|' in the text
 * they compare. */
typedef struct collect {
    char *out;
    size_t len, cap;
    size_t gate_width;
    char gate_reject; /* reject records whose first field starts with this */
    int stop_at;      /* stop the reader at this record (-1: never) */
} collect;

static void put(collect *c, const char *s, size_t n)
{
    if (c->len + n + 1 > c->cap) {
        c->cap = (c->len + n + 1) * 2;
        c->out = realloc(c->out, c->cap);
    }
    memcpy(c->out + c->len, s, n);
    c->len += n;
    c->out[c->len] = '\0';
}

static int on_record(void *ctx, const csv_record *r)
{
    collect *c = ctx;
    if (c->stop_at >= 0 && (int)r->index == c->stop_at)
        return 1;
    if (r->bad)
        put(c, "!", 1);
    for (size_t i = 0; i < r->n; i++) {
        if (i)
            put(c, "|", 1);
        put(c, r->f[i].p ? r->f[i].p : "", r->f[i].len);
    }
    put(c, "\n", 1);
    return 0;
}

static bool gate(void *ctx, const csv_field *f, size_t n)
{
    collect *c = ctx;
    cr_assert_eq(n, c->gate_width);
    return !(f[0].len > 0 && f[0].p[0] == c->gate_reject);
}

/* Parses `in` fed in chunks of the given sizes (0-terminated list, the last
 * size repeating); returns the collected text (caller frees). */
static char *parse_chunks(const char *in, size_t len, const size_t *sizes, size_t gate_width,
                          uint64_t *nrec)
{
    collect c = {.gate_width = gate_width, .gate_reject = 'R', .stop_at = -1};
    put(&c, "", 0);
    csv_reader *r = csv_new(on_record, &c);
    if (gate_width)
        csv_set_gate(r, gate_width, gate);
    cir_err err;
    cir_err_clear(&err);
    size_t pos = 0, k = 0;
    while (pos < len) {
        size_t n = sizes[k];
        if (sizes[k + 1])
            k++;
        if (n > len - pos)
            n = len - pos;
        cr_assert_eq(csv_feed(r, in + pos, n, &err), CIR_OK, "feed: %s", err.msg);
        pos += n;
    }
    cr_assert_eq(csv_finish(r, &err), CIR_OK, "finish: %s", err.msg);
    if (nrec)
        *nrec = csv_records(r);
    csv_free(r);
    return c.out;
}

static char *parse_whole(const char *in, size_t gate_width)
{
    size_t sizes[] = {strlen(in) ? strlen(in) : 1, 0};
    return parse_chunks(in, strlen(in), sizes, gate_width, NULL);
}

static void expect(const char *in, const char *want)
{
    char *got = parse_whole(in, 0);
    cr_assert_str_eq(got, want, "input [%s]", in);
    free(got);
}

Test(price_csv, plain_and_quoted_fields)
{
    expect("a,b,c\n1,2,3\n", "a|b|c\n1|2|3\n");
    expect("\"a\",\"b,c\",\"\"\n", "a|b,c|\n");
    expect("a,,\n", "a||\n");
    expect(",\n", "|\n");
}

Test(price_csv, doubled_quotes)
{
    expect("\"say \"\"hi\"\"\",x\n", "say \"hi\"|x\n");
    expect("\"\"\"\"\n", "\"\n");
    expect("\"a\"\"\"\n", "a\"\n");
}

Test(price_csv, embedded_newlines_and_commas)
{
    expect("\"line1\nline2\",b\nc,d\n", "line1\nline2|b\nc|d\n");
    expect("\"x\r\ny\",z\r\n", "x\r\ny|z\n");
}

Test(price_csv, crlf_line_ends)
{
    expect("a,b\r\nc,d\r\n", "a|b\nc|d\n");
    expect("\"a\",\"b\"\r\n\"c\",d\r\n", "a|b\nc|d\n");
    /* A CR that is not part of a line end is text. */
    expect("a\rb,c\n", "a\rb|c\n");
}

Test(price_csv, bare_quotes_are_lazy)
{
    expect("12\" disk,b\n", "12\" disk|b\n");
    expect("a\"b\"c,d\n", "a\"b\"c|d\n");
    expect("\"a\"b\",c\n", "a\"b|c\n");
    expect("\"Windows \"BYOL\" instance\",x\n", "Windows \"BYOL\" instance|x\n");
}

Test(price_csv, variable_field_counts_and_blank_lines)
{
    expect("\"FormatVersion\",\"v1.0\"\n\n\"SKU\",\"A\",\"B\"\n1,2,3\n\r\n",
           "FormatVersion|v1.0\nSKU|A|B\n1|2|3\n");
}

Test(price_csv, last_record_without_line_end)
{
    expect("a,b\nc,d", "a|b\nc|d\n");
    expect("a,\"b\"", "a|b\n");
    expect("a,", "a|\n");
}

Test(price_csv, unterminated_quote_at_end_is_bad)
{
    expect("a,b\n\"open,c\n", "a|b\n!open,c\n\n");
}

Test(price_csv, byte_order_mark_dropped)
{
    expect("\xEF\xBB\xBF\"FormatVersion\",\"v1.0\"\n", "FormatVersion|v1.0\n");
    /* Only at the very start. */
    expect("a\n\xEF\xBB\xBF" "b\n", "a\n\xEF\xBB\xBF" "b\n");
}

static const char sample[] =
    "\xEF\xBB\xBF\"FormatVersion\",\"v1.0\"\r\n"
    "\"Disclaimer\",\"This pricing list, \"\"quoted\"\"\"\r\n"
    "\"SKU\",\"OfferTermCode\",\"RateCode\",\"TermType\",\"PriceDescription\",\"Unit\"\r\n"
    "\"SKU1\",\"JRTCKXETXF\",\"SKU1.JRTCKXETXF.6YS6EN2CT7\",\"OnDemand\",\"$0.0416 per On Demand "
    "Linux t3.medium Instance Hour\",\"Hrs\"\r\n"
    "\"SKU2\",\"38NPMPTW36\",\"SKU2.38NPMPTW36.2TG2D8R56U\",\"Reserved\",\"Upfront\nFee, "
    "multi-line\",\"Quantity\"\r\n"
    "SKU3,,,OnDemand,12\" disk \"lazy\",GB-Mo\n"
    "\"SKU4\",\"x\",\"y\",\"OnDemand\",\"a \"\"b\"\" c\",\"Hrs\"";

Test(price_csv, split_at_every_byte_position)
{
    size_t len = strlen(sample);
    char *want = parse_whole(sample, 0);
    for (size_t cut = 1; cut < len; cut++) {
        size_t sizes[] = {cut, len, 0};
        char *got = parse_chunks(sample, len, sizes, 0, NULL);
        cr_assert_str_eq(got, want, "split at %zu", cut);
        free(got);
    }
    size_t ones[] = {1, 0};
    char *got = parse_chunks(sample, len, ones, 0, NULL);
    cr_assert_str_eq(got, want);
    free(got);
    free(want);
}

Test(price_csv, gate_rejects_early_at_every_split)
{
    /* Gate on 4 fields, reject records whose SKU starts with R. */
    const char *in = "SKU,a,b,TermType,x\nR1,\"long, quoted\nfield\",b,Reserved,\"x\"\"y\"\n"
                     "K1,a,b,OnDemand,z\nR2,a\"b,c,d,e\nK2,a,b,c,\"d\"\n";
    char *want = parse_whole(in, 4);
    cr_assert_str_eq(want, "SKU|a|b|TermType|x\nK1|a|b|OnDemand|z\nK2|a|b|c|d\n");
    size_t len = strlen(in);
    for (size_t cut = 1; cut < len; cut++) {
        size_t sizes[] = {cut, len, 0};
        uint64_t n;
        char *got = parse_chunks(in, len, sizes, 4, &n);
        cr_assert_str_eq(got, want, "split at %zu", cut);
        cr_assert_eq(n, 5);
        free(got);
    }
    free(want);
}

/* ---- reference reader: one character at a time, the same lazy grammar ---- */

static void ref_parse(const char *s, size_t len, size_t gate_width, char reject, collect *c,
                      uint64_t *nrec)
{
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    *nrec = 0;
    char *field = malloc(len + 1);
    char **fields = malloc(sizeof *fields * (len + 2));
    size_t *flen = malloc(sizeof *flen * (len + 2));
    while (i < len) {
        if (s[i] == '\n') {
            i++;
            continue;
        }
        if (s[i] == '\r' && (i + 1 == len || s[i + 1] == '\n')) {
            i += i + 1 == len ? 1 : 2;
            continue;
        }
        size_t nf = 0;
        bool bad = false, done = false;
        while (!done) {
            size_t fl = 0;
            bool quoted = i < len && s[i] == '"';
            if (quoted) {
                i++;
                for (;;) {
                    if (i >= len) {
                        bad = true;
                        done = true;
                        break;
                    }
                    if (s[i] != '"') {
                        field[fl++] = s[i++];
                        continue;
                    }
                    if (i + 1 == len) {
                        i++;
                        done = true;
                        break;
                    }
                    char n = s[i + 1];
                    if (n == '"') {
                        field[fl++] = '"';
                        i += 2;
                    } else if (n == ',') {
                        i += 2;
                        break;
                    } else if (n == '\n') {
                        i += 2;
                        done = true;
                        break;
                    } else if (n == '\r' && (i + 2 == len || s[i + 2] == '\n')) {
                        i += i + 2 == len ? 2 : 3;
                        done = true;
                        break;
                    } else {
                        field[fl++] = '"';
                        i++;
                    }
                }
            } else {
                while (i < len && s[i] != ',' && s[i] != '\n')
                    field[fl++] = s[i++];
                if (i >= len || s[i] == '\n') {
                    if (fl && field[fl - 1] == '\r')
                        fl--;
                    done = true;
                }
                i++; /* a comma at the very end leaves one more (empty) field */
            }
            fields[nf] = strndup(field, fl);
            flen[nf++] = fl;
        }
        (*nrec)++;
        bool keep = !(gate_width && nf > gate_width && flen[0] > 0 && fields[0][0] == reject);
        if (keep) {
            if (bad)
                put(c, "!", 1);
            for (size_t k = 0; k < nf; k++) {
                if (k)
                    put(c, "|", 1);
                put(c, fields[k], flen[k]);
            }
            put(c, "\n", 1);
        }
        for (size_t k = 0; k < nf; k++)
            free(fields[k]);
    }
    free(field);
    free(fields);
    free(flen);
}

/* Random CSV-ish text: AWS-like quoted rows with long fields (to exercise the
 * 64-byte skip), doubled quotes, embedded newlines, CRLF, stray quotes. */
static size_t random_csv(char *out, size_t cap, unsigned *seed)
{
    size_t n = 0;
    int rows = 5 + rand_r(seed) % 40;
    for (int r = 0; r < rows && n + 400 < cap; r++) {
        int nf = 1 + rand_r(seed) % 12;
        bool crlf = rand_r(seed) % 4 == 0;
        for (int f = 0; f < nf && n + 300 < cap; f++) {
            if (f)
                out[n++] = ',';
            int kind = rand_r(seed) % 10;
            int flen = rand_r(seed) % (kind < 2 ? 150 : 20);
            bool quoted = kind < 7;
            if (f == 0)
                out[n++] = "RKRK\"x"[rand_r(seed) % 6];
            if (quoted)
                out[n++] = '"';
            for (int k = 0; k < flen; k++) {
                int roll = rand_r(seed) % 60;
                char ch = "abcdefghij .:-0123456789"[rand_r(seed) % 24];
                if (roll == 0)
                    ch = '"';
                else if (roll == 1 && quoted)
                    ch = '\n';
                else if (roll == 2 && quoted)
                    ch = ',';
                else if (roll == 3)
                    ch = '\r';
                if (ch == '"' && quoted && rand_r(seed) % 3)
                    out[n++] = '"'; /* mostly doubled, sometimes stray */
                out[n++] = ch;
            }
            if (quoted && rand_r(seed) % 50)
                out[n++] = '"';
        }
        if (crlf)
            out[n++] = '\r';
        out[n++] = '\n';
        if (rand_r(seed) % 15 == 0)
            out[n++] = '\n';
    }
    out[n] = '\0';
    return n;
}

static void random_rounds(unsigned seed);

Test(price_csv, matches_reference_on_random_input)
{
    random_rounds(12345);
}

Test(price_csv, portable_skip_matches_reference_on_random_input)
{
    csv_use_simd(false);
    random_rounds(777);
    csv_use_simd(true);
}

static void random_rounds(unsigned seed)
{
    static char buf[64 * 1024];
    for (int round = 0; round < 600; round++) {
        size_t len = random_csv(buf, sizeof buf - 1, &seed);
        size_t gw = (size_t)(round % 4);
        collect ref = {.stop_at = -1};
        put(&ref, "", 0);
        uint64_t ref_n = 0, got_n = 0;
        ref_parse(buf, len, gw, 'R', &ref, &ref_n);
        size_t sizes[] = {1 + (size_t)(rand_r(&seed) % 300), 1 + (size_t)(rand_r(&seed) % 5000), 0};
        char *got = parse_chunks(buf, len, sizes, gw, &got_n);
        cr_assert_str_eq(got, ref.out, "round %d (gate %zu)", round, gw);
        cr_assert_eq(got_n, ref_n, "round %d: %llu records, reference %llu", round,
                     (unsigned long long)got_n, (unsigned long long)ref_n);
        free(got);
        free(ref.out);
    }
}

/* Raw mode: kept records come unsplit and a second reader splits them;
 * the result must be what one reader gives. */
typedef struct raw_ctx {
    collect *c;
    csv_reader *splitter;
} raw_ctx;

static int on_partial(void *ctx, const csv_record *r)
{
    raw_ctx *x = ctx;
    if (!r->partial)
        return on_record(x->c, r);
    cr_assert_eq(r->n, x->c->gate_width);
    cir_err err;
    cir_err_clear(&err);
    if (r->index % 2) {
        cr_assert_eq(csv_split(x->splitter, r->raw, r->raw_len, r->index, r->offset, &err),
                     CIR_OK);
        return 0;
    }
    /* In place, with padding whose content must not matter: quotes, commas
     * and line ends, the bytes most likely to mislead a scan. */
    char *copy = malloc(r->raw_len + CSV_SPLIT_PAD);
    cr_assert_not_null(copy);
    memcpy(copy, r->raw, r->raw_len);
    for (size_t i = 0; i < CSV_SPLIT_PAD; i++)
        copy[r->raw_len + i] = "\",\n\r\"x"[(r->index + i) % 6];
    cr_assert_eq(csv_split_padded(x->splitter, copy, r->raw_len, r->index, r->offset, &err),
                 CIR_OK);
    free(copy);
    return 0;
}

static bool raw_gate(void *ctx, const csv_field *f, size_t n)
{
    raw_ctx *x = ctx;
    return gate(x->c, f, n);
}

Test(price_csv, raw_mode_hands_over_kept_records_unsplit)
{
    static char buf[64 * 1024];
    unsigned seed = 4242;
    for (int round = 0; round < 300; round++) {
        size_t len = random_csv(buf, sizeof buf - 1, &seed);
        size_t gw = 1 + (size_t)(round % 3);
        collect ref = {.stop_at = -1}, got = {.stop_at = -1, .gate_width = gw, .gate_reject = 'R'};
        put(&ref, "", 0);
        put(&got, "", 0);
        uint64_t ref_n;
        ref_parse(buf, len, gw, 'R', &ref, &ref_n);
        raw_ctx x = {&got, csv_new(on_record, &got)};
        csv_reader *r = csv_new(on_partial, &x);
        csv_set_gate(r, gw, raw_gate);
        csv_set_gate_raw(r, true);
        cir_err err;
        cir_err_clear(&err);
        size_t chunk = 1 + (size_t)(rand_r(&seed) % 2000);
        for (size_t pos = 0; pos < len; pos += chunk)
            cr_assert_eq(csv_feed(r, buf + pos, len - pos < chunk ? len - pos : chunk, &err), CIR_OK);
        cr_assert_eq(csv_finish(r, &err), CIR_OK);
        cr_assert_str_eq(got.out, ref.out, "round %d (gate %zu)", round, gw);
        cr_assert_eq(csv_records(r), ref_n);
        csv_free(r);
        csv_free(x.splitter);
        free(ref.out);
        free(got.out);
    }
}

Test(price_csv, callback_can_stop_the_reader)
{
    collect c = {.stop_at = 1};
    put(&c, "", 0);
    csv_reader *r = csv_new(on_record, &c);
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(csv_feed(r, "a\nb\nc\n", 6, &err), CIR_EPARSE);
    cr_assert_str_eq(c.out, "a\n");
    cr_assert_eq(csv_feed(r, "d\n", 2, &err), CIR_EPARSE);
    csv_free(r);
    free(c.out);
}

Test(price_csv, endless_quoted_field_is_an_error_not_a_memory_hog)
{
    collect c = {.stop_at = -1};
    put(&c, "", 0);
    csv_reader *r = csv_new(on_record, &c);
    cir_err err;
    cir_err_clear(&err);
    static char chunk[64 * 1024];
    memset(chunk, 'x', sizeof chunk);
    chunk[0] = '"';
    cir_code rc = csv_feed(r, chunk, sizeof chunk, &err);
    chunk[0] = 'x';
    for (int i = 0; i < 200 && rc == CIR_OK; i++)
        rc = csv_feed(r, chunk, sizeof chunk, &err);
    cr_assert_eq(rc, CIR_EPARSE);
    cr_assert(strstr(err.msg, "longer than"), "%s", err.msg);
    csv_free(r);
    free(c.out);
}

Test(price_csv, counts_records_bytes_and_skips)
{
    uint64_t n;
    size_t sizes[] = {7, 0};
    const char *in = "h,a,b\nR,1,2\nK,1,2\nR,\"3\",4\n";
    char *got = parse_chunks(in, strlen(in), sizes, 1, &n);
    cr_assert_str_eq(got, "h|a|b\nK|1|2\n");
    cr_assert_eq(n, 4);
    free(got);
}
