/*
 * models/elb.c — cost models: Elastic Load Balancing: application, network and gateway load balancers
 * (aws_lb and its alias aws_alb) and classic ones (aws_elb).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_map lb_type_map[] = {
    {"application", "application"}, {"network", "network"}, {"gateway", "gateway"}, {NULL, NULL}};
static const cost_map lb_family_map[] = {
    {"application", "Load Balancer-Application"}, {"network", "Load Balancer-Network"},
    {"gateway", "Load Balancer-Gateway"}, {NULL, NULL}};
static const cost_map lb_label_map[] = {
    {"application", "Application"}, {"network", "Network"}, {"gateway", "Gateway"}, {NULL, NULL}};

/* aws_lb: load_balancer_type defaults to application. */
static const cost_var lb_vars[] = {
    {.name = "lbtype", .attr = "load_balancer_type", .dflt = "application", .map = lb_type_map,
     .usage = "load_balancer_type", .flags = CVF_UNKNOWN_DEFAULT,
     .why = "an application load balancer unless load_balancer_type says otherwise (the provider's default)"},
    {.name = "family", .fallback = "lbtype", .map = lb_family_map},
    {.name = "label", .fallback = "lbtype", .map = lb_label_map},
};

static const cost_comp_spec lb_comps[] = {
    {.name = "{label} load balancer",
     .service = "AWSELB", .family = "{family}",
     .filters = {REGION, UT("LoadBalancerUsage")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Load balancer capacity units",
     .service = "AWSELB", .family = "{family}",
     .filters = {REGION, UT("LCUUsage")},
     .unit = "LCU-hours", .per = "LCU-hour", .qty = Q_FN(cq_lb_lcu), .flags = CF_USAGE},
};
static const cost_part lb_parts[] = {{.comps = lb_comps, .ncomps = N(lb_comps)}};
static const cost_usage_key lb_usage[] = {
    NUM("new_connections", "new connections per second, on average"),
    NUM("active_connections", "active connections per minute, on average"),
    NUM("processed_bytes_gb", "data processed per month, GB"),
    NUM("rule_evaluations", "rule evaluations per second, on average (application only)"),
    STR("load_balancer_type", "application, network or gateway, when the plan does not give it"),
};

static const cost_comp_spec elb_comps[] = {
    {.name = "Classic load balancer",
     .service = "AWSELB", .family = "Load Balancer",
     .filters = {REGION, UT("LoadBalancerUsage")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Data processed",
     .service = "AWSELB", .family = "Load Balancer",
     .filters = {UT("DataProcessing-Bytes")},
     .unit = "GB", .per = "GB processed", .qty = Q_USAGE("monthly_data_processed_gb", 1)},
};
static const cost_part elb_parts[] = {{.comps = elb_comps, .ncomps = N(elb_comps)}};
static const cost_usage_key elb_usage[] = {NUM("monthly_data_processed_gb", "data processed per month, GB")};

/* ---- the models ---- */

static const cost_model model_alb = {
    .type = "aws_alb", .doc = "alias of aws_lb", VARS(lb_vars), PARTS(lb_parts), USAGE(lb_usage)};
static const cost_model model_elb = {
    .type = "aws_elb", .doc = "classic load balancer hours, data processed (usage)",
    PARTS(elb_parts), USAGE(elb_usage)};
static const cost_model model_lb = {
    .type = "aws_lb",
    .doc = "application, network or gateway load balancer hours; capacity units (usage)",
    VARS(lb_vars), PARTS(lb_parts), USAGE(lb_usage)};

COST_MODEL_LIST(elb) = {&model_alb, &model_elb, &model_lb, NULL};
