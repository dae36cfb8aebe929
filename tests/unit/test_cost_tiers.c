/*
 * test_cost_tiers.c — tiered prices billed in AWS's order (CF_TIERED): each
 * tier's quantity and price from the rows' StartingRange/EndingRange, the
 * plain name within the first tier, "not priced" beyond the last tier the
 * cache holds, and the figures of issue 10 (Lambda duration at 9.216
 * billion GB-seconds, VPC endpoint data at 7,000,000 GB).
 */
#include "src/core/sbuf.h"
#include "src/cost/cost.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct tf {
    char dir[64];
    price_cache *cache;
    plan *plan;
    cost_usage *usage;
    cost_report *rep;
} tf;

static void setup(tf *t)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/circuit-tiers-XXXXXX");
    cr_assert_not_null(mkdtemp(t->dir));
    char path[128];
    snprintf(path, sizeof path, "%s/pricing.db", t->dir);
    price_open_opts o = {.path = path};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(price_cache_open(&o, &t->cache, &err), CIR_OK, "cache: %s", err.msg);
}

static void teardown(tf *t)
{
    cost_report_free(t->rep);
    plan_free(t->plan);
    cost_usage_free(t->usage);
    price_cache_close(t->cache);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
    cr_expect_eq(system(cmd), 0);
}

static void import(tf *t, const char *path)
{
    price_ingest_stats st;
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(price_import_file(t->cache, path, &st, &err), CIR_OK, "import: %s", err.msg);
}

/* One resource of `type` created with `after`, priced with `usage` (the
 * usage entry's JSON object) in us-east-1. */
static const cost_resource *price(tf *t, const char *type, const char *after, const char *usage)
{
    char *doc;
    cr_assert_gt(asprintf(&doc,
                          "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"%s.x\",\"mode\":"
                          "\"managed\",\"type\":\"%s\",\"name\":\"x\",\"provider_name\":\"aws\",\"change\":{"
                          "\"actions\":[\"create\"],\"before\":null,\"after\":%s,\"after_unknown\":{}}}]}",
                          type, type, after),
                 0);
    plan_load_opts lo = {.region_flag = "us-east-1", .quiet = true};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(plan_load_buffer("tiers.json", doc, strlen(doc), &lo, &t->plan, &err), CIR_OK, "%s", err.msg);
    free(doc);
    char path[128];
    snprintf(path, sizeof path, "%s/usage.json", t->dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f, "{\"version\":\"0.1\",\"resource_usage\":{\"%s.x\":%s}}", type, usage);
    fclose(f);
    cir_warn_quiet(1);
    cr_assert_eq(cost_usage_load(path, &t->usage, &err), CIR_OK, "%s", err.msg);
    cost_opts co = {.usage = t->usage};
    cr_assert_eq(cost_estimate(&t->plan, 1, t->cache, &co, &t->rep, &err), CIR_OK, "%s", err.msg);
    return &t->rep->resources[0];
}

static const cost_component *comp(const cost_resource *r, const char *name)
{
    for (size_t i = 0; i < r->after.ncomponents; i++)
        if (strcmp(r->after.components[i].name, name) == 0)
            return &r->after.components[i];
    cr_assert_fail("no component \"%s\"", name);
    return NULL;
}

#define CENTS(x) (money_round(x))

Test(cost_tiers, lambda_duration_crosses_into_the_second_tier)
{
    tf t = {0};
    setup(&t);
    import(&t, "fixtures/prices/pricing-AWSLambda-us-east-1-tiers.csv");
    /* 100M requests x 1 GB x 92.16 s = 9,216,000,000 GB-seconds */
    const cost_resource *r = price(&t, "aws_lambda_function", "{\"memory_size\":1024}",
                                   "{\"monthly_requests\":100000000,\"request_duration_ms\":92160}");
    const cost_component *t1 = comp(r, "Duration (first 6,000,000,000 GB-seconds)");
    const cost_component *t2 = comp(r, "Duration (next 9,000,000,000 GB-seconds)");
    cr_expect_float_eq(t1->quantity, 6e9, 1e-3);
    cr_expect_float_eq(t2->quantity, 3.216e9, 1e-3);
    cr_expect_float_eq(CENTS(t1->monthly + t2->monthly), 148240.20, 1e-6, "not 153,600 at the first tier's price");
    cr_expect_eq(r->status, COST_PRICED);
    teardown(&t);
}

Test(cost_tiers, within_the_first_tier_keeps_the_plain_name)
{
    tf t = {0};
    setup(&t);
    import(&t, "fixtures/prices/pricing-AWSLambda-us-east-1-tiers.csv");
    const cost_resource *r = price(&t, "aws_lambda_function", "{\"memory_size\":128}",
                                   "{\"monthly_requests\":100000,\"request_duration_ms\":350}");
    cr_expect_float_eq(comp(r, "Duration")->quantity, 4375, 1e-9);
    teardown(&t);
}

Test(cost_tiers, beyond_the_last_tier_held_is_not_priced)
{
    tf t = {0};
    setup(&t);
    /* only the first tier in the cache: the rest cannot be priced */
    char path[128];
    snprintf(path, sizeof path, "%s/tier1.csv", t.dir);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "grep -v 'Tier2\\|Tier3' fixtures/prices/pricing-AWSLambda-us-east-1-tiers.csv > %s",
             path);
    cr_assert_eq(system(cmd), 0);
    import(&t, path);
    const cost_resource *r = price(&t, "aws_lambda_function", "{\"memory_size\":1024}",
                                   "{\"monthly_requests\":100000000,\"request_duration_ms\":92160}");
    cr_expect_float_eq(comp(r, "Duration (first 6,000,000,000 GB-seconds)")->quantity, 6e9, 1e-3);
    const cost_component *over = comp(r, "Duration (over 6,000,000,000 GB-seconds)");
    cr_expect(!over->priced);
    cr_expect_not_null(strstr(over->note, "not priced: no price above 6,000,000,000 GB-seconds"), "%s", over->note);
    cr_expect_eq(r->status, COST_NOT_PRICED, "part of the duration has no price");
    cr_expect(r->after_unknown);
    teardown(&t);
}

Test(cost_tiers, vpc_endpoint_data_crosses_three_tiers)
{
    tf t = {0};
    setup(&t); /* AmazonVPC us-east-1 from the bundled snapshot */
    const cost_resource *r =
        price(&t, "aws_vpc_endpoint", "{\"vpc_endpoint_type\":\"Interface\",\"subnet_ids\":[\"subnet-1\"]}",
              "{\"monthly_data_processed_gb\":7000000}");
    const cost_component *a = comp(r, "Data processed (first 1,048,576 GB)");
    const cost_component *b = comp(r, "Data processed (next 4,194,304 GB)");
    const cost_component *c = comp(r, "Data processed (over 5,242,880 GB)");
    cr_expect_float_eq(a->quantity, 1048576, 1e-6);
    cr_expect_float_eq(b->quantity, 4194304, 1e-6);
    cr_expect_float_eq(c->quantity, 1757120, 1e-6);
    cr_expect_float_eq(CENTS(a->monthly + b->monthly + c->monthly), 42680.06, 1e-6, "not $70,000 at 0.01/GB");
    teardown(&t);
}

/* The plausibility cap holds across tiers: 1e14 GB-seconds is below the
 * quantity cap but bills over $1,000,000,000 a month at any tier. */
Test(cost_tiers, an_implausible_total_across_tiers_is_not_priced)
{
    tf t = {0};
    setup(&t);
    import(&t, "fixtures/prices/pricing-AWSLambda-us-east-1-tiers.csv");
    const cost_resource *r = price(&t, "aws_lambda_function", "{\"memory_size\":1024}",
                                   "{\"monthly_requests\":1000000000000,\"request_duration_ms\":100000}");
    const cost_component *d = comp(r, "Duration");
    cr_expect(!d->priced);
    cr_expect_not_null(strstr(d->note, "not priced: an implausible monthly cost (1e+14 GB-seconds in 3 tiers)"),
                       "%s", d->note);
    cr_expect_eq(r->status, COST_NOT_PRICED);
    teardown(&t);
}
