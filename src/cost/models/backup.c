/*
 * models/backup.c — cost models: AWS Backup vaults.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* A vault's recovery points are billed by what they back up: EFS at AWS
 * Backup's own prices, EBS, RDS, Aurora and DynamoDB at their services'
 * snapshot and backup prices, FSx at FSx's backup price. */
static const cost_var vault_vars[] = {
    {.name = "rds_engine", .usage = "rds_engine", .dflt = "MySQL", .flags = CVF_ASSUME,
     .why = "RDS snapshot storage at the MySQL price (the RDS snapshot rows are per engine)"},
    {.name = "aurora_engine", .usage = "aurora_engine", .dflt = "Aurora MySQL", .flags = CVF_ASSUME,
     .why = "Aurora snapshot storage at the Aurora MySQL price (the rows are per engine)"},
};

#define BK(label, svc, fam, unitname, perunit, key, fl, ...)                                             \
    {.name = label, .service = svc, .family = fam, .filters = {__VA_ARGS__}, .unit = unitname, .per = perunit, \
     .qty = Q_USAGE(key, 1), .flags = fl}

static const cost_comp_spec vault_comps[] = {
    BK("EBS snapshots", "AmazonEC2", "Storage Snapshot", "GB-months", "GB-month", "monthly_ebs_snapshot_gb", 0,
       UT("EBS:SnapshotUsage")),
    BK("RDS snapshots", "AmazonRDS", "Storage Snapshot", "GB-months", "GB-month", "monthly_rds_snapshot_gb",
       CF_IF_USAGE, UT("RDS:ChargedBackupUsage"), EQ("databaseEngine", "{rds_engine}")),
    BK("Aurora snapshots", "AmazonRDS", "Storage Snapshot", "GB-months", "GB-month", "monthly_aurora_snapshot_gb",
       CF_IF_USAGE, UT("Aurora:BackupUsage"), EQ("databaseEngine", "{aurora_engine}")),
    BK("DynamoDB backups", "AmazonDynamoDB", "Amazon DynamoDB On-Demand Backup Storage", "GB-months", "GB-month",
       "monthly_dynamodb_backup_gb", CF_IF_USAGE, UT("TimedBackupStorage-ByteHrs")),
    BK("DynamoDB restores", "AmazonDynamoDB", "Amazon DynamoDB Restore Data Size", "GB", "GB",
       "monthly_dynamodb_restore_gb", CF_IF_USAGE, UT("RestoreDataSize-Bytes")),
    BK("EFS backups (warm)", "AWSBackup", "AWS Backup Storage", "GB-months", "GB-month", "monthly_efs_warm_backup_gb",
       CF_IF_USAGE, UT("WarmStorage-ByteHrs-EFS")),
    BK("EFS backups (cold)", "AWSBackup", "AWS Backup Storage", "GB-months", "GB-month", "monthly_efs_cold_backup_gb",
       CF_IF_USAGE, UT("ColdStorage-ByteHrs-EFS")),
    BK("EFS restores (warm)", "AWSBackup", "AWS Backup Storage", "GB", "GB", "monthly_efs_warm_restore_gb",
       CF_IF_USAGE, UT("PartialRestore-Warm-EFS")),
    BK("EFS restores (cold)", "AWSBackup", "AWS Backup Storage", "GB", "GB", "monthly_efs_cold_restore_gb",
       CF_IF_USAGE, UT("PartialRestore-Cold-EFS")),
    BK("EFS item-level restores", "AWSBackup", "AWS Backup Storage", "requests", "request",
       "monthly_efs_item_restore_requests", CF_IF_USAGE, UT("PartialRestore-Jobs-EFS")),
};
static const cost_part vault_parts[] = {{.comps = vault_comps, .ncomps = N(vault_comps)}};
static const cost_usage_key vault_usage[] = {
    NUM("monthly_ebs_snapshot_gb", "EBS snapshot data in the vault, GB"),
    NUM("monthly_rds_snapshot_gb", "RDS snapshot data in the vault, GB"),
    NUM("monthly_aurora_snapshot_gb", "Aurora snapshot data in the vault, GB"),
    NUM("monthly_dynamodb_backup_gb", "DynamoDB backup data in the vault, GB"),
    NUM("monthly_dynamodb_restore_gb", "DynamoDB data restored per month, GB"),
    NUM("monthly_efs_warm_backup_gb", "EFS backup data in warm storage, GB"),
    NUM("monthly_efs_cold_backup_gb", "EFS backup data in cold storage, GB"),
    NUM("monthly_efs_warm_restore_gb", "EFS data restored from warm storage per month, GB"),
    NUM("monthly_efs_cold_restore_gb", "EFS data restored from cold storage per month, GB"),
    NUM("monthly_efs_item_restore_requests", "EFS item-level restore requests per month"),
    STR("rds_engine", "the engine of the RDS snapshots (MySQL, PostgreSQL)"),
    STR("aurora_engine", "the engine of the Aurora snapshots (Aurora MySQL, Aurora PostgreSQL)"),
};

/* ---- the models ---- */

static const cost_model model_vault = {
    .type = "aws_backup_vault",
    .doc = "backup storage and restores by resource type: EBS always, RDS, Aurora, DynamoDB and EFS when their "
           "usage is given (usage)",
    VARS(vault_vars), PARTS(vault_parts), USAGE(vault_usage)};

COST_MODEL_LIST(backup) = {&model_vault, NULL};
