/*
 * models/eks_fargate.c — cost models: EKS Fargate profiles.  A profile costs
 * nothing by itself; the pods it schedules are billed as Fargate vCPU and
 * memory hours, so the figures come from usage (pods and their sizes).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* pods x size x 730 hours; each usage key is required (no size is assumed). */
static cost_qty_rc pod_hours(const cost_eval *e, const char *size_key, double *q)
{
    double pods, size;
    if (!cost_eval_usage(e, "pods", &pods) || !cost_eval_usage(e, size_key, &size))
        return CQR_NO_USAGE;
    *q = pods * size * HOURS;
    return CQR_OK;
}

static cost_qty_rc pod_vcpu_hours(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    return pod_hours(e, "pod_vcpu", q);
}

static cost_qty_rc pod_gb_hours(const cost_eval *e, double *q, const char **why)
{
    (void)why;
    return pod_hours(e, "pod_memory_gb", q);
}

static const cost_comp_spec profile_comps[] = {
    {.name = "Fargate vCPU",
     .service = "AmazonECS", .family = "Compute", .filters = {UT("Fargate-vCPU-Hours:perCPU")},
     .unit = "vCPU-hours", .per = "vCPU-hour", .qty = Q_FN(pod_vcpu_hours), .flags = CF_USAGE},
    {.name = "Fargate memory",
     .service = "AmazonECS", .family = "Compute", .filters = {UT("Fargate-GB-Hours")},
     .unit = "GB-hours", .per = "GB-hour", .qty = Q_FN(pod_gb_hours), .flags = CF_USAGE},
};
static const cost_part profile_parts[] = {{.comps = profile_comps, .ncomps = N(profile_comps)}};
static const cost_usage_key profile_usage[] = {
    NUM("pods", "pods the profile runs, average over the month"),
    NUM("pod_vcpu", "vCPUs of a pod, as Fargate rounds it up (0.25 to 16)"),
    NUM("pod_memory_gb", "memory of a pod, GB, as Fargate rounds it up"),
};

/* ---- the models ---- */

static const cost_model model_profile = {
    .type = "aws_eks_fargate_profile",
    .doc = "the pods it runs: Linux x86 Fargate vCPU and GB hours (usage `pods`, `pod_vcpu`, `pod_memory_gb`)",
    PARTS(profile_parts), USAGE(profile_usage)};

COST_MODEL_LIST(eks_fargate) = {&model_profile, NULL};
