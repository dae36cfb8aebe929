/*
 * models/guardduty.c — cost models: GuardDuty detectors.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* A detector is billed for what it analyses: CloudTrail management events
 * and VPC flow / DNS logs always, the protection plans when enabled (their
 * lines appear when their usage is given).  `enable` defaults to true. */
static const cost_var detector_vars[] = {
    {.name = "enabled", .attr = "enable", .dflt = "true", .map = cost_bool_map},
};

#define GD(label, ut, unitname, perunit, scale, key, fl)                                                \
    {.name = label, .service = "AmazonGuardDuty", .filters = {UT(ut)}, .unit = unitname, .per = perunit, \
     .per_scale = scale, .qty = Q_USAGE(key, 1), .flags = fl}

static const cost_comp_spec detector_comps[] = {
    GD("CloudTrail management events", "PaidEventsAnalyzed", "events", "1M events", 1e6,
       "monthly_cloudtrail_management_events", 0),
    GD("VPC flow and DNS logs", "PaidLogsAnalyzed-Bytes", "GB", "GB", 0, "monthly_vpc_flow_dns_logs_gb", CF_TIERED),
    GD("S3 data events", "PaidS3DataEventsAnalyzed", "events", "1M events", 1e6, "monthly_s3_data_events",
       CF_TIERED | CF_IF_USAGE),
    GD("EKS audit logs", "PaidEKSAuditLogsAnalyzed", "events", "1M events", 1e6, "monthly_eks_audit_log_events",
       CF_TIERED | CF_IF_USAGE),
    GD("Lambda network activity", "PaidLambdaNetworkLogsAnalyzed-Bytes", "GB", "GB", 0,
       "monthly_lambda_network_activity_gb", CF_TIERED | CF_IF_USAGE),
    GD("Runtime monitoring (EC2)", "EC2RuntimeMonitoring-vCPU-Months", "vCPU-months", "vCPU-month", 0,
       "ec2_runtime_monitoring_vcpus", CF_TIERED | CF_IF_USAGE),
    GD("Runtime monitoring (EKS)", "EKSRuntimeMonitoring-vCPU-Months", "vCPU-months", "vCPU-month", 0,
       "eks_runtime_monitoring_vcpus", CF_TIERED | CF_IF_USAGE),
    GD("Runtime monitoring (Fargate)", "FargateRuntimeMonitoring-vCPU-Months", "vCPU-months", "vCPU-month", 0,
       "fargate_runtime_monitoring_vcpus", CF_TIERED | CF_IF_USAGE),
    GD("Malware protection (EBS data scanned)", "MalwareProtection-EBS-Bytes", "GB", "GB", 0,
       "monthly_ebs_malware_scanned_gb", CF_IF_USAGE),
    GD("RDS protection (Aurora Serverless)", "RDSProtection-ACU-Months", "ACU-months", "ACU-month", 0,
       "rds_protection_acus", CF_IF_USAGE),
};
static const cost_part detector_parts[] = {{.comps = detector_comps, .ncomps = N(detector_comps)}};
static const cost_usage_key detector_usage[] = {
    NUM("monthly_cloudtrail_management_events", "CloudTrail management events analysed per month"),
    NUM("monthly_vpc_flow_dns_logs_gb", "VPC flow logs and DNS query logs analysed per month, GB"),
    NUM("monthly_s3_data_events", "S3 data events analysed per month (S3 protection)"),
    NUM("monthly_eks_audit_log_events", "EKS audit log events analysed per month (EKS protection)"),
    NUM("monthly_lambda_network_activity_gb", "Lambda network activity analysed per month, GB (Lambda protection)"),
    NUM("ec2_runtime_monitoring_vcpus", "EC2 vCPUs under runtime monitoring, average over the month"),
    NUM("eks_runtime_monitoring_vcpus", "EKS vCPUs under runtime monitoring, average over the month"),
    NUM("fargate_runtime_monitoring_vcpus", "Fargate vCPUs under runtime monitoring, average over the month"),
    NUM("monthly_ebs_malware_scanned_gb", "EBS data scanned by malware protection per month, GB"),
    NUM("rds_protection_acus", "Aurora Serverless ACUs under RDS protection, average over the month"),
};

/* ---- the models ---- */

static const cost_model model_detector = {
    .type = "aws_guardduty_detector",
    .doc = "CloudTrail events and VPC flow / DNS logs analysed (tiered), protection plans and runtime monitoring "
           "when their usage is given (usage)",
    VARS(detector_vars), .free_when = {{"enabled", COP_UNSET, NULL}},
    .free_note = "detector disabled (enable = false): nothing analysed",
    PARTS(detector_parts), USAGE(detector_usage)};

COST_MODEL_LIST(guardduty) = {&model_detector, NULL};
