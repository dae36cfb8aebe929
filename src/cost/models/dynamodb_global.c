/*
 * models/dynamodb_global.c — cost models: DynamoDB global-table replicas (replicated writes,
 * replica storage) and Kinesis Data Streams destinations (change data capture units).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* A replica writes what its table writes: the table's billing mode and
 * write capacity, found through global_table_arn. */
static const cost_source ddb_table_source = {
    "DynamoDB table", {{"global_table_arn", "aws_dynamodb_table", "arn"}}};

static const cost_var replica_vars[] = {
    {.name = "billing", .attr = "billing_mode", .usage = "billing_mode", .from = &ddb_table_source,
     .dflt = "PROVISIONED", .flags = CVF_UNKNOWN_DEFAULT,
     .why = "provisioned capacity unless the table's billing_mode = PAY_PER_REQUEST (the provider's default)"},
    {.name = "wcu", .attr = "write_capacity", .usage = "write_capacity", .from = &ddb_table_source},
};

static cost_qty_rc replica_wcu_hours(const cost_eval *e, double *q, const char **why)
{
    double wcu;
    cost_qty_rc rc = cost_eval_num(e, "wcu", &wcu, why);
    if (rc == CQR_SKIP) {
        *why = "write_capacity";
        return CQR_MISSING;
    }
    if (rc == CQR_OK)
        *q = wcu * HOURS;
    return rc;
}

static const cost_comp_spec replica_comps[] = {
    {.name = "Replicated write capacity units",
     .when = {{"billing", COP_EQ, "PROVISIONED"}},
     .service = "AmazonDynamoDB", .family = "DDB-Operation-ReplicatedWrite",
     .filters = {UT("ReplWriteCapacityUnit-Hrs")},
     .unit = "rWCU-hours", .per = "rWCU-hour", .qty = Q_FN(replica_wcu_hours)},
    {.name = "Replicated write request units",
     .when = {{"billing", COP_EQ, "PAY_PER_REQUEST"}},
     .service = "AmazonDynamoDB", .family = "DDB-Operation-ReplicatedWrite",
     .filters = {UT("ReplWriteRequestUnits")},
     .unit = "rWRUs", .per = "1M replicated write request units", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_write_request_units", 1)},
    {.name = "Data storage",
     .service = "AmazonDynamoDB", .family = "Database Storage",
     .filters = {UT("TimedStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
};
static const cost_part replica_parts[] = {{.comps = replica_comps, .ncomps = N(replica_comps)}};
static const cost_usage_key replica_usage[] = {
    NUM("monthly_write_request_units", "writes replicated into this replica per month (on-demand tables)"),
    NUM("storage_gb", "data stored in the replica, GB"),
    STR("billing_mode", "PROVISIONED or PAY_PER_REQUEST, when the plan does not give the table's"),
    NUM("write_capacity", "the table's write capacity units, when the plan does not give them"),
};

static const cost_comp_spec cdc_comps[] = {
    {.name = "Change data capture units",
     .service = "AmazonDynamoDB", .family = "Amazon DynamoDB Kinesis Data Streams",
     .filters = {UT("ChangeDataCaptureUnits-Kinesis")},
     .unit = "CDC units", .per = "1M CDC units", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_change_data_capture_units", 1)},
};
static const cost_part cdc_parts[] = {{.comps = cdc_comps, .ncomps = N(cdc_comps)}};
static const cost_usage_key cdc_usage[] = {
    NUM("monthly_change_data_capture_units", "change data capture units per month (one per 1 KB item write)"),
};

static const cost_model model_cdc = {
    .type = "aws_dynamodb_kinesis_streaming_destination",
    .doc = "change data capture units (usage)",
    PARTS(cdc_parts), USAGE(cdc_usage)};
static const cost_model model_replica = {
    .type = "aws_dynamodb_table_replica",
    .doc = "replicated writes (the table's write capacity, or usage for on-demand) and replica storage (usage)",
    VARS(replica_vars), PARTS(replica_parts), USAGE(replica_usage)};

COST_MODEL_LIST(dynamodb_global) = {&model_cdc, &model_replica, NULL};
