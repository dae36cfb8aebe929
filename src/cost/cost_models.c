/*
 * cost_models.c — the cost models: one table entry per AWS resource type,
 * saying which prices it bills and how much of each (see cost_model.h for
 * the shape).  Selectors use the real attribute keys and values of AWS's
 * price lists (instanceType, operatingSystem, tenancy, preInstalledSw,
 * capacitystatus, licenseModel, usagetype, volumeApiName, databaseEngine,
 * deploymentOption, volumeType, cacheEngine, group, ...), quantities are
 * per month (730 hours).  Defaults are the ones Terraform or AWS documents;
 * where none exists an unknown value is reported, never guessed.
 *
 * The table at the bottom must stay sorted by type (a unit test checks).
 */
#include "cost_model.h"

#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define HOURS COST_HOURS_PER_MONTH

#define EQ(k, v) {k, v, PRICE_EXACT}
#define RX(k, v) {k, v, PRICE_REGEX}
#define UT(v) {"usagetype", v, PRICE_USAGETYPE}
#define REGION EQ("locationType", "AWS Region")

#define Q_CONST(x) {CQ_CONST, NULL, x, NULL}
#define Q_VAR(k, f) {CQ_VAR, k, f, NULL}
#define Q_USAGE(k, f) {CQ_USAGE, k, f, NULL}
#define Q_FN(fn) {CQ_FN, NULL, 0, fn}

#define NUM(k, d) {k, CU_NUMBER, d}
#define STR(k, d) {k, CU_STRING, d}

/* ---- value maps ---------------------------------------------------------- */

static const cost_map os_map[] = {
    {"linux", "Linux"}, {"windows", "Windows"}, {"rhel", "RHEL"}, {"suse", "SUSE"},
    /* EKS node group AMI types */
    {"AL2_*", "Linux"}, {"AL2023_*", "Linux"}, {"BOTTLEROCKET_*", "Linux"}, {"CUSTOM", "Linux"},
    {"WINDOWS_*", "Windows"}, {NULL, NULL}};

/* host tenancy is billed per dedicated host (aws_ec2_host), not per instance */
static const cost_map tenancy_map[] = {
    {"default", "Shared"}, {"dedicated", "Dedicated"}, {NULL, NULL}};

static const cost_map ebs_type_map[] = {
    {"gp2", "gp2"}, {"gp3", "gp3"}, {"io1", "io1"}, {"io2", "io2"},
    {"st1", "st1"}, {"sc1", "sc1"}, {"standard", "standard"}, {NULL, NULL}};

static const cost_map burstable_map[] = {
    {"t2.*", "t2"}, {"t3.*", "t3"}, {"t3a.*", "t3a"}, {"t4g.*", "t4g"}, {"*", ""}, {NULL, NULL}};

/* AWS's default credit option per burstable family */
static const cost_map credits_default_map[] = {
    {"t2.*", "standard"}, {"t3.*", "unlimited"}, {"t3a.*", "unlimited"}, {"t4g.*", "unlimited"},
    {"*", ""}, {NULL, NULL}};

static const cost_map bool_map[] = {{"true", "true"}, {"false", ""}, {NULL, NULL}};

/* ---- shared variables and components: EC2 instances ---------------------- */

#define EC2_INSTANCE_COMPONENTS(TYPE_VAR)                                                          \
    {.name = "Instance usage ({os}, on-demand, {" TYPE_VAR "})",                                  \
     .service = "AmazonEC2",                                                                        \
     .filters = {EQ("instanceType", "{" TYPE_VAR "}"), EQ("tenancy", "{tenancy}"),                 \
                 EQ("operatingSystem", "{os}"), EQ("preInstalledSw", "NA"),                        \
                 EQ("licenseModel", "No License required"), EQ("capacitystatus", "Used"),          \
                 RX("usagetype", "^([A-Z0-9]+-)?(BoxUsage|DedicatedUsage):")},                     \
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},                                        \
    {.name = "EBS-optimized usage ({" TYPE_VAR "})",                                                \
     .when = {{"ebs_optimized", COP_SET, NULL}},                                                    \
     .service = "AmazonEC2", .family = "Compute Instance",                                          \
     .filters = {EQ("instanceType", "{" TYPE_VAR "}"), RX("usagetype", "^([A-Z0-9]+-)?EBSOptimized:")}, \
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS), .flags = CF_OPTIONAL},                  \
    {.name = "EC2 detailed monitoring",                                                             \
     .when = {{"monitoring", COP_SET, NULL}},                                                       \
     .service = "AmazonCloudWatch", .family = "Metric",                                             \
     .filters = {EQ("group", "Metric")},                                                            \
     .unit = "metrics", .per = "metric-month", .qty = Q_CONST(7), .flags = CF_FIRST_TIER},          \
    {.name = "CPU credits ({burst})",                                                               \
     .when = {{"burst", COP_SET, NULL}, {"credits", COP_EQ, "unlimited"}},                          \
     .service = "AmazonEC2", .family = "CPU Credits",                                               \
     .filters = {EQ("operatingSystem", "{os}"), UT("CPUCredits:{burst}")},                          \
     .unit = "vCPU-hours", .per = "vCPU-hour", .qty = Q_FN(cq_cpu_credits), .flags = CF_USAGE}

/* Operating system: the usage file says (Infracost's operating_system),
 * else Linux.  Tenancy: AWS's default is shared. */
#define EC2_OS_VAR {.name = "os", .usage = "operating_system", .dflt = "linux", .map = os_map}
#define EC2_BURST_VARS(TYPE_VAR)                                                                   \
    {.name = "burst", .fallback = TYPE_VAR, .map = burstable_map},                                  \
    {.name = "credits_default", .fallback = TYPE_VAR, .map = credits_default_map}

static const cost_comp_spec ec2_instance_comps[] = {EC2_INSTANCE_COMPONENTS("type")};

/* ---- EBS volumes (aws_ebs_volume and block devices) ---------------------- */

static const cost_comp_spec ebs_comps[] = {
    {.name = "Storage ({vtype})",
     .when = {{"vtype", COP_SET, NULL}},
     .service = "AmazonEC2", .family = "Storage",
     .filters = {EQ("volumeApiName", "{vtype}"), RX("usagetype", "^([A-Z0-9]+-)?EBS:VolumeUsage(\\.[a-z0-9]+)?$")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_VAR("vsize", 1)},
    {.name = "Provisioned IOPS (gp3, above 3,000)",
     .when = {{"vtype", COP_EQ, "gp3"}},
     .service = "AmazonEC2", .family = "System Operation",
     .filters = {UT("EBS:VolumeP-IOPS.gp3")},
     .unit = "IOPS-months", .per = "IOPS-month", .qty = Q_FN(cq_ebs_gp3_iops), .flags = CF_OMIT_ZERO},
    {.name = "Provisioned throughput (gp3, above 125 MiBps)",
     .when = {{"vtype", COP_EQ, "gp3"}},
     .service = "AmazonEC2", .family = "Provisioned Throughput",
     .filters = {UT("EBS:VolumeP-Throughput.gp3")},
     .unit = "GiBps-months", .per = "MiBps-month", .per_scale = 1.0 / 1024.0,
     .qty = Q_FN(cq_ebs_gp3_tput), .flags = CF_OMIT_ZERO},
    {.name = "Provisioned IOPS (io1)",
     .when = {{"vtype", COP_EQ, "io1"}},
     .service = "AmazonEC2", .family = "System Operation",
     .filters = {UT("EBS:VolumeP-IOPS.piops")},
     .unit = "IOPS-months", .per = "IOPS-month", .qty = Q_VAR("viops", 1)},
    {.name = "Provisioned IOPS (io2, up to 32,000)",
     .when = {{"vtype", COP_EQ, "io2"}},
     .service = "AmazonEC2", .family = "System Operation",
     .filters = {UT("EBS:VolumeP-IOPS.io2")},
     .unit = "IOPS-months", .per = "IOPS-month", .qty = Q_FN(cq_io2_tier1)},
    {.name = "Provisioned IOPS (io2, 32,001-64,000)",
     .when = {{"vtype", COP_EQ, "io2"}},
     .service = "AmazonEC2", .family = "System Operation",
     .filters = {UT("EBS:VolumeP-IOPS.io2.tier2")},
     .unit = "IOPS-months", .per = "IOPS-month", .qty = Q_FN(cq_io2_tier2), .flags = CF_OMIT_ZERO},
    {.name = "Provisioned IOPS (io2, above 64,000)",
     .when = {{"vtype", COP_EQ, "io2"}},
     .service = "AmazonEC2", .family = "System Operation",
     .filters = {UT("EBS:VolumeP-IOPS.io2.tier3")},
     .unit = "IOPS-months", .per = "IOPS-month", .qty = Q_FN(cq_io2_tier3), .flags = CF_OMIT_ZERO},
    {.name = "I/O requests (magnetic)",
     .when = {{"vtype", COP_EQ, "standard"}},
     .service = "AmazonEC2", .family = "System Operation",
     .filters = {UT("EBS:VolumeIOUsage")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_standard_io_requests", 1)},
};

static const cost_usage_key ebs_usage[] = {
    NUM("monthly_standard_io_requests", "I/O requests per month (magnetic volumes)"),
};

/* aws_ebs_volume: `type` defaults to gp2 (Terraform docs). */
static const cost_var ebs_volume_vars[] = {
    {.name = "vtype", .attr = "type", .dflt = "gp2", .map = ebs_type_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "vsize", .attr = "size"},
    {.name = "viops", .attr = "iops"},
    {.name = "vtput", .attr = "throughput"},
};

static const cost_part ebs_volume_parts[] = {{.comps = ebs_comps, .ncomps = N(ebs_comps)}};

/* Block devices of instances and launch configurations: the volume type
 * comes from the AMI when not set, so it has no default. */
static const cost_var block_device_vars[] = {
    {.name = "vtype", .attr = "volume_type", .map = ebs_type_map},
    {.name = "vsize", .attr = "volume_size"},
    {.name = "viops", .attr = "iops"},
    {.name = "vtput", .attr = "throughput"},
};

static const cost_var lt_block_device_vars[] = {
    {.name = "vtype", .attr = "ebs[0].volume_type", .map = ebs_type_map},
    {.name = "vsize", .attr = "ebs[0].volume_size"},
    {.name = "viops", .attr = "ebs[0].iops"},
    {.name = "vtput", .attr = "ebs[0].throughput"},
};

/* ---- aws_instance ----------------------------------------------------------- */

static const cost_var instance_vars[] = {
    {.name = "type", .attr = "instance_type"},
    {.name = "tenancy", .attr = "tenancy", .dflt = "default", .map = tenancy_map, .flags = CVF_UNKNOWN_DEFAULT},
    EC2_OS_VAR,
    {.name = "ebs_optimized", .attr = "ebs_optimized", .dflt = "false", .map = bool_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "monitoring", .attr = "monitoring", .dflt = "false", .map = bool_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "credits", .attr = "credit_specification[0].cpu_credits", .fallback = "credits_default",
     .flags = CVF_UNKNOWN_DEFAULT},
    EC2_BURST_VARS("type"),
};

static const cost_part instance_parts[] = {
    {.comps = ec2_instance_comps, .ncomps = N(ec2_instance_comps)},
    {.each = "root_block_device", .vars = block_device_vars, .nvars = N(block_device_vars),
     .comps = ebs_comps, .ncomps = N(ebs_comps)},
    {.each = "ebs_block_device", .each_unknown_empty = true, .vars = block_device_vars,
     .nvars = N(block_device_vars), .comps = ebs_comps, .ncomps = N(ebs_comps)},
};

static const cost_usage_key instance_usage[] = {
    STR("operating_system", "linux (default), windows, rhel or suse"),
    NUM("monthly_cpu_credit_hrs", "CPU credit hours per vCPU per month (t2/t3/t3a/t4g unlimited)"),
    NUM("vcpu_count", "vCPUs of the instance type, for CPU credits"),
    NUM("monthly_standard_io_requests", "I/O requests per month on magnetic block devices"),
};

/* ---- aws_autoscaling_group (+ launch template / configuration) -------------- */

static const cost_source asg_lt_source = {
    "launch template",
    {{"launch_template[0].id", "aws_launch_template", "id"},
     {"launch_template[0].name", "aws_launch_template", "name"},
     {"mixed_instances_policy[0].launch_template[0].launch_template_specification[0].launch_template_id",
      "aws_launch_template", "id"},
     {"mixed_instances_policy[0].launch_template[0].launch_template_specification[0].launch_template_name",
      "aws_launch_template", "name"}}};

static const cost_source asg_lc_source = {
    "launch configuration", {{"launch_configuration", "aws_launch_configuration", "name"}}};

/* Mixed-instances groups are priced on demand as their first override. */
static const cost_var lt_instance_vars[] = {
    {.name = "itype", .attr = "mixed_instances_policy[0].launch_template[0].override[0].instance_type",
     .fallback = "lt_type", .flags = CVF_SELF},
    {.name = "lt_type", .attr = "instance_type"},
    {.name = "tenancy", .attr = "placement[0].tenancy", .dflt = "default", .map = tenancy_map,
     .flags = CVF_UNKNOWN_DEFAULT},
    EC2_OS_VAR,
    {.name = "ebs_optimized", .attr = "ebs_optimized", .dflt = "false", .map = bool_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "monitoring", .attr = "monitoring[0].enabled", .dflt = "false", .map = bool_map,
     .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "credits", .attr = "credit_specification[0].cpu_credits", .fallback = "credits_default",
     .flags = CVF_UNKNOWN_DEFAULT},
    EC2_BURST_VARS("itype"),
};

/* aws_launch_configuration: enable_monitoring defaults to true. */
static const cost_var lc_instance_vars[] = {
    {.name = "itype", .attr = "instance_type"},
    {.name = "tenancy", .attr = "placement_tenancy", .dflt = "default", .map = tenancy_map,
     .flags = CVF_UNKNOWN_DEFAULT},
    EC2_OS_VAR,
    {.name = "ebs_optimized", .attr = "ebs_optimized", .dflt = "false", .map = bool_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "monitoring", .attr = "enable_monitoring", .dflt = "true", .map = bool_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "credits", .fallback = "credits_default"},
    EC2_BURST_VARS("itype"),
};

static const cost_comp_spec lt_instance_comps[] = {EC2_INSTANCE_COMPONENTS("itype")};

/* desired_capacity defaults to min_size (AWS's documented default). */
static const cost_var asg_vars[] = {
    {.name = "count", .usage = "instances", .attr = "desired_capacity", .fallback = "min_size",
     .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "min_size", .attr = "min_size"},
};

static const cost_part asg_parts[] = {
    {.label = "launch template", .source = &asg_lt_source, .counted = true,
     .vars = lt_instance_vars, .nvars = N(lt_instance_vars),
     .comps = lt_instance_comps, .ncomps = N(lt_instance_comps)},
    {.source = &asg_lt_source, .each = "block_device_mappings", .counted = true,
     .vars = lt_block_device_vars, .nvars = N(lt_block_device_vars), .comps = ebs_comps, .ncomps = N(ebs_comps)},
    {.label = "launch configuration", .source = &asg_lc_source, .counted = true,
     .vars = lc_instance_vars, .nvars = N(lc_instance_vars),
     .comps = lt_instance_comps, .ncomps = N(lt_instance_comps)},
    {.source = &asg_lc_source, .each = "root_block_device", .counted = true,
     .vars = block_device_vars, .nvars = N(block_device_vars), .comps = ebs_comps, .ncomps = N(ebs_comps)},
    {.source = &asg_lc_source, .each = "ebs_block_device", .counted = true, .each_unknown_empty = true,
     .vars = block_device_vars, .nvars = N(block_device_vars), .comps = ebs_comps, .ncomps = N(ebs_comps)},
};

static const cost_usage_key asg_usage[] = {
    NUM("instances", "instances running on average (default: desired_capacity, else min_size)"),
    STR("operating_system", "linux (default), windows, rhel or suse"),
    NUM("monthly_cpu_credit_hrs", "CPU credit hours per vCPU per instance per month"),
    NUM("vcpu_count", "vCPUs of the instance type, for CPU credits"),
    NUM("monthly_standard_io_requests", "I/O requests per month on magnetic block devices"),
};

/* ---- aws_eks_node_group ---------------------------------------------------- */

static const cost_source ng_lt_source = {
    "launch template",
    {{"launch_template[0].id", "aws_launch_template", "id"},
     {"launch_template[0].name", "aws_launch_template", "name"}}};

static const cost_map capacity_map[] = {{"ON_DEMAND", "ON_DEMAND"}, {NULL, NULL}};

/* EKS defaults: t3.medium, 20 GB gp2 disk (Terraform / EKS API docs). */
static const cost_var ng_vars[] = {
    {.name = "count", .usage = "instances", .attr = "scaling_config[0].desired_size"},
    {.name = "has_lt", .attr = "launch_template[0]"},
    {.name = "capacity", .attr = "capacity_type", .dflt = "ON_DEMAND", .map = capacity_map,
     .flags = CVF_UNKNOWN_DEFAULT},
};

static const cost_var ng_instance_vars[] = {
    {.name = "itype", .attr = "instance_types[0]", .fallback = "lt_type"},
    {.name = "lt_type", .attr = "instance_type", .from = &ng_lt_source, .dflt = "t3.medium"},
    {.name = "tenancy", .dflt = "default", .map = tenancy_map},
    {.name = "os", .usage = "operating_system", .attr = "ami_type", .dflt = "linux", .map = os_map,
     .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "ebs_optimized", .dflt = "false", .map = bool_map},
    {.name = "monitoring", .attr = "monitoring[0].enabled", .from = &ng_lt_source, .dflt = "false",
     .map = bool_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "credits", .attr = "credit_specification[0].cpu_credits", .from = &ng_lt_source,
     .fallback = "credits_default", .flags = CVF_UNKNOWN_DEFAULT},
    EC2_BURST_VARS("itype"),
};

static const cost_comp_spec ng_instance_comps[] = {
    {.name = "Instance usage ({os}, on-demand, {itype})",
     .when = {{"capacity", COP_EQ, "ON_DEMAND"}},
     .service = "AmazonEC2",
     .filters = {EQ("instanceType", "{itype}"), EQ("tenancy", "{tenancy}"), EQ("operatingSystem", "{os}"),
                 EQ("preInstalledSw", "NA"), EQ("licenseModel", "No License required"),
                 EQ("capacitystatus", "Used"), RX("usagetype", "^([A-Z0-9]+-)?(BoxUsage|DedicatedUsage):")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "EC2 detailed monitoring",
     .when = {{"monitoring", COP_SET, NULL}},
     .service = "AmazonCloudWatch", .family = "Metric",
     .filters = {EQ("group", "Metric")},
     .unit = "metrics", .per = "metric-month", .qty = Q_CONST(7), .flags = CF_FIRST_TIER},
    {.name = "CPU credits ({burst})",
     .when = {{"burst", COP_SET, NULL}, {"credits", COP_EQ, "unlimited"}},
     .service = "AmazonEC2", .family = "CPU Credits",
     .filters = {EQ("operatingSystem", "{os}"), UT("CPUCredits:{burst}")},
     .unit = "vCPU-hours", .per = "vCPU-hour", .qty = Q_FN(cq_cpu_credits), .flags = CF_USAGE},
};

static const cost_var ng_disk_vars[] = {
    {.name = "vtype", .dflt = "gp2", .map = ebs_type_map},
    {.name = "vsize", .attr = "disk_size", .dflt = "20", .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "viops"},
    {.name = "vtput"},
};

static const cost_part ng_parts[] = {
    {.counted = true, .vars = ng_instance_vars, .nvars = N(ng_instance_vars),
     .comps = ng_instance_comps, .ncomps = N(ng_instance_comps)},
    {.label = "disk", .counted = true, .when = {{"has_lt", COP_UNSET, NULL}},
     .vars = ng_disk_vars, .nvars = N(ng_disk_vars), .comps = ebs_comps, .ncomps = 1},
    {.source = &ng_lt_source, .each = "block_device_mappings", .counted = true,
     .vars = lt_block_device_vars, .nvars = N(lt_block_device_vars), .comps = ebs_comps, .ncomps = N(ebs_comps)},
};

static const cost_usage_key ng_usage[] = {
    NUM("instances", "nodes running on average (default: scaling_config desired_size)"),
    STR("operating_system", "linux or windows (default: from ami_type)"),
    NUM("monthly_cpu_credit_hrs", "CPU credit hours per vCPU per node per month"),
    NUM("vcpu_count", "vCPUs of the instance type, for CPU credits"),
    NUM("monthly_standard_io_requests", "I/O requests per month on magnetic block devices"),
};

/* ---- aws_db_instance ------------------------------------------------------- */

static const cost_map rds_engine_map[] = {
    {"mysql", "MySQL"}, {"postgres", "PostgreSQL"}, {"mariadb", "MariaDB"},
    {"oracle-se2*", "Oracle"}, {"oracle-ee*", "Oracle"}, {"oracle-se1", "Oracle"}, {"oracle-se", "Oracle"},
    {"sqlserver-ex", "SQL Server"}, {"sqlserver-web", "SQL Server"}, {"sqlserver-se", "SQL Server"},
    {"sqlserver-ee", "SQL Server"}, {"db2-se", "Db2"}, {"db2-ae", "Db2"}, {NULL, NULL}};

static const cost_map rds_edition_map[] = {
    {"oracle-se2*", "Standard Two"}, {"oracle-ee*", "Enterprise"}, {"oracle-se1", "Standard One"},
    {"oracle-se", "Standard"}, {"sqlserver-ex", "Express"}, {"sqlserver-web", "Web"},
    {"sqlserver-se", "Standard"}, {"sqlserver-ee", "Enterprise"}, {"db2-se", "Standard"},
    {"db2-ae", "Advanced"}, {"*", ""}, {NULL, NULL}};

/* AWS's license model when none is set (in Terraform's values). */
static const cost_map rds_license_default_map[] = {
    {"sqlserver-*", "license-included"}, {"oracle-se2*", "license-included"},
    {"oracle-se1", "license-included"}, {"oracle-ee*", "bring-your-own-license"},
    {"oracle-se", "bring-your-own-license"}, {"db2-*", "bring-your-own-license"}, {"*", ""}, {NULL, NULL}};

static const cost_map rds_license_map[] = {
    {"license-included", "License included"}, {"bring-your-own-license", "Bring your own license"},
    {"general-public-license", ""}, {"postgresql-license", ""}, {"marketplace-license", ""},
    {NULL, NULL}};

static const cost_map multi_az_map[] = {{"true", "Multi-AZ"}, {"false", "Single-AZ"}, {NULL, NULL}};
static const cost_map multi_az_prefix_map[] = {{"true", "Multi-AZ-"}, {"false", ""}, {NULL, NULL}};

/* Terraform: storage_type defaults to io1 when iops is set, else gp2. */
static const cost_map rds_stype_default_map[] = {{"0", "gp2"}, {"*", "io1"}, {NULL, NULL}};
static const cost_map rds_stype_map[] = {
    {"gp2", "gp2"}, {"gp3", "gp3"}, {"io1", "io1"}, {"standard", "standard"}, {NULL, NULL}};
static const cost_map rds_volume_map[] = {
    {"gp2", "General Purpose"}, {"gp3", "General Purpose-GP3"}, {"io1", "Provisioned IOPS"},
    {"standard", "Magnetic"}, {NULL, NULL}};

static const cost_var rds_vars[] = {
    {.name = "class", .attr = "instance_class"},
    {.name = "engine", .attr = "engine", .map = rds_engine_map},
    {.name = "edition", .attr = "engine", .map = rds_edition_map},
    {.name = "license", .attr = "license_model", .fallback = "license_default", .map = rds_license_map,
     .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "license_default", .attr = "engine", .map = rds_license_default_map},
    {.name = "maz", .attr = "multi_az", .dflt = "false", .map = multi_az_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "mazp", .attr = "multi_az", .dflt = "false", .map = multi_az_prefix_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "stype", .attr = "storage_type", .fallback = "stype_default", .map = rds_stype_map,
     .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "stype_default", .attr = "iops", .dflt = "0", .map = rds_stype_default_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "volume", .fallback = "stype", .map = rds_volume_map},
    {.name = "storage", .attr = "allocated_storage"},
    {.name = "iops", .attr = "iops"},
    /* AWS keeps one day of backups when none is set */
    {.name = "retention", .attr = "backup_retention_period", .dflt = "1", .flags = CVF_UNKNOWN_DEFAULT},
};

/* AWS prices RDS storage and IOPS twice: once for any engine and again per
 * engine (same price); some price lists carry only the per-engine rows. */
#define RDS_STORAGE_ENGINE RX("databaseEngine", "^(Any|{engine})$")

static const cost_comp_spec rds_comps[] = {
    {.name = "Database instance ({maz}, on-demand, {class})",
     .service = "AmazonRDS", .family = "Database Instance",
     .filters = {EQ("instanceType", "{class}"), EQ("databaseEngine", "{engine}"),
                 EQ("deploymentOption", "{maz}"), EQ("databaseEdition", "{edition}"),
                 EQ("licenseModel", "{license}"), REGION,
                 RX("usagetype", "^([A-Z0-9]+-)?(InstanceUsage|Multi-AZUsage):db\\.")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Storage ({stype}, {maz})",
     .service = "AmazonRDS", .family = "Database Storage",
     .filters = {EQ("volumeType", "{volume}"), EQ("deploymentOption", "{maz}"), RDS_STORAGE_ENGINE},
     .unit = "GB-months", .per = "GB-month", .qty = Q_FN(cq_rds_storage)},
    {.name = "Provisioned IOPS (io1)",
     .when = {{"stype", COP_EQ, "io1"}},
     .service = "AmazonRDS", .family = "Provisioned IOPS",
     .filters = {EQ("deploymentOption", "{maz}"), RDS_STORAGE_ENGINE, UT("RDS:{mazp}PIOPS")},
     .unit = "IOPS-months", .per = "IOPS-month", .qty = Q_FN(cq_rds_io1_iops)},
    {.name = "Provisioned IOPS (gp3, above the baseline)",
     .when = {{"stype", COP_EQ, "gp3"}},
     .service = "AmazonRDS", .family = "Provisioned IOPS",
     .filters = {EQ("deploymentOption", "{maz}"), RDS_STORAGE_ENGINE, UT("RDS:{mazp}GP3-PIOPS")},
     .unit = "IOPS-months", .per = "IOPS-month", .qty = Q_FN(cq_rds_gp3_iops), .flags = CF_OMIT_ZERO},
    {.name = "I/O requests (magnetic)",
     .when = {{"stype", COP_EQ, "standard"}},
     .service = "AmazonRDS", .family = "System Operation",
     .filters = {UT("RDS:StorageIOUsage")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_standard_io_requests", 1)},
    {.name = "Additional backup storage",
     .when = {{"retention", COP_GT, "0"}},
     .service = "AmazonRDS", .family = "Storage Snapshot",
     .filters = {UT("RDS:ChargedBackupUsage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("additional_backup_storage_gb", 1)},
};

static const cost_part rds_parts[] = {{.comps = rds_comps, .ncomps = N(rds_comps)}};

static const cost_usage_key rds_usage[] = {
    NUM("additional_backup_storage_gb", "backup storage beyond the free allowance, GB"),
    NUM("monthly_standard_io_requests", "I/O requests per month (magnetic storage)"),
};

/* ---- aws_rds_cluster / aws_rds_cluster_instance (Aurora) ----------------------- */

static const cost_map aurora_engine_map[] = {
    {"aurora", "Aurora MySQL"}, {"aurora-mysql", "Aurora MySQL"}, {"aurora-postgresql", "Aurora PostgreSQL"},
    {NULL, NULL}};
static const cost_map aurora_storage_map[] = {
    {"aurora", "StorageUsage"}, {"aurora-iopt1", "IO-OptimizedStorageUsage"}, {NULL, NULL}};
static const cost_map aurora_instance_usage_map[] = {
    {"aurora", "InstanceUsage"}, {"aurora-iopt1", "InstanceUsageIOOptimized"}, {NULL, NULL}};
static const cost_map aurora_v2_usage_map[] = {
    {"aurora", "ServerlessV2Usage"}, {"aurora-iopt1", "ServerlessV2IOOptimizedUsage"}, {NULL, NULL}};

static const cost_var aurora_cluster_vars[] = {
    {.name = "engine", .attr = "engine", .dflt = "aurora", .map = aurora_engine_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "stype", .attr = "storage_type", .dflt = "aurora", .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "storage_ut", .fallback = "stype", .map = aurora_storage_map},
    {.name = "mode", .attr = "engine_mode", .dflt = "provisioned", .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "retention", .attr = "backup_retention_period", .dflt = "1", .flags = CVF_UNKNOWN_DEFAULT},
};

static const cost_comp_spec aurora_cluster_comps[] = {
    {.name = "Storage ({engine})",
     .service = "AmazonRDS", .family = "Database Storage",
     .filters = {UT("Aurora:{storage_ut}")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
    {.name = "I/O requests",
     .when = {{"stype", COP_EQ, "aurora"}},
     .service = "AmazonRDS", .family = "System Operation",
     .filters = {UT("Aurora:StorageIOUsage")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6, .qty = Q_FN(cq_aurora_io), .flags = CF_USAGE},
    {.name = "Backup storage",
     .when = {{"retention", COP_GT, "1"}},
     .service = "AmazonRDS", .family = "Storage Snapshot",
     .filters = {UT("Aurora:BackupUsage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_FN(cq_aurora_backup_gb), .flags = CF_USAGE},
    {.name = "Aurora Serverless v1 capacity",
     .when = {{"mode", COP_EQ, "serverless"}},
     .service = "AmazonRDS", .family = "Serverless",
     .filters = {EQ("databaseEngine", "{engine}"), UT("Aurora:ServerlessUsage")},
     .unit = "ACU-hours", .per = "ACU-hour", .qty = Q_USAGE("capacity_units_per_hr", HOURS)},
};

static const cost_part aurora_cluster_parts[] = {{.comps = aurora_cluster_comps, .ncomps = N(aurora_cluster_comps)}};

static const cost_usage_key aurora_cluster_usage[] = {
    NUM("storage_gb", "data stored, GB"),
    NUM("write_requests_per_sec", "average write I/O requests per second"),
    NUM("read_requests_per_sec", "average read I/O requests per second"),
    NUM("backup_snapshot_size_gb", "size of one backup snapshot, GB (billed x (retention - 1))"),
    NUM("capacity_units_per_hr", "average Aurora capacity units (Serverless v1)"),
};

static const cost_source aurora_cluster_source = {
    "Aurora cluster", {{"cluster_identifier", "aws_rds_cluster", "cluster_identifier"}}};

static const cost_var aurora_instance_vars[] = {
    {.name = "class", .attr = "instance_class"},
    {.name = "engine", .attr = "engine", .map = aurora_engine_map},
    {.name = "stype", .attr = "storage_type", .from = &aurora_cluster_source, .dflt = "aurora",
     .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "instance_ut", .fallback = "stype", .map = aurora_instance_usage_map},
    {.name = "v2_ut", .fallback = "stype", .map = aurora_v2_usage_map},
};

static const cost_comp_spec aurora_instance_comps[] = {
    {.name = "Database instance (on-demand, {class})",
     .when = {{"class", COP_NE, "db.serverless"}},
     .service = "AmazonRDS", .family = "Database Instance",
     .filters = {EQ("instanceType", "{class}"), EQ("databaseEngine", "{engine}"), REGION,
                 UT("{instance_ut}:{class}")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Aurora Serverless v2 capacity",
     .when = {{"class", COP_EQ, "db.serverless"}},
     .service = "AmazonRDS",
     .filters = {EQ("databaseEngine", "{engine}"), UT("Aurora:{v2_ut}")},
     .unit = "ACU-hours", .per = "ACU-hour", .qty = Q_USAGE("capacity_units_per_hr", HOURS)},
};

static const cost_part aurora_instance_parts[] = {{.comps = aurora_instance_comps, .ncomps = N(aurora_instance_comps)}};

static const cost_usage_key aurora_instance_usage[] = {
    NUM("capacity_units_per_hr", "average Aurora capacity units (db.serverless, Serverless v2)"),
};

/* ---- networking --------------------------------------------------------------- */

static const cost_comp_spec nat_comps[] = {
    {.name = "NAT gateway",
     .service = "AmazonEC2", .family = "NAT Gateway",
     .filters = {UT("NatGateway-Hours")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Data processed",
     .service = "AmazonEC2", .family = "NAT Gateway",
     .filters = {UT("NatGateway-Bytes")},
     .unit = "GB", .per = "GB processed", .qty = Q_USAGE("monthly_data_processed_gb", 1)},
};
static const cost_part nat_parts[] = {{.comps = nat_comps, .ncomps = N(nat_comps)}};
static const cost_usage_key nat_usage[] = {NUM("monthly_data_processed_gb", "data processed per month, GB")};

static const cost_comp_spec eip_comps[] = {
    {.name = "Public IPv4 address",
     .service = "AmazonVPC",
     .filters = {RX("usagetype", "^([A-Z0-9]+-)?PublicIPv4:(InUse|Idle)Address$")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
};
static const cost_part eip_parts[] = {{.comps = eip_comps, .ncomps = N(eip_comps)}};

static const cost_map lb_type_map[] = {
    {"application", "application"}, {"network", "network"}, {"gateway", "gateway"}, {NULL, NULL}};
static const cost_map lb_family_map[] = {
    {"application", "Load Balancer-Application"}, {"network", "Load Balancer-Network"},
    {"gateway", "Load Balancer-Gateway"}, {NULL, NULL}};
static const cost_map lb_label_map[] = {
    {"application", "Application"}, {"network", "Network"}, {"gateway", "Gateway"}, {NULL, NULL}};

/* aws_lb: load_balancer_type defaults to application. */
static const cost_var lb_vars[] = {
    {.name = "lbtype", .attr = "load_balancer_type", .dflt = "application", .map = lb_type_map,
     .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "family", .fallback = "lbtype", .map = lb_family_map},
    {.name = "label", .fallback = "lbtype", .map = lb_label_map},
};

static const cost_comp_spec lb_comps[] = {
    {.name = "{label} load balancer",
     .service = "AWSELB", .family = "{family}",
     .filters = {REGION, UT("LoadBalancerUsage")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Load balancer capacity units",
     .service = "AWSELB", .family = "{family}",
     .filters = {REGION, UT("LCUUsage")},
     .unit = "LCU-hours", .per = "LCU-hour", .qty = Q_FN(cq_lb_lcu), .flags = CF_USAGE},
};
static const cost_part lb_parts[] = {{.comps = lb_comps, .ncomps = N(lb_comps)}};
static const cost_usage_key lb_usage[] = {
    NUM("new_connections", "new connections per second, on average"),
    NUM("active_connections", "active connections per minute, on average"),
    NUM("processed_bytes_gb", "data processed per month, GB"),
    NUM("rule_evaluations", "rule evaluations per second, on average (application only)"),
};

static const cost_comp_spec elb_comps[] = {
    {.name = "Classic load balancer",
     .service = "AWSELB", .family = "Load Balancer",
     .filters = {REGION, UT("LoadBalancerUsage")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "Data processed",
     .service = "AWSELB", .family = "Load Balancer",
     .filters = {UT("DataProcessing-Bytes")},
     .unit = "GB", .per = "GB processed", .qty = Q_USAGE("monthly_data_processed_gb", 1)},
};
static const cost_part elb_parts[] = {{.comps = elb_comps, .ncomps = N(elb_comps)}};
static const cost_usage_key elb_usage[] = {NUM("monthly_data_processed_gb", "data processed per month, GB")};

/* aws_vpc_endpoint: vpc_endpoint_type defaults to Gateway (free). */
static const cost_map vpce_type_map[] = {
    {"Interface", "Interface"}, {"Gateway", "Gateway"}, {"GatewayLoadBalancer", "GatewayLoadBalancer"},
    {NULL, NULL}};
static const cost_map vpce_hours_map[] = {
    {"Interface", "VpcEndpoint-Hours"}, {"GatewayLoadBalancer", "VpcEndpoint-GWLBE-Hours"}, {"*", ""},
    {NULL, NULL}};
static const cost_map vpce_bytes_map[] = {
    {"Interface", "VpcEndpoint-Bytes"}, {"GatewayLoadBalancer", "VpcEndpoint-GWLBE-Bytes"}, {"*", ""},
    {NULL, NULL}};

static const cost_var vpce_vars[] = {
    {.name = "vtype", .attr = "vpc_endpoint_type", .dflt = "Gateway", .map = vpce_type_map,
     .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "hours_ut", .fallback = "vtype", .map = vpce_hours_map},
    {.name = "bytes_ut", .fallback = "vtype", .map = vpce_bytes_map},
};

static const cost_comp_spec vpce_comps[] = {
    {.name = "Endpoint ({vtype}, per subnet)",
     .when = {{"vtype", COP_NE, "Gateway"}},
     .service = "AmazonVPC", .family = "VpcEndpoint",
     .filters = {UT("{hours_ut}")},
     .unit = "hours", .per = "hour", .qty = Q_FN(cq_vpce_hours)},
    {.name = "Data processed",
     .when = {{"vtype", COP_NE, "Gateway"}},
     .service = "AmazonVPC", .family = "VpcEndpoint",
     .filters = {UT("{bytes_ut}")},
     .unit = "GB", .per = "GB processed", .qty = Q_USAGE("monthly_data_processed_gb", 1), .flags = CF_FIRST_TIER},
};
static const cost_part vpce_parts[] = {{.comps = vpce_comps, .ncomps = N(vpce_comps)}};
static const cost_usage_key vpce_usage[] = {NUM("monthly_data_processed_gb", "data processed per month, GB")};

/* ---- containers ----------------------------------------------------------------- */

/* End of standard support per Kubernetes minor version on EKS (AWS's EKS
 * Kubernetes release calendar: 14 months of standard support, then 12 of
 * extended support).  A cluster past that date pays the extended-support
 * surcharge unless upgrade_policy.support_type = "STANDARD", in which case
 * AWS upgrades it instead.  Versions newer than the table are in standard
 * support; older ones have been upgraded to an extended-support version. */
const cost_k8s_version cost_eks_versions[] = {
    {1, 23, "2023-10-11"}, {1, 24, "2024-01-31"}, {1, 25, "2024-05-01"}, {1, 26, "2024-06-11"},
    {1, 27, "2024-07-24"}, {1, 28, "2024-11-26"}, {1, 29, "2025-03-23"}, {1, 30, "2025-07-23"},
    {1, 31, "2025-11-26"}, {1, 32, "2026-03-23"}, {1, 33, "2026-07-29"}, {1, 34, "2026-12-02"},
    {1, 35, "2027-03-27"},
};
const size_t cost_eks_nversions = N(cost_eks_versions);

static const cost_var eks_cluster_vars[] = {
    {.name = "version", .attr = "version"},
    {.name = "support", .attr = "upgrade_policy[0].support_type", .dflt = "EXTENDED",
     .flags = CVF_UNKNOWN_DEFAULT},
};

static const cost_comp_spec eks_cluster_comps[] = {
    {.name = "EKS cluster",
     .service = "AmazonEKS", .family = "Compute",
     .filters = {UT("AmazonEKS-Hours:perCluster")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
    {.name = "EKS extended support",
     .when = {{"support", COP_NE, "STANDARD"}},
     .service = "AmazonEKS", .family = "Compute",
     .filters = {UT("AmazonEKS-Hours:extendedSupport")},
     .unit = "hours", .per = "hour", .qty = Q_FN(cq_eks_extended)},
};
static const cost_part eks_cluster_parts[] = {{.comps = eks_cluster_comps, .ncomps = N(eks_cluster_comps)}};

static const cost_source ecs_task_source = {
    "task definition", {{"task_definition", "aws_ecs_task_definition", "family"}}};

static const cost_map launch_kind_map[] = {
    {"FARGATE", "fargate"}, {"FARGATE_SPOT", "fargate"}, {"*", "ec2"}, {NULL, NULL}};
/* Fargate Spot prices are not in AWS's price lists: not priced. */
static const cost_map fargate_map[] = {{"FARGATE", "FARGATE"}, {NULL, NULL}};
static const cost_map fargate_arch_map[] = {{"X86_64", ""}, {"ARM64", "ARM-"}, {NULL, NULL}};
static const cost_map fargate_os_map[] = {{"LINUX", "LINUX"}, {NULL, NULL}};

/* aws_ecs_service: launch_type defaults to EC2 (Terraform docs); services on
 * EC2 or external capacity cost what their instances cost. */
static const cost_var ecs_vars[] = {
    {.name = "count", .attr = "desired_count", .dflt = "0"},
    {.name = "launch", .attr = "launch_type", .fallback = "provider", .dflt = "EC2", .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "provider", .attr = "capacity_provider_strategy[0].capacity_provider"},
    {.name = "fargate", .fallback = "launch", .map = fargate_map},
    {.name = "launch_kind", .fallback = "launch", .map = launch_kind_map},
};

static const cost_var ecs_task_vars[] = {
    {.name = "cpu", .attr = "cpu"},
    {.name = "memory", .attr = "memory"},
    {.name = "arch", .attr = "runtime_platform[0].cpu_architecture", .dflt = "X86_64", .map = fargate_arch_map,
     .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "osfam", .attr = "runtime_platform[0].operating_system_family", .dflt = "LINUX",
     .map = fargate_os_map, .flags = CVF_UNKNOWN_DEFAULT},
};

static const cost_comp_spec ecs_task_comps[] = {
    {.name = "Fargate vCPU",
     .when = {{"fargate", COP_EQ, "FARGATE"}, {"osfam", COP_EQ, "LINUX"}},
     .service = "AmazonECS", .family = "Compute",
     .filters = {UT("Fargate-{arch}vCPU-Hours:perCPU")},
     .unit = "vCPU-hours", .per = "vCPU-hour", .qty = Q_FN(cq_fargate_vcpu_hours)},
    {.name = "Fargate memory",
     .when = {{"fargate", COP_EQ, "FARGATE"}, {"osfam", COP_EQ, "LINUX"}},
     .service = "AmazonECS", .family = "Compute",
     .filters = {UT("Fargate-{arch}GB-Hours")},
     .unit = "GB-hours", .per = "GB-hour", .qty = Q_FN(cq_fargate_gb_hours)},
};

static const cost_part ecs_parts[] = {
    {.label = "task definition", .source = &ecs_task_source, .counted = true,
     .vars = ecs_task_vars, .nvars = N(ecs_task_vars), .comps = ecs_task_comps, .ncomps = N(ecs_task_comps)},
};

/* ---- storage ---------------------------------------------------------------------- */

static const cost_map efs_zone_map[] = {{"*", "-Z"}, {NULL, NULL}};

static const cost_var efs_vars[] = {
    {.name = "onezone", .attr = "availability_zone_name"},
    {.name = "zone_ut", .fallback = "onezone", .map = efs_zone_map},
    {.name = "lifecycle", .attr = "lifecycle_policy[0]"},
    {.name = "tmode", .attr = "throughput_mode", .dflt = "bursting", .flags = CVF_UNKNOWN_DEFAULT},
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
};

static const cost_comp_spec s3_comps[] = {
    {.name = "Standard storage",
     .service = "AmazonS3", .family = "Storage",
     .filters = {EQ("volumeType", "Standard"), UT("TimedStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("standard.storage_gb", 1), .flags = CF_FIRST_TIER},
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
     .flags = CF_IF_USAGE | CF_FIRST_TIER},
    {.name = "One Zone-IA storage",
     .service = "AmazonS3", .family = "Storage",
     .filters = {UT("TimedStorage-ZIA-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("one_zone_infrequent_access.storage_gb", 1),
     .flags = CF_IF_USAGE | CF_FIRST_TIER},
    {.name = "Glacier Flexible Retrieval storage",
     .service = "AmazonGlacier", .family = "Storage",
     .filters = {EQ("volumeType", "Amazon Glacier"), UT("TimedStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("glacier_flexible_retrieval.storage_gb", 1),
     .flags = CF_IF_USAGE | CF_FIRST_TIER},
    {.name = "Glacier Deep Archive storage",
     .service = "AmazonS3GlacierDeepArchive", .family = "Storage",
     .filters = {UT("TimedStorage-GDA-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("glacier_deep_archive.storage_gb", 1),
     .flags = CF_IF_USAGE | CF_FIRST_TIER},
    {.name = "Intelligent-Tiering frequent access storage",
     .service = "AmazonS3", .family = "Storage",
     .filters = {UT("TimedStorage-INT-FA-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("intelligent_tiering.frequent_access_storage_gb", 1),
     .flags = CF_IF_USAGE | CF_FIRST_TIER},
    {.name = "Intelligent-Tiering infrequent access storage",
     .service = "AmazonS3", .family = "Storage",
     .filters = {UT("TimedStorage-INT-IA-ByteHrs")},
     .unit = "GB-months", .per = "GB-month",
     .qty = Q_USAGE("intelligent_tiering.infrequent_access_storage_gb", 1), .flags = CF_IF_USAGE | CF_FIRST_TIER},
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

/* ---- caches ------------------------------------------------------------------------ */

static const cost_map cache_engine_map[] = {
    {"redis", "Redis"}, {"memcached", "Memcached"}, {"valkey", "Valkey"}, {NULL, NULL}};

static const cost_comp_spec cache_comps[] = {
    {.name = "ElastiCache ({engine}, on-demand, {node})",
     .service = "AmazonElastiCache", .family = "Cache Instance",
     .filters = {EQ("instanceType", "{node}"), EQ("cacheEngine", "{engine}"), REGION,
                 RX("usagetype", "^([A-Z0-9]+-)?NodeUsage:")},
     .unit = "node-hours", .per = "node-hour", .qty = Q_FN(cq_cache_nodes_hours)},
    {.name = "Backup storage",
     .when = {{"engine", COP_NE, "Memcached"}},
     .service = "AmazonElastiCache", .family = "Storage Snapshot",
     .unit = "GB-months", .per = "GB-month", .qty = Q_FN(cq_cache_backup_gb), .flags = CF_USAGE},
};
static const cost_part cache_parts[] = {{.comps = cache_comps, .ncomps = N(cache_comps)}};
static const cost_usage_key cache_usage[] = {
    NUM("snapshot_storage_size_gb", "size of one snapshot, GB (billed x (snapshot_retention_limit - 1))"),
};

/* A cluster that belongs to a replication group is priced there. */
static const cost_var cache_cluster_vars[] = {
    {.name = "engine", .attr = "engine", .map = cache_engine_map},
    {.name = "node", .attr = "node_type"},
    {.name = "nodes", .attr = "num_cache_nodes", .dflt = "1", .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "node_groups"},
    {.name = "replicas"},
    {.name = "in_group", .attr = "replication_group_id"},
    {.name = "retention", .attr = "snapshot_retention_limit"},
};

/* aws_elasticache_replication_group: engine defaults to redis. */
static const cost_var cache_group_vars[] = {
    {.name = "engine", .attr = "engine", .dflt = "redis", .map = cache_engine_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "node", .attr = "node_type"},
    {.name = "nodes", .attr = "num_cache_clusters"},
    {.name = "node_groups", .attr = "num_node_groups"},
    {.name = "replicas", .attr = "replicas_per_node_group"},
    {.name = "retention", .attr = "snapshot_retention_limit"},
};

/* ---- serverless ---------------------------------------------------------------------- */

static const cost_map lambda_arch_map[] = {{"x86_64", ""}, {"arm64", "-ARM"}, {NULL, NULL}};

/* memory_size defaults to 128 MB, architectures to x86_64, ephemeral
 * storage to 512 MB (Terraform docs). */
static const cost_var lambda_vars[] = {
    {.name = "memory", .attr = "memory_size", .dflt = "128", .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "arch", .attr = "architectures[0]", .dflt = "x86_64", .map = lambda_arch_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "ephemeral", .attr = "ephemeral_storage[0].size", .dflt = "512", .flags = CVF_UNKNOWN_DEFAULT},
};

/* Requests and ephemeral storage cost the same on both architectures, so
 * they use the x86 rows; duration differs and follows `architectures`. */
static const cost_comp_spec lambda_comps[] = {
    {.name = "Requests",
     .service = "AWSLambda", .family = "Serverless",
     .filters = {EQ("group", "AWS-Lambda-Requests")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6, .qty = Q_USAGE("monthly_requests", 1)},
    {.name = "Duration",
     .service = "AWSLambda", .family = "Serverless",
     .filters = {EQ("group", "AWS-Lambda-Duration{arch}")},
     .unit = "GB-seconds", .per = "GB-second", .qty = Q_FN(cq_lambda_gb_seconds),
     .flags = CF_USAGE | CF_FIRST_TIER},
    {.name = "Ephemeral storage",
     .service = "AWSLambda", .family = "Serverless",
     .filters = {EQ("group", "AWS-Lambda-Storage-Duration")},
     .unit = "GB-seconds", .per = "GB-second", .qty = Q_FN(cq_lambda_storage_gb_seconds),
     .flags = CF_USAGE | CF_OMIT_ZERO},
};
static const cost_part lambda_parts[] = {{.comps = lambda_comps, .ncomps = N(lambda_comps)}};
static const cost_usage_key lambda_usage[] = {
    NUM("monthly_requests", "invocations per month"),
    NUM("request_duration_ms", "average duration of an invocation, ms"),
};

/* billing_mode defaults to PROVISIONED, table_class to STANDARD. */
static const cost_map ddb_class_map[] = {{"STANDARD", ""}, {"STANDARD_INFREQUENT_ACCESS", "IA-"}, {NULL, NULL}};

static const cost_var ddb_vars[] = {
    {.name = "billing", .attr = "billing_mode", .dflt = "PROVISIONED", .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "wcu", .attr = "write_capacity"},
    {.name = "rcu", .attr = "read_capacity"},
    {.name = "pitr", .attr = "point_in_time_recovery[0].enabled", .map = bool_map},
    {.name = "class", .attr = "table_class", .dflt = "STANDARD", .map = ddb_class_map, .flags = CVF_UNKNOWN_DEFAULT},
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
};

/* ---- management, security, DNS ------------------------------------------------------------ */

static const cost_map log_class_map[] = {{"STANDARD", ""}, {"INFREQUENT_ACCESS", "IA"}, {NULL, NULL}};

static const cost_var log_vars[] = {
    {.name = "class", .attr = "log_group_class", .dflt = "STANDARD", .map = log_class_map, .flags = CVF_UNKNOWN_DEFAULT},
};

static const cost_comp_spec log_comps[] = {
    {.name = "Data ingested",
     .service = "AmazonCloudWatch", .family = "Data Payload",
     .filters = {UT("DataProcessing{class}-Bytes")},
     .unit = "GB", .per = "GB ingested", .qty = Q_USAGE("monthly_data_ingested_gb", 1), .flags = CF_FIRST_TIER},
    {.name = "Archival storage",
     .service = "AmazonCloudWatch", .family = "Storage Snapshot",
     .filters = {UT("TimedStorage-ByteHrs")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("storage_gb", 1)},
    {.name = "Insights queries data scanned",
     .service = "AmazonCloudWatch", .family = "Data Payload",
     .filters = {UT("DataScanned-Bytes")},
     .unit = "GB", .per = "GB scanned", .qty = Q_USAGE("monthly_data_scanned_gb", 1)},
};
static const cost_part log_parts[] = {{.comps = log_comps, .ncomps = N(log_comps)}};
static const cost_usage_key log_usage[] = {
    NUM("monthly_data_ingested_gb", "log data ingested per month, GB"),
    NUM("storage_gb", "log data stored, GB"),
    NUM("monthly_data_scanned_gb", "data scanned by Logs Insights queries per month, GB"),
};

/* Periods of 10 and 30 seconds are high resolution. */
static const cost_map alarm_type_map[] = {
    {"10", "High Resolution"}, {"30", "High Resolution"}, {"*", "Standard"}, {NULL, NULL}};

static const cost_map alarm_label_map[] = {
    {"High Resolution", "high resolution"}, {"Standard", "standard resolution"}, {NULL, NULL}};

static const cost_var alarm_vars[] = {
    {.name = "alarm_type", .attr = "period", .dflt = "60", .map = alarm_type_map, .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "alarm_label", .fallback = "alarm_type", .map = alarm_label_map},
    {.name = "comparison", .attr = "comparison_operator"},
};

static const cost_comp_spec alarm_comps[] = {
    {.name = "Alarm metrics ({alarm_label})",
     .service = "AmazonCloudWatch", .family = "Alarm",
     .filters = {EQ("alarmType", "{alarm_type}")},
     .unit = "alarm metrics", .per = "alarm metric-month", .qty = Q_FN(cq_alarm_metrics)},
};
static const cost_part alarm_parts[] = {{.comps = alarm_comps, .ncomps = N(alarm_comps)}};

static const cost_comp_spec secret_comps[] = {
    {.name = "Secret",
     .service = "AWSSecretsManager", .family = "Secret",
     .unit = "secret-months", .per = "secret-month", .qty = Q_CONST(1)},
    {.name = "API requests",
     .service = "AWSSecretsManager", .family = "API Request",
     .unit = "requests", .per = "10k requests", .per_scale = 1e4, .qty = Q_USAGE("monthly_requests", 1)},
};
static const cost_part secret_parts[] = {{.comps = secret_comps, .ncomps = N(secret_comps)}};
static const cost_usage_key secret_usage[] = {NUM("monthly_requests", "API requests per month")};

static const cost_map kms_requests_map[] = {
    {"SYMMETRIC_DEFAULT", "KMS-Requests"}, {"HMAC_*", "KMS-Requests"},
    {"RSA_2048", "KMS-Requests-Asymmetric-RSA_2048"}, {"RSA_*", "KMS-Requests-Asymmetric"},
    {"ECC_*", "KMS-Requests-Asymmetric"}, {"SM2", "KMS-Requests-Asymmetric"}, {NULL, NULL}};

/* key_spec (or the older customer_master_key_spec) defaults to SYMMETRIC_DEFAULT. */
static const cost_var kms_vars[] = {
    {.name = "requests_ut", .attr = "key_spec", .fallback = "cmk_spec", .map = kms_requests_map,
     .flags = CVF_UNKNOWN_DEFAULT},
    {.name = "cmk_spec", .attr = "customer_master_key_spec", .dflt = "SYMMETRIC_DEFAULT",
     .flags = CVF_UNKNOWN_DEFAULT},
};

static const cost_comp_spec kms_comps[] = {
    {.name = "Customer managed key",
     .service = "awskms", .family = "Encryption Key",
     .filters = {RX("usagetype", "(^|-)KMS-Keys$")},
     .unit = "key-months", .per = "key-month", .qty = Q_CONST(1)},
    {.name = "Requests",
     .service = "awskms",
     .filters = {RX("usagetype", "(^|-){requests_ut}$")},
     .unit = "requests", .per = "10k requests", .per_scale = 1e4, .qty = Q_USAGE("monthly_requests", 1)},
};
static const cost_part kms_parts[] = {{.comps = kms_comps, .ncomps = N(kms_comps)}};
static const cost_usage_key kms_usage[] = {NUM("monthly_requests", "API requests per month")};

/* Route 53 prices are global; the first 25 zones cost the first-tier price. */
static const cost_comp_spec zone_comps[] = {
    {.name = "Hosted zone",
     .service = "AmazonRoute53", .family = "DNS Zone", .region = "global",
     .filters = {UT("HostedZone")},
     .unit = "zone-months", .per = "zone-month", .qty = Q_CONST(1), .flags = CF_FIRST_TIER},
};
static const cost_part zone_parts[] = {{.comps = zone_comps, .ncomps = N(zone_comps)}};

/* ---- the table ----------------------------------------------------------------------------- */

#define PARTS(p) .parts = p, .nparts = N(p)
#define VARS(v) .vars = v, .nvars = N(v)
#define USAGE(u) .usage = u, .nusage = N(u)

static const cost_model model_alb = {
    .type = "aws_alb", .doc = "alias of aws_lb", VARS(lb_vars), PARTS(lb_parts), USAGE(lb_usage)};
static const cost_model model_asg = {
    .type = "aws_autoscaling_group",
    .doc = "instances (usage `instances`, else desired_capacity, else min_size) x the launch template's "
           "or launch configuration's instance hours, block devices, monitoring",
    VARS(asg_vars), .count = "count",
    .missing_note = "not priced: no launch template or launch configuration found",
    PARTS(asg_parts), USAGE(asg_usage)};
static const cost_model model_log = {
    .type = "aws_cloudwatch_log_group", .doc = "data ingested, archival storage, Insights scans (usage)",
    VARS(log_vars), PARTS(log_parts), USAGE(log_usage)};
static const cost_model model_alarm = {
    .type = "aws_cloudwatch_metric_alarm",
    .doc = "alarm metrics (standard or high resolution; anomaly detection counts three)",
    VARS(alarm_vars), PARTS(alarm_parts)};
static const cost_model model_rds = {
    .type = "aws_db_instance",
    .doc = "instance hours by engine, class, Single/Multi-AZ and license; storage by type and size; "
           "provisioned IOPS (io1 at least 1,000 IOPS and 100 GB; gp3 above 3,000, or 12,000 from 400 GB); "
           "backup storage and magnetic I/O (usage)",
    VARS(rds_vars), PARTS(rds_parts), USAGE(rds_usage)};
static const cost_model model_ddb = {
    .type = "aws_dynamodb_table",
    .doc = "provisioned read/write capacity hours, or on-demand request units (usage); storage, "
           "backups, restores, streams (usage)",
    VARS(ddb_vars), PARTS(ddb_parts), USAGE(ddb_usage)};
static const cost_model model_ebs = {
    .type = "aws_ebs_volume",
    .doc = "storage by type (gp2, gp3, io1, io2, st1, sc1, standard); gp3 IOPS above 3,000 and "
           "throughput above 125 MiBps; io1/io2 IOPS; magnetic I/O (usage)",
    VARS(ebs_volume_vars), PARTS(ebs_volume_parts), USAGE(ebs_usage)};
static const cost_model model_ecs = {
    .type = "aws_ecs_service",
    .doc = "Fargate: desired_count x the task definition's vCPU and GB hours (same plan); "
           "services on EC2 or external capacity are free here (their instances are priced)",
    VARS(ecs_vars), .count = "count",
    .free_when = {{"launch_kind", COP_EQ, "ec2"}},
    .free_note = "runs on EC2 or external capacity: priced through its instances",
    .missing_note = "not priced: no task definition found",
    PARTS(ecs_parts)};
static const cost_model model_efs = {
    .type = "aws_efs_file_system",
    .doc = "storage by class (usage), provisioned throughput above what the storage includes",
    VARS(efs_vars), PARTS(efs_parts), USAGE(efs_usage)};
static const cost_model model_eip = {
    .type = "aws_eip", .doc = "public IPv4 address hours", PARTS(eip_parts)};
static const cost_model model_eks = {
    .type = "aws_eks_cluster",
    .doc = "control plane hours; the extended-support surcharge for a Kubernetes version past its "
           "end of standard support (unless upgrade_policy.support_type = STANDARD)",
    VARS(eks_cluster_vars), PARTS(eks_cluster_parts)};
static const cost_model model_ng = {
    .type = "aws_eks_node_group",
    .doc = "desired_size (or usage `instances`) x instance hours (instance_types[0], else the launch "
           "template's, else t3.medium) and disk (disk_size, default 20 GB gp2)",
    VARS(ng_vars), .count = "count", PARTS(ng_parts), USAGE(ng_usage)};
static const cost_model model_cache = {
    .type = "aws_elasticache_cluster",
    .doc = "node hours by engine and node type x num_cache_nodes; backup storage (usage); "
           "clusters in a replication group are priced there",
    VARS(cache_cluster_vars),
    .free_when = {{"in_group", COP_SET, NULL}},
    .free_note = "member of a replication group: priced there",
    PARTS(cache_parts), USAGE(cache_usage)};
static const cost_model model_cache_group = {
    .type = "aws_elasticache_replication_group",
    .doc = "node hours x (num_node_groups x (replicas_per_node_group + 1), else num_cache_clusters); "
           "backup storage (usage)",
    VARS(cache_group_vars), PARTS(cache_parts), USAGE(cache_usage)};
static const cost_model model_elb = {
    .type = "aws_elb", .doc = "classic load balancer hours, data processed (usage)",
    PARTS(elb_parts), USAGE(elb_usage)};
static const cost_model model_instance = {
    .type = "aws_instance",
    .doc = "instance hours by type, tenancy and OS; root and EBS block devices; EBS-optimized "
           "surcharge where one exists; detailed monitoring (7 metrics); CPU credits (usage)",
    VARS(instance_vars), PARTS(instance_parts), USAGE(instance_usage)};
static const cost_model model_kms = {
    .type = "aws_kms_key", .doc = "key months, requests (usage)", VARS(kms_vars), PARTS(kms_parts),
    USAGE(kms_usage)};
static const cost_model model_lambda = {
    .type = "aws_lambda_function",
    .doc = "requests and GB-seconds (usage; memory_size, architectures), ephemeral storage above 512 MB",
    VARS(lambda_vars), PARTS(lambda_parts), USAGE(lambda_usage)};
static const cost_model model_lb = {
    .type = "aws_lb",
    .doc = "application, network or gateway load balancer hours; capacity units (usage)",
    VARS(lb_vars), PARTS(lb_parts), USAGE(lb_usage)};
static const cost_model model_nat = {
    .type = "aws_nat_gateway", .doc = "hours, data processed (usage)", PARTS(nat_parts), USAGE(nat_usage)};
static const cost_model model_aurora_cluster = {
    .type = "aws_rds_cluster",
    .doc = "Aurora storage, I/O, backup storage and Serverless v1 capacity (usage)",
    VARS(aurora_cluster_vars), PARTS(aurora_cluster_parts), USAGE(aurora_cluster_usage)};
static const cost_model model_aurora_instance = {
    .type = "aws_rds_cluster_instance",
    .doc = "Aurora instance hours by engine and class (I/O-Optimized from the cluster); "
           "db.serverless capacity (usage)",
    VARS(aurora_instance_vars), PARTS(aurora_instance_parts), USAGE(aurora_instance_usage)};
static const cost_model model_zone = {
    .type = "aws_route53_zone", .doc = "hosted zone months", PARTS(zone_parts)};
static const cost_model model_s3 = {
    .type = "aws_s3_bucket", .doc = "storage by class and requests (usage)", PARTS(s3_parts), USAGE(s3_usage)};
static const cost_model model_secret = {
    .type = "aws_secretsmanager_secret", .doc = "secret months, API requests (usage)",
    PARTS(secret_parts), USAGE(secret_usage)};
static const cost_model model_vpce = {
    .type = "aws_vpc_endpoint",
    .doc = "interface and Gateway Load Balancer endpoints: hours x subnets, data processed (usage); "
           "gateway endpoints are free",
    VARS(vpce_vars),
    .free_when = {{"vtype", COP_EQ, "Gateway"}},
    .free_note = "gateway endpoints are free",
    PARTS(vpce_parts), USAGE(vpce_usage)};

static const cost_model *const models[] = {
    &model_alb,          &model_asg,          &model_log,       &model_alarm,
    &model_rds,          &model_ddb,          &model_ebs,       &model_ecs,
    &model_efs,          &model_eip,          &model_eks,       &model_ng,
    &model_cache,        &model_cache_group,  &model_elb,       &model_instance,
    &model_kms,          &model_lambda,       &model_lb,        &model_nat,
    &model_aurora_cluster, &model_aurora_instance, &model_zone, &model_s3,
    &model_secret,       &model_vpce,
};

static int cmp_model(const void *key, const void *elem)
{
    return strcmp((const char *)key, (*(const cost_model *const *)elem)->type);
}

const cost_model *cost_model_find(const char *type)
{
    const cost_model *const *m = bsearch(type, models, N(models), sizeof models[0], cmp_model);
    return m ? *m : NULL;
}

size_t cost_models(const cost_model *const **out)
{
    *out = models;
    return N(models);
}

bool cost_type_is_modelled(const char *type)
{
    return cost_model_find(type) != NULL;
}
