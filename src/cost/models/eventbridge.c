/*
 * models/eventbridge.c — cost models: EventBridge buses, rules and
 * archives.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

#define EB_CUSTOM                                                                                 \
    {.name = "Custom events published",                                                           \
     .service = "AWSEvents", .family = "EventBridge",                                             \
     .filters = {EQ("eventType", "Custom Event"), UT("Event-64K-Chunks")},                        \
     .unit = "events", .per = "1M events", .per_scale = 1e6, .qty = Q_USAGE("monthly_custom_events", 1)}
#define EB_ARCHIVE_PROCESSING(fl)                                                                 \
    {.name = "Archive processing",                                                                \
     .service = "AWSEvents", .family = "CloudWatch Events", .filters = {UT("ArchivedEvents-Bytes")}, \
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_archive_processing_gb", 1), .flags = fl}
#define EB_ARCHIVE_STORAGE(fl)                                                                    \
    {.name = "Archive storage",                                                                   \
     .service = "AWSEvents", .family = "CloudWatch Events", .filters = {UT("TimedStorage-ByteHrs")}, \
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("archive_storage_gb", 1), .flags = fl}

/* Events AWS services send are free; custom and third-party events are
 * billed per 64 KB chunk, schema discovery per 8 KB chunk. */
static const cost_comp_spec bus_comps[] = {
    EB_CUSTOM,
    {.name = "Third-party events published",
     .service = "AWSEvents", .family = "EventBridge",
     .filters = {EQ("eventType", "Partner Event"), UT("PartnerEvent-64K-Chunks")},
     .unit = "events", .per = "1M events", .per_scale = 1e6, .qty = Q_USAGE("monthly_third_party_events", 1),
     .flags = CF_IF_USAGE},
    EB_ARCHIVE_PROCESSING(CF_IF_USAGE),
    EB_ARCHIVE_STORAGE(CF_IF_USAGE),
    {.name = "Schema discovery",
     .service = "AWSEvents", .family = "EventBridge",
     .filters = {EQ("eventType", "Discovery Event"), UT("Event-8K-Chunks")},
     .unit = "events", .per = "1M events", .per_scale = 1e6, .qty = Q_USAGE("monthly_schema_discovery_events", 1),
     .flags = CF_IF_USAGE},
};
static const cost_part bus_parts[] = {{.comps = bus_comps, .ncomps = N(bus_comps)}};
static const cost_usage_key bus_usage[] = {
    NUM("monthly_custom_events", "custom events published per month (64 KB chunks)"),
    NUM("monthly_third_party_events", "third-party and cross-account events per month (64 KB chunks)"),
    NUM("monthly_archive_processing_gb", "events archived per month, GB"),
    NUM("archive_storage_gb", "archived events stored, GB"),
    NUM("monthly_schema_discovery_events", "events ingested for schema discovery per month (8 KB chunks)"),
};

/* A rule on a bus with no aws_cloudwatch_event_bus in the plan (the
 * default bus) is the only place its custom events can be counted; a
 * scheduled rule's events are free. */
static const cost_var rule_vars[] = {
    {.name = "schedule", .attr = "schedule_expression"},
};
static const cost_comp_spec rule_comps[] = {EB_CUSTOM};
static const cost_part rule_parts[] = {{.comps = rule_comps, .ncomps = N(rule_comps)}};
static const cost_usage_key rule_usage[] = {
    NUM("monthly_custom_events", "custom events published per month that this rule matches (64 KB chunks); "
                                 "count them on the rule or on its bus, not both"),
};

static const cost_comp_spec archive_comps[] = {EB_ARCHIVE_PROCESSING(0), EB_ARCHIVE_STORAGE(0)};
static const cost_part archive_parts[] = {{.comps = archive_comps, .ncomps = N(archive_comps)}};
static const cost_usage_key archive_usage[] = {
    NUM("monthly_archive_processing_gb", "events archived per month, GB"),
    NUM("archive_storage_gb", "archived events stored, GB"),
};

/* ---- the models ---- */

static const cost_model model_archive = {
    .type = "aws_cloudwatch_event_archive", .doc = "events archived and archive storage (usage)",
    PARTS(archive_parts), USAGE(archive_usage)};
static const cost_model model_bus = {
    .type = "aws_cloudwatch_event_bus",
    .doc = "custom events published; third-party events, archive and schema discovery when their usage is given "
           "(usage)",
    PARTS(bus_parts), USAGE(bus_usage)};
static const cost_model model_rule = {
    .type = "aws_cloudwatch_event_rule",
    .doc = "custom events the rule matches (usage; for the default bus, which has no resource); scheduled rules "
           "are free",
    VARS(rule_vars), .free_when = {{"schedule", COP_SET, NULL}},
    .free_note = "scheduled rule: the events EventBridge generates are free",
    PARTS(rule_parts), USAGE(rule_usage)};

COST_MODEL_LIST(eventbridge) = {&model_archive, &model_bus, &model_rule, NULL};
