/*
 * models/vpc.c — cost models: VPC: NAT gateways, Elastic IPs (public IPv4) and VPC endpoints.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_comp_spec nat_comps[] = {
    {.name = "NAT gateway",
     .service = "AmazonEC2", .family = "NAT Gateway",
     .filters = {UT("NatGateway-Hours")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Data processed",
     .service = "AmazonEC2", .family = "NAT Gateway",
     .filters = {UT("NatGateway-Bytes")},
     .unit = "GB", .per = "GB processed", .qty = Q_USAGE("monthly_data_processed_gb", 1)},
};
static const cost_part nat_parts[] = {{.comps = nat_comps, .ncomps = N(nat_comps)}};
static const cost_usage_key nat_usage[] = {NUM("monthly_data_processed_gb", "data processed per month, GB")};

static const cost_comp_spec eip_comps[] = {
    {.name = "Public IPv4 address",
     .service = "AmazonVPC",
     .filters = {RX("usagetype", "^([A-Z0-9]+-)?PublicIPv4:(InUse|Idle)Address$")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
};
static const cost_part eip_parts[] = {{.comps = eip_comps, .ncomps = N(eip_comps)}};

/* aws_vpc_endpoint: vpc_endpoint_type defaults to Gateway (free). */
static const cost_map vpce_type_map[] = {
    {"Interface", "Interface"}, {"Gateway", "Gateway"}, {"GatewayLoadBalancer", "GatewayLoadBalancer"},
    {NULL, NULL}};
static const cost_map vpce_hours_map[] = {
    {"Interface", "VpcEndpoint-Hours"}, {"GatewayLoadBalancer", "VpcEndpoint-GWLBE-Hours"}, {"*", ""},
    {NULL, NULL}};
static const cost_map vpce_bytes_map[] = {
    {"Interface", "VpcEndpoint-Bytes"}, {"GatewayLoadBalancer", "VpcEndpoint-GWLBE-Bytes"}, {"*", ""},
    {NULL, NULL}};

static const cost_var vpce_vars[] = {
    {.name = "vtype", .attr = "vpc_endpoint_type", .dflt = "Gateway", .map = vpce_type_map,
     .usage = "vpc_endpoint_type", .flags = CVF_UNKNOWN_DEFAULT,
     .why = "a gateway endpoint (free) unless vpc_endpoint_type says otherwise (the provider's default)"},
    {.name = "hours_ut", .fallback = "vtype", .map = vpce_hours_map},
    {.name = "bytes_ut", .fallback = "vtype", .map = vpce_bytes_map},
};

static const cost_comp_spec vpce_comps[] = {
    {.name = "Endpoint ({vtype}, per subnet)",
     .when = {{"vtype", COP_NE, "Gateway"}},
     .service = "AmazonVPC", .family = "VpcEndpoint",
     .filters = {UT("{hours_ut}")},
     .unit = "hours", .per = "hour", .qty = Q_FN(cq_vpce_hours)},
    {.name = "Data processed",
     .when = {{"vtype", COP_NE, "Gateway"}},
     .service = "AmazonVPC", .family = "VpcEndpoint",
     .filters = {UT("{bytes_ut}")},
     .unit = "GB", .per = "GB processed", .qty = Q_USAGE("monthly_data_processed_gb", 1), .flags = CF_TIERED},
};
static const cost_part vpce_parts[] = {{.comps = vpce_comps, .ncomps = N(vpce_comps)}};
static const cost_usage_key vpce_usage[] = {
    NUM("monthly_data_processed_gb", "data processed per month, GB"),
    STR("vpc_endpoint_type", "Interface, Gateway or GatewayLoadBalancer, when the plan does not give it"),
};

/* ---- the models ---- */

static const cost_model model_eip = {
    .type = "aws_eip", .doc = "public IPv4 address hours", PARTS(eip_parts)};
static const cost_model model_nat = {
    .type = "aws_nat_gateway", .doc = "hours, data processed (usage)", PARTS(nat_parts), USAGE(nat_usage)};
static const cost_model model_vpce = {
    .type = "aws_vpc_endpoint",
    .doc = "interface and Gateway Load Balancer endpoints: hours x subnets, data processed (usage); "
           "gateway endpoints are free",
    VARS(vpce_vars),
    .free_when = {{"vtype", COP_EQ, "Gateway"}},
    .free_note = "gateway endpoints are free",
    PARTS(vpce_parts), USAGE(vpce_usage)};

COST_MODEL_LIST(vpc) = {&model_eip, &model_nat, &model_vpce, NULL};
