/*
 * models/cloudwatch.c — cost models: CloudWatch: log groups and metric alarms.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_map log_class_map[] = {{"STANDARD", ""}, {"INFREQUENT_ACCESS", "IA"}, {NULL, NULL}};

static const cost_var log_vars[] = {
    {.name = "class", .attr = "log_group_class", .usage = "log_group_class", .dflt = "STANDARD", .map = log_class_map,
     .flags = CVF_UNKNOWN_DEFAULT, .why = "the STANDARD log class unless log_group_class says otherwise (the provider's default)"},
};

static const cost_comp_spec log_comps[] = {
    {.name = "Data ingested",
     .service = "AmazonCloudWatch", .family = "Data Payload",
     .filters = {UT("DataProcessing{class}-Bytes")},
     .unit = "GB", .per = "GB ingested", .qty = Q_USAGE("monthly_data_ingested_gb", 1), .flags = CF_TIERED},
    {.name = "Archival storage",
     .service = "AmazonCloudWatch", .family = "Storage Snapshot",
     .filters = {UT("TimedStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
    {.name = "Insights queries data scanned",
     .service = "AmazonCloudWatch", .family = "Data Payload",
     .filters = {UT("DataScanned-Bytes")},
     .unit = "GB", .per = "GB scanned", .qty = Q_USAGE("monthly_data_scanned_gb", 1)},
};
static const cost_part log_parts[] = {{.comps = log_comps, .ncomps = N(log_comps)}};
static const cost_usage_key log_usage[] = {
    NUM("monthly_data_ingested_gb", "log data ingested per month, GB"),
    NUM("storage_gb", "log data stored, GB"),
    NUM("monthly_data_scanned_gb", "data scanned by Logs Insights queries per month, GB"),
    STR("log_group_class", "STANDARD or INFREQUENT_ACCESS, when the plan does not give it"),
};

/* A metric read at a period under 60 seconds (10 or 30) is high
 * resolution; the quantity functions count the metrics of each kind, from
 * `period` or from each metric_query's metric. */
static const cost_var alarm_vars[] = {
    {.name = "period", .attr = "period", .usage = "period", .dflt = "60", .flags = CVF_UNKNOWN_DEFAULT,
     .why = "a standard-resolution metric (60 s or more) unless period says less"},
    {.name = "comparison", .attr = "comparison_operator"},
};

static const cost_comp_spec alarm_comps[] = {
    {.name = "Alarm metrics (standard resolution)",
     .service = "AmazonCloudWatch", .family = "Alarm",
     .filters = {EQ("alarmType", "Standard")},
     .unit = "alarm metrics", .per = "alarm metric-month", .qty = Q_FN(cq_alarm_metrics_standard),
     .flags = CF_OMIT_ZERO},
    {.name = "Alarm metrics (high resolution)",
     .service = "AmazonCloudWatch", .family = "Alarm",
     .filters = {EQ("alarmType", "High Resolution")},
     .unit = "alarm metrics", .per = "alarm metric-month", .qty = Q_FN(cq_alarm_metrics_high),
     .flags = CF_OMIT_ZERO},
};
static const cost_usage_key alarm_usage[] = {
    NUM("period", "seconds between evaluations, when the plan does not give period"),
};
static const cost_part alarm_parts[] = {{.comps = alarm_comps, .ncomps = N(alarm_comps)}};

/* ---- the models ---- */

static const cost_model model_log = {
    .type = "aws_cloudwatch_log_group", .doc = "data ingested, archival storage, Insights scans (usage)",
    VARS(log_vars), PARTS(log_parts), USAGE(log_usage)};
static const cost_model model_alarm = {
    .type = "aws_cloudwatch_metric_alarm",
    .doc = "alarm metrics, standard or high resolution (a period under 60 seconds, at the alarm or in a "
           "metric_query); anomaly detection counts three",
    VARS(alarm_vars), PARTS(alarm_parts), USAGE(alarm_usage)};

COST_MODEL_LIST(cloudwatch) = {&model_log, &model_alarm, NULL};
