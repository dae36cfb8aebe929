/*
 * models/redshift.c — cost models: Redshift provisioned clusters (node hours).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_var rs_vars[] = {
    {.name = "node", .attr = "node_type", .flags = CVF_REQUIRED},
    {.name = "nodes", .attr = "number_of_nodes", .dflt = "1"},
};

static cost_qty_rc rs_node_hours(const cost_eval *e, double *q, const char **why)
{
    double n;
    cost_qty_rc rc = cost_eval_num(e, "nodes", &n, why);
    if (rc == CQR_OK)
        *q = n * HOURS;
    return rc;
}

static const cost_comp_spec rs_comps[] = {
    {.name = "Cluster usage (on-demand, {node})",
     .service = "AmazonRedshift", .family = "Compute Instance",
     .filters = {EQ("instanceType", "{node}"), UT("Node:{node}")},
     .unit = "node-hours", .per = "node-hour", .qty = Q_FN(rs_node_hours)},
};
static const cost_part rs_parts[] = {{.comps = rs_comps, .ncomps = N(rs_comps)}};

static const cost_model model_rs = {
    .type = "aws_redshift_cluster", .example = "node_type=ra3.xlplus number_of_nodes=2",
    .doc = "node hours by node type x number_of_nodes (managed storage and snapshots not priced)",
    VARS(rs_vars), PARTS(rs_parts)};

COST_MODEL_LIST(redshift) = {&model_rs, NULL};
