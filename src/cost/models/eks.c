/*
 * models/eks.c — cost models: EKS clusters: the control plane and the extended-support surcharge by the
 * Kubernetes version calendar.  (Node groups are EC2 instances: ec2.c.)
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

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
     .usage = "support_type", .flags = CVF_UNKNOWN_DEFAULT,
     .why = "a cluster past standard support moves to extended support unless upgrade_policy says STANDARD"},
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
static const cost_usage_key eks_cluster_usage[] = {
    STR("support_type", "STANDARD or EXTENDED, when the plan does not give upgrade_policy"),
};
static const cost_part eks_cluster_parts[] = {{.comps = eks_cluster_comps, .ncomps = N(eks_cluster_comps)}};

/* ---- the models ---- */

static const cost_model model_eks = {
    .type = "aws_eks_cluster",
    .doc = "control plane hours; the extended-support surcharge for a Kubernetes version past its "
           "end of standard support (unless upgrade_policy.support_type = STANDARD)",
    VARS(eks_cluster_vars), PARTS(eks_cluster_parts), USAGE(eks_cluster_usage)};

COST_MODEL_LIST(eks) = {&model_eks, NULL};
