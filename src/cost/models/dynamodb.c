/*
 * models/dynamodb.c — cost models: DynamoDB tables.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* billing_mode defaults to PROVISIONED, table_class to STANDARD. */
static const cost_map ddb_class_map[] = {{"STANDARD", ""}, {"STANDARD_INFREQUENT_ACCESS", "IA-"}, {NULL, NULL}};

static const cost_var ddb_vars[] = {
    {.name = "billing", .attr = "billing_mode", .usage = "billing_mode", .dflt = "PROVISIONED",
     .flags = CVF_UNKNOWN_DEFAULT, .why = "provisioned capacity unless billing_mode = PAY_PER_REQUEST (the provider's default)"},
    {.name = "wcu", .attr = "write_capacity", .flags = CVF_REQUIRED},
    {.name = "rcu", .attr = "read_capacity", .flags = CVF_REQUIRED},
    {.name = "pitr", .attr = "point_in_time_recovery[0].enabled", .map = cost_bool_map},
    {.name = "class", .attr = "table_class", .usage = "table_class", .dflt = "STANDARD", .map = ddb_class_map,
     .flags = CVF_UNKNOWN_DEFAULT, .why = "the STANDARD table class unless table_class says otherwise (the provider's default)"},
};

static const cost_comp_spec ddb_comps[] = {
    {.name = "Write capacity units",
     .when = {{"billing", COP_EQ, "PROVISIONED"}},
     .service = "AmazonDynamoDB", .family = "Provisioned IOPS",
     .filters = {UT("{class}WriteCapacityUnit-Hrs")},
     .unit = "WCU-hours", .per = "WCU-hour", .qty = Q_VAR("wcu", HOURS)},
    {.name = "Read capacity units",
     .when = {{"billing", COP_EQ, "PROVISIONED"}},
     .service = "AmazonDynamoDB", .family = "Provisioned IOPS",
     .filters = {UT("{class}ReadCapacityUnit-Hrs")},
     .unit = "RCU-hours", .per = "RCU-hour", .qty = Q_VAR("rcu", HOURS)},
    {.name = "Write request units",
     .when = {{"billing", COP_EQ, "PAY_PER_REQUEST"}},
     .service = "AmazonDynamoDB", .family = "Amazon DynamoDB PayPerRequest Throughput",
     .filters = {UT("{class}WriteRequestUnits")},
     .unit = "WRUs", .per = "1M write request units", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_write_request_units", 1)},
    {.name = "Read request units",
     .when = {{"billing", COP_EQ, "PAY_PER_REQUEST"}},
     .service = "AmazonDynamoDB", .family = "Amazon DynamoDB PayPerRequest Throughput",
     .filters = {UT("{class}ReadRequestUnits")},
     .unit = "RRUs", .per = "1M read request units", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_read_request_units", 1)},
    {.name = "Data storage",
     .service = "AmazonDynamoDB", .family = "Database Storage",
     .filters = {UT("{class}TimedStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
    {.name = "Point-in-time recovery backup storage",
     .when = {{"pitr", COP_SET, NULL}},
     .service = "AmazonDynamoDB", .family = "Database Storage",
     .filters = {UT("TimedPITRStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("pitr_backup_storage_gb", 1)},
    {.name = "On-demand backup storage",
     .service = "AmazonDynamoDB", .family = "Amazon DynamoDB On-Demand Backup Storage",
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("on_demand_backup_storage_gb", 1), .flags = CF_IF_USAGE},
    {.name = "Table data restored",
     .service = "AmazonDynamoDB", .family = "Amazon DynamoDB Restore Data Size",
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_restored_gb", 1), .flags = CF_IF_USAGE},
    {.name = "Streams read request units",
     .service = "AmazonDynamoDB", .family = "API Request",
     .filters = {EQ("group", "DDB-StreamsReadRequests")},
     .unit = "requests", .per = "100k requests", .per_scale = 1e5,
     .qty = Q_USAGE("monthly_streams_read_request_units", 1), .flags = CF_IF_USAGE},
};
static const cost_part ddb_parts[] = {{.comps = ddb_comps, .ncomps = N(ddb_comps)}};
static const cost_usage_key ddb_usage[] = {
    NUM("monthly_write_request_units", "write request units per month (on-demand)"),
    NUM("monthly_read_request_units", "read request units per month (on-demand)"),
    NUM("storage_gb", "data stored, GB"),
    NUM("pitr_backup_storage_gb", "point-in-time recovery backup storage, GB"),
    NUM("on_demand_backup_storage_gb", "on-demand backup storage, GB"),
    NUM("monthly_data_restored_gb", "data restored per month, GB"),
    NUM("monthly_streams_read_request_units", "DynamoDB Streams read requests per month"),
    STR("billing_mode", "PROVISIONED or PAY_PER_REQUEST, when the plan does not give it"),
    STR("table_class", "STANDARD or STANDARD_INFREQUENT_ACCESS, when the plan does not give it"),
};

/* ---- the models ---- */

static const cost_model model_ddb = {
    .type = "aws_dynamodb_table", .example = "billing_mode=PROVISIONED read_capacity=5 write_capacity=5",
    .doc = "provisioned read/write capacity hours, or on-demand request units (usage); storage, "
           "backups, restores, streams (usage)",
    VARS(ddb_vars), PARTS(ddb_parts), USAGE(ddb_usage)};

COST_MODEL_LIST(dynamodb) = {&model_ddb, NULL};
