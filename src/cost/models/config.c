/*
 * models/config.c — cost models: AWS Config rules, recorders and
 * conformance packs.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* AWS tiers rule and conformance-pack evaluations by the account's monthly
 * total; a resource's own evaluations are tiered as if they were all. */
static const cost_comp_spec rule_comps[] = {
    {.name = "Rule evaluations",
     .service = "AWSConfig", .family = "Management Tools - AWS Config Rules",
     .filters = {UT("ConfigRuleEvaluations")},
     .unit = "evaluations", .per = "evaluation", .qty = Q_USAGE("monthly_rule_evaluations", 1), .flags = CF_TIERED},
};
static const cost_part rule_parts[] = {{.comps = rule_comps, .ncomps = N(rule_comps)}};
static const cost_usage_key rule_usage[] = {NUM("monthly_rule_evaluations", "rule evaluations per month")};

/* recording_mode.recording_frequency: CONTINUOUS is the provider's default. */
static const cost_map freq_map[] = {{"CONTINUOUS", "continuous"}, {"DAILY", "daily"}, {NULL, NULL}};
static const cost_var recorder_vars[] = {
    {.name = "freq", .attr = "recording_mode[0].recording_frequency", .usage = "recording_frequency",
     .dflt = "CONTINUOUS", .map = freq_map, .flags = CVF_UNKNOWN_DEFAULT,
     .why = "continuous recording unless recording_mode says DAILY (the provider's default)"},
};
static const cost_comp_spec recorder_comps[] = {
    {.name = "Configuration items (continuous)",
     .when = {{"freq", COP_EQ, "continuous"}},
     .service = "AWSConfig", .family = "Management Tools - AWS Config",
     .filters = {UT("ConfigurationItemRecorded")},
     .unit = "items", .per = "item", .qty = Q_USAGE("monthly_config_items", 1)},
    {.name = "Configuration items (daily)",
     .when = {{"freq", COP_EQ, "daily"}},
     .service = "AWSConfig", .family = "Management Tools - AWS Config",
     .filters = {UT("PeriodicConfigurationItemRecorded")},
     .unit = "items", .per = "item", .qty = Q_USAGE("monthly_config_items", 1)},
    {.name = "Custom configuration items",
     .service = "AWSConfig", .family = "Management Tools - AWS Config",
     .filters = {UT("CustomConfigItemRecorded")},
     .unit = "items", .per = "item", .qty = Q_USAGE("monthly_custom_config_items", 1), .flags = CF_IF_USAGE},
};
static const cost_part recorder_parts[] = {{.comps = recorder_comps, .ncomps = N(recorder_comps)}};
static const cost_usage_key recorder_usage[] = {
    NUM("monthly_config_items", "configuration items recorded per month"),
    NUM("monthly_custom_config_items", "custom configuration items recorded per month"),
    STR("recording_frequency", "CONTINUOUS or DAILY, when the plan does not give it"),
};

static const cost_comp_spec pack_comps[] = {
    {.name = "Conformance pack evaluations",
     .service = "AWSConfig", .family = "Management Tools - AWS Config Conformance Packs",
     .filters = {UT("ConformancePackEvaluations")},
     .unit = "evaluations", .per = "evaluation", .qty = Q_USAGE("monthly_conformance_pack_evaluations", 1),
     .flags = CF_TIERED},
};
static const cost_part pack_parts[] = {{.comps = pack_comps, .ncomps = N(pack_comps)}};
static const cost_usage_key pack_usage[] = {
    NUM("monthly_conformance_pack_evaluations", "rule evaluations inside the conformance pack per month"),
};

/* ---- the models ---- */

#define RULE_DOC "rule evaluations in AWS's tiers (usage)"
#define PACK_DOC "conformance pack evaluations in AWS's tiers (usage)"

static const cost_model model_rule = {
    .type = "aws_config_config_rule", .doc = RULE_DOC, PARTS(rule_parts), USAGE(rule_usage)};
static const cost_model model_recorder = {
    .type = "aws_config_configuration_recorder",
    .doc = "configuration items recorded, continuous or daily (recording_mode), and custom items (usage)",
    VARS(recorder_vars), PARTS(recorder_parts), USAGE(recorder_usage)};
static const cost_model model_pack = {
    .type = "aws_config_conformance_pack", .doc = PACK_DOC, PARTS(pack_parts), USAGE(pack_usage)};
static const cost_model model_org_pack = {
    .type = "aws_config_organization_conformance_pack", .doc = PACK_DOC " in each member account",
    PARTS(pack_parts), USAGE(pack_usage)};
static const cost_model model_org_custom_policy = {
    .type = "aws_config_organization_custom_policy_rule", .doc = RULE_DOC, PARTS(rule_parts), USAGE(rule_usage)};
static const cost_model model_org_custom = {
    .type = "aws_config_organization_custom_rule", .doc = RULE_DOC, PARTS(rule_parts), USAGE(rule_usage)};
static const cost_model model_org_managed = {
    .type = "aws_config_organization_managed_rule", .doc = RULE_DOC, PARTS(rule_parts), USAGE(rule_usage)};

COST_MODEL_LIST(config) = {&model_rule, &model_recorder, &model_pack, &model_org_pack,
                           &model_org_custom_policy, &model_org_custom, &model_org_managed, NULL};
