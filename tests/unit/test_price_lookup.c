/*
 * test_price_lookup.c — price_lookup / price_query_all (pricing/lookup.c)
 * on the real eu-west-1 fixtures: exact, PCRE2 and usagetype matches, the
 * region-prefix traps, the pick rule and its candidate count, memoisation,
 * the bundled-snapshot fallback, and the messages for unknown services,
 * regions and attribute keys.
 */
#include "price_test_util.h"

#include "pricing/regions.h"

#include <sqlite3.h>

static price_cache *eu_cache(void)
{
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    import_fixture(c, "pricing-AmazonEC2-eu-west-1.csv", &st);
    import_fixture(c, "pricing-AWSELB-eu-west-1.csv", &st);
    import_fixture(c, "pricing-AmazonRDS-eu-west-1.csv", &st);
    import_fixture(c, "pricing-AmazonElastiCache-eu-west-1.csv", &st);
    return c;
}

Test(price_lookup, ec2_instance_by_exact_attributes)
{
    price_cache *c = eu_cache();
    price_filter f[] = {
        {"instanceType", "t3.medium", PRICE_EXACT},       {"operatingSystem", "Linux", PRICE_EXACT},
        {"tenancy", "Shared", PRICE_EXACT},               {"preInstalledSw", "NA", PRICE_EXACT},
        {"capacitystatus", "Used", PRICE_EXACT},
        {"licenseModel", "No License required", PRICE_EXACT},
    };
    price_match m;
    cir_err err;
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", "Compute Instance", f, 6, &m, &err), CIR_OK,
                 "%s", err.msg);
    cr_assert_str_eq(m.sku, "47NTBKB4KMUU98P8");
    cr_assert_str_eq(m.usd, "0.0456000000");
    cr_assert_float_eq(m.usd_value, 0.0456, 1e-12);
    cr_assert_str_eq(m.unit, "Hrs");
    cr_assert_str_eq(m.family, "Compute Instance");
    cr_assert_str_eq(m.service, "AmazonEC2");
    cr_assert_str_eq(m.region, "eu-west-1");
    cr_assert_str_eq(m.version, "20230223000000");
    cr_assert_str_eq(m.publication_date, "2023-02-23T00:00:00Z");
    cr_assert_str_eq(m.source, "import:pricing-AmazonEC2-eu-west-1.csv");
    cr_assert_eq(m.candidates, 1);
    price_cache_close(c);
}

Test(price_lookup, usagetype_match_takes_the_region_prefix_and_nothing_else)
{
    price_cache *c = eu_cache();
    cir_err err;
    price_match m;
    price_filter nat[] = {{"usagetype", "NatGateway-Hours", PRICE_USAGETYPE}};
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", "NAT Gateway", nat, 1, &m, &err), CIR_OK,
                 "%s", err.msg);
    cr_assert_str_eq(m.sku, "KFNSSCHWD43WZK2R", "EU-NatGateway-Hours, not -Prvd-Gbps");
    cr_assert_eq(m.candidates, 1);
    /* LCUUsage must not pick up EU-Outposts-LCUUsage ($0). */
    price_filter lcu[] = {{"usagetype", "LCUUsage", PRICE_USAGETYPE}};
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", "Load Balancer-Application", lcu, 1, &m, &err),
                 CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.sku, "YE8QE7GMG9794PDX");
    cr_assert_eq(m.candidates, 1);
    price_filter lb[] = {{"usagetype", "LoadBalancerUsage", PRICE_USAGETYPE}};
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", "Load Balancer-Application", lb, 1, &m, &err),
                 CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.sku, "T29JAP5UEZ7HXAM7", "not EU-Outposts-LoadBalancerUsage");
    cr_assert_eq(m.candidates, 1);
    /* RDS:GP2-Storage must not match RDS:Multi-AZ-GP2-Storage. */
    price_filter gp2[] = {{"usagetype", "RDS:GP2-Storage", PRICE_USAGETYPE},
                          {"databaseEngine", "Any", PRICE_EXACT}};
    cr_assert_eq(lookup1(c, "AmazonRDS", "eu-west-1", "Database Storage", gp2, 2, &m, &err), CIR_OK,
                 "%s", err.msg);
    cr_assert_str_eq(m.sku, "R8WRAJ8WCVQ3X8YM");
    cr_assert_str_eq(m.usd, "0.1270000000");
    cr_assert_eq(m.candidates, 1);
    /* Another region's prefix is not stripped. */
    price_filter wrong[] = {{"usagetype", "EU-NatGateway-Hours", PRICE_USAGETYPE}};
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", "NAT Gateway", wrong, 1, &m, &err), CIR_OK);
    cr_assert_str_eq(m.sku, "KFNSSCHWD43WZK2R", "the full name matches as it is");
    price_filter none[] = {{"usagetype", "Gateway-Hours", PRICE_USAGETYPE}};
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", "NAT Gateway", none, 1, &m, &err),
                 CIR_ENOPRICE, "a suffix is not a match");
    price_cache_close(c);
}

Test(price_lookup, usagetype_matcher_traps)
{
    /* DynamoDB: IA-TimedStorage-ByteHrs is not TimedStorage-ByteHrs. */
    const char *use1 = price_region_prefix("us-east-1", NULL);
    cr_assert_str_eq(use1, "USE1");
    const char *ut = "IA-TimedStorage-ByteHrs";
    cr_assert_not(price_usagetype_match(ut, strlen(ut), "TimedStorage-ByteHrs", use1));
    ut = "USE1-TimedStorage-ByteHrs";
    cr_assert(price_usagetype_match(ut, strlen(ut), "TimedStorage-ByteHrs", use1));
    ut = "TimedStorage-ByteHrs";
    cr_assert(price_usagetype_match(ut, strlen(ut), "TimedStorage-ByteHrs", use1));
    ut = "EU-IA-TimedStorage-ByteHrs";
    cr_assert_not(price_usagetype_match(ut, strlen(ut), "TimedStorage-ByteHrs", "EU"));
    ut = "EUW2-TimedStorage-ByteHrs";
    cr_assert_not(price_usagetype_match(ut, strlen(ut), "TimedStorage-ByteHrs", "EU"),
                  "only the query region's prefix");
    ut = "RegionalNatGateway-Hours";
    cr_assert_not(price_usagetype_match(ut, strlen(ut), "NatGateway-Hours", NULL));
    ut = "EU-Outposts-LoadBalancerUsage";
    cr_assert_not(price_usagetype_match(ut, strlen(ut), "LoadBalancerUsage", "EU"));
    /* The table: verified and unverified entries, and unknown regions. */
    bool verified;
    cr_assert_str_eq(price_region_prefix("eu-west-1", &verified), "EU");
    cr_assert(verified);
    cr_assert_str_eq(price_region_prefix("ap-south-1", &verified), "APS3");
    cr_assert(verified, "seen in the regional MSK and ALB rows");
    cr_assert_str_eq(price_region_prefix("mx-central-1", &verified), "MXC1");
    cr_assert_not(verified, "AWS's billing-code table only");
    cr_assert_null(price_region_prefix("us-gov-east-1", &verified));
    cr_assert_not(verified);
    cr_assert_str_eq(price_region_prefix("ap-southeast-3", NULL), "APS4");
    cr_assert_null(price_region_prefix("xx-nowhere-1", NULL));
    /* Learning a prefix from data accepts only the region shape. */
    cr_assert_eq(price_usagetype_prefix_len("EUW3-EBS:VolumeUsage.st1", 24), 4);
    cr_assert_eq(price_usagetype_prefix_len("EU-BoxUsage:t3.micro", 20), 2);
    cr_assert_eq(price_usagetype_prefix_len("BoxUsage:t3.micro", 17), 0);
    cr_assert_eq(price_usagetype_prefix_len("ebs-x", 5), 0);
}

Test(price_lookup, regex_filters)
{
    price_cache *c = eu_cache();
    cir_err err;
    price_match m;
    price_filter f[] = {{"usagetype", "^EU-BoxUsage:m5\\.", PRICE_REGEX}};
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", "Compute Instance", f, 1, &m, &err), CIR_OK,
                 "%s", err.msg);
    cr_assert_eq(m.candidates, 2, "m5.large and m5.xlarge");
    cr_assert_str_eq(m.sku, "FP7Z96TTU3VFSX2H", "the cheaper one, m5.large");
    price_filter bad[] = {{"usagetype", "([unclosed", PRICE_REGEX}};
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", NULL, bad, 1, &m, &err), CIR_EUSAGE);
    cr_assert(strstr(err.msg, "bad pattern for usagetype"), "%s", err.msg);
    price_filter fam[] = {{"productFamily", "^Load Balancer-(Application|Network)$", PRICE_REGEX},
                          {"usagetype", "LoadBalancerUsage", PRICE_USAGETYPE}};
    price_match_list l;
    price_query q = {.service = "AWSELB", .region = "eu-west-1", .filters = fam, .nfilters = 2};
    cr_assert_eq(price_query_all(c, &q, 0, &l, &err), CIR_OK, "%s", err.msg);
    cr_assert_eq(l.n, 2);
    price_matches_free(&l);
    price_cache_close(c);
}

Test(price_lookup, pick_rule_smallest_nonzero_then_sku)
{
    price_cache *c = eu_cache();
    cir_err err;
    price_match m;
    /* 16 rows at 0.127: one per engine plus "Any"; the smallest SKU wins. */
    price_filter f[] = {{"volumeType", "General Purpose", PRICE_EXACT},
                        {"deploymentOption", "Single-AZ", PRICE_EXACT}};
    cr_assert_eq(lookup1(c, "AmazonRDS", "eu-west-1", "Database Storage", f, 2, &m, &err), CIR_OK,
                 "%s", err.msg);
    cr_assert_eq(m.candidates, 16);
    cr_assert_str_eq(m.sku, "3A5KBE46SHMZ8ZS4");
    /* $0 (Outposts) loses to any priced row... */
    price_filter lcu[] = {{"usagetype", "LCU", PRICE_REGEX}};
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", "Load Balancer-Application", lcu, 1, &m, &err),
                 CIR_OK);
    cr_assert_eq(m.candidates, 2);
    cr_assert_str_eq(m.usd, "0.0080000000");
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", NULL, lcu, 1, &m, &err), CIR_OK);
    cr_assert_eq(m.candidates, 4);
    cr_assert_str_eq(m.sku, "54CR7C3UHSDQ3C4E", "gateway LCU at 0.004 is the smallest non-zero");
    /* ... but is returned when it is all there is. */
    price_filter outposts[] = {{"usagetype", "EU-Outposts-LCUUsage", PRICE_EXACT}};
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", NULL, outposts, 1, &m, &err), CIR_OK);
    cr_assert_str_eq(m.usd, "0.0000000000");
    cr_assert_eq(m.candidates, 1);
    price_cache_close(c);
}

Test(price_lookup, unit_and_pseudo_keys)
{
    price_cache *c = eu_cache();
    cir_err err;
    price_match m;
    price_query q = {.service = "AmazonEC2", .region = "eu-west-1", .family = "Storage",
                     .unit = "GB-month"};
    cr_assert_eq(price_lookup(c, &q, &m, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.sku, "TN2XFMNDXRZZ5CGK", "io2 storage is the only GB-month row");
    price_filter f[] = {{"sku", "GDX844Q9TQAG2YZ2", PRICE_EXACT},
                        {"beginRange", "0", PRICE_EXACT},
                        {"rateCode", "GDX844Q9TQAG2YZ2.JRTCKXETXF.6YS6EN2CT7", PRICE_EXACT}};
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", NULL, f, 3, &m, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.usd, "0.1100000000");
    price_filter empty[] = {{"deploymentModel", "", PRICE_EXACT},
                            {"volumeApiName", "gp3", PRICE_EXACT}};
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", "Storage", empty, 2, &m, &err), CIR_OK,
                 "an absent column reads as empty: %s", err.msg);
    cr_assert_str_eq(m.sku, "TXACT7E3PV6ZX2NM");
    price_cache_close(c);
}

Test(price_lookup, misses_explain_themselves)
{
    price_cache *c = eu_cache();
    cir_err err;
    price_match m;
    price_filter f[] = {{"instanceType", "t3.nano", PRICE_EXACT}};
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", "Compute Instance", f, 1, &m, &err),
                 CIR_ENOPRICE);
    cr_assert(strstr(err.msg, "instanceType=t3.nano"), "%s", err.msg);
    cr_assert(strstr(err.msg, "20230223000000"), "names the price list: %s", err.msg);
    cr_assert_eq(lookup1(c, "AmazonEC2", "us-east-1", NULL, NULL, 0, &m, &err), CIR_ENOPRICE);
    cr_assert(strstr(err.msg, "region \"us-east-1\" (available: eu-west-1"), "%s", err.msg);
    cr_assert_eq(lookup1(c, "AmazonEc2", "eu-west-1", NULL, NULL, 0, &m, &err), CIR_ENOPRICE);
    cr_assert(strstr(err.msg, "did you mean AmazonEC2"), "%s", err.msg);
    cr_assert_eq(lookup1(c, "AmazonDynamoDB", "eu-west-1", NULL, NULL, 0, &m, &err), CIR_ENOPRICE);
    cr_assert(strstr(err.msg, "available: AWSELB, AmazonEC2, AmazonElastiCache, AmazonRDS"), "%s",
              err.msg);
    price_filter typo[] = {{"instancetype", "t3.medium", PRICE_EXACT}};
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", NULL, typo, 1, &m, &err), CIR_ENOPRICE);
    cr_assert(strstr(err.msg, "no attribute \"instancetype\""), "%s", err.msg);
    cr_assert(strstr(err.msg, "instanceType"), "lists the keys: %s", err.msg);
    price_query bad = {.service = "AmazonEC2"};
    cr_assert_eq(price_lookup(c, &bad, &m, &err), CIR_EUSAGE);
    price_cache_close(c);
}

Test(price_lookup, identical_lookups_are_memoised_until_an_import)
{
    const char *dir = tmp_dir();
    char *path = tmp_path(dir, "pricing.db");
    price_cache *c = open_cache_at(path);
    price_ingest_stats st;
    import_fixture(c, "pricing-AWSELB-eu-west-1.csv", &st);
    price_filter f[] = {{"usagetype", "LCUUsage", PRICE_USAGETYPE}};
    price_match m1, m2;
    cir_err err;
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", "Load Balancer-Network", f, 1, &m1, &err), CIR_OK);
    /* Pull the prices out from under the handle with another connection. */
    sqlite3 *db;
    sqlite3_open(path, &db);
    cr_assert_eq(sqlite3_exec(db, "DELETE FROM offers", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", "Load Balancer-Network", f, 1, &m2, &err), CIR_OK,
                 "answered from memory: %s", err.msg);
    cr_assert_eq(m1.sku, m2.sku, "the very same strings");
    /* A different question goes to the cache, but to the state the run
     * started from: one report reads one snapshot, whatever commits
     * meanwhile. */
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", "Load Balancer-Gateway", f, 1, &m2, &err),
                 CIR_OK, "the run's snapshot still has it: %s", err.msg);
    /* An import through this handle clears the memo and ends the run. */
    import_fixture(c, "pricing-AmazonElastiCache-eu-west-1.csv", &st);
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", "Load Balancer-Network", f, 1, &m2, &err),
                 CIR_ENOPRICE);
    price_cache_close(c);
    free(path);
}

static const char snapshot_csv[] = META("AWSELB")
    "\"SKU\",\"OfferTermCode\",\"RateCode\",\"TermType\",\"PriceDescription\",\"StartingRange\","
    "\"EndingRange\",\"Unit\",\"PricePerUnit\",\"Currency\",\"Product Family\",\"serviceCode\","
    "\"Location\",\"Location Type\",\"Group\",\"usageType\",\"Region Code\"\n"
    "\"ZEBJ6Q6SEUWPQG9R\",\"JRTCKXETXF\",\"ZEBJ6Q6SEUWPQG9R.JRTCKXETXF.6YS6EN2CT7\",\"OnDemand\",,"
    "\"0\",\"Inf\",\"Hrs\",\"0.0252000000\",\"USD\",\"Load Balancer-Network\",\"AWSELB\","
    "\"EU (Ireland)\",\"AWS Region\",\"ELB:Balancing\",\"EU-LoadBalancerUsage\",\"eu-west-1\"\n";

/* The test snapshot as the binary embeds one: gzip, compressed once. */
static const price_snapshot_file *test_snapshot(const char *service, const char *region)
{
    static unsigned char gz[4096];
    static price_snapshot_file f = {.name = "AWSELB-eu-west-1.csv", .service = "AWSELB",
                                    .region = "eu-west-1", .publication_date = "2023-02-23T00:00:00Z",
                                    .version = "20230223000000", .gz = gz,
                                    .len = sizeof snapshot_csv - 1};
    if (!f.gz_len)
        f.gz_len = gzip_text(snapshot_csv, sizeof snapshot_csv - 1, gz, sizeof gz);
    return strcmp(service, "AWSELB") == 0 && strcmp(region, "eu-west-1") == 0 ? &f : NULL;
}

Test(price_lookup, the_snapshot_loads_itself_when_the_cache_has_nothing)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_open_opts o = {.path = path};
    price_cache *c;
    cir_err err;
    cr_assert_eq(price_cache_open(&o, &c, &err), CIR_OK);
    price_cache_set_snapshot_finder(c, test_snapshot);
    price_filter f[] = {{"usagetype", "LoadBalancerUsage", PRICE_USAGETYPE}};
    price_match m;
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", "Load Balancer-Network", f, 1, &m, &err), CIR_OK,
                 "%s", err.msg);
    cr_assert_str_eq(m.source, "snapshot");
    cr_assert_str_eq(m.usd, "0.0252000000");
    const price_offer_info *used;
    cr_assert_eq(price_cache_used(c, &used), 1);
    cr_assert_str_eq(used[0].service, "AWSELB");
    cr_assert_str_eq(used[0].source, "snapshot");
    cr_assert_str_eq(used[0].version, "20230223000000");
    /* A synced or imported list is never replaced by the snapshot. */
    price_ingest_stats st;
    import_fixture(c, "pricing-AWSELB-eu-west-1.csv", &st);
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", "Load Balancer-Network", f, 1, &m, &err), CIR_OK);
    cr_assert_str_eq(m.source, "import:pricing-AWSELB-eu-west-1.csv");
    /* Regions without a snapshot say what exists. */
    cr_assert_eq(lookup1(c, "AWSELB", "ap-east-1", NULL, NULL, 0, &m, &err), CIR_ENOPRICE);
    price_cache_close(c);
    /* no_snapshot turns it off. */
    char *path2 = tmp_path(tmp_dir(), "pricing.db");
    price_open_opts o2 = {.path = path2, .no_snapshot = true};
    cr_assert_eq(price_cache_open(&o2, &c, &err), CIR_OK);
    price_cache_set_snapshot_finder(c, test_snapshot);
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", NULL, NULL, 0, &m, &err), CIR_ENOPRICE);
    price_cache_close(c);
    free(path);
    free(path2);
}

Test(price_lookup, query_all_sorted_with_attributes)
{
    price_cache *c = eu_cache();
    cir_err err;
    price_match_list l;
    price_filter f[] = {{"instanceType", "cache.t3.micro", PRICE_EXACT}};
    price_query q = {.service = "AmazonElastiCache", .region = "eu-west-1",
                     .family = "Cache Instance", .filters = f, .nfilters = 1};
    cr_assert_eq(price_query_all(c, &q, 0, &l, &err), CIR_OK, "%s", err.msg);
    cr_assert_eq(l.n, 2);
    cr_assert_str_eq(l.items[0].sku, "5H7S5Q3XVCYNR6FK", "same price: SKU order");
    cr_assert_str_eq(l.items[1].sku, "Z77GUV2FC8VVF57Q");
    cr_assert(strstr(l.attrs_json[0], "\"cacheEngine\": \"Memcached\""), "%s", l.attrs_json[0]);
    cr_assert(strstr(l.attrs_json[0], "\"usagetype\": \"EU-NodeUsage:cache.t3.micro\""), "%s",
              l.attrs_json[0]);
    cr_assert_null(strstr(l.attrs_json[0], "pricePerUnit"), "term columns are not attributes");
    price_matches_free(&l);
    q = (price_query){.service = "AmazonEC2", .region = "eu-west-1"};
    cr_assert_eq(price_query_all(c, &q, 5, &l, &err), CIR_OK);
    cr_assert_eq(l.n, 5, "limit");
    for (size_t i = 1; i < l.n; i++)
        cr_assert(l.items[i - 1].usd_value <= l.items[i].usd_value);
    price_matches_free(&l);
    price_cache_close(c);
}

/* A cache that loads the real bundled snapshot on demand. */
static price_cache *snapshot_cache(void)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_open_opts o = {.path = path};
    price_cache *c;
    cir_err err;
    cr_assert_eq(price_cache_open(&o, &c, &err), CIR_OK, "%s", err.msg);
    free(path);
    return c;
}

Test(price_lookup, a_global_price_is_found_from_a_region_with_its_own_list)
{
    /* Route 53 has a regional list (Resolver endpoints) and a global one
     * (hosted zones): a zone asked for in eu-west-3 comes from the global. */
    price_cache *c = snapshot_cache();
    price_filter zone[] = {{"usagetype", "HostedZone", PRICE_USAGETYPE}};
    price_match m;
    cir_err err;
    cr_assert_eq(lookup1(c, "AmazonRoute53", "eu-west-3", "DNS Zone", zone, 1, &m, &err), CIR_OK,
                 "%s", err.msg);
    cr_assert_str_eq(m.region, "global");
    cr_assert_str_eq(m.usd, "0.1000000000", "the smallest non-zero tier, as the pick rule says");
    price_filter eni[] = {{"usagetype", "ResolverNetworkInterface", PRICE_USAGETYPE}};
    cr_assert_eq(lookup1(c, "AmazonRoute53", "eu-west-3", "DNS Query", eni, 1, &m, &err), CIR_OK,
                 "%s", err.msg);
    cr_assert_str_eq(m.region, "eu-west-3", "a regional row stays regional");
    /* nothing anywhere: the miss names the region's list */
    price_filter none[] = {{"usagetype", "NoSuchUsage", PRICE_USAGETYPE}};
    cr_assert_eq(lookup1(c, "AmazonRoute53", "eu-west-3", NULL, none, 1, &m, &err), CIR_ENOPRICE);
    cr_assert(strstr(err.msg, "in eu-west-3") != NULL, "%s", err.msg);
    price_match_list l;
    price_query q = {.service = "AmazonRoute53", .region = "eu-west-3", .family = "DNS Zone"};
    cr_assert_eq(price_query_all(c, &q, 0, &l, &err), CIR_OK, "%s", err.msg);
    cr_assert_eq(l.n, 2, "both hosted-zone tiers");
    cr_assert_str_eq(l.items[0].region, "global");
    price_matches_free(&l);
    price_cache_close(c);
}

Test(price_lookup, the_snapshot_prices_a_region_outside_us_east_1_from_regional_rows)
{
    price_cache *c = snapshot_cache();
    price_filter f[] = {{"usagetype", "NatGateway-Hours", PRICE_USAGETYPE}};
    price_match m;
    cir_err err;
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-3", "NAT Gateway", f, 1, &m, &err), CIR_OK, "%s",
                 err.msg);
    /* regional/nat_gateway.csv: eu-west-3 hourly 0.05, XZT57E2HU6XVM9V7 */
    cr_assert_str_eq(m.usd, "0.0500000000");
    cr_assert_str_eq(m.sku, "XZT57E2HU6XVM9V7", "the real SKU of the feed's rate code");
    cr_assert_str_eq(m.source, "snapshot");
    price_cache_close(c);
}

Test(price_lookup, a_long_list_of_regions_is_cut_short_in_the_message)
{
    price_cache *c = snapshot_cache();
    price_match m;
    cir_err err;
    cr_assert_eq(lookup1(c, "AmazonEC2", "xx-nowhere-1", NULL, NULL, 0, &m, &err), CIR_ENOPRICE);
    cr_assert(strstr(err.msg, "af-south-1, ap-east-1") != NULL, "%s", err.msg);
    cr_assert(strstr(err.msg, " more; fetch them with 'circuit pricing sync --service AmazonEC2 "
                              "--region xx-nowhere-1')") != NULL,
              "the advice survives: %s", err.msg);
    price_cache_close(c);
}
