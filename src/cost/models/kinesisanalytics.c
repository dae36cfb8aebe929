/*
 * models/kinesisanalytics.c — cost models: Managed Service for Apache Flink (Kinesis Data
 * Analytics) applications: KPU-hours, running storage, durable backups.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* Flink applications get one extra KPU for orchestration and 50 GB of
 * running storage per KPU (AWS's pricing page). */
static cost_qty_rc kda_kpu_hours(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    double kpu;
    if (!cost_eval_usage(e, "kinesis_processing_units", &kpu))
        return CQR_NO_USAGE;
    *q = kpu * HOURS;
    return CQR_OK;
}

static cost_qty_rc kda_running_gb(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    double kpu;
    if (!cost_eval_usage(e, "kinesis_processing_units", &kpu))
        return CQR_NO_USAGE;
    *q = kpu * 50;
    return CQR_OK;
}

static const cost_comp_spec kda_sql_comps[] = {
    {.name = "Processing (stream)",
     .service = "AmazonKinesisAnalytics", .family = "Kinesis Analytics", .filters = {UT("KPU-Hour-Java")},
     .unit = "KPU-hours", .per = "KPU-hour", .qty = Q_FN(kda_kpu_hours), .flags = CF_USAGE},
};
static const cost_comp_spec kda_flink_comps[] = {
    {.name = "Processing (stream)",
     .service = "AmazonKinesisAnalytics", .family = "Kinesis Analytics", .filters = {UT("KPU-Hour-Java")},
     .unit = "KPU-hours", .per = "KPU-hour", .qty = Q_FN(kda_kpu_hours), .flags = CF_USAGE},
    {.name = "Processing (orchestration)",
     .service = "AmazonKinesisAnalytics", .family = "Kinesis Analytics", .filters = {UT("KPU-Hour-Java")},
     .unit = "KPU-hours", .per = "KPU-hour", .qty = Q_CONST(HOURS)},
    {.name = "Running storage",
     .service = "AmazonKinesisAnalytics", .family = "Kinesis Analytics",
     .filters = {UT("RunningApplicationStorage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_FN(kda_running_gb), .flags = CF_USAGE},
    {.name = "Backup",
     .service = "AmazonKinesisAnalytics", .family = "Kinesis Analytics",
     .filters = {UT("DurableApplicationBackups")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("durable_application_backup_gb", 1)},
};
static const cost_part kda_sql_parts[] = {{.comps = kda_sql_comps, .ncomps = N(kda_sql_comps)}};
static const cost_part kda_flink_parts[] = {{.comps = kda_flink_comps, .ncomps = N(kda_flink_comps)}};
static const cost_usage_key kda_sql_usage[] = {
    NUM("kinesis_processing_units", "average KPUs the application uses"),
};
static const cost_usage_key kda_flink_usage[] = {
    NUM("kinesis_processing_units", "average KPUs the application uses (plus one for orchestration)"),
    NUM("durable_application_backup_gb", "durable application backups, GB"),
};

static const cost_comp_spec kda_snap_comps[] = {
    {.name = "Backup",
     .service = "AmazonKinesisAnalytics", .family = "Kinesis Analytics",
     .filters = {UT("DurableApplicationBackups")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("durable_application_backup_gb", 1)},
};
static const cost_part kda_snap_parts[] = {{.comps = kda_snap_comps, .ncomps = N(kda_snap_comps)}};
static const cost_usage_key kda_snap_usage[] = {
    NUM("durable_application_backup_gb", "size of the snapshot, GB"),
};

static const cost_model model_kda = {
    .type = "aws_kinesis_analytics_application",
    .doc = "KPU-hours (usage)",
    PARTS(kda_sql_parts), USAGE(kda_sql_usage)};
static const cost_model model_kda_v2 = {
    .type = "aws_kinesisanalyticsv2_application",
    .doc = "KPU-hours (usage) plus one orchestration KPU, running storage (50 GB per KPU), backups (usage)",
    PARTS(kda_flink_parts), USAGE(kda_flink_usage)};

static const cost_model model_kda_v2_snapshot = {
    .type = "aws_kinesisanalyticsv2_application_snapshot",
    .doc = "durable backup storage (usage)",
    PARTS(kda_snap_parts), USAGE(kda_snap_usage)};

COST_MODEL_LIST(kinesisanalytics) = {&model_kda, &model_kda_v2, &model_kda_v2_snapshot, NULL};
