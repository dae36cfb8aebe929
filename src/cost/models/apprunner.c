/*
 * models/apprunner.c — cost models: App Runner services.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 *
 * App Runner bills a provisioned (idle) instance for its memory and an
 * active one (serving requests) for its vCPU and memory: the active hours
 * come from usage, the provisioned ones are the rest of the month of the
 * instances kept warm.
 */
#include "common.h"

/* instance_configuration cpu and memory: the API's either form. */
static const cost_map vcpu_map[] = {
    {"256", "0.25"}, {"0.25 vCPU", "0.25"}, {"512", "0.5"}, {"0.5 vCPU", "0.5"},
    {"1024", "1"}, {"1 vCPU", "1"}, {"2048", "2"}, {"2 vCPU", "2"},
    {"4096", "4"}, {"4 vCPU", "4"}, {NULL, NULL}};
static const cost_map memory_map[] = {
    {"512", "0.5"}, {"0.5 GB", "0.5"}, {"1024", "1"}, {"1 GB", "1"}, {"2048", "2"}, {"2 GB", "2"},
    {"3072", "3"}, {"3 GB", "3"}, {"4096", "4"}, {"4 GB", "4"}, {"6144", "6"}, {"6 GB", "6"},
    {"8192", "8"}, {"8 GB", "8"}, {"10240", "10"}, {"10 GB", "10"}, {"12288", "12"}, {"12 GB", "12"},
    {NULL, NULL}};

/* The auto scaling configuration's min_size: instances kept provisioned. */
static const cost_source scaling_source = {
    "auto scaling configuration",
    {{"auto_scaling_configuration_arn", "aws_apprunner_auto_scaling_configuration_version", "arn"}}};

static const cost_var service_vars[] = {
    {.name = "vcpu", .attr = "instance_configuration[0].cpu", .dflt = "1024", .map = vcpu_map,
     .flags = CVF_NUMBER},
    {.name = "memory", .attr = "instance_configuration[0].memory", .dflt = "2048", .map = memory_map,
     .flags = CVF_NUMBER},
    {.name = "instances", .attr = "min_size", .from = &scaling_source, .usage = "provisioned_instances",
     .dflt = "1", .flags = CVF_NUMBER},
    {.name = "autodeploy", .attr = "source_configuration[0].auto_deployments_enabled", .map = cost_bool_map},
    {.name = "code", .attr = "source_configuration[0].code_repository[0].repository_url"},
};

/* Active instance hours from usage x the instance's vCPUs or GB. */
static cost_qty_rc active(const cost_eval *e, const char *var, double *q, const char **why)
{
    double per, hours;
    cost_qty_rc rc = cost_eval_num(e, var, &per, why);
    if (rc != CQR_OK)
        return rc;
    if (!cost_eval_usage(e, "monthly_active_instance_hours", &hours))
        return CQR_NO_USAGE;
    *q = per * hours;
    return CQR_OK;
}

static cost_qty_rc active_vcpu_hours(const cost_eval *e, double *q, const char **why)
{
    return active(e, "vcpu", q, why);
}

static cost_qty_rc active_gb_hours(const cost_eval *e, double *q, const char **why)
{
    return active(e, "memory", q, why);
}

/* The provisioned instances' memory for the hours they are not active. */
static cost_qty_rc provisioned_gb_hours(const cost_eval *e, double *q, const char **why)
{
    double gb, n, hours = 0;
    cost_qty_rc rc = cost_eval_num(e, "memory", &gb, why);
    if (rc == CQR_OK)
        rc = cost_eval_num(e, "instances", &n, why);
    if (rc != CQR_OK)
        return rc;
    cost_eval_usage(e, "monthly_active_instance_hours", &hours);
    double idle = n * HOURS - hours;
    *q = gb * (idle > 0 ? idle : 0);
    return CQR_OK;
}

static const cost_comp_spec service_comps[] = {
    {.name = "Provisioned memory ({memory} GB x {instances} kept provisioned, less active hours)",
     .service = "AWSAppRunner",
     .filters = {UT("ProvisionedMemory-GBHours")},
     .unit = "GB-hours", .per = "GB-hour", .qty = Q_FN(provisioned_gb_hours)},
    {.name = "Active vCPU ({vcpu} vCPU)",
     .service = "AWSAppRunner",
     .filters = {UT("ActiveVCPU-Hours")},
     .unit = "vCPU-hours", .per = "vCPU-hour", .qty = Q_FN(active_vcpu_hours), .flags = CF_USAGE},
    {.name = "Active memory ({memory} GB)",
     .service = "AWSAppRunner",
     .filters = {UT("ActiveMemory-GBHours")},
     .unit = "GB-hours", .per = "GB-hour", .qty = Q_FN(active_gb_hours), .flags = CF_USAGE},
    {.name = "Build minutes",
     .when = {{"code", COP_SET, NULL}},
     .service = "AWSAppRunner",
     .filters = {UT("Build-Minutes")},
     .unit = "minutes", .per = "minute", .qty = Q_USAGE("monthly_build_minutes", 1)},
    {.name = "Automatic deployment",
     .when = {{"autodeploy", COP_SET, NULL}},
     .service = "AWSAppRunner",
     .filters = {UT("AutomaticDeployment")},
     .unit = "months", .per = "month", .qty = Q_CONST(1)},
};
static const cost_part service_parts[] = {{.comps = service_comps, .ncomps = N(service_comps)}};
static const cost_usage_key service_usage[] = {
    NUM("monthly_active_instance_hours", "instance-hours a month the service's instances serve requests"),
    NUM("provisioned_instances", "instances kept provisioned, when the plan has no auto scaling "
                                 "configuration (AWS's default min_size is 1)"),
    NUM("monthly_build_minutes", "build minutes a month (source code repositories)"),
};

/* ---- the models ---- */

static const cost_model model_service = {
    .type = "aws_apprunner_service",
    .doc = "provisioned instances' memory hours; active vCPU and memory hours (usage); "
           "build minutes (usage); automatic deployment per month",
    VARS(service_vars), PARTS(service_parts), USAGE(service_usage)};

COST_MODEL_LIST(apprunner) = {&model_service, NULL};
