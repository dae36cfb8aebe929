/*
 * models/elasticache.c — cost models: ElastiCache clusters and replication groups.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_map cache_engine_map[] = {
    {"redis", "Redis"}, {"memcached", "Memcached"}, {"valkey", "Valkey"}, {NULL, NULL}};

static const cost_comp_spec cache_comps[] = {
    {.name = "ElastiCache ({engine}, on-demand, {node})",
     .service = "AmazonElastiCache", .family = "Cache Instance",
     .filters = {EQ("instanceType", "{node}"), EQ("cacheEngine", "{engine}"), REGION,
                 RX("usagetype", "^([A-Z0-9]+-)?NodeUsage:")},
     .unit = "node-hours", .per = "node-hour", .qty = Q_FN(cq_cache_nodes_hours)},
    {.name = "Backup storage",
     .when = {{"engine", COP_NE, "Memcached"}},
     .service = "AmazonElastiCache", .family = "Storage Snapshot",
     .unit = "GB-months", .per = "GB-month", .qty = Q_FN(cq_cache_backup_gb), .flags = CF_USAGE},
};
static const cost_part cache_parts[] = {{.comps = cache_comps, .ncomps = N(cache_comps)}};
static const cost_usage_key cache_usage[] = {
    NUM("snapshot_storage_size_gb", "size of one snapshot, GB (billed x (snapshot_retention_limit - 1))"),
};
static const cost_usage_key cache_cluster_usage[] = {
    NUM("snapshot_storage_size_gb", "size of one snapshot, GB (billed x (snapshot_retention_limit - 1))"),
    NUM("num_cache_nodes", "nodes, when the plan does not give num_cache_nodes"),
};

/* A cluster that belongs to a replication group is priced there. */
static const cost_var cache_cluster_vars[] = {
    {.name = "engine", .attr = "engine", .map = cache_engine_map, .flags = CVF_REQUIRED},
    {.name = "node", .attr = "node_type", .flags = CVF_REQUIRED},
    {.name = "nodes", .attr = "num_cache_nodes", .usage = "num_cache_nodes", .dflt = "1",
     .flags = CVF_UNKNOWN_DEFAULT, .why = "one node unless num_cache_nodes says more"},
    {.name = "node_groups"},
    {.name = "replicas"},
    {.name = "in_group", .attr = "replication_group_id"},
    {.name = "retention", .attr = "snapshot_retention_limit"},
};

/* aws_elasticache_replication_group: engine defaults to redis. */
static const cost_var cache_group_vars[] = {
    {.name = "engine", .attr = "engine", .dflt = "redis", .map = cache_engine_map},
    {.name = "node", .attr = "node_type", .flags = CVF_REQUIRED},
    {.name = "nodes", .attr = "num_cache_clusters"},
    {.name = "node_groups", .attr = "num_node_groups"},
    {.name = "replicas", .attr = "replicas_per_node_group"},
    {.name = "retention", .attr = "snapshot_retention_limit"},
};

/* ---- the models ---- */

static const cost_model model_cache = {
    .type = "aws_elasticache_cluster", .example = "engine=redis node_type=cache.t3.micro",
    .doc = "node hours by engine and node type x num_cache_nodes; backup storage (usage); "
           "clusters in a replication group are priced there",
    VARS(cache_cluster_vars),
    .free_when = {{"in_group", COP_SET, NULL}},
    .free_note = "member of a replication group: priced there",
    PARTS(cache_parts), USAGE(cache_cluster_usage)};
static const cost_model model_cache_group = {
    .type = "aws_elasticache_replication_group", .example = "node_type=cache.t3.micro num_cache_clusters=2",
    .doc = "node hours x (num_node_groups x (replicas_per_node_group + 1), else num_cache_clusters); "
           "backup storage (usage)",
    VARS(cache_group_vars), PARTS(cache_parts), USAGE(cache_usage)};

COST_MODEL_LIST(elasticache) = {&model_cache, &model_cache_group, NULL};
