/*
 * models/msk.c — cost models: MSK (Managed Streaming for Apache Kafka): provisioned clusters
 * (broker hours, storage), serverless clusters, MSK Connect connectors and replicators.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* Express brokers bill storage per GB written, not per provisioned volume. */
static const cost_map msk_kind_map[] = {{"express.*", "express"}, {"kafka.*", "standard"}, {NULL, NULL}};

static const cost_var msk_vars[] = {
    {.name = "itype", .attr = "broker_node_group_info[0].instance_type", .flags = CVF_REQUIRED},
    {.name = "kind", .attr = "broker_node_group_info[0].instance_type", .map = msk_kind_map},
    {.name = "brokers", .attr = "number_of_broker_nodes", .flags = CVF_REQUIRED},
    {.name = "volume_gb", .attr = "broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size",
     .usage = "volume_size_gb", .fallback = "old_volume_gb", .dflt = "1000", .flags = CVF_ASSUME,
     .why = "1,000 GiB per broker, MSK's default volume, when the plan does not give the size"},
    {.name = "old_volume_gb", .attr = "broker_node_group_info[0].ebs_volume_size"},
};

static cost_qty_rc msk_broker_hours(const cost_eval *e, double *q, const char **why)
{
    double n;
    cost_qty_rc rc = cost_eval_num(e, "brokers", &n, why);
    if (rc == CQR_OK)
        *q = n * HOURS;
    return rc;
}

static cost_qty_rc msk_storage_gb(const cost_eval *e, double *q, const char **why)
{
    double n, gb;
    cost_qty_rc rc = cost_eval_num(e, "brokers", &n, why);
    if (rc == CQR_OK)
        rc = cost_eval_num(e, "volume_gb", &gb, why);
    if (rc == CQR_OK)
        *q = n * gb;
    return rc;
}

static const cost_comp_spec msk_comps[] = {
    {.name = "Broker instances ({itype})",
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {EQ("instanceType", "{itype}"), REGION},
     .unit = "broker-hours", .per = "broker-hour", .qty = Q_FN(msk_broker_hours)},
    {.name = "Broker storage",
     .when = {{"kind", COP_EQ, "standard"}},
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {EQ("storageFamily", "GP2"), REGION},
     .unit = "GB-months", .per = "GB-month", .qty = Q_FN(msk_storage_gb)},
    {.name = "Express storage",
     .when = {{"kind", COP_EQ, "express"}},
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {EQ("storageFamily", "Express"), REGION},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
};
static const cost_part msk_parts[] = {{.comps = msk_comps, .ncomps = N(msk_comps)}};
static const cost_usage_key msk_usage[] = {
    NUM("storage_gb", "data stored on Express brokers, GB"),
    NUM("volume_size_gb", "EBS storage per broker, GB, when the plan does not give it"),
};

/* Serverless clusters: cluster hours always; partitions, storage and data by usage. */
static const cost_comp_spec msk_sl_comps[] = {
    {.name = "Cluster hours",
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {UT("Serverless-ClusterHours")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Partition hours",
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {UT("Serverless-PartitionHours")},
     .unit = "partition-hours", .per = "partition-hour", .qty = Q_USAGE("partitions", HOURS)},
    {.name = "Storage",
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {UT("Serverless-Storage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
    {.name = "Data in",
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {UT("Serverless-DataIn-Bytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_in_gb", 1)},
    {.name = "Data out",
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {UT("Serverless-DataOut-Bytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_out_gb", 1)},
};
static const cost_part msk_sl_parts[] = {{.comps = msk_sl_comps, .ncomps = N(msk_sl_comps)}};
static const cost_usage_key msk_sl_usage[] = {
    NUM("partitions", "partitions on average"),
    NUM("storage_gb", "data stored, GB"),
    NUM("monthly_data_in_gb", "data produced to the cluster per month, GB"),
    NUM("monthly_data_out_gb", "data consumed from the cluster per month, GB"),
};

/* MSK Connect: workers x MCUs per worker, every hour; autoscaled
 * connectors by the average workers given as usage. */
static const cost_var mskc_vars[] = {
    {.name = "workers", .attr = "capacity[0].provisioned_capacity[0].worker_count", .usage = "average_workers"},
    {.name = "mcus", .attr = "capacity[0].provisioned_capacity[0].mcu_count", .fallback = "auto_mcus",
     .dflt = "1"},
    {.name = "auto_mcus", .attr = "capacity[0].autoscaling[0].mcu_count"},
};
static cost_qty_rc mskc_mcu_hours(const cost_eval *e, double *q, const char **why)
{
    double workers, mcus;
    cost_qty_rc rc = cost_eval_num(e, "workers", &workers, why);
    if (rc == CQR_SKIP)
        return CQR_NO_USAGE; /* autoscaled: the workers it runs are usage */
    if (rc == CQR_OK)
        rc = cost_eval_num(e, "mcus", &mcus, why);
    if (rc == CQR_OK)
        *q = workers * mcus * HOURS;
    return rc;
}
static const cost_comp_spec mskc_comps[] = {
    {.name = "Connector capacity",
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {UT("Connect-MCU-Hours")},
     .unit = "MCU-hours", .per = "MCU-hour", .qty = Q_FN(mskc_mcu_hours), .flags = CF_USAGE},
};
static const cost_part mskc_parts[] = {{.comps = mskc_comps, .ncomps = N(mskc_comps)}};
static const cost_usage_key mskc_usage[] = {
    NUM("average_workers", "workers the connector runs on average (autoscaled connectors)"),
};

static const cost_comp_spec mskr_comps[] = {
    {.name = "Replicator hours",
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {UT("Replicator-Hours")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Data replicated (same region)",
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {UT("Replicator-SameRegion-Bytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_same_region_data_gb", 1), .flags = CF_IF_USAGE},
    {.name = "Data replicated (cross region)",
     .service = "AmazonMSK", .family = "Managed Streaming for Apache Kafka (MSK)",
     .filters = {UT("Replicator-CrossRegion-Bytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_cross_region_data_gb", 1)},
};
static const cost_part mskr_parts[] = {{.comps = mskr_comps, .ncomps = N(mskr_comps)}};
static const cost_usage_key mskr_usage[] = {
    NUM("monthly_same_region_data_gb", "data replicated between clusters of one region per month, GB"),
    NUM("monthly_cross_region_data_gb", "data replicated to another region per month, GB "
                                        "(inter-region transfer is billed apart)"),
};

static const cost_model model_msk = {
    .type = "aws_msk_cluster", .example = "broker_node_group_info.instance_type=kafka.m5.large number_of_broker_nodes=3",
    .doc = "broker hours x number_of_broker_nodes; EBS storage x brokers (standard brokers, 1,000 GB "
           "unless set) or Express storage (usage)",
    VARS(msk_vars), PARTS(msk_parts), USAGE(msk_usage)};

static const cost_model model_msk_serverless = {
    .type = "aws_msk_serverless_cluster",
    .doc = "cluster hours; partition hours, storage, data in and out (usage)",
    PARTS(msk_sl_parts), USAGE(msk_sl_usage)};

static const cost_model model_msk_replicator = {
    .type = "aws_msk_replicator",
    .doc = "replicator hours; data replicated, same or cross region (usage)",
    PARTS(mskr_parts), USAGE(mskr_usage)};
static const cost_model model_mskconnect = {
    .type = "aws_mskconnect_connector",
    .doc = "MCU-hours: provisioned workers x mcu_count; autoscaled connectors by average workers (usage)",
    VARS(mskc_vars), PARTS(mskc_parts), USAGE(mskc_usage)};

COST_MODEL_LIST(msk) = {&model_msk, &model_msk_replicator, &model_msk_serverless, &model_mskconnect, NULL};
