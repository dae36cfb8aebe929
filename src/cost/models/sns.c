/*
 * models/sns.c — cost models: SNS topics (publish requests) and subscriptions (deliveries by
 * protocol).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

#include <math.h>

/* Deliveries by protocol; SMS (per destination country) and mobile push
 * (per platform application) are not mapped: not priced. */
static const cost_map sns_protocol_map[] = {
    {"http", "HTTP"}, {"https", "HTTP"}, {"email", "SMTP"}, {"email-json", "SMTP"},
    {"sqs", "SQS"}, {"lambda", "LAMBDA"}, {"firehose", "FIREHOSE"}, {NULL, NULL}};

static const cost_var topic_vars[] = {
    {.name = "fifo", .attr = "fifo_topic", .map = cost_bool_map},
};
static const cost_var sub_vars[] = {
    {.name = "protocol", .attr = "protocol", .map = sns_protocol_map, .flags = CVF_REQUIRED},
    {.name = "shown", .attr = "protocol"},
};

/* Publishes, each 64 KB chunk billed as one request. */
static cost_qty_rc sns_requests(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    double req, kb = 64;
    if (!cost_eval_usage(e, "monthly_requests", &req))
        return CQR_NO_USAGE;
    (void)cost_eval_usage(e, "request_size_kb", &kb);
    *q = req * (kb > 64 ? ceil(kb / 64) : 1);
    return CQR_OK;
}

/* FIFO topics also bill the published payload, GB. */
static cost_qty_rc sns_fifo_payload_gb(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    double req, kb;
    if (!cost_eval_usage(e, "monthly_requests", &req) || !cost_eval_usage(e, "request_size_kb", &kb))
        return CQR_NO_USAGE;
    *q = req * kb / (1024.0 * 1024.0);
    return CQR_OK;
}

static const cost_comp_spec topic_comps[] = {
    {.name = "API requests",
     .when = {{"fifo", COP_UNSET, NULL}},
     .service = "AmazonSNS", .family = "API Request",
     .filters = {UT("Requests-Tier1")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6,
     .qty = Q_FN(sns_requests), .flags = CF_USAGE | CF_TIERED},
    {.name = "FIFO API requests",
     .when = {{"fifo", COP_SET, NULL}},
     .service = "AmazonSNS",
     .filters = {UT("F-Request-Tier1")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6,
     .qty = Q_FN(sns_requests), .flags = CF_USAGE},
    {.name = "FIFO publish payload",
     .when = {{"fifo", COP_SET, NULL}},
     .service = "AmazonSNS",
     .filters = {UT("F-Ingress-Tier1")},
     .unit = "GB", .per = "GB", .qty = Q_FN(sns_fifo_payload_gb), .flags = CF_USAGE},
};
static const cost_comp_spec sub_comps[] = {
    {.name = "Notifications ({shown})",
     .service = "AmazonSNS", .family = "Message Delivery",
     .filters = {UT("DeliveryAttempts-{protocol}")},
     .unit = "notifications", .per = "1M notifications", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_requests", 1), .flags = CF_TIERED},
};
static const cost_part topic_parts[] = {{.comps = topic_comps, .ncomps = N(topic_comps)}};
static const cost_part sub_parts[] = {{.comps = sub_comps, .ncomps = N(sub_comps)}};
static const cost_usage_key topic_usage[] = {
    NUM("monthly_requests", "publish requests per month"),
    NUM("request_size_kb", "average request size, KB (billed in 64 KB chunks; 64 when not given)"),
};
static const cost_usage_key sub_usage[] = {
    NUM("monthly_requests", "notifications delivered to this subscription per month"),
};

static const cost_model model_sns_topic = {
    .type = "aws_sns_topic",
    .doc = "publish requests above AWS's first million (standard) or FIFO requests and payload (usage)",
    VARS(topic_vars), PARTS(topic_parts), USAGE(topic_usage)};
static const cost_model model_sns_subscription = {
    .type = "aws_sns_topic_subscription", .example = "protocol=sqs",
    .doc = "deliveries by protocol (HTTP/S, email, SQS, Lambda, Firehose) in AWS's tiers (usage); "
           "SMS and mobile push not priced",
    VARS(sub_vars), PARTS(sub_parts), USAGE(sub_usage)};

COST_MODEL_LIST(sns) = {&model_sns_topic, &model_sns_subscription, NULL};
