/*
 * models/cognito.c — cost models: Cognito user pools.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* Monthly active users are billed by the pool's feature plan
 * (user_pool_tier): Lite in AWS's tiers, Essentials at one price; Plus has
 * no price in the stored sources.  Advanced security (the older add-on of
 * Lite and Essentials pools) adds a tiered price per MAU. */
static const cost_map pool_tier_map[] = {
    {"LITE", "lite"}, {"ESSENTIALS", "essentials"}, {"PLUS", "plus"}, {NULL, NULL}};
static const cost_map asf_map[] = {{"AUDIT", "on"}, {"ENFORCED", "on"}, {"OFF", ""}, {NULL, NULL}};

static const cost_var pool_vars[] = {
    {.name = "tier", .attr = "user_pool_tier", .usage = "user_pool_tier", .dflt = "ESSENTIALS", .map = pool_tier_map,
     .flags = CVF_UNKNOWN_DEFAULT,
     .why = "the ESSENTIALS feature plan unless user_pool_tier says otherwise (AWS's default for new pools)"},
    {.name = "asf", .attr = "user_pool_add_ons[0].advanced_security_mode", .dflt = "OFF", .map = asf_map},
};
static const cost_comp_spec pool_comps[] = {
    {.name = "Monthly active users (Lite)",
     .when = {{"tier", COP_EQ, "lite"}},
     .service = "AmazonCognito", .family = "User Pool", .filters = {UT("CognitoUserPoolsMAU")},
     .unit = "MAU", .per = "MAU", .qty = Q_USAGE("monthly_active_users", 1), .flags = CF_TIERED},
    {.name = "Monthly active users (Essentials)",
     .when = {{"tier", COP_EQ, "essentials"}},
     .service = "AmazonCognito", .family = "User Pool", .filters = {UT("CognitoUserPoolsEssentialsMAU")},
     .unit = "MAU", .per = "MAU", .qty = Q_USAGE("monthly_active_users", 1)},
    {.name = "Monthly active users (Plus)",
     .when = {{"tier", COP_EQ, "plus"}},
     .service = "AmazonCognito", .family = "User Pool", .filters = {UT("CognitoUserPoolsPlusMAU")},
     .unit = "MAU", .per = "MAU", .qty = Q_USAGE("monthly_active_users", 1)},
    {.name = "Advanced security",
     .when = {{"asf", COP_SET, NULL}},
     .service = "AmazonCognito", .family = "User Pool", .filters = {UT("CognitoUserPoolsASFMAU")},
     .unit = "MAU", .per = "MAU", .qty = Q_USAGE("monthly_active_users", 1), .flags = CF_TIERED},
    {.name = "Machine-to-machine token requests",
     .service = "AmazonCognito", .family = "User Pool", .filters = {UT("CognitoUserPoolsM2MTokens")},
     .unit = "requests", .per = "request", .qty = Q_USAGE("monthly_m2m_token_requests", 1),
     .flags = CF_TIERED | CF_IF_USAGE},
};
static const cost_part pool_parts[] = {{.comps = pool_comps, .ncomps = N(pool_comps)}};
static const cost_usage_key pool_usage[] = {
    NUM("monthly_active_users", "users who sign in or refresh a token in the month"),
    NUM("monthly_m2m_token_requests", "machine-to-machine access-token requests per month"),
    STR("user_pool_tier", "LITE, ESSENTIALS or PLUS, when the plan does not give it"),
};

/* ---- the models ---- */

static const cost_model model_pool = {
    .type = "aws_cognito_user_pool",
    .doc = "monthly active users by feature plan (Lite tiered, Essentials; Plus not priced), advanced security "
           "(tiered), machine-to-machine tokens (usage)",
    VARS(pool_vars), PARTS(pool_parts), USAGE(pool_usage)};

COST_MODEL_LIST(cognito) = {&model_pool, NULL};
