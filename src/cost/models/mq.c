/*
 * models/mq.c — cost models: Amazon MQ brokers (instance hours by engine and deployment, storage).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* A RabbitMQ cluster's Multi-AZ price is for its three nodes, an ActiveMQ
 * active/standby pair's for its two (the price list's Multi-AZ rows). */
static const cost_map mq_deploy_map[] = {
    {"SINGLE_INSTANCE", "Single-AZ"}, {"ACTIVE_STANDBY_MULTI_AZ", "Multi-AZ"},
    {"CLUSTER_MULTI_AZ", "Multi-AZ"}, {NULL, NULL}};
static const cost_map mq_engine_map[] = {
    {"ActiveMQ", "ActiveMQ"}, {"RabbitMQ", "RabbitMQ"}, {NULL, NULL}};
/* RabbitMQ brokers always use EBS; ActiveMQ defaults to EFS. */
static const cost_map mq_engine_storage_map[] = {
    {"ActiveMQ", "EFS"}, {"RabbitMQ", "EBS"}, {NULL, NULL}};
static const cost_map mq_storage_map[] = {
    {"efs", "EFS"}, {"ebs", "EBS"}, {"EFS", "EFS"}, {"EBS", "EBS"}, {NULL, NULL}};

static const cost_var mq_vars[] = {
    {.name = "engine", .attr = "engine_type", .map = mq_engine_map, .flags = CVF_REQUIRED},
    {.name = "itype", .attr = "host_instance_type", .flags = CVF_REQUIRED},
    {.name = "deploy", .attr = "deployment_mode", .dflt = "SINGLE_INSTANCE", .map = mq_deploy_map},
    {.name = "engine_storage", .attr = "engine_type", .map = mq_engine_storage_map},
    {.name = "storage", .attr = "storage_type", .fallback = "engine_storage", .map = mq_storage_map},
};

static const cost_comp_spec mq_comps[] = {
    {.name = "Instance usage ({engine}, {itype}, {deploy})",
     .service = "AmazonMQ", .family = "Broker Instances",
     .filters = {EQ("instanceType", "{itype}"), EQ("brokerEngine", "{engine}"),
                 EQ("deploymentOption", "{deploy}")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Storage ({storage})",
     .service = "AmazonMQ", .family = "Broker Storage",
     .filters = {EQ("storageType", "{storage}")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_size_gb", 1)},
};
static const cost_part mq_parts[] = {{.comps = mq_comps, .ncomps = N(mq_comps)}};
static const cost_usage_key mq_usage[] = {
    NUM("storage_size_gb", "data stored per broker, GB"),
};

static const cost_model model_mq = {
    .type = "aws_mq_broker", .example = "engine_type=ActiveMQ host_instance_type=mq.m5.large",
    .doc = "instance hours by engine, type and deployment mode; EFS or EBS storage (usage)",
    VARS(mq_vars), PARTS(mq_parts), USAGE(mq_usage)};

COST_MODEL_LIST(mq) = {&model_mq, NULL};
