/*
 * models/lambda.c — cost models: Lambda functions.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_map lambda_arch_map[] = {{"x86_64", ""}, {"arm64", "-ARM"}, {NULL, NULL}};

/* memory_size defaults to 128 MB, architectures to x86_64, ephemeral
 * storage to 512 MB (Terraform docs). */
static const cost_var lambda_vars[] = {
    {.name = "memory", .attr = "memory_size", .usage = "memory_size", .dflt = "128", .flags = CVF_UNKNOWN_DEFAULT,
     .why = "128 MB unless memory_size says otherwise (the provider's default)"},
    {.name = "arch", .attr = "architectures[0]", .usage = "architecture", .dflt = "x86_64", .map = lambda_arch_map,
     .flags = CVF_UNKNOWN_DEFAULT, .why = "x86_64 unless architectures says arm64 (the provider's default)"},
    {.name = "ephemeral", .attr = "ephemeral_storage[0].size", .usage = "ephemeral_storage_mb", .dflt = "512",
     .flags = CVF_UNKNOWN_DEFAULT, .why = "512 MB of ephemeral storage (free) unless ephemeral_storage says more"},
};

/* Requests and ephemeral storage cost the same on both architectures, so
 * they use the x86 rows; duration differs and follows `architectures`. */
static const cost_comp_spec lambda_comps[] = {
    {.name = "Requests",
     .service = "AWSLambda", .family = "Serverless",
     .filters = {EQ("group", "AWS-Lambda-Requests")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6, .qty = Q_USAGE("monthly_requests", 1)},
    {.name = "Duration",
     .service = "AWSLambda", .family = "Serverless",
     .filters = {EQ("group", "AWS-Lambda-Duration{arch}")},
     .unit = "GB-seconds", .per = "GB-second", .qty = Q_FN(cq_lambda_gb_seconds),
     .flags = CF_USAGE | CF_TIERED},
    {.name = "Ephemeral storage",
     .service = "AWSLambda", .family = "Serverless",
     .filters = {EQ("group", "AWS-Lambda-Storage-Duration")},
     .unit = "GB-seconds", .per = "GB-second", .qty = Q_FN(cq_lambda_storage_gb_seconds),
     .flags = CF_USAGE | CF_OMIT_ZERO},
};
static const cost_part lambda_parts[] = {{.comps = lambda_comps, .ncomps = N(lambda_comps)}};
static const cost_usage_key lambda_usage[] = {
    NUM("monthly_requests", "invocations per month"),
    NUM("request_duration_ms", "average duration of an invocation, ms"),
    NUM("memory_size", "memory, MB, when the plan does not give memory_size"),
    STR("architecture", "x86_64 or arm64, when the plan does not give architectures"),
    NUM("ephemeral_storage_mb", "ephemeral storage, MB, when the plan does not give it"),
};

/* ---- the models ---- */

static const cost_model model_lambda = {
    .type = "aws_lambda_function",
    .doc = "requests and GB-seconds (usage; memory_size, architectures), ephemeral storage above 512 MB",
    VARS(lambda_vars), PARTS(lambda_parts), USAGE(lambda_usage)};

COST_MODEL_LIST(lambda) = {&model_lambda, NULL};
