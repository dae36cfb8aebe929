/*
 * models/cloudwatch.c — cost models: CloudWatch: log groups and metric alarms.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_map log_class_map[] = {{"STANDARD", ""}, {"INFREQUENT_ACCESS", "IA"}, {NULL, NULL}};

static const cost_var log_vars[] = {
    {.name = "class", .attr = "log_group_class", .dflt = "STANDARD", .map = log_class_map, .flags = CVF_UNKNOWN_DEFAULT},
};

static const cost_comp_spec log_comps[] = {
    {.name = "Data ingested",
     .service = "AmazonCloudWatch", .family = "Data Payload",
     .filters = {UT("DataProcessing{class}-Bytes")},
     .unit = "GB", .per = "GB ingested", .qty = Q_USAGE("monthly_data_ingested_gb", 1), .flags = CF_FIRST_TIER},
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
};

/* Periods of 10 and 30 seconds are high resolution. */
static const cost_map alarm_type_map[] = {
    {"10", "High Resolution"}, {"30", "High Resolution"}, {"*", "Standard"}, {NULL, NULL}};

static const cost_map alarm_label_map[] = {
    {"High Resolution", "high resolution"}, {"Standard", "standard resolution"}, {NULL, NULL}};

static const cost_var alarm_vars[] = {
    {.name = "alarm_type", .attr = "period", .dflt = "60", .map = alarm_type_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "alarm_label", .fallback = "alarm_type", .map = alarm_label_map},
    {.name = "comparison", .attr = "comparison_operator"},
};

static const cost_comp_spec alarm_comps[] = {
    {.name = "Alarm metrics ({alarm_label})",
     .service = "AmazonCloudWatch", .family = "Alarm",
     .filters = {EQ("alarmType", "{alarm_type}")},
     .unit = "alarm metrics", .per = "alarm metric-month", .qty = Q_FN(cq_alarm_metrics)},
};
static const cost_part alarm_parts[] = {{.comps = alarm_comps, .ncomps = N(alarm_comps)}};

/* ---- the models ---- */

static const cost_model model_log = {
    .type = "aws_cloudwatch_log_group", .doc = "data ingested, archival storage, Insights scans (usage)",
    VARS(log_vars), PARTS(log_parts), USAGE(log_usage)};
static const cost_model model_alarm = {
    .type = "aws_cloudwatch_metric_alarm",
    .doc = "alarm metrics (standard or high resolution; anomaly detection counts three)",
    VARS(alarm_vars), PARTS(alarm_parts)};

COST_MODEL_LIST(cloudwatch) = {&model_log, &model_alarm, NULL};
