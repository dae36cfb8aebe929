/*
 * models/route53.c — cost models: Route 53 hosted zones.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* Route 53 prices are global; the first 25 zones cost the first-tier price. */
static const cost_comp_spec zone_comps[] = {
    {.name = "Hosted zone",
     .service = "AmazonRoute53", .family = "DNS Zone", .region = "global",
     .filters = {UT("HostedZone")},
     .unit = "zone-months", .per = "zone-month", .qty = Q_CONST(1), .flags = CF_TIERED},
};
static const cost_part zone_parts[] = {{.comps = zone_comps, .ncomps = N(zone_comps)}};

/* ---- the models ---- */

static const cost_model model_zone = {
    .type = "aws_route53_zone", .doc = "hosted zone months", PARTS(zone_parts)};

COST_MODEL_LIST(route53) = {&model_zone, NULL};
