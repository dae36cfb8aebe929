/*
 * models/secretsmanager.c — cost models: Secrets Manager secrets.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_comp_spec secret_comps[] = {
    {.name = "Secret",
     .service = "AWSSecretsManager", .family = "Secret",
     .unit = "secret-months", .per = "secret-month", .qty = Q_CONST(1)},
    {.name = "API requests",
     .service = "AWSSecretsManager", .family = "API Request",
     .unit = "requests", .per = "10k requests", .per_scale = 1e4, .qty = Q_USAGE("monthly_requests", 1)},
};
static const cost_part secret_parts[] = {{.comps = secret_comps, .ncomps = N(secret_comps)}};
static const cost_usage_key secret_usage[] = {NUM("monthly_requests", "API requests per month")};

/* ---- the models ---- */

static const cost_model model_secret = {
    .type = "aws_secretsmanager_secret", .doc = "secret months, API requests (usage)",
    PARTS(secret_parts), USAGE(secret_usage)};

COST_MODEL_LIST(secretsmanager) = {&model_secret, NULL};
