/*
 * models/ebs_snapshot.c — cost models: EBS snapshots (taken, copied,
 * imported), the snapshots behind AMIs, and Fast Snapshot Restore.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 *
 * A snapshot is billed for the blocks it stores.  The plan knows a volume's
 * size, not how much of it is written, so storage is the volume's size —
 * what a first, full snapshot of a full volume stores — unless storage_gb
 * gives the figure; the docs line says so.
 */
#include "common.h"

#define SNAPSHOT_STORAGE(QTY)                                                                      \
    {.name = "Snapshot storage",                                                                   \
     .service = "AmazonEC2", .family = "Storage Snapshot",                                         \
     .filters = {UT("EBS:SnapshotUsage")},                                                         \
     .unit = "GB-months", .per = "GB-month", .qty = QTY}

/* ---- aws_ebs_snapshot: the volume it is taken from ---- */

static const cost_source snapshot_volume_source = {
    "volume", {{"volume_id", "aws_ebs_volume", "id"}}};

static const cost_var snapshot_vars[] = {
    {.name = "size", .attr = "volume_size", .usage = "storage_gb", .fallback = "vol_size"},
    {.name = "vol_size", .attr = "size", .from = &snapshot_volume_source, .flags = CVF_REQUIRED},
};
static const cost_comp_spec snapshot_comps[] = {
    SNAPSHOT_STORAGE(Q_VAR("size", 1)),
    {.name = "Fast snapshot restore",
     .service = "AmazonEC2", .family = "Fast Snapshot Restore",
     .filters = {UT("EBS:FastSnapshotRestore")},
     .unit = "DSU-hours", .per = "DSU-hour", .qty = Q_USAGE("fast_snapshot_restore_hours", 1),
     .flags = CF_IF_USAGE},
};
static const cost_part snapshot_parts[] = {{.comps = snapshot_comps, .ncomps = N(snapshot_comps)}};
static const cost_usage_key snapshot_usage[] = {
    NUM("storage_gb", "data the snapshot stores, GB (default: the volume's size)"),
    NUM("fast_snapshot_restore_hours", "Fast Snapshot Restore DSU-hours per month"),
};

/* ---- aws_ebs_snapshot_copy: the snapshot it copies ---- */

static const cost_source copy_source = {
    "source snapshot", {{"source_snapshot_id", "aws_ebs_snapshot", "id"}}};

static const cost_var copy_vars[] = {
    {.name = "size", .attr = "volume_size", .usage = "storage_gb", .fallback = "src_size"},
    {.name = "src_size", .attr = "volume_size", .from = &copy_source, .flags = CVF_REQUIRED},
};
static const cost_comp_spec copy_comps[] = {SNAPSHOT_STORAGE(Q_VAR("size", 1))};
static const cost_part copy_parts[] = {{.comps = copy_comps, .ncomps = N(copy_comps)}};
static const cost_usage_key copy_usage[] = {
    NUM("storage_gb", "data the copy stores, GB (default: the source snapshot's volume size)"),
};

/* ---- aws_ami / aws_ami_copy: one snapshot per EBS block device ---- */

static const cost_var ami_device_vars[] = {
    {.name = "vsize", .attr = "volume_size", .flags = CVF_REQUIRED},
};
static const cost_comp_spec ami_device_comps[] = {SNAPSHOT_STORAGE(Q_VAR("vsize", 1))};

static const cost_var ami_vars[] = {
    {.name = "gb", .usage = "storage_gb"},
};
static const cost_comp_spec ami_usage_comps[] = {SNAPSHOT_STORAGE(Q_USAGE("storage_gb", 1))};

/* With storage_gb the figure replaces the block devices' sizes. */
static const cost_part ami_parts[] = {
    {.when = {{"gb", COP_UNSET, NULL}}, .each = "ebs_block_device", .each_unknown_empty = true,
     .vars = ami_device_vars, .nvars = N(ami_device_vars),
     .comps = ami_device_comps, .ncomps = N(ami_device_comps)},
    {.when = {{"gb", COP_SET, NULL}}, .comps = ami_usage_comps, .ncomps = N(ami_usage_comps)},
};
static const cost_usage_key ami_usage[] = {
    NUM("storage_gb", "data the image's snapshots store, GB (default: its block devices' sizes)"),
};

/* ---- aws_ebs_snapshot_import: the imported disk's size ---- */

static const cost_var import_vars[] = {
    {.name = "size", .attr = "volume_size", .usage = "storage_gb", .flags = CVF_REQUIRED},
};
static const cost_comp_spec import_comps[] = {SNAPSHOT_STORAGE(Q_VAR("size", 1))};
static const cost_part import_parts[] = {{.comps = import_comps, .ncomps = N(import_comps)}};
static const cost_usage_key import_usage[] = {
    NUM("storage_gb", "data the imported snapshot stores, GB (its volume_size is known after apply)"),
};

/* ---- aws_ebs_fast_snapshot_restore: one snapshot in one zone, all month ---- */

static const cost_comp_spec fsr_comps[] = {
    {.name = "Fast snapshot restore ({az})",
     .service = "AmazonEC2", .family = "Fast Snapshot Restore",
     .filters = {UT("EBS:FastSnapshotRestore")},
     .unit = "DSU-hours", .per = "DSU-hour", .qty = Q_CONST(HOURS)},
};
static const cost_var fsr_vars[] = {
    {.name = "az", .attr = "availability_zone", .flags = CVF_REQUIRED},
};
static const cost_part fsr_parts[] = {{.comps = fsr_comps, .ncomps = N(fsr_comps)}};

/* ---- the models ---- */

static const cost_model model_ami = {
    .type = "aws_ami",
    .doc = "snapshot storage of each EBS block device at its volume size (storage_gb overrides)",
    VARS(ami_vars), PARTS(ami_parts), USAGE(ami_usage),
    .missing_note = "not priced: no EBS block device with a size; give storage_gb"};
static const cost_model model_ami_copy = {
    .type = "aws_ami_copy",
    .doc = "snapshot storage of the copied image's EBS block devices (storage_gb overrides)",
    VARS(ami_vars), PARTS(ami_parts), USAGE(ami_usage),
    .missing_note = "not priced: the copied image's block devices are known after apply; give storage_gb"};
static const cost_model model_ami_from_instance = {
    .type = "aws_ami_from_instance",
    .doc = "snapshot storage of the image's EBS block devices (storage_gb overrides)",
    VARS(ami_vars), PARTS(ami_parts), USAGE(ami_usage),
    .missing_note = "not priced: the image's block devices are known after apply; give storage_gb"};
static const cost_model model_fsr = {
    .type = "aws_ebs_fast_snapshot_restore",
    .doc = "Fast Snapshot Restore for one snapshot in one availability zone, every hour of the month",
    VARS(fsr_vars), PARTS(fsr_parts), .example = "availability_zone=us-east-1a"};
static const cost_model model_snapshot = {
    .type = "aws_ebs_snapshot",
    .doc = "snapshot storage at the volume's size (storage_gb overrides); Fast Snapshot Restore (usage)",
    VARS(snapshot_vars), PARTS(snapshot_parts), USAGE(snapshot_usage),
    .example = "storage_gb=100"};
static const cost_model model_snapshot_import = {
    .type = "aws_ebs_snapshot_import",
    .doc = "snapshot storage of the imported disk (usage until its size is known)",
    VARS(import_vars), PARTS(import_parts), USAGE(import_usage),
    .example = "storage_gb=100"};
static const cost_model model_snapshot_copy = {
    .type = "aws_ebs_snapshot_copy",
    .doc = "snapshot storage at the source snapshot's volume size (storage_gb overrides)",
    VARS(copy_vars), PARTS(copy_parts), USAGE(copy_usage),
    .example = "storage_gb=100"};

COST_MODEL_LIST(ebs_snapshot) = {&model_ami, &model_ami_copy, &model_ami_from_instance,
                                 &model_fsr, &model_snapshot, &model_snapshot_copy,
                                 &model_snapshot_import, NULL};
