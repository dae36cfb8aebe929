/*
 * models/emr.c — cost models: EMR clusters and instance groups (the EC2
 * instances they run, and EMR's per-instance charge on top).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 *
 * The snapshot holds the EC2 side only: EMR's own per-instance charge is
 * not in any stored price source, so offline it says "not priced" (with the
 * sync hint) and the total is marked partial; `pricing sync` fetches it.
 * Instance fleets (several types, spot and on-demand targets) are not priced.
 */
#include "common.h"

/* count x 730 hours of one instance type: the EC2 instance, then EMR's charge. */
#define EMR_COMPS(WHAT)                                                                            \
    {.name = WHAT " EC2 instances (Linux, on-demand, {type})",                                     \
     .service = "AmazonEC2",                                                                       \
     .filters = {EQ("instanceType", "{type}"), EQ("tenancy", "Shared"), EQ("operatingSystem", "Linux"), \
                 EQ("preInstalledSw", "NA"), EQ("licenseModel", "No License required"),            \
                 EQ("capacitystatus", "Used"), RX("usagetype", "^([A-Z0-9]+-)?BoxUsage:")},        \
     .unit = "hours", .per = "hour", .qty = Q_VAR("count", HOURS)},                                \
    {.name = WHAT " EMR charge ({type})",                                                          \
     .service = "ElasticMapReduce", .family = "Elastic Map Reduce Instance",                       \
     .filters = {EQ("instanceType", "{type}"), EQ("softwareType", "EMR"),                          \
                 RX("usagetype", "^([A-Z0-9]+-)?BoxUsage:")},                                      \
     .unit = "hours", .per = "hour", .qty = Q_VAR("count", HOURS)}

static const cost_var group_vars[] = {
    {.name = "type", .attr = "instance_type", .flags = CVF_REQUIRED},
    {.name = "count", .attr = "instance_count", .dflt = "1"},
};

static const cost_comp_spec master_comps[] = {EMR_COMPS("Master")};
static const cost_comp_spec core_comps[] = {EMR_COMPS("Core")};
static const cost_comp_spec task_comps[] = {EMR_COMPS("Task")};

static const cost_part cluster_parts[] = {
    {.each = "master_instance_group", .each_unknown_empty = true, .vars = group_vars,
     .nvars = N(group_vars), .comps = master_comps, .ncomps = N(master_comps)},
    {.each = "core_instance_group", .each_unknown_empty = true, .vars = group_vars,
     .nvars = N(group_vars), .comps = core_comps, .ncomps = N(core_comps)},
};
static const cost_part group_parts[] = {
    {.vars = group_vars, .nvars = N(group_vars), .comps = task_comps, .ncomps = N(task_comps)},
};

/* ---- the models ---- */

static const cost_model model_cluster = {
    .type = "aws_emr_cluster",
    .doc = "master and core instance groups: EC2 instance hours x instance_count, and EMR's "
           "per-instance charge (not in the snapshot: pricing sync)",
    PARTS(cluster_parts),
    .missing_note = "not priced: no instance group (instance fleets are not priced)"};
static const cost_model model_group = {
    .type = "aws_emr_instance_group", .example = "instance_type=m5.xlarge instance_count=2",
    .doc = "EC2 instance hours x instance_count, and EMR's per-instance charge (not in the "
           "snapshot: pricing sync)",
    PARTS(group_parts)};

COST_MODEL_LIST(emr) = {&model_cluster, &model_group, NULL};
