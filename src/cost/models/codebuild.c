/*
 * models/codebuild.c — cost models: CodeBuild projects.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* Build minutes by environment and compute type, as AWS names them in the
 * usage type (Build-Min:Linux:g1.small); other kinds are not priced. */
static const cost_map env_map[] = {
    {"LINUX_CONTAINER", "Linux"}, {"WINDOWS_SERVER_2019_CONTAINER", "Windows"}, {"ARM_CONTAINER", "ARM"},
    {"LINUX_GPU_CONTAINER", "LinuxGPU"}, {NULL, NULL}};
static const cost_map compute_map[] = {
    {"BUILD_GENERAL1_SMALL", "g1.small"}, {"BUILD_GENERAL1_MEDIUM", "g1.medium"},
    {"BUILD_GENERAL1_LARGE", "g1.large"}, {"BUILD_GENERAL1_XLARGE", "g1.xlarge"},
    {"BUILD_GENERAL1_2XLARGE", "g1.2xlarge"}, {NULL, NULL}};

static const cost_var project_vars[] = {
    {.name = "env", .attr = "environment[0].type", .map = env_map, .flags = CVF_REQUIRED},
    {.name = "compute", .attr = "environment[0].compute_type", .map = compute_map, .flags = CVF_REQUIRED},
};
static const cost_comp_spec project_comps[] = {
    {.name = "Build minutes ({env}, {compute})",
     .service = "CodeBuild", .family = "Compute", .filters = {UT("Build-Min:{env}:{compute}")},
     .unit = "minutes", .per = "minute", .qty = Q_USAGE("monthly_build_mins", 1)},
};
static const cost_part project_parts[] = {{.comps = project_comps, .ncomps = N(project_comps)}};
static const cost_usage_key project_usage[] = {
    NUM("monthly_build_mins", "build minutes per month (each build rounded up to a minute)"),
};

/* ---- the models ---- */

static const cost_model model_project = {
    .type = "aws_codebuild_project", .doc = "build minutes by environment type and compute type (usage)",
    .example = "environment.type=LINUX_CONTAINER environment.compute_type=BUILD_GENERAL1_SMALL",
    VARS(project_vars), PARTS(project_parts), USAGE(project_usage)};

COST_MODEL_LIST(codebuild) = {&model_project, NULL};
