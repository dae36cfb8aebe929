/*
 * models/cloudwatch.c — cost models: CloudWatch: log groups, metric and
 * composite alarms, dashboards, Synthetics canaries, and VPC flow logs
 * (billed as vended logs).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

#include <stdio.h>
#include <string.h>

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

static const cost_comp_spec composite_comps[] = {
    {.name = "Composite alarm",
     .service = "AmazonCloudWatch", .family = "Alarm", .filters = {EQ("alarmType", "Composite")},
     .unit = "alarms", .per = "alarm-month", .qty = Q_CONST(1)},
};
static const cost_part composite_parts[] = {{.comps = composite_comps, .ncomps = N(composite_comps)}};

/* Dashboards have one price for all regions. */
static const cost_comp_spec dashboard_comps[] = {
    {.name = "Dashboard",
     .service = "AmazonCloudWatch", .family = "Dashboard", .region = "global",
     .filters = {UT("DashboardsUsageHour")},
     .unit = "dashboards", .per = "dashboard-month", .qty = Q_CONST(1)},
};
static const cost_part dashboard_parts[] = {{.comps = dashboard_comps, .ncomps = N(dashboard_comps)}};

/* Canary runs a month: usage `monthly_runs`, else from a rate() schedule
 * (rate(0 minutes) runs once; a cron() schedule needs the usage). */
static cost_qty_rc canary_runs(const cost_eval *e, double *q, const char **why)
{
    if (cost_eval_usage(e, "monthly_runs", q))
        return CQR_OK;
    plan_val_state st;
    const json_t *v = cost_eval_attr(e, "schedule[0].expression", &st);
    if (st == PLAN_VAL_UNKNOWN) {
        *why = "schedule.expression";
        return CQR_UNKNOWN;
    }
    const char *text = json_is_string(v) ? json_string_value(v) : NULL;
    double n;
    char unit[16];
    if (!text || sscanf(text, "rate(%lf %15[a-z])", &n, unit) != 2 || n < 0)
        return CQR_NO_USAGE;
    double minutes = strncmp(unit, "minute", 6) == 0 ? 1 : strncmp(unit, "hour", 4) == 0 ? 60
                   : strncmp(unit, "day", 3) == 0    ? 1440 : 0;
    if (minutes == 0)
        return CQR_NO_USAGE;
    *q = n == 0 ? 1 : HOURS * 60.0 / (n * minutes);
    return CQR_OK;
}
static const cost_comp_spec canary_comps[] = {
    {.name = "Canary runs",
     .service = "AmazonCloudWatch", .family = "Canaries", .filters = {UT("CW:Canary-runs")},
     .unit = "runs", .per = "run", .qty = Q_FN(canary_runs), .flags = CF_USAGE},
};
static const cost_part canary_parts[] = {{.comps = canary_comps, .ncomps = N(canary_comps)}};
static const cost_usage_key canary_usage[] = {
    NUM("monthly_runs", "canary runs per month, when the schedule is not a rate()"),
};

/* Flow logs are vended logs, billed by destination (the provider's default
 * is CloudWatch Logs; that log group's storage is priced with it). */
static const cost_map flow_dest_map[] = {
    {"cloud-watch-logs", "VendedLog-Bytes"}, {"s3", "VendedLogS3-Bytes"},
    {"kinesis-data-firehose", "VendedLogFirehose-Bytes"}, {NULL, NULL}};
static const cost_var flow_vars[] = {
    {.name = "dest_ut", .attr = "log_destination_type", .dflt = "cloud-watch-logs", .map = flow_dest_map},
    {.name = "format", .attr = "destination_options[0].file_format", .dflt = "plain-text"},
};
static const cost_comp_spec flow_comps[] = {
    {.name = "Vended logs delivered",
     .service = "AmazonCloudWatch", .family = "Data Payload", .filters = {UT("{dest_ut}")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_ingested_gb", 1), .flags = CF_TIERED},
    {.name = "Conversion to Parquet",
     .when = {{"dest_ut", COP_EQ, "VendedLogS3-Bytes"}, {"format", COP_EQ, "parquet"}},
     .service = "AmazonCloudWatch", .family = "Data Payload", .filters = {UT("VendedLogParquetConversion-Bytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_ingested_gb", 1)},
};
static const cost_part flow_parts[] = {{.comps = flow_comps, .ncomps = N(flow_comps)}};
static const cost_usage_key flow_usage[] = {
    NUM("monthly_data_ingested_gb", "flow log data delivered per month, GB"),
};

/* ---- the models ---- */

static const cost_model model_log = {
    .type = "aws_cloudwatch_log_group", .doc = "data ingested, archival storage, Insights scans (usage)",
    VARS(log_vars), PARTS(log_parts), USAGE(log_usage)};
static const cost_model model_alarm = {
    .type = "aws_cloudwatch_metric_alarm",
    .doc = "alarm metrics, standard or high resolution (a period under 60 seconds, at the alarm or in a "
           "metric_query); anomaly detection counts three",
    VARS(alarm_vars), PARTS(alarm_parts), USAGE(alarm_usage)};

static const cost_model model_composite = {
    .type = "aws_cloudwatch_composite_alarm", .doc = "composite alarm months", PARTS(composite_parts)};
static const cost_model model_dashboard = {
    .type = "aws_cloudwatch_dashboard", .doc = "dashboard months (one price for all regions)",
    PARTS(dashboard_parts)};
static const cost_model model_flow = {
    .type = "aws_flow_log",
    .doc = "vended log data delivered to CloudWatch Logs, S3 or Firehose (log_destination_type), in AWS's tiers; "
           "conversion to Parquet for S3 (usage)",
    VARS(flow_vars), PARTS(flow_parts), USAGE(flow_usage)};
static const cost_model model_canary = {
    .type = "aws_synthetics_canary",
    .doc = "canary runs from a rate() schedule, or usage `monthly_runs`",
    PARTS(canary_parts), USAGE(canary_usage)};

COST_MODEL_LIST(cloudwatch) = {&model_composite, &model_dashboard, &model_log, &model_alarm, &model_flow,
                               &model_canary, NULL};
