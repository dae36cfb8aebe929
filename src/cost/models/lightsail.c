/*
 * models/lightsail.c — cost models: Lightsail instances, container
 * services, managed databases, block-storage disks and load balancers.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* A bundle id names its size (memory), platform and IPv6-only variant:
 * nano_3_0, small_win_3_0, micro_ipv6_3_0.  Sizes and memory as AWS's
 * bundle list (Infracost's lightsail_instance.go maps the same). */
#define BUNDLE(size, mem)                                                         \
    {size "_win_ipv6_*", mem "_win_ipv6"}, {size "_win_*", mem "_win"},          \
    {size "_ipv6_*", mem "_ipv6"}, {size "_*", mem}
static const cost_map bundle_map[] = {
    BUNDLE("nano", "0.5GB"), BUNDLE("micro", "1GB"), BUNDLE("small", "2GB"),
    BUNDLE("medium", "4GB"), BUNDLE("large", "8GB"), BUNDLE("xlarge", "16GB"),
    BUNDLE("2xlarge", "32GB"), BUNDLE("4xlarge", "64GB"), {NULL, NULL}};

static const cost_var instance_vars[] = {
    {.name = "bundle", .attr = "bundle_id", .map = bundle_map, .flags = CVF_REQUIRED},
};
static const cost_comp_spec instance_comps[] = {
    {.name = "Instance bundle ({bundle})",
     .service = "AmazonLightsail", .family = "Lightsail Instance",
     .filters = {UT("BundleUsage:{bundle}")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
};
static const cost_part instance_parts[] = {{.comps = instance_comps, .ncomps = N(instance_comps)}};

/* Database bundles: micro_2_0, small_ha_1_0 (high availability). */
#define DB_BUNDLE(size, mem) {size "_ha_*", mem "_ha"}, {size "_*", mem}
static const cost_map db_bundle_map[] = {
    DB_BUNDLE("micro", "1GB"), DB_BUNDLE("small", "2GB"), DB_BUNDLE("medium", "4GB"),
    DB_BUNDLE("large", "8GB"), {NULL, NULL}};
static const cost_var db_vars[] = {
    {.name = "bundle", .attr = "bundle_id", .map = db_bundle_map, .flags = CVF_REQUIRED},
};
static const cost_comp_spec db_comps[] = {
    {.name = "Database bundle ({bundle})",
     .service = "AmazonLightsail", .family = "Lightsail Database",
     .filters = {UT("DatabaseBundleUsage:{bundle}")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
};
static const cost_part db_parts[] = {{.comps = db_comps, .ncomps = N(db_comps)}};

static const cost_var container_vars[] = {
    {.name = "power", .attr = "power", .flags = CVF_REQUIRED},
    {.name = "scale", .attr = "scale", .flags = CVF_REQUIRED | CVF_NUMBER},
};
static const cost_comp_spec container_comps[] = {
    {.name = "Container nodes ({power})",
     .service = "AmazonLightsail", .family = "Lightsail Containers",
     .filters = {UT("ContainerUsage:{power}")},
     .unit = "node-hours", .per = "node-hour", .qty = Q_VAR("scale", HOURS)},
};
static const cost_part container_parts[] = {{.comps = container_comps, .ncomps = N(container_comps)}};

static const cost_var disk_vars[] = {
    {.name = "size", .attr = "size_in_gb", .flags = CVF_REQUIRED | CVF_NUMBER},
};
static const cost_comp_spec disk_comps[] = {
    {.name = "Block storage",
     .service = "AmazonLightsail", .family = "Lightsail Storage",
     .filters = {UT("BlockStorageUsage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_VAR("size", 1)},
};
static const cost_part disk_parts[] = {{.comps = disk_comps, .ncomps = N(disk_comps)}};

static const cost_comp_spec lb_comps[] = {
    {.name = "Load balancer",
     .service = "AmazonLightsail", .family = "Lightsail Load Balancer",
     .filters = {UT("LoadBalancerUsage")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
};
static const cost_part lb_parts[] = {{.comps = lb_comps, .ncomps = N(lb_comps)}};

/* ---- the models ---- */

static const cost_model model_container = {
    .type = "aws_lightsail_container_service", .doc = "node hours by power x scale",
    VARS(container_vars), .example = "power=nano scale=1", PARTS(container_parts)};
static const cost_model model_database = {
    .type = "aws_lightsail_database", .doc = "database bundle hours (standard or high availability)",
    VARS(db_vars), .example = "bundle_id=micro_2_0", PARTS(db_parts)};
static const cost_model model_disk = {
    .type = "aws_lightsail_disk", .doc = "block storage GB-months", VARS(disk_vars),
    .example = "size_in_gb=32", PARTS(disk_parts)};
static const cost_model model_instance = {
    .type = "aws_lightsail_instance", .doc = "bundle hours by size, platform and IPv6-only variant",
    VARS(instance_vars), .example = "bundle_id=nano_3_0", PARTS(instance_parts)};
static const cost_model model_lb = {
    .type = "aws_lightsail_lb", .doc = "load balancer hours", PARTS(lb_parts)};

COST_MODEL_LIST(lightsail) = {&model_container, &model_database, &model_disk, &model_instance, &model_lb,
                              NULL};
