/*
 * models/cloudtrail.c — cost models: CloudTrail trails and CloudTrail Lake
 * event data stores.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* The first copy of management events in a region is free; a trail pays
 * for further copies, data events and Insights events. */
static const cost_var trail_vars[] = {
    {.name = "insights", .attr = "insight_selector[0].insight_type"},
};

static const cost_comp_spec trail_comps[] = {
    {.name = "Additional management events",
     .service = "AWSCloudTrail", .family = "Management Tools - AWS CloudTrail Paid Events Recorded",
     .filters = {UT("PaidEventsRecorded")},
     .unit = "events", .per = "100k events", .per_scale = 1e5,
     .qty = Q_USAGE("monthly_additional_management_events", 1)},
    {.name = "Data events",
     .service = "AWSCloudTrail", .family = "Management Tools - AWS CloudTrail Data Events Recorded",
     .filters = {UT("DataEventsRecorded")},
     .unit = "events", .per = "100k events", .per_scale = 1e5, .qty = Q_USAGE("monthly_data_events", 1)},
    {.name = "Insights events",
     .when = {{"insights", COP_SET, NULL}},
     .service = "AWSCloudTrail", .family = "Management Tools - AWS CloudTrail Insights Events",
     .filters = {UT("InsightsEvents")},
     .unit = "events", .per = "100k events", .per_scale = 1e5, .qty = Q_USAGE("monthly_insight_events", 1)},
};
static const cost_part trail_parts[] = {{.comps = trail_comps, .ncomps = N(trail_comps)}};
static const cost_usage_key trail_usage[] = {
    NUM("monthly_additional_management_events",
        "management events recorded beyond the region's first (free) copy, per month"),
    NUM("monthly_data_events", "data events recorded per month"),
    NUM("monthly_insight_events", "Insights events per month"),
};

/* Event data stores: one-year extendable retention (the provider's default)
 * bills ingestion by source and retention past the first year; seven-year
 * fixed retention bills ingestion in tiers and no storage. */
static const cost_map lake_mode_map[] = {
    {"EXTENDABLE_RETENTION_PRICING", "extendable"}, {"FIXED_RETENTION_PRICING", "fixed"}, {NULL, NULL}};

static const cost_var lake_vars[] = {
    {.name = "mode", .attr = "billing_mode", .usage = "billing_mode", .dflt = "EXTENDABLE_RETENTION_PRICING",
     .map = lake_mode_map, .flags = CVF_UNKNOWN_DEFAULT,
     .why = "one-year extendable retention pricing unless billing_mode says FIXED_RETENTION_PRICING "
            "(the provider's default)"},
};

#define LAKE_FAMILY "Management Tools - AWS CloudTrail Lake"
static const cost_comp_spec lake_comps[] = {
    {.name = "Ingestion (CloudTrail events, one-year retention)",
     .when = {{"mode", COP_EQ, "extendable"}},
     .service = "AWSCloudTrail", .family = LAKE_FAMILY, .filters = {UT("IngestionBytes-1yearstore")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_ingested_gb", 1)},
    {.name = "Ingestion (other sources, one-year retention)",
     .when = {{"mode", COP_EQ, "extendable"}},
     .service = "AWSCloudTrail", .family = LAKE_FAMILY, .filters = {UT("IngestionBytes-1yearstore-other")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_other_ingested_gb", 1), .flags = CF_IF_USAGE},
    {.name = "Retention after the first year",
     .when = {{"mode", COP_EQ, "extendable"}},
     .service = "AWSCloudTrail", .family = LAKE_FAMILY, .filters = {UT("PaidStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
    {.name = "Ingestion (seven-year retention)",
     .when = {{"mode", COP_EQ, "fixed"}},
     .service = "AWSCloudTrail", .family = LAKE_FAMILY, .filters = {UT("IngestionBytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_ingested_gb", 1), .flags = CF_TIERED},
    {.name = "Queries",
     .service = "AWSCloudTrail", .family = LAKE_FAMILY, .filters = {UT("QueryScanned-Bytes")},
     .unit = "GB", .per = "GB scanned", .qty = Q_USAGE("monthly_data_scanned_gb", 1)},
};
static const cost_part lake_parts[] = {{.comps = lake_comps, .ncomps = N(lake_comps)}};
static const cost_usage_key lake_usage[] = {
    NUM("monthly_ingested_gb", "CloudTrail events ingested per month, GB (all sources on seven-year retention)"),
    NUM("monthly_other_ingested_gb", "events from other sources ingested per month on one-year retention, GB"),
    NUM("storage_gb", "data kept past its first year (one-year extendable retention), GB"),
    NUM("monthly_data_scanned_gb", "data scanned by queries per month, GB"),
    STR("billing_mode", "EXTENDABLE_RETENTION_PRICING or FIXED_RETENTION_PRICING, when the plan does not give it"),
};

/* ---- the models ---- */

static const cost_model model_trail = {
    .type = "aws_cloudtrail",
    .doc = "management events beyond the free first copy, data events, Insights events when insight_selector "
           "is set (usage)",
    VARS(trail_vars), PARTS(trail_parts), USAGE(trail_usage)};
static const cost_model model_lake = {
    .type = "aws_cloudtrail_event_data_store",
    .doc = "CloudTrail Lake ingestion by billing_mode (one-year by source, or seven-year in tiers), retention "
           "after the first year, queries (usage)",
    VARS(lake_vars), PARTS(lake_parts), USAGE(lake_usage)};

COST_MODEL_LIST(cloudtrail) = {&model_trail, &model_lake, NULL};
