/*
 * models/ssm.c — cost models: Systems Manager parameters and hybrid
 * activations.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* Standard parameters and standard throughput are free; an advanced
 * parameter is billed per month, and API interactions are billed once the
 * account raises its throughput limit (an account setting, so from usage).
 * Intelligent-Tiering lets AWS pick the tier from the value, which the plan
 * does not show: not priced unless usage `tier` says which. */
static const cost_map tier_map[] = {{"Standard", "standard"}, {"Advanced", "advanced"}, {NULL, NULL}};
static const cost_map throughput_map[] = {
    {"standard", "standard"}, {"advanced", "higher"}, {"higher", "higher"}, {NULL, NULL}};

static const cost_var param_vars[] = {
    {.name = "tier", .attr = "tier", .usage = "tier", .dflt = "Standard", .map = tier_map},
    {.name = "throughput", .usage = "api_throughput_limit", .dflt = "standard", .map = throughput_map},
};
static const cost_comp_spec param_comps[] = {
    {.name = "Parameter storage (advanced)",
     .when = {{"tier", COP_EQ, "advanced"}},
     .service = "AWSSystemsManager", .family = "AWS Systems Manager",
     .filters = {UT("PS-Advanced-Param-Tier1")},
     .unit = "parameter-months", .per = "parameter-month", .qty = Q_CONST(1)},
    {.name = "API interactions (higher throughput)",
     .when = {{"throughput", COP_EQ, "higher"}},
     .service = "AWSSystemsManager", .family = "API Request",
     .filters = {UT("PS-Param-Processed-Tier2")},
     .unit = "interactions", .per = "10k interactions", .per_scale = 1e4,
     .qty = Q_USAGE("monthly_api_interactions", 1)},
};
static const cost_part param_parts[] = {{.comps = param_comps, .ncomps = N(param_comps)}};
static const cost_usage_key param_usage[] = {
    STR("tier", "Standard or Advanced: the tier AWS gives an Intelligent-Tiering parameter"),
    STR("api_throughput_limit", "standard (free) or higher (advanced): the account's parameter throughput setting"),
    NUM("monthly_api_interactions", "API interactions per month, billed with higher throughput"),
};

/* Activations: on-premises instances are free in the standard tier; the
 * advanced tier (an account setting) bills instance hours. */
static const cost_map instance_tier_map[] = {{"standard", "standard"}, {"advanced", "advanced"}, {NULL, NULL}};
static const cost_var activation_vars[] = {
    {.name = "instance_tier", .usage = "instance_tier", .dflt = "standard", .map = instance_tier_map},
};
static const cost_comp_spec activation_comps[] = {
    {.name = "On-premises instances (advanced)",
     .when = {{"instance_tier", COP_EQ, "advanced"}},
     .service = "AWSSystemsManager", .family = "AWS Systems Manager",
     .filters = {UT("MI-AdvInstances-Hrs")},
     .unit = "instance-hours", .per = "instance-hour", .qty = Q_USAGE("instances", HOURS)},
};
static const cost_part activation_parts[] = {{.comps = activation_comps, .ncomps = N(activation_comps)}};
static const cost_usage_key activation_usage[] = {
    STR("instance_tier", "standard (free) or advanced: the account's on-premises instance tier"),
    NUM("instances", "managed instances registered with the activation"),
};

/* ---- the models ---- */

static const cost_model model_activation = {
    .type = "aws_ssm_activation",
    .doc = "advanced-tier on-premises instance hours (usage `instance_tier`, `instances`); the standard tier is free",
    VARS(activation_vars), .free_when = {{"instance_tier", COP_EQ, "standard"}},
    .free_note = "standard instance tier: on-premises instances are free",
    PARTS(activation_parts), USAGE(activation_usage)};
static const cost_model model_param = {
    .type = "aws_ssm_parameter",
    .doc = "advanced parameters per month (tier); API interactions with higher throughput (usage); standard "
           "parameters are free",
    VARS(param_vars), .free_when = {{"tier", COP_EQ, "standard"}, {"throughput", COP_EQ, "standard"}},
    .free_note = "standard parameter with standard throughput: free",
    PARTS(param_parts), USAGE(param_usage)};

COST_MODEL_LIST(ssm) = {&model_activation, &model_param, NULL};
