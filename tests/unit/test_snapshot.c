/*
 * test_snapshot.c — the bundled price snapshot as the binary carries it:
 * every offer the cost models price is embedded for us-east-1 (and eu-west-1
 * where real prices exist), each blob is a whole AWS price-list CSV named
 * after its offer and region, and lookups by (offer, region) find them.
 */
#include "pricing/snapshot.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

static const price_snapshot_file *must_find(const char *service, const char *region)
{
    const price_snapshot_file *f = price_snapshot_find(service, region);
    cr_assert_not_null(f, "no snapshot for %s in %s", service, region);
    return f;
}

static int contains(const price_snapshot_file *f, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= f->len; i++)
        if (memcmp(f->data + i, needle, n) == 0)
            return 1;
    return 0;
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

Test(snapshot, carries_eu_west_1_where_real_prices_exist)
{
    static const char *const offers[] = {
        "AmazonEC2", "AmazonRDS", "AWSELB", "AmazonElastiCache", "AmazonCloudWatch",
        "AmazonEKS", "AmazonECS", "AmazonEFS", "AmazonVPC", "AWSLambda", "AmazonS3",
        "AWSSecretsManager", "AmazonDynamoDB", NULL};
    for (size_t i = 0; offers[i]; i++)
        must_find(offers[i], "eu-west-1");
    /* no public source we found states an eu-west-1 KMS or Glacier price, so
     * no file may claim one (see pricing/snapshot/SOURCES.md, Gaps) */
    cr_assert_null(price_snapshot_find("awskms", "eu-west-1"));
    cr_assert_null(price_snapshot_find("AmazonGlacier", "eu-west-1"));
}

Test(snapshot, eu_west_1_containers_and_file_storage)
{
    /* EKS: a cited price, synthetic SKU; Fargate and EFS: real SKUs */
    const price_snapshot_file *eks = must_find("AmazonEKS", "eu-west-1");
    cr_assert(contains(eks, "\"EU-AmazonEKS-Hours:perCluster\""));
    cr_assert(contains(eks, "\"Hrs\",\"0.1000000000\",\"USD\""));
    const price_snapshot_file *ecs = must_find("AmazonECS", "eu-west-1");
    cr_assert(contains(ecs, "\"K4EXFQ5YFQCP98EN\",\"JRTCKXETXF\","
                            "\"K4EXFQ5YFQCP98EN.JRTCKXETXF.6YS6EN2CT7\""));
    cr_assert(contains(ecs, "\"hours\",\"0.0044450000\",\"USD\""));
    cr_assert(contains(must_find("AmazonEFS", "eu-west-1"), "\"WDJR7Q9RKV87VCVK\""));
    cr_assert(contains(must_find("AmazonEFS", "eu-west-1"), "\"EU (Ireland)\""));
}

Test(snapshot, every_blob_is_a_whole_price_list_csv)
{
    const price_snapshot_file *files;
    size_t n = price_snapshot_files(&files);
    cr_assert_geq(n, 20);
    for (size_t i = 0; i < n; i++) {
        const price_snapshot_file *f = &files[i];
        char offer_row[128];
        snprintf(offer_row, sizeof offer_row, "\"OfferCode\",\"%s\"\n", f->service);
        cr_assert(f->len > 0 && strncmp(f->data, "\"FormatVersion\",\"v1.0\"\n", 23) == 0,
                  "%s does not start with the metadata rows", f->name);
        cr_assert(contains(f, offer_row), "%s: OfferCode is not %s", f->name, f->service);
        cr_assert_eq(f->data[f->len - 1], '\n', "%s is cut short", f->name);
        cr_assert_eq(f->data[f->len], '\0', "%s is not NUL-terminated", f->name);
        cr_assert(contains(f, "\"CircuitSource\"\n"), "%s has no CircuitSource column", f->name);
    }
}

Test(snapshot, holds_the_reference_prices)
{
    cr_assert(contains(must_find("AmazonEC2", "us-east-1"),
                       "\"Hrs\",\"0.0416000000\",\"USD\""));
    cr_assert(contains(must_find("AmazonEC2", "eu-west-1"), "\"47NTBKB4KMUU98P8\""));
    cr_assert(contains(must_find("AmazonRDS", "us-east-1"), "\"0.2720000000\""));
}

Test(snapshot, captured_rows_carry_real_skus)
{
    /* scripts/snapshot-captures.json: t3.small is a captured row of its own,
     * t3.medium a reference row that a capture gave its real SKU */
    const price_snapshot_file *ec2 = must_find("AmazonEC2", "us-east-1");
    cr_assert(contains(ec2, "\"QA3NBPZEQKZ2K9AR\",\"JRTCKXETXF\","
                            "\"QA3NBPZEQKZ2K9AR.JRTCKXETXF.6YS6EN2CT7\""));
    cr_assert(contains(ec2, "\"NN4EGUUQRWVYP98C\""));
    cr_assert(contains(must_find("AmazonRDS", "us-east-1"), "\"TGN7QDJF2AGFU9XA\""));
    cr_assert(contains(must_find("AmazonEC2", "eu-west-1"), "\"GW5JVTDTM4UUHXUX\""),
              "eu-west-1 t3.small from the terracost dump");
}

Test(snapshot, unknown_pairs_are_not_found)
{
    cr_assert_null(price_snapshot_find("AmazonEC2", "mars-east-1"));
    cr_assert_null(price_snapshot_find("AmazonEC", "us-east-1"));
    cr_assert_null(price_snapshot_find("", ""));
}
