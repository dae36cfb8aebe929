/*
 * models/s3.c — cost models: S3 buckets: storage classes and requests.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_comp_spec s3_comps[] = {
    {.name = "Standard storage",
     .service = "AmazonS3", .family = "Storage",
     .filters = {EQ("volumeType", "Standard"), UT("TimedStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("standard.storage_gb", 1), .flags = CF_TIERED},
    {.name = "PUT, COPY, POST, LIST requests",
     .service = "AmazonS3", .family = "API Request",
     .filters = {UT("Requests-Tier1")},
     .unit = "requests", .per = "1k requests", .per_scale = 1000,
     .qty = Q_USAGE("standard.monthly_tier_1_requests", 1)},
    {.name = "GET, SELECT and other requests",
     .service = "AmazonS3", .family = "API Request",
     .filters = {UT("Requests-Tier2")},
     .unit = "requests", .per = "1k requests", .per_scale = 1000,
     .qty = Q_USAGE("standard.monthly_tier_2_requests", 1)},
    {.name = "Standard-IA storage",
     .service = "AmazonS3", .family = "Storage",
     .filters = {UT("TimedStorage-SIA-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("standard_infrequent_access.storage_gb", 1),
     .flags = CF_IF_USAGE | CF_TIERED},
    {.name = "One Zone-IA storage",
     .service = "AmazonS3", .family = "Storage",
     .filters = {UT("TimedStorage-ZIA-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("one_zone_infrequent_access.storage_gb", 1),
     .flags = CF_IF_USAGE | CF_TIERED},
    {.name = "Glacier Flexible Retrieval storage",
     .service = "AmazonGlacier", .family = "Storage",
     .filters = {EQ("volumeType", "Amazon Glacier"), UT("TimedStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("glacier_flexible_retrieval.storage_gb", 1),
     .flags = CF_IF_USAGE | CF_TIERED},
    {.name = "Glacier Deep Archive storage",
     .service = "AmazonS3GlacierDeepArchive", .family = "Storage",
     .filters = {UT("TimedStorage-GDA-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("glacier_deep_archive.storage_gb", 1),
     .flags = CF_IF_USAGE | CF_TIERED},
    {.name = "Intelligent-Tiering frequent access storage",
     .service = "AmazonS3", .family = "Storage",
     .filters = {UT("TimedStorage-INT-FA-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("intelligent_tiering.frequent_access_storage_gb", 1),
     .flags = CF_IF_USAGE | CF_TIERED},
    {.name = "Intelligent-Tiering infrequent access storage",
     .service = "AmazonS3", .family = "Storage",
     .filters = {UT("TimedStorage-INT-IA-ByteHrs")},
     .unit = "GB-months", .per = "GB-month",
     .qty = Q_USAGE("intelligent_tiering.infrequent_access_storage_gb", 1), .flags = CF_IF_USAGE | CF_TIERED},
};
static const cost_part s3_parts[] = {{.comps = s3_comps, .ncomps = N(s3_comps)}};
static const cost_usage_key s3_usage[] = {
    NUM("standard.storage_gb", "Standard storage, GB"),
    NUM("standard.monthly_tier_1_requests", "PUT, COPY, POST, LIST requests per month"),
    NUM("standard.monthly_tier_2_requests", "GET, SELECT and other requests per month"),
    NUM("standard_infrequent_access.storage_gb", "Standard-IA storage, GB"),
    NUM("one_zone_infrequent_access.storage_gb", "One Zone-IA storage, GB"),
    NUM("glacier_flexible_retrieval.storage_gb", "Glacier Flexible Retrieval storage, GB"),
    NUM("glacier_deep_archive.storage_gb", "Glacier Deep Archive storage, GB"),
    NUM("intelligent_tiering.frequent_access_storage_gb", "Intelligent-Tiering frequent access, GB"),
    NUM("intelligent_tiering.infrequent_access_storage_gb", "Intelligent-Tiering infrequent access, GB"),
};

/* ---- the models ---- */

static const cost_model model_s3 = {
    .type = "aws_s3_bucket", .doc = "storage by class and requests (usage)", PARTS(s3_parts), USAGE(s3_usage)};

COST_MODEL_LIST(s3) = {&model_s3, NULL};
