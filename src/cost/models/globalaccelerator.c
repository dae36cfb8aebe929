/*
 * models/globalaccelerator.c — cost models: Global Accelerator
 * accelerators: the fixed hourly fee.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* Accelerators are global (the provider manages them from us-west-2); AWS
 * charges the fixed fee per accelerator-hour wherever it runs, and the
 * stored price is the us-east-1 list's. */
static const cost_comp_spec ga_comps[] = {
    {.name = "Fixed fee",
     .service = "AWSGlobalAccelerator", .family = "Global Accelerator", .region = "us-east-1",
     .filters = {UT("GlobalAccelerator-Hours")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
};
static const cost_part ga_parts[] = {{.comps = ga_comps, .ncomps = N(ga_comps)}};

static const cost_model model_ga = {
    .type = "aws_globalaccelerator_accelerator", .doc = "fixed fee hours", PARTS(ga_parts)};

COST_MODEL_LIST(globalaccelerator) = {&model_ga, NULL};
