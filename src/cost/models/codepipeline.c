/*
 * models/codepipeline.c — cost models: CodePipeline pipelines.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* V1 pipelines pay per active pipeline-month (one older than 30 days that
 * ran in the month); V2 pipelines pay per action execution minute.
 * pipeline_type defaults to V1 (the provider's default). */
static const cost_map ptype_map[] = {{"V1", "v1"}, {"V2", "v2"}, {NULL, NULL}};
static const cost_var pipeline_vars[] = {
    {.name = "ptype", .attr = "pipeline_type", .dflt = "V1", .map = ptype_map},
};
static const cost_comp_spec pipeline_comps[] = {
    {.name = "Active pipeline (V1)",
     .when = {{"ptype", COP_EQ, "v1"}},
     .service = "AWSCodePipeline", .filters = {UT("activePipeline")},
     .unit = "pipeline-months", .per = "pipeline-month", .qty = Q_CONST(1)},
    {.name = "Action execution minutes (V2)",
     .when = {{"ptype", COP_EQ, "v2"}},
     .service = "AWSCodePipeline", .filters = {UT("ActionExecutionMinutes")},
     .unit = "minutes", .per = "minute", .qty = Q_USAGE("monthly_action_execution_minutes", 1)},
};
static const cost_part pipeline_parts[] = {{.comps = pipeline_comps, .ncomps = N(pipeline_comps)}};
static const cost_usage_key pipeline_usage[] = {
    NUM("monthly_action_execution_minutes", "action execution minutes per month (V2 pipelines)"),
};

/* ---- the models ---- */

static const cost_model model_pipeline = {
    .type = "aws_codepipeline",
    .doc = "V1: active pipeline-months (a pipeline that runs in a month after its first 30 days); V2: action "
           "execution minutes (usage)",
    VARS(pipeline_vars), PARTS(pipeline_parts), USAGE(pipeline_usage)};

COST_MODEL_LIST(codepipeline) = {&model_pipeline, NULL};
