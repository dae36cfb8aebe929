/*
 * models/elasticache_serverless.c — cost models: ElastiCache Serverless caches (data stored and
 * ElastiCache Processing Units by engine).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_map ecs_engine_map[] = {
    {"redis", "Redis"}, {"valkey", "Valkey"}, {"memcached", "Memcached"}, {NULL, NULL}};

static const cost_var ecs_vars[] = {
    {.name = "engine", .attr = "engine", .map = ecs_engine_map, .flags = CVF_REQUIRED},
};
static const cost_comp_spec ecs_comps[] = {
    {.name = "Data stored ({engine})",
     .service = "AmazonElastiCache", .family = "ElastiCache Serverless",
     .filters = {EQ("cacheEngine", "{engine}"), UT("ElastiCache:ServerlessStorage")},
     .unit = "GB-hours", .per = "GB-hour", .qty = Q_USAGE("data_stored_gb", HOURS)},
    {.name = "ElastiCache Processing Units ({engine})",
     .service = "AmazonElastiCache", .family = "ElastiCache Serverless",
     .filters = {EQ("cacheEngine", "{engine}"), UT("ElastiCache:ServerlessECPU")},
     .unit = "ECPUs", .per = "1M ECPUs", .per_scale = 1e6, .qty = Q_USAGE("monthly_ecpus", 1)},
};
static const cost_part ecs_parts[] = {{.comps = ecs_comps, .ncomps = N(ecs_comps)}};
static const cost_usage_key ecs_usage[] = {
    NUM("data_stored_gb", "data stored on average, GB (AWS bills at least its per-engine minimum)"),
    NUM("monthly_ecpus", "ElastiCache Processing Units consumed per month"),
};

static const cost_model model_ecs = {
    .type = "aws_elasticache_serverless_cache", .example = "engine=valkey",
    .doc = "data stored GB-hours and ECPUs by engine (usage)",
    VARS(ecs_vars), PARTS(ecs_parts), USAGE(ecs_usage)};

COST_MODEL_LIST(elasticache_serverless) = {&model_ecs, NULL};
