/*
 * models/apigateway.c — cost models: API Gateway REST APIs (requests),
 * stage caches, and HTTP and WebSocket APIs (v2).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

#include <math.h>

/* Requests (HTTP APIs) are metered in 512 KB increments and messages
 * (WebSocket) in 32 KB increments: a larger one counts several times. */
static cost_qty_rc metered(const cost_eval *e, const char *count_key, const char *size_key, double step,
                           double *q)
{
    double n, kb;
    if (!cost_eval_usage(e, count_key, &n))
        return CQR_NO_USAGE;
    double units = cost_eval_usage(e, size_key, &kb) && kb > step ? ceil(kb / step) : 1;
    *q = n * units;
    return CQR_OK;
}

static cost_qty_rc cq_http_requests(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    return metered(e, "monthly_requests", "request_size_kb", 512, q);
}

static cost_qty_rc cq_ws_messages(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    return metered(e, "monthly_messages", "message_size_kb", 32, q);
}

/* ---- REST APIs and stage caches ------------------------------------------------ */

static const cost_comp_spec rest_comps[] = {
    {.name = "Requests",
     .service = "AmazonApiGateway", .family = "API Calls",
     .filters = {UT("ApiGatewayRequest")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_requests", 1), .flags = CF_TIERED},
};
static const cost_part rest_parts[] = {{.comps = rest_comps, .ncomps = N(rest_comps)}};
static const cost_usage_key rest_usage[] = {NUM("monthly_requests", "API calls per month")};

static const cost_var stage_vars[] = {
    {.name = "cache", .attr = "cache_cluster_enabled", .map = cost_bool_map},
    {.name = "size", .attr = "cache_cluster_size", .dflt = "0.5"},
};
static const cost_comp_spec stage_comps[] = {
    {.name = "Cache ({size} GB)",
     .service = "AmazonApiGateway", .family = "Amazon API Gateway Cache",
     .filters = {EQ("cacheMemorySizeGb", "{size}")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
};
static const cost_part stage_parts[] = {{.comps = stage_comps, .ncomps = N(stage_comps)}};

/* ---- HTTP and WebSocket APIs --------------------------------------------------- */

static const cost_var v2_vars[] = {
    {.name = "proto", .attr = "protocol_type", .flags = CVF_REQUIRED},
};
static const cost_comp_spec v2_comps[] = {
    {.name = "Requests (HTTP API)",
     .when = {{"proto", COP_EQ, "HTTP"}},
     .service = "AmazonApiGateway", .family = "API Calls",
     .filters = {UT("ApiGatewayHttpRequest")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6,
     .qty = Q_FN(cq_http_requests), .flags = CF_USAGE | CF_TIERED},
    {.name = "Messages (WebSocket)",
     .when = {{"proto", COP_EQ, "WEBSOCKET"}},
     .service = "AmazonApiGateway", .family = "WebSocket",
     .filters = {UT("ApiGatewayMessage")},
     .unit = "messages", .per = "1M messages", .per_scale = 1e6,
     .qty = Q_FN(cq_ws_messages), .flags = CF_USAGE | CF_TIERED},
    {.name = "Connection minutes (WebSocket)",
     .when = {{"proto", COP_EQ, "WEBSOCKET"}},
     .service = "AmazonApiGateway", .family = "WebSocket",
     .filters = {UT("ApiGatewayMinute")},
     .unit = "minutes", .per = "1M minutes", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_connection_mins", 1)},
};
static const cost_part v2_parts[] = {{.comps = v2_comps, .ncomps = N(v2_comps)}};
static const cost_usage_key v2_usage[] = {
    NUM("monthly_requests", "HTTP API requests per month"),
    NUM("request_size_kb", "average HTTP API request size, KB (metered in 512 KB increments)"),
    NUM("monthly_messages", "WebSocket messages per month"),
    NUM("message_size_kb", "average WebSocket message size, KB (metered in 32 KB increments)"),
    NUM("monthly_connection_mins", "WebSocket connection minutes per month"),
};

/* ---- the models ---- */

static const cost_model model_rest = {
    .type = "aws_api_gateway_rest_api", .doc = "requests in AWS's four volume tiers (usage)",
    PARTS(rest_parts), USAGE(rest_usage)};
static const cost_model model_stage = {
    .type = "aws_api_gateway_stage", .doc = "cache hours by cache size when caching is enabled; otherwise free",
    VARS(stage_vars), .free_when = {{"cache", COP_UNSET, NULL}},
    .free_note = "no cache: a stage without caching is free (requests are billed on the REST API)",
    PARTS(stage_parts)};
static const cost_model model_v2 = {
    .type = "aws_apigatewayv2_api",
    .doc = "HTTP APIs: requests in 512 KB units (usage, 2 tiers); WebSocket APIs: messages in 32 KB units "
           "(usage, 2 tiers), connection minutes (usage)",
    VARS(v2_vars), .example = "protocol_type=HTTP", PARTS(v2_parts), USAGE(v2_usage)};

COST_MODEL_LIST(apigateway) = {&model_rest, &model_stage, &model_v2, NULL};
