/*
 * models/ec2.c — cost models for EC2: instances, EBS volumes, autoscaling
 * groups and EKS node groups (the instances EKS runs), which share the
 * instance and block-device components.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

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
     .unit = "metrics", .per = "metric-month", .qty = Q_CONST(7), .flags = CF_TIERED},          \
    {.name = "CPU credits ({burst})",                                                               \
     .when = {{"burst", COP_SET, NULL}, {"credits", COP_EQ, "unlimited"}},                          \
     .service = "AmazonEC2", .family = "CPU Credits",                                               \
     .filters = {EQ("operatingSystem", "{os}"), UT("CPUCredits:{burst}")},                          \
     .unit = "vCPU-hours", .per = "vCPU-hour", .qty = Q_FN(cq_cpu_credits), .flags = CF_USAGE}

/* Operating system: the usage file says (Infracost's operating_system),
 * else Linux. */
#define EC2_OS_VAR {.name = "os", .usage = "operating_system", .dflt = "linux", .map = os_map}
#define EC2_BURST_VARS(TYPE_VAR)                                                                   \
    {.name = "burst", .fallback = TYPE_VAR, .map = burstable_map},                                  \
    {.name = "credits_default", .fallback = TYPE_VAR, .map = credits_default_map}

/* What AWS does when an instance setting is not given. */
#define WHY_TENANCY "instances run on shared hardware unless a tenancy is given (AWS's default)"
#define WHY_EBS_OPT "no EBS-optimized surcharge unless ebs_optimized is set (current types are EBS-optimized at no charge)"
#define WHY_MONITORING "basic monitoring unless detailed monitoring is turned on (AWS's default)"
#define WHY_CREDITS "the family's default credit option: standard for t2, unlimited for t3, t3a and t4g"
#define WHY_ROOT "the AMI's default root volume; set root_block_device or a usage key to override"
#define WHY_EBS_TYPE "EC2 creates gp2 volumes when a block device mapping names no type"
#define EC2_TENANCY_VAR(ATTR)                                                                      \
    {.name = "tenancy", .attr = ATTR, .usage = "tenancy", .dflt = "default", .map = tenancy_map,    \
     .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_TENANCY}
#define EC2_EBS_OPT_VAR                                                                            \
    {.name = "ebs_optimized", .attr = "ebs_optimized", .usage = "ebs_optimized", .dflt = "false",  \
     .map = cost_bool_map, .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_EBS_OPT}

/* The usage keys that override the assumptions above. */
#define EC2_ASSUMED_KEYS                                                                           \
    STR("tenancy", "tenancy when the plan does not give it: default or dedicated"),                 \
    BOOL("ebs_optimized", "ebs_optimized when the plan does not give it"),                          \
    BOOL("monitoring", "detailed monitoring when the plan does not give it"),                       \
    STR("cpu_credits", "credit option when the plan does not give it: standard or unlimited")

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
    STR("type", "volume type when the plan does not give it"),
};

/* aws_ebs_volume: `type` defaults to gp2 (Terraform docs); a size is
 * never guessed (a volume from a snapshot without one is not priced). */
static const cost_var ebs_volume_vars[] = {
    {.name = "vtype", .attr = "type", .usage = "type", .dflt = "gp2", .map = ebs_type_map,
     .flags = CVF_UNKNOWN_DEFAULT, .why = "a gp2 volume unless type says otherwise (the provider's default)"},
    {.name = "vsize", .attr = "size", .flags = CVF_REQUIRED},
    {.name = "viops", .attr = "iops"},
    {.name = "vtput", .attr = "throughput"},
};

static const cost_part ebs_volume_parts[] = {{.comps = ebs_comps, .ncomps = N(ebs_comps)}};

/* The root volume of an instance or launch configuration: the AMI decides
 * its size and type when root_block_device does not, and the plan knows
 * neither until apply.  Priced as the common AMI default, said so. */
static const cost_var root_device_vars[] = {
    {.name = "vtype", .attr = "volume_type", .usage = "root_block_device.volume_type", .dflt = "gp2",
     .map = ebs_type_map, .flags = CVF_ASSUME, .why = WHY_ROOT},
    {.name = "vsize", .attr = "volume_size", .usage = "root_block_device.volume_size", .dflt = "8",
     .flags = CVF_ASSUME, .why = WHY_ROOT},
    {.name = "viops", .attr = "iops"},
    {.name = "vtput", .attr = "throughput"},
};

/* Extra EBS volumes: gp2 when no type is given; a size is never guessed. */
static const cost_var ebs_device_vars[] = {
    {.name = "vtype", .attr = "volume_type", .usage = "ebs_block_device.volume_type", .dflt = "gp2",
     .map = ebs_type_map, .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_EBS_TYPE},
    {.name = "vsize", .attr = "volume_size", .flags = CVF_REQUIRED},
    {.name = "viops", .attr = "iops"},
    {.name = "vtput", .attr = "throughput"},
};

static const cost_var lt_block_device_vars[] = {
    {.name = "vtype", .attr = "ebs[0].volume_type", .usage = "block_device_mappings.volume_type", .dflt = "gp2",
     .map = ebs_type_map, .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_EBS_TYPE},
    {.name = "vsize", .attr = "ebs[0].volume_size", .flags = CVF_REQUIRED},
    {.name = "viops", .attr = "ebs[0].iops"},
    {.name = "vtput", .attr = "ebs[0].throughput"},
};

#define EC2_DEVICE_KEYS                                                                            \
    NUM("root_block_device.volume_size", "root volume size, GB, when the plan does not give it"), \
    STR("root_block_device.volume_type", "root volume type when the plan does not give it"),      \
    STR("ebs_block_device.volume_type", "extra volumes' type when the plan does not give it")

/* ---- aws_instance ----------------------------------------------------------- */

static const cost_var instance_vars[] = {
    {.name = "type", .attr = "instance_type", .flags = CVF_REQUIRED},
    EC2_TENANCY_VAR("tenancy"),
    EC2_OS_VAR,
    EC2_EBS_OPT_VAR,
    {.name = "monitoring", .attr = "monitoring", .usage = "monitoring", .dflt = "false", .map = cost_bool_map,
     .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_MONITORING},
    {.name = "credits", .attr = "credit_specification[0].cpu_credits", .usage = "cpu_credits",
     .fallback = "credits_default", .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_CREDITS},
    EC2_BURST_VARS("type"),
};

static const cost_part instance_parts[] = {
    {.comps = ec2_instance_comps, .ncomps = N(ec2_instance_comps)},
    {.each = "root_block_device", .each_default = 1, .vars = root_device_vars, .nvars = N(root_device_vars),
     .comps = ebs_comps, .ncomps = N(ebs_comps)},
    {.each = "ebs_block_device", .each_unknown_empty = true, .vars = ebs_device_vars,
     .nvars = N(ebs_device_vars), .comps = ebs_comps, .ncomps = N(ebs_comps)},
};

static const cost_usage_key instance_usage[] = {
    STR("operating_system", "linux (default), windows, rhel or suse"),
    NUM("monthly_cpu_credit_hrs", "CPU credit hours per vCPU per month (t2/t3/t3a/t4g unlimited)"),
    NUM("vcpu_count", "vCPUs of the instance type, for CPU credits"),
    NUM("monthly_standard_io_requests", "I/O requests per month on magnetic block devices"),
    EC2_ASSUMED_KEYS,
    EC2_DEVICE_KEYS,
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
    {.name = "lt_type", .attr = "instance_type", .flags = CVF_REQUIRED},
    EC2_TENANCY_VAR("placement[0].tenancy"),
    EC2_OS_VAR,
    EC2_EBS_OPT_VAR,
    {.name = "monitoring", .attr = "monitoring[0].enabled", .usage = "monitoring", .dflt = "false",
     .map = cost_bool_map, .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_MONITORING},
    {.name = "credits", .attr = "credit_specification[0].cpu_credits", .usage = "cpu_credits",
     .fallback = "credits_default", .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_CREDITS},
    EC2_BURST_VARS("itype"),
};

/* aws_launch_configuration: enable_monitoring defaults to true. */
static const cost_var lc_instance_vars[] = {
    {.name = "itype", .attr = "instance_type", .flags = CVF_REQUIRED},
    EC2_TENANCY_VAR("placement_tenancy"),
    EC2_OS_VAR,
    EC2_EBS_OPT_VAR,
    {.name = "monitoring", .attr = "enable_monitoring", .usage = "monitoring", .dflt = "true",
     .map = cost_bool_map, .flags = CVF_UNKNOWN_DEFAULT,
     .why = "launch configurations turn detailed monitoring on unless enable_monitoring = false"},
    {.name = "credits", .usage = "cpu_credits", .fallback = "credits_default"},
    EC2_BURST_VARS("itype"),
};

static const cost_comp_spec lt_instance_comps[] = {EC2_INSTANCE_COMPONENTS("itype")};

/* desired_capacity defaults to min_size (AWS's documented default). */
static const cost_var asg_vars[] = {
    {.name = "count", .usage = "instances", .attr = "desired_capacity", .fallback = "min_size",
     .flags = CVF_UNKNOWN_DEFAULT, .why = "AWS starts a group at min_size when desired_capacity is not set"},
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
    {.source = &asg_lc_source, .each = "root_block_device", .counted = true, .each_default = 1,
     .vars = root_device_vars, .nvars = N(root_device_vars), .comps = ebs_comps, .ncomps = N(ebs_comps)},
    {.source = &asg_lc_source, .each = "ebs_block_device", .counted = true, .each_unknown_empty = true,
     .vars = ebs_device_vars, .nvars = N(ebs_device_vars), .comps = ebs_comps, .ncomps = N(ebs_comps)},
};

static const cost_usage_key asg_usage[] = {
    NUM("instances", "instances running on average (default: desired_capacity, else min_size)"),
    STR("operating_system", "linux (default), windows, rhel or suse"),
    NUM("monthly_cpu_credit_hrs", "CPU credit hours per vCPU per instance per month"),
    NUM("vcpu_count", "vCPUs of the instance type, for CPU credits"),
    NUM("monthly_standard_io_requests", "I/O requests per month on magnetic block devices"),
    EC2_ASSUMED_KEYS,
    EC2_DEVICE_KEYS,
    STR("block_device_mappings.volume_type", "launch template volumes' type when the plan does not give it"),
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
    {.name = "capacity", .attr = "capacity_type", .usage = "capacity_type", .dflt = "ON_DEMAND",
     .map = capacity_map, .flags = CVF_UNKNOWN_DEFAULT, .why = "EKS runs on-demand nodes unless capacity_type = SPOT"},
};

/* instance_types unset: the launch template's type, else EKS's t3.medium
 * (the provider default, not a guess: an instance type set by an
 * expression known only after apply stays not priced). */
static const cost_var ng_instance_vars[] = {
    {.name = "itype", .attr = "instance_types[0]", .fallback = "lt_type"},
    {.name = "lt_type", .attr = "instance_type", .from = &ng_lt_source, .dflt = "t3.medium"},
    {.name = "tenancy", .dflt = "default", .map = tenancy_map},
    {.name = "os", .usage = "operating_system", .attr = "ami_type", .dflt = "linux", .map = os_map,
     .flags = CVF_UNKNOWN_DEFAULT, .why = "Linux unless ami_type names a Windows AMI"},
    {.name = "ebs_optimized", .dflt = "false", .map = cost_bool_map},
    {.name = "monitoring", .attr = "monitoring[0].enabled", .usage = "monitoring", .from = &ng_lt_source,
     .dflt = "false", .map = cost_bool_map, .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_MONITORING},
    {.name = "credits", .attr = "credit_specification[0].cpu_credits", .usage = "cpu_credits",
     .from = &ng_lt_source, .fallback = "credits_default", .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_CREDITS},
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
     .unit = "metrics", .per = "metric-month", .qty = Q_CONST(7), .flags = CF_TIERED},
    {.name = "CPU credits ({burst})",
     .when = {{"burst", COP_SET, NULL}, {"credits", COP_EQ, "unlimited"}},
     .service = "AmazonEC2", .family = "CPU Credits",
     .filters = {EQ("operatingSystem", "{os}"), UT("CPUCredits:{burst}")},
     .unit = "vCPU-hours", .per = "vCPU-hour", .qty = Q_FN(cq_cpu_credits), .flags = CF_USAGE},
};

static const cost_var ng_disk_vars[] = {
    {.name = "vtype", .dflt = "gp2", .map = ebs_type_map},
    {.name = "vsize", .attr = "disk_size", .usage = "disk_size", .dflt = "20", .flags = CVF_UNKNOWN_DEFAULT,
     .why = "EKS gives nodes a 20 GB disk when disk_size is not set"},
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
    STR("capacity_type", "ON_DEMAND or SPOT when the plan does not give it"),
    BOOL("monitoring", "detailed monitoring when the plan does not give it"),
    STR("cpu_credits", "credit option when the plan does not give it: standard or unlimited"),
    NUM("disk_size", "node disk size, GB, when the plan does not give it"),
    STR("block_device_mappings.volume_type", "launch template volumes' type when the plan does not give it"),
};

/* ---- the models ---- */

static const cost_model model_asg = {
    .type = "aws_autoscaling_group",
    .doc = "instances (usage `instances`, else desired_capacity, else min_size) x the launch template's "
           "or launch configuration's instance hours, block devices, monitoring",
    VARS(asg_vars), .count = "count",
    .missing_note = "not priced: no launch template or launch configuration found",
    PARTS(asg_parts), USAGE(asg_usage)};
static const cost_model model_ebs = {
    .type = "aws_ebs_volume", .example = "size=100 type=gp3",
    .doc = "storage by type (gp2, gp3, io1, io2, st1, sc1, standard); gp3 IOPS above 3,000 and "
           "throughput above 125 MiBps; io1/io2 IOPS; magnetic I/O (usage)",
    VARS(ebs_volume_vars), PARTS(ebs_volume_parts), USAGE(ebs_usage)};
static const cost_model model_ng = {
    .type = "aws_eks_node_group",
    .doc = "desired_size (or usage `instances`) x instance hours (instance_types[0], else the launch "
           "template's, else t3.medium) and disk (disk_size, default 20 GB gp2)",
    VARS(ng_vars), .count = "count", PARTS(ng_parts), USAGE(ng_usage)};
static const cost_model model_instance = {
    .type = "aws_instance", .example = "instance_type=t3.medium",
    .doc = "instance hours by type, tenancy and OS; root and EBS block devices; EBS-optimized "
           "surcharge where one exists; detailed monitoring (7 metrics); CPU credits (usage)",
    VARS(instance_vars), PARTS(instance_parts), USAGE(instance_usage)};

COST_MODEL_LIST(ec2) = {&model_asg, &model_ebs, &model_ng, &model_instance, NULL};
