/*
 * models/lambda.c — cost models: Lambda functions and provisioned
 * concurrency.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

#include <math.h>

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

/* Provisioned concurrency: the concurrency configured x the function's
 * memory for the hours it is enabled, then the requests it serves and
 * their duration at the provisioned prices.  Memory and architecture come
 * from the function (same plan), else usage. */
static const cost_source pc_function_source = {
    "function", {{"function_name", "aws_lambda_function", "function_name"},
                 {"function_name", "aws_lambda_function", "arn"}}};

static const cost_var pc_vars[] = {
    {.name = "executions", .attr = "provisioned_concurrent_executions", .flags = CVF_REQUIRED},
    {.name = "hours", .usage = "monthly_duration_hrs", .dflt = "730", .flags = CVF_ASSUME,
     .why = "enabled all month (730 hours)"},
    {.name = "memory", .attr = "memory_size", .from = &pc_function_source, .usage = "memory_mb", .dflt = "128",
     .flags = CVF_UNKNOWN_DEFAULT,
     .why = "128 MB unless the function's memory_size says otherwise (the provider's default)"},
    {.name = "arch", .attr = "architectures[0]", .from = &pc_function_source, .usage = "architecture",
     .dflt = "x86_64", .map = lambda_arch_map, .flags = CVF_UNKNOWN_DEFAULT,
     .why = "x86_64 unless the function's architectures says arm64 (the provider's default)"},
};

static cost_qty_rc pc_gb_seconds(const cost_eval *e, double *q, const char **why)
{
    double executions, hours, mem;
    cost_qty_rc rc = cost_eval_num(e, "executions", &executions, why);
    if (rc == CQR_OK)
        rc = cost_eval_num(e, "hours", &hours, why);
    if (rc == CQR_OK)
        rc = cost_eval_num(e, "memory", &mem, why);
    if (rc == CQR_OK)
        *q = executions * (mem / 1024.0) * hours * 3600.0;
    return rc;
}

static cost_qty_rc pc_duration(const cost_eval *e, double *q, const char **why)
{
    double req, ms, mem;
    if (!cost_eval_usage(e, "monthly_requests", &req) || !cost_eval_usage(e, "request_duration_ms", &ms))
        return CQR_NO_USAGE;
    cost_qty_rc rc = cost_eval_num(e, "memory", &mem, why);
    if (rc == CQR_OK)
        *q = req * (mem / 1024.0) * (ceil(ms) / 1000.0);
    return rc;
}

static const cost_comp_spec pc_comps[] = {
    {.name = "Provisioned concurrency",
     .service = "AWSLambda", .family = "Serverless",
     .filters = {EQ("group", "AWS-Lambda-Provisioned-Concurrency{arch}")},
     .unit = "GB-seconds", .per = "GB-second", .qty = Q_FN(pc_gb_seconds)},
    {.name = "Requests",
     .service = "AWSLambda", .family = "Serverless",
     .filters = {EQ("group", "AWS-Lambda-Requests{arch}")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6, .qty = Q_USAGE("monthly_requests", 1)},
    {.name = "Duration",
     .service = "AWSLambda", .family = "Serverless",
     .filters = {EQ("group", "AWS-Lambda-Duration-Provisioned{arch}")},
     .unit = "GB-seconds", .per = "GB-second", .qty = Q_FN(pc_duration), .flags = CF_USAGE},
};
static const cost_part pc_parts[] = {{.comps = pc_comps, .ncomps = N(pc_comps)}};
static const cost_usage_key pc_usage[] = {
    NUM("monthly_duration_hrs", "hours a month the provisioned concurrency is enabled"),
    NUM("monthly_requests", "requests served by the provisioned concurrency per month (not also on the function)"),
    NUM("request_duration_ms", "average duration of those requests, ms"),
    NUM("memory_mb", "the function's memory, MB, when the plan does not give it"),
    STR("architecture", "x86_64 or arm64, when the plan does not give the function's architectures"),
};

/* ---- the models ---- */

static const cost_model model_lambda = {
    .type = "aws_lambda_function",
    .doc = "requests and GB-seconds (usage; memory_size, architectures), ephemeral storage above 512 MB",
    VARS(lambda_vars), PARTS(lambda_parts), USAGE(lambda_usage)};

static const cost_model model_pc = {
    .type = "aws_lambda_provisioned_concurrency_config",
    .doc = "provisioned concurrency GB-seconds (the function's memory x concurrency x hours enabled), requests and "
           "duration it serves (usage)",
    .example = "provisioned_concurrent_executions=10",
    VARS(pc_vars), PARTS(pc_parts),
    USAGE(pc_usage)};

COST_MODEL_LIST(lambda) = {&model_lambda, &model_pc, NULL};
