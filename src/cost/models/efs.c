/*
 * models/efs.c — cost models: EFS file systems.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_map efs_zone_map[] = {{"*", "-Z"}, {NULL, NULL}};

static const cost_var efs_vars[] = {
    {.name = "onezone", .attr = "availability_zone_name"},
    {.name = "zone_ut", .fallback = "onezone", .map = efs_zone_map},
    {.name = "lifecycle", .attr = "lifecycle_policy[0]"},
    {.name = "tmode", .attr = "throughput_mode", .usage = "throughput_mode", .dflt = "bursting",
     .flags = CVF_UNKNOWN_DEFAULT, .why = "bursting throughput unless throughput_mode says otherwise (the provider's default)"},
    {.name = "tput", .attr = "provisioned_throughput_in_mibps"},
};

static const cost_comp_spec efs_comps[] = {
    {.name = "Storage (standard)",
     .when = {{"onezone", COP_UNSET, NULL}},
     .service = "AmazonEFS", .family = "Storage",
     .filters = {UT("TimedStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
    {.name = "Storage (one zone)",
     .when = {{"onezone", COP_SET, NULL}},
     .service = "AmazonEFS", .family = "Storage",
     .filters = {UT("TimedStorage-Z-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
    {.name = "Storage (infrequent access)",
     .when = {{"lifecycle", COP_SET, NULL}},
     .service = "AmazonEFS", .family = "Storage",
     .filters = {UT("IATimedStorage{zone_ut}-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("infrequent_access_storage_gb", 1)},
    {.name = "Read requests (infrequent access)",
     .when = {{"lifecycle", COP_SET, NULL}},
     .service = "AmazonEFS",
     .filters = {EQ("accessType", "Read")},
     .unit = "GB", .per = "GB read", .qty = Q_USAGE("monthly_infrequent_access_read_gb", 1), .flags = CF_IF_USAGE},
    {.name = "Provisioned throughput",
     .when = {{"tmode", COP_EQ, "provisioned"}},
     .service = "AmazonEFS", .family = "Provisioned Throughput",
     .filters = {UT("ProvisionedTP-MiBpsHrs")},
     .unit = "MiBps-months", .per = "MiBps-month", .qty = Q_FN(cq_efs_tput)},
};
static const cost_part efs_parts[] = {{.comps = efs_comps, .ncomps = N(efs_comps)}};
static const cost_usage_key efs_usage[] = {
    NUM("storage_gb", "data stored in the standard (or one zone) class, GB"),
    NUM("infrequent_access_storage_gb", "data stored in the infrequent access class, GB"),
    NUM("monthly_infrequent_access_read_gb", "data read from infrequent access per month, GB"),
    STR("throughput_mode", "bursting, provisioned or elastic, when the plan does not give it"),
};

/* ---- the models ---- */

static const cost_model model_efs = {
    .type = "aws_efs_file_system",
    .doc = "storage by class (usage), provisioned throughput above what the storage includes",
    VARS(efs_vars), PARTS(efs_parts), USAGE(efs_usage)};

COST_MODEL_LIST(efs) = {&model_efs, NULL};
