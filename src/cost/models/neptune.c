/*
 * models/neptune.c — cost models: Neptune clusters (storage, I/O, backups), instances
 * (provisioned and serverless) and manual snapshots.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* storage_type "iopt1" is I/O-Optimized: no I/O charge, dearer storage and instances. */
static const cost_map np_storage_ut_map[] = {{"standard", ""}, {"iopt1", "IOOptimized-"}, {NULL, NULL}};
static const cost_map np_iopt_map[] = {{"standard", ""}, {"iopt1", "true"}, {NULL, NULL}};
static const cost_map np_instance_ut_map[] = {
    {"standard", "InstanceUsage"}, {"iopt1", "InstanceUsageIOOptimized"}, {NULL, NULL}};
static const cost_map np_serverless_ut_map[] = {
    {"standard", "ServerlessV2Usage"}, {"iopt1", "ServerlessV2IOOptimizedUsage"}, {NULL, NULL}};

#define WHY_NP_STORAGE "standard storage unless storage_type = iopt1 (the provider's default)"

static const cost_var np_cluster_vars[] = {
    {.name = "stype", .attr = "storage_type", .usage = "storage_type", .dflt = "standard",
     .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_NP_STORAGE},
    {.name = "storage_ut", .fallback = "stype", .map = np_storage_ut_map},
    {.name = "iopt", .fallback = "stype", .map = np_iopt_map},
};

static const cost_comp_spec np_cluster_comps[] = {
    {.name = "Storage",
     .service = "AmazonNeptune", .family = "Database Storage",
     .filters = {UT("{storage_ut}StorageUsage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
    {.name = "I/O requests",
     .when = {{"iopt", COP_UNSET, NULL}},
     .service = "AmazonNeptune", .family = "System Operation",
     .filters = {UT("StorageIOUsage")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_io_requests", 1)},
    {.name = "Backup storage",
     .service = "AmazonNeptune", .family = "Storage Snapshot",
     .filters = {UT("BackupUsage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("backup_storage_gb", 1)},
};
static const cost_part np_cluster_parts[] = {{.comps = np_cluster_comps, .ncomps = N(np_cluster_comps)}};
static const cost_usage_key np_cluster_usage[] = {
    NUM("storage_gb", "data stored in the cluster volume, GB"),
    NUM("monthly_io_requests", "I/O requests per month (standard storage)"),
    NUM("backup_storage_gb", "backup storage beyond the free allowance, GB"),
    STR("storage_type", "standard or iopt1, when the plan does not give it"),
};

static const cost_source np_cluster_source = {
    "Neptune cluster", {{"cluster_identifier", "aws_neptune_cluster", "cluster_identifier"}}};

static const cost_var np_instance_vars[] = {
    {.name = "class", .attr = "instance_class", .flags = CVF_REQUIRED},
    {.name = "stype", .attr = "storage_type", .usage = "storage_type", .from = &np_cluster_source,
     .dflt = "standard", .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_NP_STORAGE},
    {.name = "instance_ut", .fallback = "stype", .map = np_instance_ut_map},
    {.name = "serverless_ut", .fallback = "stype", .map = np_serverless_ut_map},
};
static const cost_comp_spec np_instance_comps[] = {
    {.name = "Database instance (on-demand, {class})",
     .when = {{"class", COP_NE, "db.serverless"}},
     .service = "AmazonNeptune", .family = "Database Instance",
     .filters = {EQ("instanceType", "{class}"), UT("{instance_ut}:{class}")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Serverless capacity",
     .when = {{"class", COP_EQ, "db.serverless"}},
     .service = "AmazonNeptune", .family = "ServerlessV2",
     .filters = {UT("{serverless_ut}")},
     .unit = "NCU-hours", .per = "NCU-hour", .qty = Q_USAGE("capacity_units_per_hr", HOURS)},
};
static const cost_part np_instance_parts[] = {{.comps = np_instance_comps, .ncomps = N(np_instance_comps)}};
static const cost_usage_key np_instance_usage[] = {
    NUM("capacity_units_per_hr", "average Neptune capacity units (db.serverless)"),
    STR("storage_type", "the cluster's standard or iopt1, when the plan does not give it"),
};

static const cost_comp_spec np_snapshot_comps[] = {
    {.name = "Backup storage",
     .service = "AmazonNeptune", .family = "Storage Snapshot",
     .filters = {UT("BackupUsage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("backup_storage_gb", 1)},
};
static const cost_part np_snapshot_parts[] = {{.comps = np_snapshot_comps, .ncomps = N(np_snapshot_comps)}};
static const cost_usage_key np_snapshot_usage[] = {
    NUM("backup_storage_gb", "size of the snapshot beyond the free allowance, GB"),
};

static const cost_comp_spec np_global_comps[] = {
    {.name = "Replicated write I/Os",
     .service = "AmazonNeptune", .family = "System Operation",
     .filters = {UT("GlobalDatabase-ReplicatedWriteIO")},
     .unit = "I/Os", .per = "1M I/Os", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_replicated_write_ios", 1)},
};
static const cost_part np_global_parts[] = {{.comps = np_global_comps, .ncomps = N(np_global_comps)}};
static const cost_usage_key np_global_usage[] = {
    NUM("monthly_replicated_write_ios", "write I/Os replicated to the secondary regions per month (all of them)"),
};

static const cost_model model_np_cluster = {
    .type = "aws_neptune_cluster",
    .doc = "storage (standard or I/O-Optimized), I/O requests and backup storage (usage)",
    VARS(np_cluster_vars), PARTS(np_cluster_parts), USAGE(np_cluster_usage)};
static const cost_model model_np_instance = {
    .type = "aws_neptune_cluster_instance", .example = "instance_class=db.r5.large",
    .doc = "instance hours by class (I/O-Optimized from the cluster); db.serverless NCU-hours (usage)",
    VARS(np_instance_vars), PARTS(np_instance_parts), USAGE(np_instance_usage)};
static const cost_model model_np_snapshot = {
    .type = "aws_neptune_cluster_snapshot",
    .doc = "snapshot storage (usage)",
    PARTS(np_snapshot_parts), USAGE(np_snapshot_usage)};

static const cost_model model_np_global = {
    .type = "aws_neptune_global_cluster",
    .doc = "replicated write I/Os (usage), in the primary cluster's region",
    PARTS(np_global_parts), USAGE(np_global_usage)};

COST_MODEL_LIST(neptune) = {&model_np_cluster, &model_np_instance, &model_np_snapshot, &model_np_global, NULL};
