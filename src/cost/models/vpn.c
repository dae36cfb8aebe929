/*
 * models/vpn.c — cost models: Site-to-Site VPN connections (and their
 * transit gateway attachment) and Client VPN endpoints and associations.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

#include <stdbool.h>

/* A connection terminating on a transit gateway also bills that gateway's
 * VPN attachment.  transit_gateway_id set from a reference is known only
 * after apply, and still says the connection has one. */
static bool on_transit_gateway(const cost_eval *e)
{
    plan_val_state st;
    const json_t *id = cost_eval_attr(e, "transit_gateway_id", &st);
    return st == PLAN_VAL_UNKNOWN || (st == PLAN_VAL_KNOWN && json_is_string(id) && *json_string_value(id));
}

static cost_qty_rc cq_vpn_tgw_hours(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    if (!on_transit_gateway(e))
        return CQR_SKIP;
    *q = HOURS;
    return CQR_OK;
}

static cost_qty_rc cq_vpn_tgw_bytes(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    if (!on_transit_gateway(e))
        return CQR_SKIP;
    return cost_eval_usage(e, "monthly_data_processed_gb", q) ? CQR_OK : CQR_NO_USAGE;
}

static const cost_comp_spec vpn_comps[] = {
    {.name = "VPN connection",
     .service = "AmazonVPC", .family = "Cloud Connectivity",
     .filters = {UT("VPN-Usage-Hours:ipsec.1")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Transit gateway attachment",
     .service = "AmazonVPC",
     .filters = {UT("TransitGateway-Hours"), EQ("operation", "TransitGatewayVPN")},
     .unit = "hours", .per = "hour", .qty = Q_FN(cq_vpn_tgw_hours)},
    {.name = "Transit gateway data processed",
     .service = "AmazonVPC",
     .filters = {UT("TransitGateway-Bytes"), EQ("operation", "TransitGatewayVPN")},
     .unit = "GB", .per = "GB processed", .qty = Q_FN(cq_vpn_tgw_bytes), .flags = CF_USAGE},
};
static const cost_part vpn_parts[] = {{.comps = vpn_comps, .ncomps = N(vpn_comps)}};
static const cost_usage_key vpn_usage[] = {
    NUM("monthly_data_processed_gb", "data processed through the transit gateway attachment per month, GB")};

static const cost_comp_spec cvpn_endpoint_comps[] = {
    {.name = "Client connections",
     .service = "AmazonVPC", .filters = {UT("ClientVPN-ConnectionHours")},
     .unit = "connection-hours", .per = "connection-hour", .qty = Q_USAGE("monthly_connection_hours", 1)},
};
static const cost_part cvpn_endpoint_parts[] = {{.comps = cvpn_endpoint_comps, .ncomps = N(cvpn_endpoint_comps)}};
static const cost_usage_key cvpn_endpoint_usage[] = {
    NUM("monthly_connection_hours", "client connection-hours per month (active clients x hours connected)")};

static const cost_comp_spec cvpn_assoc_comps[] = {
    {.name = "Endpoint association",
     .service = "AmazonVPC", .filters = {UT("ClientVPN-EndpointHours")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
};
static const cost_part cvpn_assoc_parts[] = {{.comps = cvpn_assoc_comps, .ncomps = N(cvpn_assoc_comps)}};

/* ---- the models ---- */

static const cost_model model_cvpn_endpoint = {
    .type = "aws_ec2_client_vpn_endpoint", .doc = "client connection-hours (usage)",
    PARTS(cvpn_endpoint_parts), USAGE(cvpn_endpoint_usage)};
static const cost_model model_cvpn_assoc = {
    .type = "aws_ec2_client_vpn_network_association", .doc = "subnet association hours",
    PARTS(cvpn_assoc_parts)};
static const cost_model model_vpn = {
    .type = "aws_vpn_connection",
    .doc = "connection hours; with a transit gateway: attachment hours, data processed (usage)",
    PARTS(vpn_parts), USAGE(vpn_usage)};

COST_MODEL_LIST(vpn) = {&model_cvpn_endpoint, &model_cvpn_assoc, &model_vpn, NULL};
