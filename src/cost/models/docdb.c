/*
 * models/docdb.c — cost models: DocumentDB clusters (storage, I/O, backup)
 * and cluster instances (instance hours, T3/T4g CPU credits).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 *
 * storage_type "iopt1" is I/O-Optimized: dearer instances and storage, no
 * I/O charge.  Instances read it from their cluster.
 */
#include "common.h"

#define WHY_DOCDB_STORAGE "standard storage unless the cluster's storage_type is iopt1 (DocumentDB's default)"

static const cost_map docdb_volume_map[] = {
    {"standard", "General Purpose"}, {"iopt1", "IO-Optimized-DocDB"}, {NULL, NULL}};
static const cost_map docdb_instance_ut_map[] = {
    {"standard", "InstanceUsage"}, {"iopt1", "InstanceUsageIOOptimized"}, {NULL, NULL}};
static const cost_map docdb_storage_ut_map[] = {
    {"standard", "StorageUsage"}, {"iopt1", "IO-Optimized-StorageUsage"}, {NULL, NULL}};
/* The provider writes "" for standard storage. */
static const cost_map docdb_stype_map[] = {
    {"", "standard"}, {"standard", "standard"}, {"iopt1", "iopt1"}, {NULL, NULL}};
static const cost_map docdb_burst_map[] = {
    {"db.t3.*", "db.t3"}, {"db.t4g.*", "db.t4g"}, {"*", ""}, {NULL, NULL}};

/* ---- aws_docdb_cluster ---- */

static const cost_var cluster_vars[] = {
    {.name = "stype", .attr = "storage_type", .usage = "storage_type", .dflt = "standard",
     .map = docdb_stype_map, .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_DOCDB_STORAGE},
    {.name = "volume", .fallback = "stype", .map = docdb_volume_map},
    {.name = "storage_ut", .fallback = "stype", .map = docdb_storage_ut_map},
};
static const cost_comp_spec cluster_comps[] = {
    {.name = "Storage ({volume})",
     .service = "AmazonDocDB", .family = "Database Storage",
     .filters = {UT("{storage_ut}")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("data_storage_gb", 1)},
    {.name = "I/O requests",
     .when = {{"stype", COP_EQ, "standard"}},
     .service = "AmazonDocDB", .family = "System Operation",
     .filters = {UT("StorageIOUsage")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6, .qty = Q_USAGE("monthly_io_requests", 1)},
    {.name = "Backup storage",
     .service = "AmazonDocDB", .family = "Storage Snapshot",
     .filters = {UT("BackupUsage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("backup_storage_gb", 1)},
};
static const cost_part cluster_parts[] = {{.comps = cluster_comps, .ncomps = N(cluster_comps)}};
static const cost_usage_key cluster_usage[] = {
    NUM("data_storage_gb", "data stored in the cluster, GB"),
    NUM("monthly_io_requests", "I/O requests per month (standard storage)"),
    NUM("backup_storage_gb", "backup storage beyond 100% of the cluster's storage, GB"),
    STR("storage_type", "standard or iopt1, when the plan does not give it"),
};

/* ---- aws_docdb_cluster_instance ---- */

static const cost_source docdb_cluster_source = {
    "DocumentDB cluster", {{"cluster_identifier", "aws_docdb_cluster", "cluster_identifier"}}};

static const cost_var instance_vars[] = {
    {.name = "class", .attr = "instance_class", .flags = CVF_REQUIRED},
    {.name = "stype", .attr = "storage_type", .usage = "storage_type", .from = &docdb_cluster_source,
     .dflt = "standard", .map = docdb_stype_map, .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_DOCDB_STORAGE},
    {.name = "volume", .fallback = "stype", .map = docdb_volume_map},
    {.name = "instance_ut", .fallback = "stype", .map = docdb_instance_ut_map},
    {.name = "burst", .fallback = "class", .map = docdb_burst_map},
};
static const cost_comp_spec instance_comps[] = {
    {.name = "Database instance (on-demand, {class})",
     .service = "AmazonDocDB", .family = "Database Instance",
     .filters = {EQ("instanceType", "{class}"), EQ("volumeType", "{volume}"), UT("{instance_ut}:{class}")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "CPU credits",
     .when = {{"burst", COP_SET, NULL}},
     .service = "AmazonDocDB", .family = "CPU Credits",
     .filters = {UT("CPUCredits:{burst}")},
     .unit = "vCPU-hours", .per = "vCPU-hour", .qty = Q_USAGE("monthly_cpu_credit_hrs", 1),
     .flags = CF_IF_USAGE},
};
static const cost_part instance_parts[] = {{.comps = instance_comps, .ncomps = N(instance_comps)}};
static const cost_usage_key instance_usage[] = {
    NUM("monthly_cpu_credit_hrs", "CPU credit vCPU-hours above the baseline (db.t3, db.t4g)"),
    STR("storage_type", "the cluster's standard or iopt1, when the plan does not give it"),
};

/* ---- aws_docdb_cluster_snapshot ---- */

static const cost_comp_spec snapshot_comps[] = {
    {.name = "Backup storage",
     .service = "AmazonDocDB", .family = "Storage Snapshot",
     .filters = {UT("BackupUsage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("backup_storage_gb", 1)},
};
static const cost_part snapshot_parts[] = {{.comps = snapshot_comps, .ncomps = N(snapshot_comps)}};
static const cost_usage_key snapshot_usage[] = {
    NUM("backup_storage_gb", "snapshot storage beyond 100% of the cluster's storage, GB"),
};

/* ---- aws_docdb_global_cluster: writes replicated to the secondary regions ---- */

static const cost_comp_spec global_comps[] = {
    {.name = "Replicated write I/Os",
     .service = "AmazonDocDB", .family = "System Operation",
     .filters = {UT("GlobalCluster-ReplicatedWriteIO")},
     .unit = "I/Os", .per = "1M I/Os", .per_scale = 1e6, .qty = Q_USAGE("monthly_replicated_write_ios", 1)},
};
static const cost_part global_parts[] = {{.comps = global_comps, .ncomps = N(global_comps)}};
static const cost_usage_key global_usage[] = {
    NUM("monthly_replicated_write_ios", "write I/Os replicated to the secondary regions per month "
                                        "(writes x secondary regions)"),
};

/* ---- the models ---- */

static const cost_model model_cluster = {
    .type = "aws_docdb_cluster",
    .doc = "storage by type, I/O requests (standard storage) and backup storage (usage)",
    VARS(cluster_vars), PARTS(cluster_parts), USAGE(cluster_usage)};
static const cost_model model_instance = {
    .type = "aws_docdb_cluster_instance", .example = "instance_class=db.r6g.large",
    .doc = "instance hours by class (I/O-Optimized from the cluster); T3/T4g CPU credits (usage)",
    VARS(instance_vars), PARTS(instance_parts), USAGE(instance_usage)};
static const cost_model model_global = {
    .type = "aws_docdb_global_cluster",
    .doc = "replicated write I/Os to the secondary regions (usage; the member clusters are priced there)",
    PARTS(global_parts), USAGE(global_usage)};
static const cost_model model_snapshot = {
    .type = "aws_docdb_cluster_snapshot",
    .doc = "backup storage (usage)",
    PARTS(snapshot_parts), USAGE(snapshot_usage)};

COST_MODEL_LIST(docdb) = {&model_cluster, &model_instance, &model_snapshot, &model_global, NULL};
