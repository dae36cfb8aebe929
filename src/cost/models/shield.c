/*
 * models/shield.c — cost models: Shield Advanced: the subscription's monthly
 * fee and the data-transfer-out fee of each protected resource.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_comp_spec sub_comps[] = {
    {.name = "Shield Advanced subscription",
     .service = "AWSShield", .family = "Shield", .region = "global",
     .filters = {UT("ShieldAdvanced-Subscription")},
     .unit = "months", .per = "month", .qty = Q_CONST(1)},
};
static const cost_part sub_parts[] = {{.comps = sub_comps, .ncomps = N(sub_comps)}};

/* What the protected resource is, from its ARN's service. */
static const cost_map arn_map[] = {
    {"arn:aws:cloudfront:*", "CloudFront"}, {"arn:aws:globalaccelerator:*", "GlobalAccelerator"},
    {"arn:aws:elasticloadbalancing:*", "ELB"}, {"arn:aws:ec2:*", "EIP"}, {NULL, NULL}};
static const cost_var prot_vars[] = {
    {.name = "kind", .attr = "resource_arn", .map = arn_map},
};
static const cost_comp_spec prot_comps[] = {
    {.name = "Data transfer out ({kind})",
     .when = {{"kind", COP_EQ, "CloudFront|GlobalAccelerator"}},
     .service = "AWSShield", .family = "Data Transfer", .region = "global",
     .filters = {UT("ShieldAdvanced-{kind}-DataTransfer-Out")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_transfer_out_gb", 1), .flags = CF_TIERED},
    {.name = "Data transfer out ({kind})",
     .when = {{"kind", COP_EQ, "ELB|EIP"}},
     .service = "AWSShield", .family = "Data Transfer",
     .filters = {UT("ShieldAdvanced-{kind}-DataTransfer-Out")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_transfer_out_gb", 1), .flags = CF_TIERED},
};
static const cost_part prot_parts[] = {{.comps = prot_comps, .ncomps = N(prot_comps)}};
static const cost_usage_key prot_usage[] = {
    NUM("monthly_data_transfer_out_gb", "data out of the protected resource per month, GB"),
};

/* ---- the models ---- */

static const cost_model model_protection = {
    .type = "aws_shield_protection",
    .doc = "Shield Advanced data-transfer-out fee by protected resource kind (usage, tiered)",
    VARS(prot_vars), PARTS(prot_parts), USAGE(prot_usage)};
static const cost_model model_subscription = {
    .type = "aws_shield_subscription", .doc = "Shield Advanced monthly fee (one per organization)",
    PARTS(sub_parts)};

COST_MODEL_LIST(shield) = {&model_protection, &model_subscription, NULL};
