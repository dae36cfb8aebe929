/*
 * models/directconnect.c — cost models: Direct Connect dedicated
 * connections: port hours by bandwidth and location, data out (usage).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* The provider writes port speeds as 1Gbps, 10Gbps...; AWS's capacity as 1G, 10G. */
static const cost_map bw_map[] = {
    {"1Gbps", "1G"}, {"10Gbps", "10G"}, {"100Gbps", "100G"}, {"400Gbps", "400G"}, {NULL, NULL}};
static const cost_var dx_vars[] = {
    {.name = "bw", .attr = "bandwidth", .map = bw_map, .flags = CVF_REQUIRED},
    {.name = "loc", .attr = "location", .flags = CVF_REQUIRED},
};
static const cost_comp_spec dx_comps[] = {
    {.name = "Port ({bw}, dedicated, {loc})",
     .service = "AWSDirectConnect", .family = "Direct Connect",
     .filters = {UT("{loc}-DXPortUsage"), EQ("capacity", "{bw}"), EQ("connectionType", "Dedicated")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Data out to {loc} (private virtual interface)",
     .service = "AWSDirectConnect", .family = "Data Transfer",
     .filters = {UT("{loc}-DataXfer-Out"), EQ("virtualInterfaceType", "private")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_outbound_region_to_dx_location_gb", 1)},
};
static const cost_part dx_parts[] = {{.comps = dx_comps, .ncomps = N(dx_comps)}};
static const cost_usage_key dx_usage[] = {
    NUM("monthly_outbound_region_to_dx_location_gb", "data out from the region to the connection's location per month, GB"),
};

static const cost_model model_dx = {
    .type = "aws_dx_connection", .doc = "dedicated port hours by bandwidth and location, data out (usage)",
    VARS(dx_vars), .example = "bandwidth=1Gbps location=EqDC2", PARTS(dx_parts), USAGE(dx_usage)};

COST_MODEL_LIST(directconnect) = {&model_dx, NULL};
