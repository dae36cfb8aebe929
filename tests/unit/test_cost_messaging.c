/*
 * test_cost_messaging.c — the messaging, streaming, search and analytics
 * models (SQS, SNS, Kinesis, OpenSearch, Glue) against the bundled snapshot:
 * the rules each applies beyond a plain price x quantity — SNS's first
 * million requests outside AWS's paid tier, 64 KB request chunks, FIFO
 * queues, ".elasticsearch" instance types priced as AWS's ".search" ones,
 * extended retention only above 24 hours, worker DPUs.
 */
#include "src/core/sbuf.h"
#include "src/cost/cost.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct mf {
    char dir[64];
    price_cache *cache;
    plan *plan;
    cost_usage *usage;
    cost_report *rep;
} mf;

static void setup(mf *t)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/circuit-msg-XXXXXX");
    cr_assert_not_null(mkdtemp(t->dir));
    char path[128];
    snprintf(path, sizeof path, "%s/pricing.db", t->dir);
    price_open_opts o = {.path = path};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(price_cache_open(&o, &t->cache, &err), CIR_OK, "cache: %s", err.msg);
}

static void teardown(mf *t)
{
    cost_report_free(t->rep);
    plan_free(t->plan);
    cost_usage_free(t->usage);
    price_cache_close(t->cache);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
    cr_expect_eq(system(cmd), 0);
}

/* One resource of `type` created with `after` in `region`, priced with
 * `usage` (the usage entry's JSON object). */
static const cost_resource *price(mf *t, const char *region, const char *type, const char *after,
                                  const char *usage)
{
    char *doc;
    cr_assert_gt(asprintf(&doc,
                          "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"%s.x\",\"mode\":"
                          "\"managed\",\"type\":\"%s\",\"name\":\"x\",\"provider_name\":\"aws\",\"change\":{"
                          "\"actions\":[\"create\"],\"before\":null,\"after\":%s,\"after_unknown\":{}}}]}",
                          type, type, after),
                 0);
    plan_load_opts lo = {.region_flag = region, .quiet = true};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(plan_load_buffer("msg.json", doc, strlen(doc), &lo, &t->plan, &err), CIR_OK, "%s", err.msg);
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

static bool has_comp(const cost_resource *r, const char *name)
{
    for (size_t i = 0; i < r->after.ncomponents; i++)
        if (strcmp(r->after.components[i].name, name) == 0)
            return true;
    return false;
}

Test(cost_messaging, sns_bills_only_requests_above_the_paid_tier_start)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r = price(&t, "us-east-1", "aws_sns_topic", "{\"name\":\"a\"}",
                                   "{\"monthly_requests\":5000000}");
    const cost_component *c = comp(r, "API requests (over 1,000,000 requests)");
    cr_expect_float_eq(c->quantity, 4e6, 1e-6, "the first million is not in AWS's paid tier");
    cr_expect_float_eq(money_round(c->monthly), 2.00, 1e-9);
    cr_expect_eq(r->status, COST_PRICED);
    teardown(&t);
}

Test(cost_messaging, sns_below_the_paid_tier_costs_nothing_and_is_priced)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r = price(&t, "us-east-1", "aws_sns_topic", "{\"name\":\"a\"}",
                                   "{\"monthly_requests\":400000}");
    const cost_component *c = comp(r, "API requests (over 1,000,000 requests)");
    cr_expect(c->priced);
    cr_expect_float_eq(c->quantity, 0, 1e-9);
    cr_expect_float_eq(c->monthly, 0, 1e-9);
    teardown(&t);
}

Test(cost_messaging, sns_sms_subscription_is_not_priced)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r = price(&t, "us-east-1", "aws_sns_topic_subscription", "{\"protocol\":\"sms\"}",
                                   "{\"monthly_requests\":1000}");
    const cost_component *c = comp(r, "Notifications (sms)");
    cr_expect(!c->priced);
    cr_expect_not_null(strstr(c->note, "protocol \"sms\" is not a value this model prices"), "%s", c->note);
    cr_expect_eq(r->status, COST_NOT_PRICED);
    teardown(&t);
}

Test(cost_messaging, sqs_large_requests_count_per_64_kb_chunk)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r = price(&t, "us-east-1", "aws_sqs_queue", "{\"fifo_queue\":true}",
                                   "{\"monthly_requests\":1000000,\"request_size_kb\":130}");
    const cost_component *c = comp(r, "Requests (FIFO (first-in, first-out))");
    cr_expect_float_eq(c->quantity, 3e6, 1e-6, "130 KB is three 64 KB chunks");
    cr_expect_float_eq(money_round(c->monthly), 1.50, 1e-9, "FIFO's $0.50 per million");
    teardown(&t);
}

Test(cost_messaging, sqs_standard_queue_by_default)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r = price(&t, "us-east-1", "aws_sqs_queue", "{\"name\":\"q\"}",
                                   "{\"monthly_requests\":1000000}");
    cr_expect_float_eq(money_round(comp(r, "Requests (Standard)")->monthly), 0.40, 1e-9);
    teardown(&t);
}

Test(cost_messaging, elasticsearch_types_are_priced_as_search_types)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r =
        price(&t, "us-east-1", "aws_elasticsearch_domain",
              "{\"cluster_config\":[{\"instance_type\":\"m5.large.elasticsearch\",\"instance_count\":2}]}", "{}");
    const cost_component *c = comp(r, "Instance (on-demand, m5.large.search)");
    cr_expect(c->priced);
    cr_expect_float_eq(c->quantity, 1460, 1e-9);
    teardown(&t);
}

Test(cost_messaging, opensearch_type_without_a_known_suffix_is_not_priced)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r = price(&t, "us-east-1", "aws_opensearch_domain",
                                   "{\"cluster_config\":[{\"instance_type\":\"m5.large\"}]}", "{}");
    cr_expect(!r->after.components[0].priced);
    cr_expect_eq(r->status, COST_NOT_PRICED);
    teardown(&t);
}

Test(cost_messaging, kinesis_retention_of_24_hours_has_no_extended_charge)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r =
        price(&t, "us-east-1", "aws_kinesis_stream", "{\"shard_count\":2,\"retention_period\":24}", "{}");
    cr_expect_float_eq(comp(r, "Shard hours")->quantity, 1460, 1e-9);
    cr_expect(!has_comp(r, "Extended retention"));
    teardown(&t);
}

Test(cost_messaging, kinesis_stream_without_shard_count_is_not_priced)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r = price(&t, "us-east-1", "aws_kinesis_stream", "{\"name\":\"s\"}", "{}");
    const cost_component *c = comp(r, "Shard hours");
    cr_expect(!c->priced);
    cr_expect_not_null(strstr(c->note, "shard_count is not set"), "%s", c->note);
    teardown(&t);
}

Test(cost_messaging, glue_job_dpus_are_workers_times_worker_dpus)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r = price(&t, "us-east-1", "aws_glue_job",
                                   "{\"worker_type\":\"G.2X\",\"number_of_workers\":5}", "{\"monthly_hours\":10}");
    cr_expect_float_eq(comp(r, "ETL job DPU-hours")->quantity, 100, 1e-9, "5 workers x 2 DPUs x 10 hours");
    teardown(&t);
}

Test(cost_messaging, glue_job_without_a_worker_type_uses_max_capacity)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r = price(&t, "us-east-1", "aws_glue_job", "{\"max_capacity\":2}", "{\"monthly_hours\":10}");
    cr_expect_float_eq(comp(r, "ETL job DPU-hours")->quantity, 20, 1e-9);
    teardown(&t);
}

Test(cost_messaging, glue_job_with_neither_workers_nor_capacity_is_not_priced)
{
    mf t = {0};
    setup(&t);
    const cost_resource *r = price(&t, "us-east-1", "aws_glue_job", "{\"name\":\"j\"}", "{\"monthly_hours\":10}");
    const cost_component *c = comp(r, "ETL job DPU-hours");
    cr_expect(!c->priced);
    cr_expect_not_null(strstr(c->note, "max_capacity (or worker_type and number_of_workers) is not set"), "%s", c->note);
    teardown(&t);
}
