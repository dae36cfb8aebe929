/*
 * models/dms.c — cost models: DMS replication instances (instance hours,
 * storage above what the instance includes).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_map dms_az_map[] = {{"true", "Multiple"}, {"false", "Single"}, {NULL, NULL}};
static const cost_map dms_usage_map[] = {{"true", "Multi-AZUsg"}, {"false", "InstanceUsg"}, {NULL, NULL}};
/* Storage each class includes, GB (Infracost dms_replication_instance.go
 * @95ba4f49: T2/T3 50 GB, C4/R4/R5 100 GB, other classes none). */
static const cost_map dms_free_map[] = {
    {"dms.t2.*", "50"}, {"dms.t3.*", "50"}, {"dms.c4.*", "100"}, {"dms.r4.*", "100"},
    {"dms.r5.*", "100"}, {"*", "0"}, {NULL, NULL}};

static const cost_var instance_vars[] = {
    {.name = "class", .attr = "replication_instance_class", .flags = CVF_REQUIRED},
    {.name = "multi", .attr = "multi_az", .dflt = "false"},
    {.name = "az", .fallback = "multi", .map = dms_az_map},
    {.name = "usage_kind", .fallback = "multi", .map = dms_usage_map},
    {.name = "storage", .attr = "allocated_storage", .usage = "allocated_storage", .dflt = "50",
     .flags = CVF_UNKNOWN_DEFAULT | CVF_NUMBER,
     .why = "50 GB unless allocated_storage says otherwise (DMS's default)"},
    {.name = "free", .fallback = "class", .map = dms_free_map, .flags = CVF_NUMBER},
};

/* Allocated storage beyond what the class includes. */
static cost_qty_rc dms_storage_gb(const cost_eval *e, double *q, const char **why)
{
    double gb, free_gb;
    cost_qty_rc rc = cost_eval_num(e, "storage", &gb, why);
    if (rc == CQR_OK)
        rc = cost_eval_num(e, "free", &free_gb, why);
    if (rc != CQR_OK)
        return rc;
    *q = gb > free_gb ? gb - free_gb : 0;
    return CQR_OK;
}

static const cost_comp_spec instance_comps[] = {
    {.name = "Replication instance (on-demand, {class})",
     .service = "AWSDatabaseMigrationSvc",
     .filters = {EQ("availabilityZone", "{az}"), UT("{usage_kind}:{class}")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Storage (gp2, above the included)",
     .service = "AWSDatabaseMigrationSvc",
     .filters = {EQ("storageMedia", "SSD"), EQ("availabilityZone", "{az}")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_FN(dms_storage_gb)},
};
static const cost_part instance_parts[] = {{.comps = instance_comps, .ncomps = N(instance_comps)}};
static const cost_usage_key instance_usage[] = {
    NUM("allocated_storage", "allocated storage, GB, when the plan does not give it"),
};

/* ---- the models ---- */

static const cost_model model_instance = {
    .type = "aws_dms_replication_instance", .example = "replication_instance_class=dms.t3.medium",
    .doc = "instance hours by class, Single/Multi-AZ; gp2 storage above the 50 GB (T2/T3) or 100 GB "
           "(C4/R4/R5) the class includes",
    VARS(instance_vars), PARTS(instance_parts), USAGE(instance_usage)};

COST_MODEL_LIST(dms) = {&model_instance, NULL};
