/*
 * models/ecr.c — cost models: ECR private repositories.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_comp_spec repo_comps[] = {
    {.name = "Storage",
     .service = "AmazonECR", .family = "EC2 Container Registry",
     .filters = {UT("TimedStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
};
static const cost_part repo_parts[] = {{.comps = repo_comps, .ncomps = N(repo_comps)}};
static const cost_usage_key repo_usage[] = {NUM("storage_gb", "images stored in the repository, GB")};

/* ---- the models ---- */

static const cost_model model_repo = {
    .type = "aws_ecr_repository", .doc = "image storage (usage)",
    PARTS(repo_parts), USAGE(repo_usage)};

COST_MODEL_LIST(ecr) = {&model_repo, NULL};
