/*
 * models/cloudfront.c — cost models: CloudFront distributions (data out by
 * edge region in AWS's volume tiers, data to origin, HTTP/HTTPS requests,
 * invalidations, dedicated-IP custom SSL) and CloudFront Functions.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* CloudFront prices are global and differ by the edge region serving the
 * viewer; AWS applies the volume tiers per region.  Usage keys nest one
 * figure per region under Infracost's names (us, europe, ...); us covers the
 * United States and Mexico, and AWS's Canada and Middle East groups have
 * keys of their own. */
#define CF_FILTER(ut) .service = "AmazonCloudFront", .region = "global", .filters = {UT(ut)}

#define CF_EDGE(key, code, label, first)                                                          \
    {.name = "Data out to internet (" label ")", .family = "Data Transfer",                      \
     CF_FILTER(code "-DataTransfer-Out-Bytes"), .unit = "GB", .per = "GB",                        \
     .qty = Q_USAGE("monthly_data_transfer_to_internet_gb." key, 1),                              \
     .flags = CF_TIERED | ((first) ? 0 : CF_IF_USAGE)},                                           \
    {.name = "Data out to origin (" label ")", .family = "Data Transfer",                        \
     CF_FILTER(code "-DataTransfer-Out-OBytes"), .unit = "GB", .per = "GB",                       \
     .qty = Q_USAGE("monthly_data_transfer_to_origin_gb." key, 1), .flags = CF_IF_USAGE},         \
    {.name = "HTTP requests (" label ")", .family = "Request",                                   \
     CF_FILTER(code "-Requests-Tier1"), .unit = "requests", .per = "10k requests", .per_scale = 1e4, \
     .qty = Q_USAGE("monthly_http_requests." key, 1), .flags = CF_IF_USAGE},                      \
    {.name = "HTTPS requests (" label ")", .family = "Request",                                  \
     CF_FILTER(code "-Requests-Tier2-HTTPS"), .unit = "requests", .per = "10k requests",         \
     .per_scale = 1e4, .qty = Q_USAGE("monthly_https_requests." key, 1), .flags = CF_IF_USAGE}

static const cost_var dist_vars[] = {
    {.name = "ssl", .attr = "viewer_certificate[0].ssl_support_method"},
};

static const cost_comp_spec dist_comps[] = {
    CF_EDGE("us", "US", "United States, Mexico", 1),
    CF_EDGE("canada", "CA", "Canada", 0),
    CF_EDGE("europe", "EU", "Europe, Israel", 0),
    CF_EDGE("south_africa", "ZA", "South Africa, Kenya", 0),
    CF_EDGE("middle_east", "ME", "Middle East", 0),
    CF_EDGE("south_america", "SA", "South America", 0),
    CF_EDGE("japan", "JP", "Japan", 0),
    CF_EDGE("australia", "AU", "Australia, New Zealand", 0),
    CF_EDGE("asia_pacific", "AP", "Asia Pacific", 0),
    CF_EDGE("india", "IN", "India", 0),
    {.name = "Invalidation paths", .family = "Request", CF_FILTER("Invalidations"),
     .unit = "paths", .per = "path", .qty = Q_USAGE("monthly_invalidation_requests", 1),
     .flags = CF_TIERED | CF_IF_USAGE},
    {.name = "Dedicated-IP custom SSL certificate", .when = {{"ssl", COP_EQ, "vip"}},
     .family = "Request", CF_FILTER("SSL-Cert-Custom"),
     .unit = "months", .per = "month", .qty = Q_CONST(1)},
};
static const cost_part dist_parts[] = {{.comps = dist_comps, .ncomps = N(dist_comps)}};

#define CF_REGION_KEYS(what, unit)                                                 \
    NUM(what ".us", unit " from the United States and Mexico"),                    \
    NUM(what ".canada", unit " from Canada"),                                      \
    NUM(what ".europe", unit " from Europe and Israel"),                            \
    NUM(what ".south_africa", unit " from South Africa and Kenya"),                \
    NUM(what ".middle_east", unit " from the Middle East"),                        \
    NUM(what ".south_america", unit " from South America"),                        \
    NUM(what ".japan", unit " from Japan"),                                        \
    NUM(what ".australia", unit " from Australia and New Zealand"),                \
    NUM(what ".asia_pacific", unit " from Asia Pacific (Hong Kong, Singapore, Korea, Taiwan...)"), \
    NUM(what ".india", unit " from India")

static const cost_usage_key dist_usage[] = {
    CF_REGION_KEYS("monthly_data_transfer_to_internet_gb", "GB a month out to viewers"),
    CF_REGION_KEYS("monthly_data_transfer_to_origin_gb", "GB a month to the origin"),
    CF_REGION_KEYS("monthly_http_requests", "HTTP requests a month"),
    CF_REGION_KEYS("monthly_https_requests", "HTTPS requests a month"),
    NUM("monthly_invalidation_requests", "paths invalidated per month (the first 1,000 are free)"),
};

/* CloudFront Functions: billed per invocation; the stored price is the
 * us-east-1 list (CloudFront bills functions globally). */
static const cost_comp_spec fn_comps[] = {
    {.name = "Invocations",
     .service = "AmazonCloudFront", .family = "Request", .region = "us-east-1",
     .filters = {UT("Executions-CloudFrontFunctions")},
     .unit = "invocations", .per = "1M invocations", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_requests", 1)},
};
static const cost_part fn_parts[] = {{.comps = fn_comps, .ncomps = N(fn_comps)}};
static const cost_usage_key fn_usage[] = {NUM("monthly_requests", "function invocations per month")};

/* ---- the models ---- */

static const cost_model model_dist = {
    .type = "aws_cloudfront_distribution",
    .doc = "data out to internet and to origin by edge region (usage, tiered), HTTP/HTTPS requests (usage), "
           "invalidations (usage, first 1,000 free), dedicated-IP custom SSL",
    VARS(dist_vars), PARTS(dist_parts), USAGE(dist_usage)};
static const cost_model model_fn = {
    .type = "aws_cloudfront_function", .doc = "invocations (usage)", PARTS(fn_parts), USAGE(fn_usage)};

COST_MODEL_LIST(cloudfront) = {&model_dist, &model_fn, NULL};
