/*
 * test_price_store.c — the grouped price-row codec (pricing/store.c): what
 * goes in comes out, for the delta-encoded slots, literal slots, prices with
 * trailing zeros, descriptions sharing prefixes and suffixes, values outside
 * the raw row text, and a damaged blob.
 */
#include "pricing/store.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NSLOTS (PRICE_SLOT_NFIXED + 4)

typedef struct row {
    const char *v[NSLOTS];
} row;

/* Encodes rows (each as a "raw" text holding its values back to back, the
 * way a CSV record holds its fields) and decodes them again. */
static void round_trip(const row *rows, size_t n, price_slot_stats *stats)
{
    price_group_writer *w = price_group_writer_new(NSLOTS, NSLOTS, PRICE_SLOT_NFIXED + 1, stats);
    uint32_t slot_span[NSLOTS];
    for (int s = 0; s < NSLOTS; s++)
        slot_span[s] = (uint32_t)s;
    /* every row's text and spans stay until the group ends */
    static char raws[256][1024];
    static price_span spans[256][NSLOTS];
    cr_assert_leq(n, 256);
    for (size_t i = 0; i < n; i++) {
        char *raw = raws[i];
        size_t len = 0;
        for (int s = 0; s < NSLOTS; s++) {
            size_t k = strlen(rows[i].v[s]);
            memcpy(raw + len, rows[i].v[s], k);
            spans[i][s] = (price_span){(uint32_t)len, (uint32_t)k};
            len += k;
        }
        /* odd rows: no padding after the text, so comparisons go byte by byte */
        price_group_add(w, raw, len, i % 2 ? 0 : 8, spans[i], slot_span);
        if (i % 3 == 2)
            price_group_detach(w); /* the next row is compared with the writer's copy */
    }
    unsigned char *blob = NULL;
    size_t cap = 0, len, nrows, nindex;
    price_str *index;
    price_group_end(w, &blob, &cap, &len, &nrows, &index, &nindex);
    cr_assert_eq(nrows, n);
    price_group_reader r = {0};
    cr_assert(price_group_open(&r, blob, len, NSLOTS));
    for (size_t i = 0; i < n; i++) {
        cr_assert(price_group_next(&r), "row %zu", i);
        for (int s = 0; s < NSLOTS; s++) {
            price_str v = price_group_value(&r, (size_t)s);
            cr_assert_eq(v.len, strlen(rows[i].v[s]), "row %zu slot %d", i, s);
            cr_assert(memcmp(v.p, rows[i].v[s], v.len) == 0, "row %zu slot %d: %.*s", i, s,
                      (int)v.len, v.p);
        }
    }
    cr_assert_not(price_group_next(&r));
    /* The index slot's distinct values are reported. */
    for (size_t i = 0; i < n; i++) {
        const char *want = rows[i].v[PRICE_SLOT_NFIXED + 1];
        bool found = !*want;
        for (size_t k = 0; k < nindex && !found; k++)
            found = index[k].len == strlen(want) && memcmp(index[k].p, want, index[k].len) == 0;
        cr_assert(found, "index value %s", want);
    }
    /* Truncated blobs are refused, never over-read. */
    for (size_t cut = 0; cut < len; cut += 1 + len / 50) {
        price_group_reader t = {0};
        if (price_group_open(&t, blob, cut, NSLOTS))
            while (price_group_next(&t))
                ;
        cr_assert(t.row < n || cut == len, "cut %zu", cut);
        price_group_reader_free(&t);
    }
    price_group_reader_free(&r);
    free(blob);
    price_group_writer_free(w);
}

Test(price_store, rows_survive_the_codec)
{
    static const row rows[] = {
        {{"47NTBKB4KMUU98P8", "0.0456000000", "$0.0456 per On Demand Linux t3.medium Instance Hour",
          "Hrs", "0", "Inf", ".JRTCKXETXF.6YS6EN2CT7", "t3.medium", "EU-BoxUsage:t3.medium", "Linux",
          "x"}},
        {{"DXH6X4VVFUT4EUU5", "0.0114000000", "$0.0114 per On Demand Linux t3.micro Instance Hour",
          "Hrs", "0", "Inf", ".JRTCKXETXF.6YS6EN2CT7", "t3.micro", "EU-BoxUsage:t3.micro", "Linux",
          "yy"}},
        {{"PMVAP4E245MPBY22", "2750", "", "Quantity", "", "", "", "", "", "", ""}},
        {{"A", "0.0000000000", "aaa", "Hrs", "0", "Inf", "", "", "", "", "q\"q"}},
        {{"B", "1.", "aa", "Hrs", "0", "Inf", "", "", "EU-BoxUsage:t3.micro", "", "z"}},
        {{"C", "0.5", "aaaa", "GB-Mo", "", "", "", "", "", "Windows", ""}},
    };
    price_slot_stats stats[NSLOTS];
    memset(stats, 0, sizeof stats);
    round_trip(rows, sizeof rows / sizeof rows[0], stats);
}

Test(price_store, slots_that_never_repeat_become_literals)
{
    /* 200 rows whose last-but-one slot is always new: after the warm-up the
     * writer stores it inline; decoding must not care. */
    static row rows[200];
    static char text[200][3][24];
    for (int i = 0; i < 200; i++) {
        snprintf(text[i][0], 24, "SKU%05d", i);
        snprintf(text[i][1], 24, "UNIQUE-%d", i * 7919);
        snprintf(text[i][2], 24, "%d.%d", i % 3, i);
        rows[i] = (row){{text[i][0], text[i][2], "desc", "Hrs", "0", "Inf", "", "same",
                         i % 2 ? "U1" : "U2", text[i][1], "e"}};
    }
    price_slot_stats stats[NSLOTS];
    memset(stats, 0, sizeof stats);
    round_trip(rows, 200, stats);
    cr_assert_gt(stats[PRICE_SLOT_NFIXED + 2].changes, 150);
}

/* Caches written before row format 2 hold format-1 groups (no 0x00 0x02
 * prefix, a bitmap of changed slots); readers still take them.  The blob is
 * built by hand from the format-1 description: 8 slots, so 5 table slots
 * and a one-byte bitmap. */
Test(price_store, format_1_groups_still_decode)
{
    static const unsigned char blob[] = {
        0x02, 0x03, 'H', 'r', 's',          /* strings: "", "Hrs" */
        0x02,                               /* two rows */
        0x01, 'A', 0x00, 0x01, '1',         /* sku "A", price "1" */
        0x00, 0x00, 0x01, 'd',              /* description "d" */
        0x05, 0x02, 0x03, 'x',              /* slots 0 and 2 changed: "Hrs", literal "x" */
        0x01, 'B', 0x02, 0x02, '2', '5',    /* sku "B", price "25" + two zeros */
        0x01, 0x00, 0x00,                   /* description "d" again */
        0x01, 0x00,                         /* slot 0 changed: "" */
    };
    price_group_reader r = {0};
    cr_assert(price_group_open(&r, blob, sizeof blob, PRICE_SLOT_NFIXED + 1));
    cr_assert_eq(r.format, 1);
    cr_assert(price_group_next(&r));
    price_str v = price_group_value(&r, PRICE_SLOT_UNIT);
    cr_assert_eq(v.len, 3);
    cr_assert(memcmp(v.p, "Hrs", 3) == 0);
    v = price_group_value(&r, PRICE_SLOT_END);
    cr_assert(v.len == 1 && v.p[0] == 'x');
    cr_assert(price_group_next(&r));
    v = price_group_value(&r, PRICE_SLOT_SKU);
    cr_assert(v.len == 1 && v.p[0] == 'B');
    v = price_group_value(&r, PRICE_SLOT_USD);
    cr_assert(v.len == 4 && memcmp(v.p, "2500", 4) == 0);
    v = price_group_value(&r, PRICE_SLOT_DESCRIPTION);
    cr_assert(v.len == 1 && v.p[0] == 'd');
    cr_assert_eq(price_group_value(&r, PRICE_SLOT_UNIT).len, 0);
    v = price_group_value(&r, PRICE_SLOT_END);
    cr_assert(v.len == 1 && v.p[0] == 'x', "unchanged slots keep their value");
    cr_assert_not(price_group_next(&r));
    price_group_reader_free(&r);
}

/* What the writer produces now is format 2, and a group claiming a format
 * this reader does not know is refused rather than misread. */
Test(price_store, groups_are_written_in_format_2_and_unknown_formats_refused)
{
    uint32_t slot_span[PRICE_SLOT_NFIXED + 1];
    for (size_t s = 0; s < PRICE_SLOT_NFIXED + 1; s++)
        slot_span[s] = (uint32_t)s;
    price_slot_stats stats[PRICE_SLOT_NFIXED + 1];
    memset(stats, 0, sizeof stats);
    price_group_writer *w =
        price_group_writer_new(PRICE_SLOT_NFIXED + 1, PRICE_SLOT_NFIXED + 1, SIZE_MAX, stats);
    static const char text[] = "A1dHrs";
    price_span spans[PRICE_SLOT_NFIXED + 1] = {{0, 1}, {1, 1}, {2, 1}, {3, 3}};
    price_group_add(w, text, 6, 0, spans, slot_span);
    unsigned char *blob = NULL;
    size_t cap = 0, len, nrows, nindex;
    price_str *index;
    price_group_end(w, &blob, &cap, &len, &nrows, &index, &nindex);
    cr_assert(len > 2 && blob[0] == 0x00 && blob[1] == PRICE_GROUP_FORMAT);
    price_group_reader r = {0};
    cr_assert(price_group_open(&r, blob, len, PRICE_SLOT_NFIXED + 1));
    cr_assert_eq(r.format, PRICE_GROUP_FORMAT);
    blob[1] = PRICE_GROUP_FORMAT + 1;
    cr_assert_not(price_group_open(&r, blob, len, PRICE_SLOT_NFIXED + 1));
    price_group_reader_free(&r);
    free(blob);
    price_group_writer_free(w);
}

/* Descriptions are stored as the prefix and suffix they share with the
 * previous row's plus the middle; the shared parts are found eight bytes at
 * a time.  Random neighbours with shared parts of every length around the
 * word size must come back intact. */
Test(price_store, descriptions_with_shared_parts_of_any_length_survive)
{
    static row rows[240];
    static char desc[240][80]; /* at most 39 new bytes + 36 shared ones */
    unsigned seed = 99;
    const char *alphabet = "ab$0. ";
    for (int i = 0; i < 240; i++) {
        int len = rand_r(&seed) % 40;
        for (int k = 0; k < len; k++)
            desc[i][k] = alphabet[rand_r(&seed) % 6];
        size_t plen = i > 0 ? strlen(desc[i - 1]) : 0;
        if (i > 0 && plen <= 36 && rand_r(&seed) % 4) { /* share a prefix and a suffix */
            size_t pre = (size_t)rand_r(&seed) % (plen + 1);
            memcpy(desc[i], desc[i - 1], pre);
            size_t suf = (size_t)rand_r(&seed) % (plen - pre + 1);
            memcpy(desc[i] + pre + (size_t)len, desc[i - 1] + plen - suf, suf);
            len += (int)(pre + suf);
            memset(desc[i] + pre, 'x', (size_t)len - pre - suf);
        }
        desc[i][len] = '\0';
        rows[i] = (row){{"S", "1", desc[i], "Hrs", "0", "Inf", "", "", "", "", ""}};
    }
    price_slot_stats stats[NSLOTS];
    memset(stats, 0, sizeof stats);
    round_trip(rows, 240, stats);
}
