/*
 * models/firehose.c — cost models: Kinesis Data Firehose delivery streams
 * (ingestion in AWS's volume tiers by source, format conversion, VPC delivery).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_var stream_vars[] = {
    {.name = "kinesis", .attr = "kinesis_source_configuration[0].kinesis_stream_arn"},
    {.name = "msk", .attr = "msk_source_configuration[0].msk_cluster_arn"},
    {.name = "conversion", .attr = "extended_s3_configuration[0].data_format_conversion_configuration[0].enabled",
     .map = cost_bool_map},
    {.name = "vpc_es", .attr = "elasticsearch_configuration[0].vpc_config[0].role_arn"},
    {.name = "vpc_os", .attr = "opensearch_configuration[0].vpc_config[0].role_arn"},
};

#define INGESTED(LABEL, OPTION, ...)                                                               \
    {.name = "Data ingested (" LABEL ")", .when = {__VA_ARGS__},                                   \
     .service = "AmazonKinesisFirehose", .family = "Kinesis Firehose",                             \
     .filters = {EQ("ingestionType", OPTION)},                                                     \
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_ingested_gb", 1), .flags = CF_TIERED}

static const cost_comp_spec stream_comps[] = {
    INGESTED("Direct PUT", "direct_put", {"kinesis", COP_UNSET, NULL}, {"msk", COP_UNSET, NULL}),
    INGESTED("Kinesis Data Streams", "kinesis_stream_read", {"kinesis", COP_SET, NULL}),
    INGESTED("MSK", "msk", {"msk", COP_SET, NULL}),
    {.name = "Format conversion",
     .when = {{"conversion", COP_SET, NULL}},
     .service = "AmazonKinesisFirehose", .family = "Kinesis Firehose",
     .filters = {EQ("operation", "DataFormatConversion")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_ingested_gb", 1)},
    {.name = "VPC data (OpenSearch)",
     .when = {{"vpc_os", COP_SET, NULL}},
     .service = "AmazonKinesisFirehose", .family = "Kinesis Firehose",
     .filters = {EQ("operation", "VpcBandwidth")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_ingested_gb", 1)},
    {.name = "VPC data (Elasticsearch)",
     .when = {{"vpc_es", COP_SET, NULL}},
     .service = "AmazonKinesisFirehose", .family = "Kinesis Firehose",
     .filters = {EQ("operation", "VpcBandwidth")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_ingested_gb", 1)},
};
static const cost_part stream_parts[] = {{.comps = stream_comps, .ncomps = N(stream_comps)}};
static const cost_usage_key stream_usage[] = {
    NUM("monthly_data_ingested_gb", "data ingested per month, GB (also what is converted or delivered to a VPC)"),
};

/* ---- the models ---- */

static const cost_model model_stream = {
    .type = "aws_kinesis_firehose_delivery_stream",
    .doc = "ingestion in volume tiers by source (Direct PUT, Kinesis Data Streams, MSK), format "
           "conversion and VPC delivery data (usage)",
    VARS(stream_vars), PARTS(stream_parts), USAGE(stream_usage)};

COST_MODEL_LIST(firehose) = {&model_stream, NULL};
