/*
 * models/sqs.c — cost models: SQS queues (requests by queue type, AWS's tiers).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

#include <math.h>

static const cost_map sqs_type_map[] = {
    {"true", "FIFO (first-in, first-out)"}, {"false", "Standard"}, {NULL, NULL}};

static const cost_var queue_vars[] = {
    {.name = "qtype", .attr = "fifo_queue", .dflt = "false", .map = sqs_type_map},
};

/* AWS bills every 64 KB chunk of a request as one request. */
static cost_qty_rc sqs_requests(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    double req, kb = 64;
    if (!cost_eval_usage(e, "monthly_requests", &req))
        return CQR_NO_USAGE;
    (void)cost_eval_usage(e, "request_size_kb", &kb);
    double chunks = kb > 64 ? ceil(kb / 64) : 1;
    *q = req * chunks;
    return CQR_OK;
}

static const cost_comp_spec queue_comps[] = {
    {.name = "Requests ({qtype})",
     .service = "AWSQueueService", .family = "API Request",
     .filters = {EQ("queueType", "{qtype}")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6,
     .qty = Q_FN(sqs_requests), .flags = CF_USAGE | CF_TIERED},
};
static const cost_part queue_parts[] = {{.comps = queue_comps, .ncomps = N(queue_comps)}};
static const cost_usage_key queue_usage[] = {
    NUM("monthly_requests", "requests per month"),
    NUM("request_size_kb", "average request size, KB (billed in 64 KB chunks; 64 when not given)"),
};

static const cost_model model_sqs_queue = {
    .type = "aws_sqs_queue",
    .doc = "requests by queue type (standard or FIFO) in AWS's tiers, 64 KB chunks (usage)",
    VARS(queue_vars), PARTS(queue_parts), USAGE(queue_usage)};

COST_MODEL_LIST(sqs) = {&model_sqs_queue, NULL};
