/*
 * models/kinesis.c — cost models: Kinesis Data Streams (provisioned shard hours or on-demand
 * stream hours, data and retention) and enhanced fan-out consumers.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_map ks_mode_map[] = {{"PROVISIONED", "PROVISIONED"}, {"ON_DEMAND", "ON_DEMAND"}, {NULL, NULL}};

static const cost_var ks_vars[] = {
    {.name = "mode", .attr = "stream_mode_details[0].stream_mode", .dflt = "PROVISIONED", .map = ks_mode_map},
    {.name = "shards", .attr = "shard_count"},
    {.name = "retention", .attr = "retention_period", .dflt = "24"},
};

static cost_qty_rc ks_shard_hours(const cost_eval *e, double *q, const char **why)
{
    double n;
    cost_qty_rc rc = cost_eval_num(e, "shards", &n, why);
    if (rc == CQR_SKIP) {
        *why = "shard_count";
        return CQR_MISSING;
    }
    if (rc == CQR_OK)
        *q = n * HOURS;
    return rc;
}

/* Retention beyond 24 hours (up to 7 days) is billed per shard-hour. */
static cost_qty_rc ks_extended_shard_hours(const cost_eval *e, double *q, const char **why)
{
    double hours;
    cost_qty_rc rc = cost_eval_num(e, "retention", &hours, why);
    if (rc != CQR_OK)
        return rc;
    if (hours <= 24)
        return CQR_SKIP;
    return ks_shard_hours(e, q, why);
}

#define PROV {{"mode", COP_EQ, "PROVISIONED"}}
#define ONDEMAND {{"mode", COP_EQ, "ON_DEMAND"}}

static const cost_comp_spec ks_comps[] = {
    {.name = "Shard hours", .when = PROV,
     .service = "AmazonKinesis", .family = "Kinesis Streams", .filters = {UT("Storage-ShardHour")},
     .unit = "shard-hours", .per = "shard-hour", .qty = Q_FN(ks_shard_hours)},
    {.name = "Extended retention", .when = PROV,
     .service = "AmazonKinesis", .family = "Kinesis Streams", .filters = {UT("Extended-ShardHour")},
     .unit = "shard-hours", .per = "shard-hour", .qty = Q_FN(ks_extended_shard_hours)},
    {.name = "PUT payload units", .when = PROV,
     .service = "AmazonKinesis", .family = "Kinesis Streams", .filters = {UT("PutRequestPayloadUnits")},
     .unit = "units", .per = "1M units", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_provisioned_put_units", 1)},
    {.name = "Long-term retention", .when = PROV,
     .service = "AmazonKinesis", .family = "Kinesis Streams", .filters = {UT("LongTermRetention-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("monthly_provisioned_long_term_retention_gb", 1),
     .flags = CF_IF_USAGE},
    {.name = "Long-term retrieval", .when = PROV,
     .service = "AmazonKinesis", .family = "Kinesis Streams", .filters = {UT("LongTermRetrieval-Bytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_provisioned_long_term_retrieval_gb", 1),
     .flags = CF_IF_USAGE},
    {.name = "Enhanced fan-out data", .when = PROV,
     .service = "AmazonKinesis", .family = "Kinesis Streams", .filters = {UT("EnhancedFanout-Bytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_provisioned_efo_data_out_gb", 1), .flags = CF_IF_USAGE},
    {.name = "Stream hours (on-demand)", .when = ONDEMAND,
     .service = "AmazonKinesis", .family = "Kinesis Streams", .filters = {UT("OnDemand-StreamHour")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Data ingested (on-demand)", .when = ONDEMAND,
     .service = "AmazonKinesis", .family = "Kinesis Streams", .filters = {UT("OnDemand-BilledIncomingBytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_on_demand_data_in_gb", 1)},
    {.name = "Data retrieved (on-demand)", .when = ONDEMAND,
     .service = "AmazonKinesis", .family = "Kinesis Streams", .filters = {UT("OnDemand-BilledOutgoingBytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_on_demand_data_out_gb", 1)},
    {.name = "Enhanced fan-out data (on-demand)", .when = ONDEMAND,
     .service = "AmazonKinesis", .family = "Kinesis Streams", .filters = {UT("OnDemand-BilledOutgoingEFOBytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_on_demand_efo_data_out_gb", 1), .flags = CF_IF_USAGE},
    {.name = "Extended retention (on-demand)", .when = ONDEMAND,
     .service = "AmazonKinesis", .family = "Kinesis Streams",
     .filters = {UT("OnDemand-ExtendedRetention-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("monthly_on_demand_extended_retention_gb", 1),
     .flags = CF_IF_USAGE},
    {.name = "Long-term retention (on-demand)", .when = ONDEMAND,
     .service = "AmazonKinesis", .family = "Kinesis Streams",
     .filters = {UT("OnDemand-LongTermRetention-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("monthly_on_demand_long_term_retention_gb", 1),
     .flags = CF_IF_USAGE},
};
static const cost_part ks_parts[] = {{.comps = ks_comps, .ncomps = N(ks_comps)}};
static const cost_usage_key ks_usage[] = {
    NUM("monthly_provisioned_put_units", "PUT payload units (25 KB each) per month, provisioned mode"),
    NUM("monthly_provisioned_long_term_retention_gb", "data kept beyond 7 days, GB, provisioned mode"),
    NUM("monthly_provisioned_long_term_retrieval_gb", "data read back from beyond 7 days per month, GB"),
    NUM("monthly_provisioned_efo_data_out_gb", "data read by enhanced fan-out consumers per month, GB"),
    NUM("monthly_on_demand_data_in_gb", "data written per month, GB, on-demand mode"),
    NUM("monthly_on_demand_data_out_gb", "data read per month, GB, on-demand mode"),
    NUM("monthly_on_demand_efo_data_out_gb", "data read by enhanced fan-out consumers per month, GB, on-demand"),
    NUM("monthly_on_demand_extended_retention_gb", "data kept 24 hours to 7 days, GB, on-demand mode"),
    NUM("monthly_on_demand_long_term_retention_gb", "data kept beyond 7 days, GB, on-demand mode"),
};

/* An enhanced fan-out consumer is billed per shard of its stream. */
static const cost_source ks_stream_source = {
    "Kinesis stream", {{"stream_arn", "aws_kinesis_stream", "arn"}}};
static const cost_var ks_consumer_vars[] = {
    {.name = "shards", .attr = "shard_count", .usage = "stream_shards", .from = &ks_stream_source},
    {.name = "mode", .attr = "stream_mode_details[0].stream_mode", .from = &ks_stream_source,
     .dflt = "PROVISIONED", .map = ks_mode_map},
};
static const cost_comp_spec ks_consumer_comps[] = {
    {.name = "Consumer shard hours", .when = PROV,
     .service = "AmazonKinesis", .family = "Kinesis Streams",
     .filters = {UT("EnhancedFanout-ConsumerShardHour")},
     .unit = "consumer-shard-hours", .per = "consumer-shard-hour", .qty = Q_FN(ks_shard_hours)},
};
static const cost_part ks_consumer_parts[] = {{.comps = ks_consumer_comps, .ncomps = N(ks_consumer_comps)}};
static const cost_usage_key ks_consumer_usage[] = {
    NUM("stream_shards", "shards of the consumer's stream, when the plan does not give them"),
};

static const cost_model model_ks_stream = {
    .type = "aws_kinesis_stream",
    .doc = "provisioned: shard hours, retention beyond 24 hours, PUT units, long-term retention and "
           "fan-out data (usage); on-demand: stream hours, data in and out (usage)",
    VARS(ks_vars), PARTS(ks_parts), USAGE(ks_usage)};
static const cost_model model_ks_consumer = {
    .type = "aws_kinesis_stream_consumer",
    .doc = "enhanced fan-out consumer-shard hours x the stream's shards (provisioned streams)",
    VARS(ks_consumer_vars), PARTS(ks_consumer_parts), USAGE(ks_consumer_usage)};

COST_MODEL_LIST(kinesis) = {&model_ks_stream, &model_ks_consumer, NULL};
