/*
 * models/s3_extras.c — cost models: S3 objects (storage by class), the
 * bucket features billed per object (Storage Class Analysis, Inventory, the
 * Intelligent-Tiering monitoring fee) and directory buckets (Express One Zone).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* storage_class -> the usage type AWS bills that class's storage under.
 * Express One Zone lives in directory buckets (another price); Outposts
 * storage is billed with the Outpost. */
static const cost_map s3_class_ut_map[] = {
    {"STANDARD", "TimedStorage-ByteHrs"},
    {"STANDARD_IA", "TimedStorage-SIA-ByteHrs"},
    {"ONEZONE_IA", "TimedStorage-ZIA-ByteHrs"},
    {"INTELLIGENT_TIERING", "TimedStorage-INT-FA-ByteHrs"},
    {"GLACIER_IR", "TimedStorage-GIR-ByteHrs"},
    {"GLACIER", "TimedStorage-GlacierByteHrs"},
    {"REDUCED_REDUNDANCY", "TimedStorage-RRS-ByteHrs"},
    {NULL, NULL}};

/* aws_s3_object / aws_s3_bucket_object: the object's storage class is
 * STANDARD unless storage_class says otherwise (S3's default). */
static const cost_var object_vars[] = {
    {.name = "class", .attr = "storage_class", .usage = "storage_class", .dflt = "STANDARD",
     .flags = CVF_UNKNOWN_DEFAULT, .why = "S3 stores an object in STANDARD unless storage_class says otherwise"},
    {.name = "ut", .fallback = "class", .map = s3_class_ut_map},
};

/* Deep Archive storage is AWS's own offer. */
static const cost_comp_spec object_comps[] = {
    {.name = "Storage ({class})",
     .when = {{"class", COP_NE, "DEEP_ARCHIVE"}},
     .service = "AmazonS3", .family = "Storage",
     .filters = {UT("{ut}")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1), .flags = CF_TIERED},
    {.name = "Storage (DEEP_ARCHIVE)",
     .when = {{"class", COP_EQ, "DEEP_ARCHIVE"}},
     .service = "AmazonS3GlacierDeepArchive", .family = "Storage",
     .filters = {UT("TimedStorage-GDA-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1), .flags = CF_TIERED},
};
static const cost_part object_parts[] = {{.comps = object_comps, .ncomps = N(object_comps)}};
static const cost_usage_key object_usage[] = {
    NUM("storage_gb", "size of the object, GB (leave it out of the bucket's usage)"),
    STR("storage_class", "the object's storage class when the plan does not give it"),
};

/* ---- bucket features billed per object ---- */

static const cost_comp_spec analytics_comps[] = {
    {.name = "Objects monitored",
     .service = "AmazonS3",
     .filters = {UT("StorageAnalytics-ObjCount")},
     .unit = "objects", .per = "1M objects", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_monitored_objects", 1)},
};
static const cost_part analytics_parts[] = {{.comps = analytics_comps, .ncomps = N(analytics_comps)}};
static const cost_usage_key analytics_usage[] = {
    NUM("monthly_monitored_objects", "objects Storage Class Analysis monitors per month"),
};

static const cost_comp_spec inventory_comps[] = {
    {.name = "Objects listed",
     .service = "AmazonS3",
     .filters = {UT("Inventory-ObjectsListed")},
     .unit = "objects", .per = "1M objects", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_listed_objects", 1)},
};
static const cost_part inventory_parts[] = {{.comps = inventory_comps, .ncomps = N(inventory_comps)}};
static const cost_usage_key inventory_usage[] = {
    NUM("monthly_listed_objects", "objects the inventory lists per month"),
};

/* A disabled configuration moves and monitors nothing. */
static const cost_var tiering_vars[] = {
    {.name = "status", .attr = "status", .dflt = "Enabled"},
};
static const cost_comp_spec tiering_comps[] = {
    {.name = "Monitoring and automation",
     .service = "AmazonS3",
     .filters = {UT("Monitoring-Automation-INT")},
     .unit = "objects", .per = "1k objects", .per_scale = 1000,
     .qty = Q_USAGE("monitored_objects", 1)},
};
static const cost_part tiering_parts[] = {{.comps = tiering_comps, .ncomps = N(tiering_comps)}};
static const cost_usage_key tiering_usage[] = {
    NUM("monitored_objects", "objects in Intelligent-Tiering the configuration covers (128 KB and larger)"),
};

/* ---- aws_s3_directory_bucket: S3 Express One Zone ---- */

#define XZ_COMP(NAME, UT_, UNIT, PER, SCALE, KEY)                                                  \
    {.name = NAME, .service = "AmazonS3", .filters = {EQ("storageClass", "Express One Zone"), UT(UT_)}, \
     .unit = UNIT, .per = PER, .per_scale = SCALE, .qty = Q_USAGE(KEY, 1)}

static const cost_comp_spec directory_comps[] = {
    XZ_COMP("Storage (Express One Zone)", "TimedStorage-XZ-ByteHrs", "GB-months", "GB-month", 0, "storage_gb"),
    XZ_COMP("PUT, COPY, POST, LIST requests", "Requests-XZ-Tier1", "requests", "1k requests", 1000,
            "monthly_tier_1_requests"),
    XZ_COMP("GET and other requests", "Requests-XZ-Tier2", "requests", "1k requests", 1000,
            "monthly_tier_2_requests"),
    XZ_COMP("Data uploaded (beyond 512 KB a request)", "Upload-XZ-Bytes", "GB", "GB", 0,
            "monthly_data_uploaded_gb"),
    XZ_COMP("Data retrieved (beyond 512 KB a request)", "Retrieval-XZ-Bytes", "GB", "GB", 0,
            "monthly_data_retrieved_gb"),
};
static const cost_part directory_parts[] = {{.comps = directory_comps, .ncomps = N(directory_comps)}};
static const cost_usage_key directory_usage[] = {
    NUM("storage_gb", "data stored, GB"),
    NUM("monthly_tier_1_requests", "PUT, COPY, POST and LIST requests per month"),
    NUM("monthly_tier_2_requests", "GET and other requests per month"),
    NUM("monthly_data_uploaded_gb", "data uploaded beyond the first 512 KB of each request, GB per month"),
    NUM("monthly_data_retrieved_gb", "data retrieved beyond the first 512 KB of each request, GB per month"),
};

/* ---- the models ---- */

static const cost_model model_analytics = {
    .type = "aws_s3_bucket_analytics_configuration",
    .doc = "Storage Class Analysis per object monitored (usage)",
    PARTS(analytics_parts), USAGE(analytics_usage)};
static const cost_model model_directory = {
    .type = "aws_s3_directory_bucket",
    .doc = "S3 Express One Zone storage, requests, and data uploaded and retrieved beyond 512 KB a request (usage)",
    PARTS(directory_parts), USAGE(directory_usage)};
static const cost_model model_tiering = {
    .type = "aws_s3_bucket_intelligent_tiering_configuration",
    .doc = "Intelligent-Tiering monitoring and automation per object (usage); free when disabled",
    VARS(tiering_vars),
    .free_when = {{"status", COP_EQ, "Disabled"}}, .free_note = "disabled: monitors nothing",
    PARTS(tiering_parts), USAGE(tiering_usage)};
static const cost_model model_inventory = {
    .type = "aws_s3_bucket_inventory",
    .doc = "S3 Inventory per object listed (usage)",
    PARTS(inventory_parts), USAGE(inventory_usage)};
static const cost_model model_bucket_object = {
    .type = "aws_s3_bucket_object", .doc = "storage in the object's class (usage: its size)",
    VARS(object_vars), PARTS(object_parts), USAGE(object_usage)};
static const cost_model model_object = {
    .type = "aws_s3_object", .doc = "storage in the object's class (usage: its size)",
    VARS(object_vars), PARTS(object_parts), USAGE(object_usage)};

COST_MODEL_LIST(s3_extras) = {&model_analytics, &model_tiering, &model_inventory,
                              &model_bucket_object, &model_directory, &model_object, NULL};
