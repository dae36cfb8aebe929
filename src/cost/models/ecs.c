/*
 * models/ecs.c — cost models: ECS services on Fargate (services on EC2 capacity are priced through
 * their instances).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

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
    {.name = "launch", .attr = "launch_type", .usage = "launch_type", .fallback = "provider", .dflt = "EC2",
     .flags = CVF_UNKNOWN_DEFAULT,
     .why = "EC2 capacity unless launch_type or a capacity provider names Fargate (the provider's default)"},
    {.name = "provider", .attr = "capacity_provider_strategy[0].capacity_provider"},
    {.name = "fargate", .fallback = "launch", .map = fargate_map},
    {.name = "launch_kind", .fallback = "launch", .map = launch_kind_map},
};

static const cost_var ecs_task_vars[] = {
    {.name = "cpu", .attr = "cpu"},
    {.name = "memory", .attr = "memory"},
    {.name = "arch", .attr = "runtime_platform[0].cpu_architecture", .usage = "cpu_architecture",
     .dflt = "X86_64", .map = fargate_arch_map, .flags = CVF_UNKNOWN_DEFAULT,
     .why = "X86_64 unless runtime_platform says ARM64 (Fargate's default)"},
    {.name = "osfam", .attr = "runtime_platform[0].operating_system_family", .usage = "operating_system_family",
     .dflt = "LINUX", .map = fargate_os_map, .flags = CVF_UNKNOWN_DEFAULT,
     .why = "Linux unless runtime_platform names another operating system (Fargate's default)"},
};

static const cost_usage_key ecs_usage[] = {
    STR("launch_type", "EC2, FARGATE or EXTERNAL, when the plan does not give it"),
    STR("cpu_architecture", "X86_64 or ARM64, when the task definition does not give it"),
    STR("operating_system_family", "LINUX or a Windows family, when the task definition does not give it"),
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

/* ---- the models ---- */

static const cost_model model_ecs = {
    .type = "aws_ecs_service",
    .doc = "Fargate: desired_count x the task definition's vCPU and GB hours (same plan); "
           "services on EC2 or external capacity are free here (their instances are priced)",
    VARS(ecs_vars), .count = "count",
    .free_when = {{"launch_kind", COP_EQ, "ec2"}},
    .free_note = "runs on EC2 or external capacity: priced through its instances",
    .missing_note = "not priced: no task definition found",
    PARTS(ecs_parts), USAGE(ecs_usage)};

COST_MODEL_LIST(ecs) = {&model_ecs, NULL};
