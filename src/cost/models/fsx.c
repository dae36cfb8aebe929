/*
 * models/fsx.c — cost models: FSx for Windows File Server and FSx for
 * OpenZFS (storage, throughput capacity, provisioned IOPS, backups).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 *
 * The only stored FSx prices are us-east-1 Windows Multi-AZ and OpenZFS
 * Single-AZ 1 (pricing/sources/fsx.csv): other deployments and regions
 * say "not priced", never a guess.  Lustre and ONTAP have no price source.
 */
#include "common.h"

/* Windows: MULTI_AZ_1 is Multi-AZ; SINGLE_AZ_1 and _2 are Single-AZ. */
static const cost_map windows_deploy_map[] = {
    {"MULTI_AZ_1", "Multi-AZ"}, {"SINGLE_AZ_1", "Single-AZ"}, {"SINGLE_AZ_2", "Single-AZ"}, {NULL, NULL}};
/* OpenZFS Single-AZ 2 and Multi-AZ are priced apart from Single-AZ 1. */
static const cost_map openzfs_deploy_map[] = {
    {"SINGLE_AZ_1", "Single-AZ"}, {"SINGLE_AZ_2", "Single-AZ 2"}, {"SINGLE_AZ_HA_1", "Single-AZ HA 1"},
    {"SINGLE_AZ_HA_2", "Single-AZ HA 2"}, {"MULTI_AZ_1", "Multi-AZ"}, {NULL, NULL}};

#define FSX_COMP(NAME, FAMILY, FS, QTY, UNIT, PER, ...)                                            \
    {.name = NAME, .service = "AmazonFSx", .family = FAMILY,                                       \
     .filters = {EQ("fileSystemType", FS), __VA_ARGS__},                                           \
     .unit = UNIT, .per = PER, .qty = QTY}

/* ---- aws_fsx_windows_file_system ---- */

static const cost_var windows_vars[] = {
    {.name = "deploy", .attr = "deployment_type", .dflt = "SINGLE_AZ_1", .map = windows_deploy_map},
    {.name = "stype", .attr = "storage_type", .dflt = "SSD"},
    {.name = "capacity", .attr = "storage_capacity", .flags = CVF_REQUIRED},
    {.name = "tput", .attr = "throughput_capacity", .flags = CVF_REQUIRED},
};
static const cost_comp_spec windows_comps[] = {
    FSX_COMP("{stype} storage ({deploy})", "Storage", "Windows", Q_VAR("capacity", 1), "GB-months",
             "GB-month", EQ("deploymentOption", "{deploy}"), EQ("storageType", "{stype}")),
    FSX_COMP("Throughput capacity ({deploy})", "Provisioned Throughput", "Windows", Q_VAR("tput", 1),
             "MBps-months", "MBps-month", EQ("deploymentOption", "{deploy}")),
    {.name = "Backup storage", .service = "AmazonFSx", .family = "Storage",
     .filters = {EQ("fileSystemType", "Windows"), RX("usagetype", "BackupUsage$")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("backup_storage_gb", 1)},
};
static const cost_part windows_parts[] = {{.comps = windows_comps, .ncomps = N(windows_comps)}};

/* ---- aws_fsx_openzfs_file_system ---- */

/* USER_PROVISIONED IOPS above the 3 per GB of storage included. */
static cost_qty_rc openzfs_iops(const cost_eval *e, double *q, const char **why)
{
    double iops, gb;
    cost_qty_rc rc = cost_eval_num(e, "iops", &iops, why);
    if (rc == CQR_OK)
        rc = cost_eval_num(e, "capacity", &gb, why);
    if (rc != CQR_OK)
        return rc;
    *q = iops > 3 * gb ? iops - 3 * gb : 0;
    return CQR_OK;
}

static const cost_var openzfs_vars[] = {
    {.name = "deploy", .attr = "deployment_type", .map = openzfs_deploy_map, .flags = CVF_REQUIRED},
    {.name = "capacity", .attr = "storage_capacity", .flags = CVF_REQUIRED},
    {.name = "tput", .attr = "throughput_capacity", .flags = CVF_REQUIRED},
    {.name = "iops_mode", .attr = "disk_iops_configuration[0].mode", .dflt = "AUTOMATIC"},
    {.name = "iops", .attr = "disk_iops_configuration[0].iops"},
};
static const cost_comp_spec openzfs_comps[] = {
    FSX_COMP("SSD storage ({deploy})", "Storage", "OpenZFS", Q_VAR("capacity", 1), "GB-months",
             "GB-month", EQ("deploymentOption", "{deploy}"), EQ("storageType", "SSD")),
    FSX_COMP("Throughput capacity ({deploy})", "Provisioned Throughput", "OpenZFS", Q_VAR("tput", 1),
             "MBps-months", "MBps-month", EQ("deploymentOption", "{deploy}")),
    {.name = "Provisioned IOPS above 3 per GB ({deploy})",
     .when = {{"iops_mode", COP_EQ, "USER_PROVISIONED"}},
     .service = "AmazonFSx", .family = "Provisioned IOPS",
     .filters = {EQ("fileSystemType", "OpenZFS"), EQ("deploymentOption", "{deploy}")},
     .unit = "IOPS-months", .per = "IOPS-month", .qty = Q_FN(openzfs_iops)},
    {.name = "Backup storage", .service = "AmazonFSx", .family = "Storage",
     .filters = {EQ("fileSystemType", "OpenZFS"), RX("usagetype", "BackupUsage$")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("backup_storage_gb", 1)},
};
static const cost_part openzfs_parts[] = {{.comps = openzfs_comps, .ncomps = N(openzfs_comps)}};

static const cost_usage_key fsx_usage[] = {
    NUM("backup_storage_gb", "backup storage, GB"),
};

/* ---- the models ---- */

static const cost_model model_openzfs = {
    .type = "aws_fsx_openzfs_file_system",
    .example = "deployment_type=SINGLE_AZ_1 storage_capacity=64 throughput_capacity=64",
    .doc = "SSD storage, throughput capacity, provisioned IOPS above 3 per GB; backups (usage)",
    VARS(openzfs_vars), PARTS(openzfs_parts), USAGE(fsx_usage)};
static const cost_model model_windows = {
    .type = "aws_fsx_windows_file_system",
    .example = "storage_capacity=32 throughput_capacity=8",
    .doc = "SSD or HDD storage and throughput capacity by deployment; backups (usage)",
    VARS(windows_vars), PARTS(windows_parts), USAGE(fsx_usage)};

COST_MODEL_LIST(fsx) = {&model_openzfs, &model_windows, NULL};
