/*
 * models/timestream.c — cost models: Timestream for LiveAnalytics tables (writes, memory and
 * magnetic store) and Timestream for InfluxDB instances (instance hours, storage by IOPS class).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_comp_spec ts_table_comps[] = {
    {.name = "Writes",
     .service = "AmazonTimestream", .family = "Timestream LiveAnalytics", .filters = {UT("DataIngestion-Bytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_writes_gb", 1)},
    {.name = "Memory store",
     .service = "AmazonTimestream", .family = "Timestream LiveAnalytics", .filters = {UT("MemoryStore-ByteHrs")},
     .unit = "GB-hours", .per = "GB-hour", .qty = Q_USAGE("memory_store_gb", HOURS)},
    {.name = "Magnetic store",
     .service = "AmazonTimestream", .family = "Timestream LiveAnalytics", .filters = {UT("MagneticStore-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("magnetic_store_gb", 1)},
};
static const cost_part ts_table_parts[] = {{.comps = ts_table_comps, .ncomps = N(ts_table_comps)}};
static const cost_usage_key ts_table_usage[] = {
    NUM("monthly_writes_gb", "data written per month, GB"),
    NUM("memory_store_gb", "data held in the memory store on average, GB"),
    NUM("magnetic_store_gb", "data held in the magnetic store, GB"),
};

static const cost_map influx_deploy_map[] = {
    {"SINGLE_AZ", "Single-AZ"}, {"WITH_MULTIAZ_STANDBY", "Multi-AZ"}, {NULL, NULL}};
static const cost_map influx_instance_ut_map[] = {
    {"SINGLE_AZ", "InfluxDB-InstanceUsage"}, {"WITH_MULTIAZ_STANDBY", "InfluxDB-Multi-AZUsage"}, {NULL, NULL}};
static const cost_map influx_iops_map[] = {
    {"InfluxIOIncludedT1", "3k-iops"}, {"InfluxIOIncludedT2", "12k-iops"}, {"InfluxIOIncludedT3", "16k-iops"},
    {NULL, NULL}};

static const cost_var influx_vars[] = {
    {.name = "itype", .attr = "db_instance_type", .flags = CVF_REQUIRED},
    {.name = "deploy", .attr = "deployment_type", .dflt = "SINGLE_AZ", .map = influx_deploy_map},
    {.name = "instance_ut", .attr = "deployment_type", .dflt = "SINGLE_AZ", .map = influx_instance_ut_map},
    {.name = "iops", .attr = "db_storage_type", .dflt = "InfluxIOIncludedT1", .map = influx_iops_map},
    {.name = "storage_gb", .attr = "allocated_storage", .flags = CVF_REQUIRED},
};
static const cost_comp_spec influx_comps[] = {
    {.name = "Instance ({itype}, {deploy})",
     .service = "AmazonTimestream", .family = "Database Instance",
     .filters = {EQ("instanceType", "{itype}"), UT("{instance_ut}:{itype}")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Storage ({iops}, {deploy})",
     .service = "AmazonTimestream", .family = "Database Storage",
     .filters = {UT("InfluxDB-Storage-{iops}-{deploy}")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_VAR("storage_gb", 1)},
};
static const cost_part influx_parts[] = {{.comps = influx_comps, .ncomps = N(influx_comps)}};

static const cost_model model_influx = {
    .type = "aws_timestreaminfluxdb_db_instance", .example = "db_instance_type=db.influx.medium allocated_storage=20",
    .doc = "InfluxDB instance hours by type and deployment; allocated storage by IOPS class",
    VARS(influx_vars), PARTS(influx_parts)};
static const cost_model model_ts_table = {
    .type = "aws_timestreamwrite_table",
    .doc = "LiveAnalytics writes, memory store GB-hours and magnetic store GB-months (usage)",
    PARTS(ts_table_parts), USAGE(ts_table_usage)};

COST_MODEL_LIST(timestream) = {&model_influx, &model_ts_table, NULL};
