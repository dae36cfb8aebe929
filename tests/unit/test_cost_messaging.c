/*
 * test_cost_messaging.c — the messaging, streaming, search and analytics
 * models (SQS, SNS, Kinesis, OpenSearch, Glue) against the bundled snapshot:
 * the rules each applies beyond a plain price x quantity — SNS's first
 * million requests outside AWS's paid tier, 64 KB request chunks, FIFO
 * queues, ".elasticsearch" instance types priced as AWS's ".search" ones,
 * extended retention only above 24 hours, worker DPUs.
 */
#include "cost_test_util.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

Test(cost_messaging, sns_bills_only_requests_above_the_paid_tier_start)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_sns_topic", "{\"name\":\"a\"}",
                                   "{\"monthly_requests\":5000000}");
    const cost_component *c = cf_comp(r, "API requests (over 1,000,000 requests)");
    cr_expect_float_eq(c->quantity, 4e6, 1e-6, "the first million is not in AWS's paid tier");
    cr_expect_float_eq(money_round(c->monthly), 2.00, 1e-9);
    cr_expect_eq(r->status, COST_PRICED);
    cf_teardown(&t);
}

Test(cost_messaging, sns_below_the_paid_tier_costs_nothing_and_is_priced)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_sns_topic", "{\"name\":\"a\"}",
                                   "{\"monthly_requests\":400000}");
    const cost_component *c = cf_comp(r, "API requests (over 1,000,000 requests)");
    cr_expect(c->priced);
    cr_expect_float_eq(c->quantity, 0, 1e-9);
    cr_expect_float_eq(c->monthly, 0, 1e-9);
    cf_teardown(&t);
}

Test(cost_messaging, sns_sms_subscription_is_not_priced)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_sns_topic_subscription", "{\"protocol\":\"sms\"}",
                                   "{\"monthly_requests\":1000}");
    const cost_component *c = cf_comp(r, "Notifications (sms)");
    cr_expect(!c->priced);
    cr_expect_not_null(strstr(c->note, "protocol \"sms\" is not a value this model prices"), "%s", c->note);
    cr_expect_eq(r->status, COST_NOT_PRICED);
    cf_teardown(&t);
}

Test(cost_messaging, sqs_large_requests_count_per_64_kb_chunk)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_sqs_queue", "{\"fifo_queue\":true}",
                                   "{\"monthly_requests\":1000000,\"request_size_kb\":130}");
    const cost_component *c = cf_comp(r, "Requests (FIFO (first-in, first-out))");
    cr_expect_float_eq(c->quantity, 3e6, 1e-6, "130 KB is three 64 KB chunks");
    cr_expect_float_eq(money_round(c->monthly), 1.50, 1e-9, "FIFO's $0.50 per million");
    cf_teardown(&t);
}

Test(cost_messaging, sqs_standard_queue_by_default)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_sqs_queue", "{\"name\":\"q\"}",
                                   "{\"monthly_requests\":1000000}");
    cr_expect_float_eq(money_round(cf_comp(r, "Requests (Standard)")->monthly), 0.40, 1e-9);
    cf_teardown(&t);
}

Test(cost_messaging, elasticsearch_types_are_priced_as_search_types)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r =
        cf_price(&t, "us-east-1", "aws_elasticsearch_domain",
              "{\"cluster_config\":[{\"instance_type\":\"m5.large.elasticsearch\",\"instance_count\":2}]}", "{}");
    const cost_component *c = cf_comp(r, "Instance (on-demand, m5.large.search)");
    cr_expect(c->priced);
    cr_expect_float_eq(c->quantity, 1460, 1e-9);
    cf_teardown(&t);
}

Test(cost_messaging, opensearch_type_without_a_known_suffix_is_not_priced)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_opensearch_domain",
                                   "{\"cluster_config\":[{\"instance_type\":\"m5.large\"}]}", "{}");
    cr_expect(!r->after.components[0].priced);
    cr_expect_eq(r->status, COST_NOT_PRICED);
    cf_teardown(&t);
}

Test(cost_messaging, kinesis_retention_of_24_hours_has_no_extended_charge)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r =
        cf_price(&t, "us-east-1", "aws_kinesis_stream", "{\"shard_count\":2,\"retention_period\":24}", "{}");
    cr_expect_float_eq(cf_comp(r, "Shard hours")->quantity, 1460, 1e-9);
    cr_expect(!cf_find_comp(r, "Extended retention"));
    cf_teardown(&t);
}

Test(cost_messaging, kinesis_stream_without_shard_count_is_not_priced)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_kinesis_stream", "{\"name\":\"s\"}", "{}");
    const cost_component *c = cf_comp(r, "Shard hours");
    cr_expect(!c->priced);
    cr_expect_not_null(strstr(c->note, "shard_count is not set"), "%s", c->note);
    cf_teardown(&t);
}

Test(cost_messaging, glue_job_dpus_are_workers_times_worker_dpus)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_glue_job",
                                   "{\"worker_type\":\"G.2X\",\"number_of_workers\":5}", "{\"monthly_hours\":10}");
    cr_expect_float_eq(cf_comp(r, "ETL job DPU-hours")->quantity, 100, 1e-9, "5 workers x 2 DPUs x 10 hours");
    cf_teardown(&t);
}

Test(cost_messaging, glue_job_without_a_worker_type_uses_max_capacity)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_glue_job", "{\"max_capacity\":2}", "{\"monthly_hours\":10}");
    cr_expect_float_eq(cf_comp(r, "ETL job DPU-hours")->quantity, 20, 1e-9);
    cf_teardown(&t);
}

Test(cost_messaging, glue_job_with_neither_workers_nor_capacity_is_not_priced)
{
    cost_fixture t = {0};
    cf_setup(&t);
    const cost_resource *r = cf_price(&t, "us-east-1", "aws_glue_job", "{\"name\":\"j\"}", "{\"monthly_hours\":10}");
    const cost_component *c = cf_comp(r, "ETL job DPU-hours");
    cr_expect(!c->priced);
    cr_expect_not_null(strstr(c->note, "max_capacity (or worker_type and number_of_workers) is not set"), "%s", c->note);
    cf_teardown(&t);
}
