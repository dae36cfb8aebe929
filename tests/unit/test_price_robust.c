/*
 * test_price_robust.c — the price cache when other things happen to it:
 * an import that commits while a report is being priced (one report reads
 * one state of the cache), a snapshot load in between, a price group our
 * decoder cannot read, price text that is not UTF-8, and a cache that
 * cannot be created for a command that only reads.
 */
#include "price_test_util.h"

#include "src/core/utf8.h"

#include <sqlite3.h>
#include <sys/stat.h>

#define HEADER                                                                                \
    "\"SKU\",\"OfferTermCode\",\"RateCode\",\"TermType\",\"PriceDescription\",\"Unit\","         \
    "\"PricePerUnit\",\"Currency\",\"Product Family\",\"Location\",\"Location Type\","          \
    "\"usageType\",\"Region Code\"\n"
#define ROW(sku, usd, family, usage, desc)                                                   \
    "\"" sku "\",\"JRTCKXETXF\",\"" sku ".JRTCKXETXF.6YS6EN2CT7\",\"OnDemand\",\"" desc "\","    \
    "\"Hrs\",\"" usd "\",\"USD\",\"" family "\",\"EU (Ireland)\",\"AWS Region\",\"" usage "\","  \
    "\"eu-west-1\"\n"
#define ELB(version, alb, nlb)                                                               \
    "\"FormatVersion\",\"v1.0\"\n\"Publication Date\",\"2023-02-23T00:00:00Z\"\n"              \
    "\"Version\",\"" version "\"\n\"OfferCode\",\"AWSELB\"\n" HEADER                           \
    ROW("ALBSKU", alb, "Load Balancer-Application", "EU-LoadBalancerUsage", "ALB hour")      \
    ROW("NLBSKU", nlb, "Load Balancer-Network", "EU-LoadBalancerUsage", "NLB hour")

static const char elb_v1[] = ELB("v1", "0.0252000000", "0.0252000000");
static const char elb_v2[] = ELB("v2", "0.0300000000", "0.0300000000");

static price_cache *open_at(const char *path)
{
    cir_warn_quiet(1);
    price_open_opts o = {.path = path, .no_snapshot = true};
    price_cache *c = NULL;
    cir_err err;
    cr_assert_eq(price_cache_open(&o, &c, &err), CIR_OK, "%s", err.msg);
    return c;
}

static void import_or_fail(price_cache *c, const char *csv)
{
    price_ingest_stats st;
    cir_err err;
    cr_assert_eq(import_text(c, csv, 4096, &st, &err), CIR_OK, "%s", err.msg);
}

static cir_code family_price(price_cache *c, const char *family, price_match *m, cir_err *err)
{
    price_filter f[] = {{"usagetype", "LoadBalancerUsage", PRICE_USAGETYPE}};
    return lookup1(c, "AWSELB", "eu-west-1", family, f, 1, m, err);
}

Test(price_robust, a_report_reads_one_state_of_the_cache)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache *writer = open_at(path);
    import_or_fail(writer, elb_v1);
    price_cache *report = open_at(path);
    price_match m;
    cir_err err;
    cr_assert_eq(family_price(report, "Load Balancer-Application", &m, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.usd, "0.0252000000");
    /* An import commits in the middle of the report... */
    import_or_fail(writer, elb_v2);
    /* ...and the report's next price still comes from the list it started with. */
    cr_assert_eq(family_price(report, "Load Balancer-Network", &m, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.usd, "0.0252000000", "a v2 price in a v1 report");
    cr_assert_str_eq(m.version, "v1");
    const price_offer_info *used;
    cr_assert_eq(price_cache_used(report, &used), 1);
    cr_assert_str_eq(used[0].version, "v1", "the footnote names the version the prices came from");
    price_cache_close(report);
    /* The next run sees the new list. */
    report = open_at(path);
    cr_assert_eq(family_price(report, "Load Balancer-Network", &m, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.usd, "0.0300000000");
    price_cache_close(report);
    price_cache_close(writer);
    free(path);
}

/* A snapshot with AmazonEC2 for eu-west-1 only (one row is enough). */
static const char ec2_snapshot[] =
    "\"FormatVersion\",\"v1.0\"\n\"Version\",\"snap\"\n\"OfferCode\",\"AmazonEC2\"\n" HEADER
    ROW("EC2SKU", "0.0100000000", "Compute Instance", "EU-BoxUsage:t3.micro", "t3.micro hour");

/* An embedded eu-west-1 list holding `csv`, gzipped on first use. */
typedef struct test_snapshot {
    price_snapshot_file f;
    char name[64];
    unsigned char gz[4096];
} test_snapshot;

static const price_snapshot_file *snapshot_of(test_snapshot *s, const char *service, const char *csv)
{
    if (!s->f.gz_len) {
        snprintf(s->name, sizeof s->name, "%s-eu-west-1.csv", service);
        s->f = (price_snapshot_file){.name = s->name, .service = service, .region = "eu-west-1",
                                     .version = "snap", .gz = s->gz, .len = strlen(csv)};
        s->f.gz_len = gzip_text(csv, strlen(csv), s->gz, sizeof s->gz);
    }
    return &s->f;
}

static bool is_list(const char *service, const char *region, const char *want)
{
    return strcmp(service, want) == 0 && strcmp(region, "eu-west-1") == 0;
}

static const price_snapshot_file *ec2_only(const char *service, const char *region)
{
    static test_snapshot s;
    return is_list(service, region, "AmazonEC2") ? snapshot_of(&s, "AmazonEC2", ec2_snapshot) : NULL;
}

/* Two snapshot lists for eu-west-1: EC2 and VPC, loaded one after the other. */
static const char vpc_snapshot[] =
    "\"FormatVersion\",\"v1.0\"\n\"Version\",\"snap\"\n\"OfferCode\",\"AmazonVPC\"\n" HEADER
    ROW("VPCSKU", "0.0480000000", "NAT Gateway", "EU-NatGateway-Hours", "NAT gateway hour");

static const price_snapshot_file *ec2_and_vpc(const char *service, const char *region)
{
    static test_snapshot s;
    if (is_list(service, region, "AmazonVPC"))
        return snapshot_of(&s, "AmazonVPC", vpc_snapshot);
    return ec2_only(service, region);
}

Test(price_robust, a_snapshot_load_mid_run_never_mixes_versions)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache *writer = open_at(path);
    import_or_fail(writer, elb_v1);
    cir_warn_quiet(1);
    price_open_opts o = {.path = path};
    price_cache *report;
    cir_err err;
    cr_assert_eq(price_cache_open(&o, &report, &err), CIR_OK, "%s", err.msg);
    price_cache_set_snapshot_finder(report, ec2_only);
    price_match m;
    cr_assert_eq(family_price(report, "Load Balancer-Application", &m, &err), CIR_OK, "%s", err.msg);
    import_or_fail(writer, elb_v2);
    /* EC2 is not in the cache: loading it from the snapshot needs a write,
     * so the read restarts, and would now see ELB v2.  The run must fail
     * rather than price the rest of the report on v2. */
    price_filter f[] = {{"usagetype", "BoxUsage:t3.micro", PRICE_USAGETYPE}};
    cir_code rc = lookup1(report, "AmazonEC2", "eu-west-1", NULL, f, 1, &m, &err);
    cr_assert_eq(rc, CIR_ECACHE, "got %d: %s", rc, err.msg);
    cr_assert(strstr(err.msg, "AWSELB eu-west-1 prices changed while this report was being made"),
              "%s", err.msg);
    price_cache_close(report);
    /* Without a concurrent import the same load is seamless. */
    cr_assert_eq(price_cache_open(&o, &report, &err), CIR_OK);
    price_cache_set_snapshot_finder(report, ec2_only);
    cr_assert_eq(family_price(report, "Load Balancer-Application", &m, &err), CIR_OK);
    cr_assert_eq(lookup1(report, "AmazonEC2", "eu-west-1", NULL, f, 1, &m, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.source, "snapshot");
    cr_assert_eq(family_price(report, "Load Balancer-Network", &m, &err), CIR_OK);
    cr_assert_str_eq(m.version, "v2");
    price_cache_close(report);
    price_cache_close(writer);
    free(path);
}

Test(price_robust, a_group_that_does_not_decode_says_corrupt_not_no_error)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache *c = open_at(path);
    import_or_fail(c, elb_v1);
    price_cache_close(c);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "UPDATE p_1 SET data = x'0002ffffffff'", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    c = open_at(path);
    price_match m;
    cir_err err;
    cr_assert_eq(family_price(c, "Load Balancer-Application", &m, &err), CIR_ECACHE);
    cr_assert_null(strstr(err.msg, "not an error"), "%s", err.msg);
    cr_assert(strstr(err.msg, "the price cache is corrupt (a price group does not decode)"), "%s",
              err.msg);
    cr_assert(strstr(err.msg, "delete it and run"), "%s", err.msg);
    price_cache_close(c);
    free(path);
}

Test(price_robust, price_text_must_be_utf8)
{
    price_cache *c = fresh_cache();
    price_ingest_stats st;
    cir_err err;
    static const char latin1[] = "\"FormatVersion\",\"v1.0\"\n\"Version\",\"v1\"\n\"OfferCode\",\"AWSELB\"\n"
        HEADER ROW("ALBSKU", "0.0252000000", "Load Balancer-Application", "EU-LoadBalancerUsage",
                   "ALB hour")
        ROW("NLBSKU", "0.0252000000", "Load Balancer-Network", "EU-LoadBalancerUsage", "NLB \xe9t\xe9");
    cr_assert_eq(import_text(c, latin1, 7, &st, &err), CIR_OK, "%s", err.msg);
    cr_assert_eq(st.rows_kept, 1);
    cr_assert_eq(st.rows_bad, 1, "the Latin-1 row is a bad row");
    static const char bad_header[] = "\"Version\",\"v\xff\"\n" HEADER;
    cr_assert_eq(import_text(c, bad_header, 4096, &st, &err), CIR_EPARSE);
    cr_assert(strstr(err.msg, "not a UTF-8 text file (record 1"), "%s", err.msg);
    cr_assert(utf8_valid(err.msg, strlen(err.msg), NULL));
    price_cache_close(c);
}

Test(price_robust, a_reading_command_without_a_place_gets_a_temporary_cache)
{
    const char *tmp = tmp_dir();
    setenv("TMPDIR", tmp, 1);
    cir_warn_quiet(1);
    price_open_opts o = {.path = "/proc/circuit-test/pricing.db", .reading = true, .temp_fallback = true};
    price_cache *c;
    cir_err err;
    cr_assert_eq(price_cache_open(&o, &c, &err), CIR_OK, "%s", err.msg);
    const char *path = price_cache_path(c);
    cr_assert_eq(strncmp(path, tmp, strlen(tmp)), 0, "%s is not under TMPDIR", path);
    price_match m;
    price_filter f[] = {{"usagetype", "LoadBalancerUsage", PRICE_USAGETYPE}};
    cr_assert_eq(lookup1(c, "AWSELB", "us-east-1", "Load Balancer-Application", f, 1, &m, &err), CIR_OK,
                 "filled from the bundled snapshot: %s", err.msg);
    char *dir = strdup(path);
    *strrchr(dir, '/') = '\0';
    price_cache_close(c);
    struct stat st;
    cr_assert_neq(stat(dir, &st), 0, "the temporary cache outlived the run");
    free(dir);
    /* No HOME or setting at all: the same. */
    unsetenv("CIRCUIT_CACHE");
    unsetenv("XDG_CACHE_HOME");
    unsetenv("HOME");
    price_open_opts none = {.reading = true, .temp_fallback = true};
    cr_assert_eq(price_cache_open(&none, &c, &err), CIR_OK, "%s", err.msg);
    price_cache_close(c);
    /* A command that writes is told why it cannot. */
    price_open_opts writing = {.path = "/proc/circuit-test/pricing.db"};
    cr_assert_eq(price_cache_open(&writing, &c, &err), CIR_ECACHE);
    cr_assert(strstr(err.msg, "cannot create"), "%s", err.msg);
}

Test(price_robust, a_commit_after_a_seamless_snapshot_load_is_still_caught)
{
    /* Loads by the report's own handle skip the pins check (nothing else
     * committed); a commit by another process after one must not be
     * skipped at the next load. */
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache *writer = open_at(path);
    import_or_fail(writer, elb_v1);
    price_open_opts o = {.path = path};
    price_cache *report;
    cir_err err;
    cr_assert_eq(price_cache_open(&o, &report, &err), CIR_OK, "%s", err.msg);
    price_cache_set_snapshot_finder(report, ec2_and_vpc);
    price_match m;
    cr_assert_eq(family_price(report, "Load Balancer-Application", &m, &err), CIR_OK, "%s", err.msg);
    price_filter ec2[] = {{"usagetype", "BoxUsage:t3.micro", PRICE_USAGETYPE}};
    cr_assert_eq(lookup1(report, "AmazonEC2", "eu-west-1", NULL, ec2, 1, &m, &err), CIR_OK, "%s", err.msg);
    import_or_fail(writer, elb_v2);
    price_filter nat[] = {{"usagetype", "NatGateway-Hours", PRICE_USAGETYPE}};
    cir_code rc = lookup1(report, "AmazonVPC", "eu-west-1", NULL, nat, 1, &m, &err);
    cr_assert_eq(rc, CIR_ECACHE, "got %d: %s", rc, err.msg);
    cr_assert(strstr(err.msg, "AWSELB eu-west-1 prices changed"), "%s", err.msg);
    price_cache_close(report);
    price_cache_close(writer);
    free(path);
}

/* The EC2 list of a later circuit's snapshot: the same Version row and the
 * same length as ec2_snapshot, one price changed. */
static const char ec2_snapshot_next[] =
    "\"FormatVersion\",\"v1.0\"\n\"Version\",\"snap\"\n\"OfferCode\",\"AmazonEC2\"\n" HEADER
    ROW("EC2SKU", "0.0200000000", "Compute Instance", "EU-BoxUsage:t3.micro", "t3.micro hour");

static const price_snapshot_file *ec2_next(const char *service, const char *region)
{
    static test_snapshot s;
    return is_list(service, region, "AmazonEC2") ? snapshot_of(&s, "AmazonEC2", ec2_snapshot_next) : NULL;
}

static cir_code t3_micro(price_cache *c, price_match *m, cir_err *err)
{
    price_filter f[] = {{"usagetype", "BoxUsage:t3.micro", PRICE_USAGETYPE}};
    return lookup1(c, "AmazonEC2", "eu-west-1", NULL, f, 1, m, err);
}

static price_cache *open_with_snapshot(const char *path, price_snapshot_find_fn finder)
{
    price_open_opts o = {.path = path};
    price_cache *c;
    cir_err err;
    cr_assert_eq(price_cache_open(&o, &c, &err), CIR_OK, "%s", err.msg);
    price_cache_set_snapshot_finder(c, finder);
    return c;
}

Test(price_robust, a_list_an_older_snapshot_loaded_is_replaced_by_this_one)
{
    /* The cache outlives the binary: after an upgrade, what the old
     * snapshot loaded must not keep serving its prices. */
    cir_warn_quiet(1);
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache *old = open_with_snapshot(path, ec2_only);
    price_match m;
    cir_err err;
    cr_assert_eq(t3_micro(old, &m, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.usd, "0.0100000000");
    price_cache_close(old);
    price_cache *upgraded = open_with_snapshot(path, ec2_next);
    cr_assert_eq(t3_micro(upgraded, &m, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.usd, "0.0200000000", "the old snapshot's price served after an upgrade");
    cr_assert_str_eq(m.source, "snapshot");
    price_cache_close(upgraded);
    free(path);
}

Test(price_robust, an_imported_list_is_never_replaced_by_the_snapshot)
{
    cir_warn_quiet(1);
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache *writer = open_at(path);
    import_or_fail(writer, ec2_snapshot);
    price_cache_close(writer);
    price_cache *c = open_with_snapshot(path, ec2_next);
    price_match m;
    cir_err err;
    cr_assert_eq(t3_micro(c, &m, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.usd, "0.0100000000", "the user's import replaced by the snapshot");
    cr_assert_str_neq(m.source, "snapshot");
    price_cache_close(c);
    free(path);
}

Test(price_robust, a_list_a_run_has_read_is_not_replaced_within_the_run)
{
    cir_warn_quiet(1);
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache *c = open_with_snapshot(path, ec2_only);
    price_match m;
    cir_err err;
    cr_assert_eq(t3_micro(c, &m, &err), CIR_OK, "%s", err.msg);
    /* The embedded snapshot cannot change under a running binary; a finder
     * swap stands in for it to show a read list stays as read. */
    price_cache_set_snapshot_finder(c, ec2_next);
    price_filter f[] = {{"usagetype", "BoxUsage:t3.micro", PRICE_USAGETYPE},
                        {"sku", "EC2SKU", PRICE_EXACT}};
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", NULL, f, 2, &m, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(m.usd, "0.0100000000", "two prices of one list within one run");
    price_cache_close(c);
    free(path);
}
