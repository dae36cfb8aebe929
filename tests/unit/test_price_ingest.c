/*
 * test_price_ingest.c — price-list CSV into the cache (pricing/ingest.c,
 * pricing/import.c, pricing/attrs.c): header names mapped to JSON keys,
 * metadata, the on-demand / USD / region filters, bad rows, required
 * columns, non-CSV input, and the all-or-nothing swap (including a process
 * that dies half-way).  Inline CSVs reuse real rows of
 * fixtures/prices/pricing-AWSELB-eu-west-1.csv (see SOURCES.md).
 */
#include "price_test_util.h"

#include "pricing/attrs.h"

#include <sys/wait.h>

#define ELB_HEADER                                                                            \
    "\"SKU\",\"OfferTermCode\",\"RateCode\",\"TermType\",\"PriceDescription\",\"EffectiveDate\"," \
    "\"StartingRange\",\"EndingRange\",\"Unit\",\"PricePerUnit\",\"Currency\",\"RelatedTo\","   \
    "\"LeaseContractLength\",\"PurchaseOption\",\"OfferingClass\",\"Product Family\","          \
    "\"serviceCode\",\"Location\",\"Location Type\",\"Group\",\"usageType\",\"Region Code\"\n"

#define ROW(sku, term, unit, usd, family, usage, region)                                      \
    "\"" sku "\",\"JRTCKXETXF\",\"" sku ".JRTCKXETXF.6YS6EN2CT7\",\"" term "\",,,\"0\",\"Inf\",\"" \
    unit "\",\"" usd "\",\"USD\",,,,,\"" family "\",\"AWSELB\",\"EU (Ireland)\",\"AWS Region\","  \
    "\"ELB:Balancing\",\"" usage "\",\"" region "\"\n"

#define ALB_HOURS ROW("T29JAP5UEZ7HXAM7", "OnDemand", "Hrs", "0.0252000000", \
                      "Load Balancer-Application", "EU-LoadBalancerUsage", "eu-west-1")
#define ALB_LCU ROW("YE8QE7GMG9794PDX", "OnDemand", "LCU-Hrs", "0.0080000000", \
                    "Load Balancer-Application", "EU-LCUUsage", "eu-west-1")
#define CLB_HOURS ROW("PMVAP4E245MPBY22", "OnDemand", "Hrs", "0.0280000000", "Load Balancer", \
                      "EU-LoadBalancerUsage", "eu-west-1")

static const char elb_file[] = META("AWSELB") ELB_HEADER ALB_HOURS ALB_LCU CLB_HOURS;

Test(price_ingest, header_names_map_to_json_keys)
{
    static const char *const pairs[][2] = {
        {"Instance Type", "instanceType"},     {"Operating System", "operatingSystem"},
        {"Pre Installed S/W", "preInstalledSw"}, {"CapacityStatus", "capacitystatus"},
        {"usageType", "usagetype"},            {"Product Family", "productFamily"},
        {"Volume API Name", "volumeApiName"},  {"serviceCode", "servicecode"},
        {"Max IOPS/volume", "maxIopsvolume"},  {"Instance Capacity - 10xlarge", "instanceCapacity10xlarge"},
        {"Intel AVX2 Available", "intelAvx2Available"}, {"vCPU", "vcpu"},
        {"Dedicated EBS Throughput", "dedicatedEbsThroughput"}, {"Region Code", "regionCode"},
        {"AvailabilityZone", "availabilityzone"}, {"Database Engine", "databaseEngine"},
        {"Deployment Option", "deploymentOption"}, {"Storage Class", "storageClass"},
        {"Cache Engine", "cacheEngine"},       {"Group Description", "groupDescription"},
        {"From Region Code", "fromRegionCode"}, {"Normalization Size Factor", "normalizationSizeFactor"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char key[64];
        price_attr_key(pairs[i][0], strlen(pairs[i][0]), key, sizeof key);
        cr_assert_str_eq(key, pairs[i][1], "header \"%s\"", pairs[i][0]);
    }
    cr_assert_eq(price_col_role("TermType", 8), COL_TERM_TYPE);
    cr_assert_eq(price_col_role("termtype", 8), COL_TERM_TYPE, "roles ignore case");
    cr_assert_eq(price_col_role("Tenancy", 7), -1);
}

Test(price_ingest, reads_metadata_and_keeps_on_demand_rows)
{
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    cir_err err;
    cr_assert_eq(import_text(c, elb_file, 4096, &st, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(st.service, "AWSELB");
    cr_assert_str_eq(st.region, "eu-west-1");
    cr_assert_str_eq(st.version, "20230223000000");
    cr_assert_str_eq(st.publication_date, "2023-02-23T00:00:00Z");
    cr_assert_eq(st.rows_seen, 3);
    cr_assert_eq(st.rows_kept, 3);
    cr_assert_eq(st.rows_bad, 0);
    price_offer_info *offers;
    size_t n;
    cr_assert_eq(price_cache_offers(c, &offers, &n, &err), CIR_OK);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(offers[0].source, "test");
    cr_assert_eq(offers[0].rows_kept, 3);
    cr_assert_neq(offers[0].fetched_at[0], '\0');
    free(offers);
    price_cache_close(c);
}

Test(price_ingest, reserved_other_currency_and_other_places_are_dropped)
{
    static const char csv[] =
        META("AWSELB") ELB_HEADER ALB_HOURS
        ROW("T29JAP5UEZ7HXAM7", "Reserved", "Hrs", "0.0200000000", "Load Balancer-Application",
            "EU-LoadBalancerUsage", "eu-west-1")
        ROW("ZEBJ6Q6SEUWPQG9R", "OnDemand", "Hrs", "0.0252000000", "Load Balancer-Network",
            "EU-LoadBalancerUsage", "eu-west-2")
        "\"X2ZVYJYXHU7M3G46\",\"JRTCKXETXF\",\"X\",\"OnDemand\",,,\"0\",\"Inf\",\"Hrs\","
        "\"0.0252000000\",\"CNY\",,,,,\"Load Balancer-Application\",\"AWSELB\",\"EU (Ireland)\","
        "\"AWS Region\",\"ELB:Balancing\",\"EU-Outposts-LoadBalancerUsage\",\"eu-west-1\"\n"
        "\"ERNYNT4W2KCCUT7D\",\"JRTCKXETXF\",\"X\",\"OnDemand\",,,\"0\",\"Inf\",\"LCU-Hrs\","
        "\"0.0000000000\",\"USD\",,,,,\"Load Balancer-Application\",\"AWSELB\",\"EU (Ireland)\","
        "\"AWS Outposts\",\"ELB:Balancing\",\"EU-Outposts-LCUUsage\",\"eu-west-1\"\n";
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    cir_err err;
    cr_assert_eq(import_text(c, csv, 64, &st, &err), CIR_OK, "%s", err.msg);
    cr_assert_eq(st.rows_seen, 5);
    cr_assert_eq(st.rows_kept, 1, "only the eu-west-1 regional USD on-demand row");
    cr_assert_eq(st.rows_bad, 0);
    price_cache_close(c);
}

Test(price_ingest, real_2025_global_sample_keeps_one_region)
{
    /* 44 rows: 30 Reserved, 14 OnDemand across regions (one Local Zone). */
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    import_fixture(c, "pricing-AmazonEC2-global-2025-sample.csv", &st);
    cr_assert_eq(st.rows_seen, 44);
    cr_assert_eq(st.rows_kept, 1);
    cr_assert_str_eq(st.region, "ap-northeast-1");
    cr_assert_str_eq(st.version, "20250912225308");
    price_cache_close(c);
}

Test(price_ingest, old_files_without_region_code_use_the_location_name)
{
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    import_fixture(c, "pricing-AmazonEC2-eu-west-3-2020.csv", &st);
    cr_assert_str_eq(st.service, "AmazonEC2");
    cr_assert_str_eq(st.region, "eu-west-3");
    cr_assert_eq(st.rows_kept, 5);
    /* Every usagetype there starts EUW3-: that is learned as the prefix. */
    price_offer_row row;
    bool found;
    cir_err err;
    cr_assert_eq(price_cache_offer(c, "AmazonEC2", "eu-west-3", &row, &found, &err), CIR_OK);
    cr_assert(found);
    cr_assert_str_eq(row.usage_prefix, "EUW3");
    free(row.columns);
    price_cache_close(c);
}

Test(price_ingest, chunking_does_not_change_the_result)
{
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    cir_err err;
    for (size_t chunk = 1; chunk < 40; chunk += 7) {
        cr_assert_eq(import_text(c, elb_file, chunk, &st, &err), CIR_OK, "%s", err.msg);
        cr_assert_eq(st.rows_kept, 3, "chunk %zu", chunk);
        cr_assert_str_eq(st.region, "eu-west-1");
    }
    price_cache_close(c);
}

Test(price_ingest, missing_required_columns_are_named)
{
    static const char csv[] = META("AWSELB")
        "\"SKU\",\"OfferTermCode\",\"Unit\",\"Currency\",\"Product Family\",\"Region Code\"\n"
        "\"T29JAP5UEZ7HXAM7\",\"JRTCKXETXF\",\"Hrs\",\"USD\",\"Load Balancer\",\"eu-west-1\"\n";
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    cir_err err;
    cr_assert_eq(import_text(c, csv, 4096, &st, &err), CIR_EPARSE);
    cr_assert(strstr(err.msg, "missing required column(s) TermType, PricePerUnit"), "%s", err.msg);
    price_cache_close(c);
}

Test(price_ingest, savings_plan_csv_is_not_an_on_demand_list)
{
    price_cache *c = fresh_cache();
    cir_err err;
    price_ingest_stats st;
    cr_assert_eq(price_import_file(c, "fixtures/external/data/aws-prices/ec2-priceit/5-ap-east-2-savingsplan-pricing.csv",
                                   &st, &err), CIR_EPARSE);
    cr_assert(strstr(err.msg, "TermType"), "%s", err.msg);
    price_cache_close(c);
}

Test(price_ingest, non_csv_inputs_get_precise_errors)
{
    static const struct {
        const char *body;
        size_t len;
        const char *says;
    } cases[] = {
        {"{\"formatVersion\": \"v1.0\", \"offers\": {}}", 0, "JSON"},
        {"<html><body>Access Denied</body></html>", 0, "HTML"},
        {"\x1f\x8b\x08\x00\x00\x00", 6, "gzip"},
        {"PK\x03\x04rest", 8, "zip"},
        {"ab\0cd,ef,gh\n", 12, "binary"},
        {"", 0, "empty file"},
        {"just some text\nwithout commas\n", 0, "not an AWS price list CSV"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        price_cache *c = fresh_cache();
        price_ingest_meta m = {.source = "test"};
        price_ingest *in;
        cir_err err;
        cir_err_clear(&err);
        cr_assert_eq(price_ingest_begin(c, &m, &in, &err), CIR_OK);
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].body);
        cir_code rc = len ? price_ingest_feed(in, cases[i].body, len, &err) : CIR_OK;
        if (rc == CIR_OK) {
            rc = price_ingest_commit(in, NULL, &err);
        } else {
            price_ingest_abort(in);
        }
        cr_assert_neq(rc, CIR_OK, "case %zu accepted", i);
        cr_assert(strstr(err.msg, cases[i].says), "case %zu: %s", i, err.msg);
        price_cache_close(c);
    }
}

Test(price_ingest, a_few_bad_rows_are_skipped_and_counted)
{
    static const char csv[] = META("AWSELB") ELB_HEADER ALB_HOURS ALB_LCU CLB_HOURS
        "\"SHORTROW\",\"JRTCKXETXF\",\"x\",\"OnDemand\",\"too\",\"few\"\n"
        ROW("BADPRICE", "OnDemand", "Hrs", "zero point one", "Load Balancer", "EU-LoadBalancerUsage",
            "eu-west-1");
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    cir_err err;
    cr_assert_eq(import_text(c, csv, 100, &st, &err), CIR_OK, "%s", err.msg);
    cr_assert_eq(st.rows_kept, 3);
    cr_assert_eq(st.rows_bad, 2);
    cr_assert_eq(st.rows_seen, 5);
    price_cache_close(c);
}

Test(price_ingest, bad_rows_that_dominate_fail_and_keep_old_prices)
{
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    cir_err err;
    cr_assert_eq(import_text(c, elb_file, 4096, &st, &err), CIR_OK, "%s", err.msg);
    static const char bad[] = META("AWSELB") ELB_HEADER ALB_HOURS
        "\"A\",\"B\",\"C\",\"OnDemand\"\n\"D\",\"E\",\"F\",\"OnDemand\",\"G\"\n";
    cr_assert_eq(import_text(c, bad, 4096, &st, &err), CIR_EPARSE);
    cr_assert(strstr(err.msg, "malformed"), "%s", err.msg);
    price_offer_info *offers;
    size_t n;
    cr_assert_eq(price_cache_offers(c, &offers, &n, &err), CIR_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(offers[0].rows_kept, 3, "the earlier import is intact");
    free(offers);
    price_cache_close(c);
}

Test(price_ingest, a_flood_of_bad_rows_stops_early)
{
    price_cache *c = fresh_cache();
    price_ingest_meta m = {.source = "test"};
    price_ingest *in;
    cir_err err;
    cr_assert_eq(price_ingest_begin(c, &m, &in, &err), CIR_OK);
    static const char head[] = META("AWSELB") ELB_HEADER;
    cr_assert_eq(price_ingest_feed(in, head, strlen(head), &err), CIR_OK);
    /* 1000 malformed rows per feed; bad rows are judged on the worker
     * thread a batch behind, so "early" means within a few MiB. */
    static const char junk[] = "\"X\",\"Y\",\"Z\",\"OnDemand\",\"short\"\n";
    size_t n = strlen(junk);
    char *chunk = malloc(1000 * n);
    for (int k = 0; k < 1000; k++)
        memcpy(chunk + k * n, junk, n);
    cir_code rc = CIR_OK;
    int i;
    for (i = 0; i < 2000 && rc == CIR_OK; i++)
        rc = price_ingest_feed(in, chunk, 1000 * n, &err);
    free(chunk);
    cr_assert_eq(rc, CIR_EPARSE);
    cr_assert(i < 400, "stopped after %d MB", i * (int)n / 1000);
    cr_assert(strstr(err.msg, "giving up"), "%s", err.msg);
    price_ingest_abort(in);
    price_cache_close(c);
}

Test(price_ingest, expected_service_must_match)
{
    price_cache *c = fresh_cache();
    price_ingest_meta m = {.source = "aws", .expect_service = "AmazonEC2"};
    price_ingest *in;
    cir_err err;
    cr_assert_eq(price_ingest_begin(c, &m, &in, &err), CIR_OK);
    cir_code rc = price_ingest_feed(in, elb_file, strlen(elb_file), &err);
    if (rc == CIR_OK)
        rc = price_ingest_commit(in, NULL, &err);
    else
        price_ingest_abort(in);
    cr_assert_eq(rc, CIR_EINPUT);
    cr_assert(strstr(err.msg, "AWSELB price list, expected AmazonEC2"), "%s", err.msg);
    price_cache_close(c);
}

Test(price_ingest, expected_region_selects_rows)
{
    price_cache *c = fresh_cache();
    price_ingest_meta m = {.source = "aws", .expect_region = "eu-west-2"};
    price_ingest *in;
    cir_err err;
    cr_assert_eq(price_ingest_begin(c, &m, &in, &err), CIR_OK);
    cr_assert_eq(price_ingest_feed(in, elb_file, strlen(elb_file), &err), CIR_OK);
    cr_assert_eq(price_ingest_commit(in, NULL, &err), CIR_EINPUT);
    cr_assert(strstr(err.msg, "no prices for region eu-west-2"), "%s", err.msg);
    price_cache_close(c);
}

Test(price_ingest, global_offers_are_stored_under_global)
{
    /* Route 53 prices one hosted zone for all regions: location "Global".
     * $0.50 per zone-month is the list price (reference-prices.md, G
     * route53_zone_test); the SKU is a test label. */
    static const char csv[] = META("AmazonRoute53")
        "\"SKU\",\"OfferTermCode\",\"RateCode\",\"TermType\",\"PriceDescription\",\"StartingRange\","
        "\"EndingRange\",\"Unit\",\"PricePerUnit\",\"Currency\",\"Product Family\",\"serviceCode\","
        "\"Location\",\"Location Type\",\"Group\",\"usageType\"\n"
        "\"TESTZONE0000001\",\"JRTCKXETXF\",\"TESTZONE0000001.JRTCKXETXF.6YS6EN2CT7\",\"OnDemand\","
        "\"$0.50 per Hosted Zone for the first 25 Hosted Zones\",\"0\",\"25\",\"HostedZone\","
        "\"0.5000000000\",\"USD\",\"DNS Zone\",\"AmazonRoute53\",\"Global\",\"AWS Region\","
        "\"Route53-HostedZone\",\"HostedZone\"\n";
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    cir_err err;
    cr_assert_eq(import_text(c, csv, 4096, &st, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(st.region, "global");
    /* A regional query finds the global list. */
    price_filter f[] = {{"usagetype", "HostedZone", PRICE_USAGETYPE}};
    price_match m;
    cr_assert_eq(lookup1(c, "AmazonRoute53", "us-east-1", "DNS Zone", f, 1, &m, &err), CIR_OK,
                 "%s", err.msg);
    cr_assert_str_eq(m.usd, "0.5000000000");
    cr_assert_str_eq(m.region, "global");
    price_cache_close(c);
}

Test(price_ingest, abort_leaves_the_previous_prices)
{
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    cir_err err;
    cr_assert_eq(import_text(c, elb_file, 4096, &st, &err), CIR_OK, "%s", err.msg);
    price_ingest_meta m = {.source = "second"};
    price_ingest *in;
    cr_assert_eq(price_ingest_begin(c, &m, &in, &err), CIR_OK);
    static const char one[] = META("AWSELB") ELB_HEADER CLB_HOURS;
    cr_assert_eq(price_ingest_feed(in, one, strlen(one), &err), CIR_OK);
    price_ingest_abort(in);
    price_offer_info *offers;
    size_t n;
    cr_assert_eq(price_cache_offers(c, &offers, &n, &err), CIR_OK);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(offers[0].source, "test");
    cr_assert_eq(offers[0].rows_kept, 3);
    free(offers);
    price_filter f[] = {{"usagetype", "LCUUsage", PRICE_USAGETYPE}};
    price_match pm;
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", "Load Balancer-Application", f, 1, &pm, &err),
                 CIR_OK, "%s", err.msg);
    price_cache_close(c);
}

Test(price_ingest, a_process_killed_mid_import_leaves_the_previous_prices)
{
    const char *dir = tmp_dir();
    char *path = tmp_path(dir, "pricing.db");
    price_cache *c = open_cache_at(path);
    price_ingest_stats st;
    cir_err err;
    cr_assert_eq(import_text(c, elb_file, 4096, &st, &err), CIR_OK, "%s", err.msg);
    price_cache_close(c);
    pid_t pid = fork();
    cr_assert_neq(pid, -1);
    if (pid == 0) {
        price_cache *cc = open_cache_at(path);
        price_ingest_meta m = {.source = "doomed"};
        price_ingest *in;
        if (price_ingest_begin(cc, &m, &in, &err) != CIR_OK)
            _exit(3);
        static const char one[] = META("AWSELB") ELB_HEADER CLB_HOURS;
        if (price_ingest_feed(in, one, strlen(one), &err) != CIR_OK)
            _exit(4);
        _exit(0); /* dies with the transaction open, as a Ctrl-C would */
    }
    int status;
    waitpid(pid, &status, 0);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    c = open_cache_at(path);
    price_offer_info *offers;
    size_t n;
    cr_assert_eq(price_cache_offers(c, &offers, &n, &err), CIR_OK);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(offers[0].source, "test");
    cr_assert_eq(offers[0].rows_kept, 3);
    free(offers);
    /* And the cache is writable again: the dead writer's lock is gone. */
    cr_assert_eq(import_text(c, elb_file, 4096, &st, &err), CIR_OK, "%s", err.msg);
    price_cache_close(c);
    free(path);
}

Test(price_ingest, reimport_replaces_and_touch_and_etag_work)
{
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    cir_err err;
    price_ingest_meta m = {.source = "aws", .etag = "\"abc123\"", .last_modified = "Fri, 12 Sep 2025 22:53:08 GMT"};
    price_ingest *in;
    cr_assert_eq(price_ingest_begin(c, &m, &in, &err), CIR_OK);
    cr_assert_eq(price_ingest_feed(in, elb_file, strlen(elb_file), &err), CIR_OK);
    cr_assert_eq(price_ingest_commit(in, &st, &err), CIR_OK, "%s", err.msg);
    const char *etag = price_cache_etag(c, "AWSELB", "eu-west-1");
    cr_assert_not_null(etag);
    cr_assert_str_eq(etag, "\"abc123\"");
    cr_assert_null(price_cache_etag(c, "AWSELB", "us-east-1"));
    cr_assert_eq(price_cache_touch(c, "AWSELB", "eu-west-1", &err), CIR_OK, "%s", err.msg);
    cr_assert_eq(price_cache_touch(c, "AWSELB", "us-east-1", &err), CIR_ECACHE);
    static const char one[] = META("AWSELB") ELB_HEADER CLB_HOURS;
    cr_assert_eq(import_text(c, one, 4096, &st, &err), CIR_OK, "%s", err.msg);
    price_offer_info *offers;
    size_t n;
    cr_assert_eq(price_cache_offers(c, &offers, &n, &err), CIR_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(offers[0].rows_kept, 1);
    cr_assert_str_eq(offers[0].etag, "", "a new import replaces the metadata too");
    free(offers);
    price_cache_close(c);
}

Test(price_ingest, import_file_errors_name_the_file)
{
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    cir_err err;
    cr_assert_eq(price_import_file(c, "fixtures/prices/no-such-file.csv", &st, &err), CIR_EIO);
    cr_assert_str_eq(err.topic, "fixtures/prices/no-such-file.csv");
    cr_assert_eq(price_import_file(c, "fixtures/prices", &st, &err), CIR_EIO);
    cr_assert(strstr(err.msg, "directory"), "%s", err.msg);
    price_cache_close(c);
}
