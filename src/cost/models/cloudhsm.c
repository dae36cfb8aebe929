/*
 * models/cloudhsm.c — cost models: CloudHSM (v2) HSMs: hours.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* An HSM bills every hour it exists; usage says fewer when it is deleted mid-month. */
static cost_qty_rc cq_hsm_hours(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    if (!cost_eval_usage(e, "monthly_hrs", q))
        *q = HOURS;
    return CQR_OK;
}

static const cost_comp_spec hsm_comps[] = {
    {.name = "HSM",
     .service = "CloudHSM", .family = "Dedicated-Host",
     .filters = {UT("CloudHSMv2Usage")},
     .unit = "hours", .per = "hour", .qty = Q_FN(cq_hsm_hours)},
};
static const cost_part hsm_parts[] = {{.comps = hsm_comps, .ncomps = N(hsm_comps)}};
static const cost_usage_key hsm_usage[] = {NUM("monthly_hrs", "hours the HSM runs per month (730 when not given)")};

static const cost_model model_hsm = {
    .type = "aws_cloudhsm_v2_hsm", .doc = "HSM hours", PARTS(hsm_parts), USAGE(hsm_usage)};

COST_MODEL_LIST(cloudhsm) = {&model_hsm, NULL};
