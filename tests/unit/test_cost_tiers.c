/*
 * test_cost_tiers.c — tiered prices billed in AWS's order (CF_TIERED): each
 * tier's quantity and price from the rows' StartingRange/EndingRange, the
 * plain name within the first tier, "not priced" beyond the last tier the
 * cache holds, and the figures of issue 10 (Lambda duration at 9.216
 * billion GB-seconds, VPC endpoint data at 7,000,000 GB).
 */
#include "cost_test_util.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CENTS(x) (money_round(x))

Test(cost_tiers, lambda_duration_crosses_into_the_second_tier)
{
    cost_fixture t = {0};
    cf_setup(&t);
    cf_import(&t, "fixtures/prices/pricing-AWSLambda-us-east-1-tiers.csv");
    /* 100M requests x 1 GB x 92.16 s = 9,216,000,000 GB-seconds */
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_lambda_function", "{\"memory_size\":1024}",
                                   "{\"monthly_requests\":100000000,\"request_duration_ms\":92160}");
    const cost_component *t1 = cf_comp(r, "Duration (first 6,000,000,000 GB-seconds)");
    const cost_component *t2 = cf_comp(r, "Duration (next 9,000,000,000 GB-seconds)");
    cr_expect_float_eq(t1->quantity, 6e9, 1e-3);
    cr_expect_float_eq(t2->quantity, 3.216e9, 1e-3);
    cr_expect_float_eq(CENTS(t1->monthly + t2->monthly), 148240.20, 1e-6, "not 153,600 at the first tier's price");
    cr_expect_eq(r->status, COST_PRICED);
    cf_teardown(&t);
}

Test(cost_tiers, within_the_first_tier_keeps_the_plain_name)
{
    cost_fixture t = {0};
    cf_setup(&t);
    cf_import(&t, "fixtures/prices/pricing-AWSLambda-us-east-1-tiers.csv");
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_lambda_function", "{\"memory_size\":128}",
                                   "{\"monthly_requests\":100000,\"request_duration_ms\":350}");
    cr_expect_float_eq(cf_comp(r, "Duration")->quantity, 4375, 1e-9);
    cf_teardown(&t);
}

Test(cost_tiers, beyond_the_last_tier_held_is_not_priced)
{
    cost_fixture t = {0};
    cf_setup(&t);
    /* only the first tier in the cache: the rest cannot be priced */
    char path[128];
    snprintf(path, sizeof path, "%s/tier1.csv", t.dir);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "grep -v 'Tier2\\|Tier3' fixtures/prices/pricing-AWSLambda-us-east-1-tiers.csv > %s",
             path);
    cr_assert_eq(system(cmd), 0);
    cf_import(&t, path);
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_lambda_function", "{\"memory_size\":1024}",
                                   "{\"monthly_requests\":100000000,\"request_duration_ms\":92160}");
    cr_expect_float_eq(cf_comp(r, "Duration (first 6,000,000,000 GB-seconds)")->quantity, 6e9, 1e-3);
    const cost_component *over = cf_comp(r, "Duration (over 6,000,000,000 GB-seconds)");
    cr_expect(!over->priced);
    cr_expect_not_null(strstr(over->note, "not priced: no price above 6,000,000,000 GB-seconds"), "%s", over->note);
    cr_expect_eq(r->status, COST_NOT_PRICED, "part of the duration has no price");
    cr_expect(r->after_unknown);
    cf_teardown(&t);
}

Test(cost_tiers, vpc_endpoint_data_crosses_three_tiers)
{
    cost_fixture t = {0};
    cf_setup(&t); /* AmazonVPC us-east-1 from the bundled snapshot */
    const cost_resource *r =
        cf_price(&t, "us-east-1", "aws_vpc_endpoint", "{\"vpc_endpoint_type\":\"Interface\",\"subnet_ids\":[\"subnet-1\"]}",
              "{\"monthly_data_processed_gb\":7000000}");
    const cost_component *a = cf_comp(r, "Data processed (first 1,048,576 GB)");
    const cost_component *b = cf_comp(r, "Data processed (next 4,194,304 GB)");
    const cost_component *c = cf_comp(r, "Data processed (over 5,242,880 GB)");
    cr_expect_float_eq(a->quantity, 1048576, 1e-6);
    cr_expect_float_eq(b->quantity, 4194304, 1e-6);
    cr_expect_float_eq(c->quantity, 1757120, 1e-6);
    cr_expect_float_eq(CENTS(a->monthly + b->monthly + c->monthly), 42680.06, 1e-6, "not $70,000 at 0.01/GB");
    cf_teardown(&t);
}

/* The plausibility cap holds across tiers: 1e14 GB-seconds is below the
 * quantity cap but bills over $1,000,000,000 a month at any tier. */
Test(cost_tiers, an_implausible_total_across_tiers_is_not_priced)
{
    cost_fixture t = {0};
    cf_setup(&t);
    cf_import(&t, "fixtures/prices/pricing-AWSLambda-us-east-1-tiers.csv");
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_lambda_function", "{\"memory_size\":1024}",
                                   "{\"monthly_requests\":1000000000000,\"request_duration_ms\":100000}");
    const cost_component *d = cf_comp(r, "Duration");
    cr_expect(!d->priced);
    cr_expect_not_null(strstr(d->note, "not priced: an implausible monthly cost (1e+14 GB-seconds in 3 tiers)"),
                       "%s", d->note);
    cr_expect_eq(r->status, COST_NOT_PRICED);
    cf_teardown(&t);
}
