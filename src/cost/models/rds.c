/*
 * models/rds.c — cost models: RDS: database instances, Aurora clusters and their instances.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* ---- aws_db_instance ------------------------------------------------------- */

static const cost_map rds_engine_map[] = {
    {"mysql", "MySQL"}, {"postgres", "PostgreSQL"}, {"mariadb", "MariaDB"},
    {"oracle-se2*", "Oracle"}, {"oracle-ee*", "Oracle"}, {"oracle-se1", "Oracle"}, {"oracle-se", "Oracle"},
    {"sqlserver-ex", "SQL Server"}, {"sqlserver-web", "SQL Server"}, {"sqlserver-se", "SQL Server"},
    {"sqlserver-ee", "SQL Server"}, {"db2-se", "Db2"}, {"db2-ae", "Db2"}, {NULL, NULL}};

static const cost_map rds_edition_map[] = {
    {"oracle-se2*", "Standard Two"}, {"oracle-ee*", "Enterprise"}, {"oracle-se1", "Standard One"},
    {"oracle-se", "Standard"}, {"sqlserver-ex", "Express"}, {"sqlserver-web", "Web"},
    {"sqlserver-se", "Standard"}, {"sqlserver-ee", "Enterprise"}, {"db2-se", "Standard"},
    {"db2-ae", "Advanced"}, {"*", ""}, {NULL, NULL}};

/* AWS's license model when none is set (in Terraform's values). */
static const cost_map rds_license_default_map[] = {
    {"sqlserver-*", "license-included"}, {"oracle-se2*", "license-included"},
    {"oracle-se1", "license-included"}, {"oracle-ee*", "bring-your-own-license"},
    {"oracle-se", "bring-your-own-license"}, {"db2-*", "bring-your-own-license"}, {"*", ""}, {NULL, NULL}};

static const cost_map rds_license_map[] = {
    {"license-included", "License included"}, {"bring-your-own-license", "Bring your own license"},
    {"general-public-license", ""}, {"postgresql-license", ""}, {"marketplace-license", ""},
    {NULL, NULL}};

static const cost_map multi_az_map[] = {{"true", "Multi-AZ"}, {"false", "Single-AZ"}, {NULL, NULL}};
static const cost_map multi_az_prefix_map[] = {{"true", "Multi-AZ-"}, {"false", ""}, {NULL, NULL}};

/* Terraform: storage_type defaults to io1 when iops is set, else gp2. */
static const cost_map rds_stype_default_map[] = {{"0", "gp2"}, {"*", "io1"}, {NULL, NULL}};
static const cost_map rds_stype_map[] = {
    {"gp2", "gp2"}, {"gp3", "gp3"}, {"io1", "io1"}, {"standard", "standard"}, {NULL, NULL}};
static const cost_map rds_volume_map[] = {
    {"gp2", "General Purpose"}, {"gp3", "General Purpose-GP3"}, {"io1", "Provisioned IOPS"},
    {"standard", "Magnetic"}, {NULL, NULL}};

#define WHY_MAZ "a Single-AZ deployment unless multi_az = true (the provider's default)"
#define WHY_RETENTION "AWS keeps one day of automated backups when no retention period is given"
#define WHY_AURORA_STORAGE "Aurora Standard storage unless storage_type = aurora-iopt1 (the provider's default)"

/* A read replica need not write its engine or its storage size: AWS copies
 * the source's, and a real plan calls them known after apply.  They are
 * then the source's (no assumption: that is what AWS does). */
static const cost_source rds_replica_source = {
    "replicated database",
    {{"replicate_source_db", "aws_db_instance", "identifier"}, {"replicate_source_db", "aws_db_instance", "arn"}}};

static const cost_var rds_vars[] = {
    {.name = "class", .attr = "instance_class", .flags = CVF_REQUIRED},
    {.name = "engine", .fallback = "engine_written", .map = rds_engine_map, .flags = CVF_REQUIRED},
    {.name = "engine_written", .attr = "engine", .fallback = "engine_source"},
    {.name = "engine_source", .attr = "engine", .from = &rds_replica_source},
    {.name = "edition", .fallback = "engine_written", .map = rds_edition_map},
    {.name = "license", .attr = "license_model", .fallback = "license_default", .map = rds_license_map,
     .usage = "license_model", .flags = CVF_UNKNOWN_DEFAULT,
     .why = "the engine's license model on AWS: license included for SQL Server and Oracle SE2/SE1, "
            "bring your own for Oracle EE and Db2, none for open-source engines"},
    {.name = "license_default", .fallback = "engine_written", .map = rds_license_default_map},
    {.name = "maz", .attr = "multi_az", .usage = "multi_az", .dflt = "false", .map = multi_az_map,
     .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_MAZ},
    {.name = "mazp", .attr = "multi_az", .usage = "multi_az", .dflt = "false", .map = multi_az_prefix_map,
     .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_MAZ},
    {.name = "stype", .attr = "storage_type", .fallback = "stype_default", .map = rds_stype_map,
     .usage = "storage_type", .flags = CVF_UNKNOWN_DEFAULT,
     .why = "the provider's default storage: gp2, or io1 when iops is set"},
    {.name = "stype_default", .attr = "iops", .usage = "iops", .dflt = "0", .map = rds_stype_default_map,
     .flags = CVF_UNKNOWN_DEFAULT, .why = "no provisioned IOPS unless iops is set (the provider's default)"},
    {.name = "volume", .fallback = "stype", .map = rds_volume_map},
    {.name = "storage", .attr = "allocated_storage", .fallback = "storage_source", .flags = CVF_REQUIRED},
    {.name = "storage_source", .attr = "allocated_storage", .from = &rds_replica_source},
    {.name = "iops", .attr = "iops", .usage = "iops"},
    /* AWS keeps one day of backups when none is set */
    {.name = "retention", .attr = "backup_retention_period", .usage = "backup_retention_period", .dflt = "1",
     .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_RETENTION},
};

/* AWS prices RDS storage and IOPS twice: once for any engine and again per
 * engine (same price); some price lists carry only the per-engine rows. */
#define RDS_STORAGE_ENGINE RX("databaseEngine", "^(Any|{engine})$")

static const cost_comp_spec rds_comps[] = {
    {.name = "Database instance ({maz}, on-demand, {class})",
     .service = "AmazonRDS", .family = "Database Instance",
     .filters = {EQ("instanceType", "{class}"), EQ("databaseEngine", "{engine}"),
                 EQ("deploymentOption", "{maz}"), EQ("databaseEdition", "{edition}"),
                 EQ("licenseModel", "{license}"), REGION,
                 RX("usagetype", "^([A-Z0-9]+-)?(InstanceUsage|Multi-AZUsage):db\\.")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Storage ({stype}, {maz})",
     .service = "AmazonRDS", .family = "Database Storage",
     .filters = {EQ("volumeType", "{volume}"), EQ("deploymentOption", "{maz}"), RDS_STORAGE_ENGINE},
     .unit = "GB-months", .per = "GB-month", .qty = Q_FN(cq_rds_storage)},
    {.name = "Provisioned IOPS (io1)",
     .when = {{"stype", COP_EQ, "io1"}},
     .service = "AmazonRDS", .family = "Provisioned IOPS",
     .filters = {EQ("deploymentOption", "{maz}"), RDS_STORAGE_ENGINE, UT("RDS:{mazp}PIOPS")},
     .unit = "IOPS-months", .per = "IOPS-month", .qty = Q_FN(cq_rds_io1_iops)},
    {.name = "Provisioned IOPS (gp3, above the baseline)",
     .when = {{"stype", COP_EQ, "gp3"}},
     .service = "AmazonRDS", .family = "Provisioned IOPS",
     .filters = {EQ("deploymentOption", "{maz}"), RDS_STORAGE_ENGINE, UT("RDS:{mazp}GP3-PIOPS")},
     .unit = "IOPS-months", .per = "IOPS-month", .qty = Q_FN(cq_rds_gp3_iops), .flags = CF_OMIT_ZERO},
    {.name = "I/O requests (magnetic)",
     .when = {{"stype", COP_EQ, "standard"}},
     .service = "AmazonRDS", .family = "System Operation",
     .filters = {UT("RDS:StorageIOUsage")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_standard_io_requests", 1)},
    {.name = "Additional backup storage",
     .when = {{"retention", COP_GT, "0"}},
     .service = "AmazonRDS", .family = "Storage Snapshot",
     .filters = {UT("RDS:ChargedBackupUsage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("additional_backup_storage_gb", 1)},
};

static const cost_part rds_parts[] = {{.comps = rds_comps, .ncomps = N(rds_comps)}};

static const cost_usage_key rds_usage[] = {
    NUM("additional_backup_storage_gb", "backup storage beyond the free allowance, GB"),
    NUM("monthly_standard_io_requests", "I/O requests per month (magnetic storage)"),
    STR("license_model", "license model when the plan does not give it"),
    BOOL("multi_az", "Multi-AZ when the plan does not give it"),
    STR("storage_type", "storage type when the plan does not give it: gp2, gp3, io1 or standard"),
    NUM("iops", "provisioned IOPS, when the plan does not give iops"),
    NUM("backup_retention_period", "days of backups kept, when the plan does not give it"),
};

/* ---- aws_rds_cluster / aws_rds_cluster_instance (Aurora) ----------------------- */

static const cost_map aurora_engine_map[] = {
    {"aurora", "Aurora MySQL"}, {"aurora-mysql", "Aurora MySQL"}, {"aurora-postgresql", "Aurora PostgreSQL"},
    {NULL, NULL}};
static const cost_map aurora_storage_map[] = {
    {"aurora", "StorageUsage"}, {"aurora-iopt1", "IO-OptimizedStorageUsage"}, {NULL, NULL}};
static const cost_map aurora_instance_usage_map[] = {
    {"aurora", "InstanceUsage"}, {"aurora-iopt1", "InstanceUsageIOOptimized"}, {NULL, NULL}};
static const cost_map aurora_v2_usage_map[] = {
    {"aurora", "ServerlessV2Usage"}, {"aurora-iopt1", "ServerlessV2IOOptimizedUsage"}, {NULL, NULL}};

static const cost_var aurora_cluster_vars[] = {
    {.name = "engine", .attr = "engine", .dflt = "aurora", .map = aurora_engine_map},
    {.name = "stype", .attr = "storage_type", .usage = "storage_type", .dflt = "aurora",
     .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_AURORA_STORAGE},
    {.name = "storage_ut", .fallback = "stype", .map = aurora_storage_map},
    {.name = "mode", .attr = "engine_mode", .usage = "engine_mode", .dflt = "provisioned",
     .flags = CVF_UNKNOWN_DEFAULT, .why = "a provisioned cluster unless engine_mode = serverless (the provider's default)"},
    {.name = "retention", .attr = "backup_retention_period", .usage = "backup_retention_period", .dflt = "1",
     .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_RETENTION},
};

static const cost_comp_spec aurora_cluster_comps[] = {
    {.name = "Storage ({engine})",
     .service = "AmazonRDS", .family = "Database Storage",
     .filters = {UT("Aurora:{storage_ut}")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
    {.name = "I/O requests",
     .when = {{"stype", COP_EQ, "aurora"}},
     .service = "AmazonRDS", .family = "System Operation",
     .filters = {UT("Aurora:StorageIOUsage")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6, .qty = Q_FN(cq_aurora_io), .flags = CF_USAGE},
    {.name = "Backup storage",
     .when = {{"retention", COP_GT, "1"}},
     .service = "AmazonRDS", .family = "Storage Snapshot",
     .filters = {UT("Aurora:BackupUsage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_FN(cq_aurora_backup_gb), .flags = CF_USAGE},
    {.name = "Aurora Serverless v1 capacity",
     .when = {{"mode", COP_EQ, "serverless"}},
     .service = "AmazonRDS", .family = "Serverless",
     .filters = {EQ("databaseEngine", "{engine}"), UT("Aurora:ServerlessUsage")},
     .unit = "ACU-hours", .per = "ACU-hour", .qty = Q_USAGE("capacity_units_per_hr", HOURS)},
};

static const cost_part aurora_cluster_parts[] = {{.comps = aurora_cluster_comps, .ncomps = N(aurora_cluster_comps)}};

static const cost_usage_key aurora_cluster_usage[] = {
    NUM("storage_gb", "data stored, GB"),
    NUM("write_requests_per_sec", "average write I/O requests per second"),
    NUM("read_requests_per_sec", "average read I/O requests per second"),
    NUM("backup_snapshot_size_gb", "size of one backup snapshot, GB (billed x (retention - 1))"),
    NUM("capacity_units_per_hr", "average Aurora capacity units (Serverless v1)"),
    STR("storage_type", "aurora or aurora-iopt1, when the plan does not give it"),
    STR("engine_mode", "provisioned or serverless, when the plan does not give it"),
    NUM("backup_retention_period", "days of backups kept, when the plan does not give it"),
};

static const cost_source aurora_cluster_source = {
    "Aurora cluster", {{"cluster_identifier", "aws_rds_cluster", "cluster_identifier"}}};

static const cost_var aurora_instance_vars[] = {
    {.name = "class", .attr = "instance_class", .flags = CVF_REQUIRED},
    {.name = "engine", .attr = "engine", .map = aurora_engine_map, .flags = CVF_REQUIRED},
    {.name = "stype", .attr = "storage_type", .usage = "storage_type", .from = &aurora_cluster_source,
     .dflt = "aurora", .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_AURORA_STORAGE},
    {.name = "instance_ut", .fallback = "stype", .map = aurora_instance_usage_map},
    {.name = "v2_ut", .fallback = "stype", .map = aurora_v2_usage_map},
};

static const cost_comp_spec aurora_instance_comps[] = {
    {.name = "Database instance (on-demand, {class})",
     .when = {{"class", COP_NE, "db.serverless"}},
     .service = "AmazonRDS", .family = "Database Instance",
     .filters = {EQ("instanceType", "{class}"), EQ("databaseEngine", "{engine}"), REGION,
                 UT("{instance_ut}:{class}")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Aurora Serverless v2 capacity",
     .when = {{"class", COP_EQ, "db.serverless"}},
     .service = "AmazonRDS",
     .filters = {EQ("databaseEngine", "{engine}"), UT("Aurora:{v2_ut}")},
     .unit = "ACU-hours", .per = "ACU-hour", .qty = Q_USAGE("capacity_units_per_hr", HOURS)},
};

static const cost_part aurora_instance_parts[] = {{.comps = aurora_instance_comps, .ncomps = N(aurora_instance_comps)}};

static const cost_usage_key aurora_instance_usage[] = {
    NUM("capacity_units_per_hr", "average Aurora capacity units (db.serverless, Serverless v2)"),
    STR("storage_type", "the cluster's aurora or aurora-iopt1, when the plan does not give it"),
};

/* ---- the models ---- */

static const cost_model model_rds = {
    .type = "aws_db_instance", .example = "instance_class=db.t3.micro engine=postgres allocated_storage=20",
    .doc = "instance hours by engine, class, Single/Multi-AZ and license; storage by type and size; "
           "provisioned IOPS (io1 at least 1,000 IOPS and 100 GB; gp3 above 3,000, or 12,000 from 400 GB); "
           "backup storage and magnetic I/O (usage)",
    VARS(rds_vars), PARTS(rds_parts), USAGE(rds_usage)};
static const cost_model model_aurora_cluster = {
    .type = "aws_rds_cluster",
    .doc = "Aurora storage, I/O, backup storage and Serverless v1 capacity (usage)",
    VARS(aurora_cluster_vars), PARTS(aurora_cluster_parts), USAGE(aurora_cluster_usage)};
static const cost_model model_aurora_instance = {
    .type = "aws_rds_cluster_instance", .example = "instance_class=db.r6g.large engine=aurora-postgresql",
    .doc = "Aurora instance hours by engine and class (I/O-Optimized from the cluster); "
           "db.serverless capacity (usage)",
    VARS(aurora_instance_vars), PARTS(aurora_instance_parts), USAGE(aurora_instance_usage)};

COST_MODEL_LIST(rds) = {&model_rds, &model_aurora_cluster, &model_aurora_instance, NULL};
