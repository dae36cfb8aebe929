/*
 * models/directoryservice.c — cost models: Directory Service directories:
 * domain-controller hours by directory type and size or edition.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* Two domain controllers at least (AWS's minimum); Microsoft AD may ask for
 * more, and usage adds the ones added outside the plan. */
static cost_qty_rc cq_dc_hours(const cost_eval *e, double *q, const char **why)
{
    double n = 2, extra;
    cost_qty_rc rc = cost_eval_num(e, "dcs", &n, why);
    if (rc == CQR_UNKNOWN || rc == CQR_INVALID)
        return rc;
    if (rc == CQR_SKIP || n < 2)
        n = 2;
    if (cost_eval_usage(e, "additional_domain_controllers", &extra))
        n += extra;
    *q = n * HOURS;
    return CQR_OK;
}

static const cost_var dir_vars[] = {
    {.name = "type", .attr = "type", .dflt = "SimpleAD"},
    {.name = "size", .attr = "size", .flags = CVF_REQUIRED},
    {.name = "edition", .attr = "edition", .dflt = "Enterprise", .usage = "edition", .flags = CVF_UNKNOWN_DEFAULT,
     .why = "AWS creates an Enterprise Microsoft AD unless edition says Standard"},
    {.name = "dcs", .attr = "desired_number_of_domain_controllers", .flags = CVF_NUMBER},
};
static const cost_comp_spec dir_comps[] = {
    {.name = "Domain controllers (Microsoft AD, {edition})",
     .when = {{"type", COP_EQ, "MicrosoftAD"}},
     .service = "AWSDirectoryService", .family = "AWS Directory Service",
     .filters = {UT("DirectoryService-MicrosoftAD-{edition}")},
     .unit = "controller-hours", .per = "controller-hour", .qty = Q_FN(cq_dc_hours)},
    {.name = "Domain controllers ({type}, {size})",
     .when = {{"type", COP_EQ, "SimpleAD|ADConnector"}},
     .service = "AWSDirectoryService", .family = "AWS Directory Service",
     .filters = {UT("DirectoryService-{type}-{size}")},
     .unit = "controller-hours", .per = "controller-hour", .qty = Q_FN(cq_dc_hours)},
};
static const cost_part dir_parts[] = {{.comps = dir_comps, .ncomps = N(dir_comps)}};
static const cost_usage_key dir_usage[] = {
    NUM("additional_domain_controllers", "domain controllers added beyond the plan's (at least 2 run)"),
    STR("edition", "Standard or Enterprise (Microsoft AD), when the plan does not give it"),
};

static const cost_model model_dir = {
    .type = "aws_directory_service_directory",
    .doc = "domain-controller hours (2 or more) by type and size (Simple AD, AD Connector) or edition (Microsoft AD)",
    VARS(dir_vars), .example = "type=SimpleAD size=Small", PARTS(dir_parts), USAGE(dir_usage)};

COST_MODEL_LIST(directoryservice) = {&model_dir, NULL};
