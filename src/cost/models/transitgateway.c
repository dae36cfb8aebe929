/*
 * models/transitgateway.c — cost models: Transit Gateway attachments (VPC,
 * peering, Connect) and Direct Connect gateway associations with a transit
 * gateway: attachment hours and data processed.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* Every attachment kind bills hours, and (except peering and Connect, whose
 * traffic is billed on the attachments it crosses) the data it processes.
 * AWS's operation says which kind a row prices. */
#define TGW_HOURS(op)                                                              \
    {.name = "Transit gateway attachment",                                         \
     .service = "AmazonVPC", .filters = {UT("TransitGateway-Hours"), EQ("operation", op)}, \
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)}
#define TGW_BYTES(op)                                                              \
    {.name = "Data processed",                                                     \
     .service = "AmazonVPC", .filters = {UT("TransitGateway-Bytes"), EQ("operation", op)}, \
     .unit = "GB", .per = "GB processed", .qty = Q_USAGE("monthly_data_processed_gb", 1)}

static const cost_comp_spec vpc_att_comps[] = {TGW_HOURS("TransitGatewayVPC"), TGW_BYTES("TransitGatewayVPC")};
static const cost_part vpc_att_parts[] = {{.comps = vpc_att_comps, .ncomps = N(vpc_att_comps)}};
static const cost_comp_spec peering_comps[] = {TGW_HOURS("TransitGatewayPeering")};
static const cost_part peering_parts[] = {{.comps = peering_comps, .ncomps = N(peering_comps)}};
static const cost_comp_spec connect_comps[] = {TGW_HOURS("TransitGatewayConnect")};
static const cost_part connect_parts[] = {{.comps = connect_comps, .ncomps = N(connect_comps)}};

static const cost_usage_key data_usage[] = {
    NUM("monthly_data_processed_gb", "data processed by the attachment per month, GB")};

/* A Direct Connect gateway association is billed only when the associated
 * gateway is a transit gateway (tgw-...); with a virtual private gateway it is free. */
static const cost_map dx_gw_map[] = {{"tgw-*", "tgw"}, {"vgw-*", "vgw"}, {NULL, NULL}};
static const cost_var dx_vars[] = {
    {.name = "gw", .attr = "associated_gateway_id", .map = dx_gw_map},
};
static const cost_comp_spec dx_comps[] = {TGW_HOURS("TransitGatewayDirectConnect"),
                                          TGW_BYTES("TransitGatewayDirectConnect")};
static const cost_part dx_parts[] = {{.comps = dx_comps, .ncomps = N(dx_comps)}};

/* ---- the models ---- */

static const cost_model model_dx_assoc = {
    .type = "aws_dx_gateway_association",
    .doc = "with a transit gateway: attachment hours, data processed (usage); with a virtual private gateway free",
    VARS(dx_vars), .free_when = {{"gw", COP_EQ, "vgw"}},
    .free_note = "an association with a virtual private gateway is free",
    PARTS(dx_parts), USAGE(data_usage)};
static const cost_model model_connect = {
    .type = "aws_ec2_transit_gateway_connect", .doc = "Connect attachment hours", PARTS(connect_parts)};
static const cost_model model_peering = {
    .type = "aws_ec2_transit_gateway_peering_attachment", .doc = "peering attachment hours",
    PARTS(peering_parts)};
static const cost_model model_vpc_att = {
    .type = "aws_ec2_transit_gateway_vpc_attachment", .doc = "attachment hours, data processed (usage)",
    PARTS(vpc_att_parts), USAGE(data_usage)};

COST_MODEL_LIST(transitgateway) = {&model_dx_assoc, &model_connect, &model_peering, &model_vpc_att, NULL};
