/*
 * models/stepfunctions.c — cost models: Step Functions state machines.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

#include <math.h>

/* Express workflows bill memory in 64 MB steps and duration in 100 ms
 * steps, per request. */
static cost_qty_rc express_gb_seconds(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    double req, ms, mb;
    if (!cost_eval_usage(e, "monthly_requests", &req) || !cost_eval_usage(e, "workflow_duration_ms", &ms) ||
        !cost_eval_usage(e, "memory_mb", &mb))
        return CQR_NO_USAGE;
    *q = req * (ceil(mb / 64.0) * 64.0 / 1024.0) * (ceil(ms / 100.0) / 10.0);
    return CQR_OK;
}

static const cost_map sfn_type_map[] = {{"STANDARD", "standard"}, {"EXPRESS", "express"}, {NULL, NULL}};
static const cost_var sfn_vars[] = {
    {.name = "kind", .attr = "type", .dflt = "STANDARD", .map = sfn_type_map},
};
static const cost_comp_spec sfn_comps[] = {
    {.name = "State transitions",
     .when = {{"kind", COP_EQ, "standard"}},
     .service = "AmazonStates", .family = "AWS Step Functions", .filters = {UT("StateTransition")},
     .unit = "transitions", .per = "1k transitions", .per_scale = 1e3, .qty = Q_USAGE("monthly_transitions", 1)},
    {.name = "Requests",
     .when = {{"kind", COP_EQ, "express"}},
     .service = "AmazonStates", .family = "AWS Step Functions", .filters = {UT("StepFunctions-Request")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6, .qty = Q_USAGE("monthly_requests", 1)},
    {.name = "Duration",
     .when = {{"kind", COP_EQ, "express"}},
     .service = "AmazonStates", .filters = {UT("StepFunctions-GB-Second")},
     .unit = "GB-seconds", .per = "GB-second", .qty = Q_FN(express_gb_seconds), .flags = CF_USAGE | CF_TIERED},
};
static const cost_part sfn_parts[] = {{.comps = sfn_comps, .ncomps = N(sfn_comps)}};
static const cost_usage_key sfn_usage[] = {
    NUM("monthly_transitions", "state transitions per month (standard workflows)"),
    NUM("monthly_requests", "workflow executions per month (express workflows)"),
    NUM("workflow_duration_ms", "average duration of an execution, ms (express workflows)"),
    NUM("memory_mb", "average memory an execution uses, MB (express workflows)"),
};

/* ---- the models ---- */

static const cost_model model_sfn = {
    .type = "aws_sfn_state_machine",
    .doc = "standard: state transitions; express: requests and GB-seconds (usage)",
    VARS(sfn_vars), PARTS(sfn_parts), USAGE(sfn_usage)};

COST_MODEL_LIST(stepfunctions) = {&model_sfn, NULL};
