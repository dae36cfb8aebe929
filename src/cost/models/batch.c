/*
 * models/batch.c — cost models: Batch compute environments.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 *
 * Batch itself is not billed: jobs pay for the EC2 instances or Fargate
 * tasks they run on, which the plan does not hold (Infracost does not price
 * compute environments either).  An environment whose min_vcpus is 0 (the
 * default) costs nothing by itself; one with min_vcpus above 0 keeps
 * instances running, of types Batch picks at run time ("optimal", families)
 * — that cost is real and unknown, so it says "not priced", never $0.
 */
#include "common.h"

static const cost_var env_vars[] = {
    {.name = "min_vcpus", .attr = "compute_resources[0].min_vcpus", .dflt = "0"},
};

/* Never evaluated (free_when takes min_vcpus 0); it makes the part real so
 * that a positive min_vcpus ends in the model's missing_note. */
static const cost_comp_spec env_comps[] = {
    {.name = "Instances kept for min_vcpus",
     .when = {{"min_vcpus", COP_UNSET, NULL}},
     .service = "AmazonEC2", .family = "Compute Instance",
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
};
static const cost_part env_parts[] = {{.comps = env_comps, .ncomps = N(env_comps)}};

/* ---- the models ---- */

static const cost_model model_env = {
    .type = "aws_batch_compute_environment",
    .doc = "free with min_vcpus 0 (jobs pay for their instances or Fargate tasks); with "
           "min_vcpus above 0 not priced (Batch picks the instances at run time)",
    VARS(env_vars),
    .free_when = {{"min_vcpus", COP_UNSET, NULL}},
    .free_note = "free by itself: jobs pay for the instances or Fargate tasks they run on",
    .missing_note = "not priced: min_vcpus keeps instances running, of types Batch picks at run time",
    PARTS(env_parts)};

COST_MODEL_LIST(batch) = {&model_env, NULL};
