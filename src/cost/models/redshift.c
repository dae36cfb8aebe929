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

/* Serverless: RPU-hours while the workgroup runs queries (base_capacity 128
 * RPUs unless set, the provider's default). */
static const cost_var rss_vars[] = {
    {.name = "rpus", .attr = "base_capacity", .dflt = "128"},
};
static cost_qty_rc rss_rpu_hours(const cost_eval *e, double *q, const char **why)
{
    double rpus, hours;
    cost_qty_rc rc = cost_eval_num(e, "rpus", &rpus, why);
    if (rc != CQR_OK)
        return rc;
    if (!cost_eval_usage(e, "monthly_active_hours", &hours))
        return CQR_NO_USAGE;
    *q = rpus * hours;
    return CQR_OK;
}
static const cost_comp_spec rss_comps[] = {
    {.name = "Compute ({rpus} RPUs)",
     .service = "AmazonRedshift", .family = "Redshift Serverless",
     .filters = {UT("Serverless:RPU-Hours")},
     .unit = "RPU-hours", .per = "RPU-hour", .qty = Q_FN(rss_rpu_hours), .flags = CF_USAGE},
};
static const cost_part rss_parts[] = {{.comps = rss_comps, .ncomps = N(rss_comps)}};
static const cost_usage_key rss_usage[] = {
    NUM("monthly_active_hours", "hours a month the workgroup runs queries at its base capacity"),
};

static const cost_model model_rs = {
    .type = "aws_redshift_cluster", .example = "node_type=ra3.xlplus number_of_nodes=2",
    .doc = "node hours by node type x number_of_nodes (managed storage and snapshots not priced)",
    VARS(rs_vars), PARTS(rs_parts)};

static const cost_model model_rss = {
    .type = "aws_redshiftserverless_workgroup",
    .doc = "RPU-hours: base_capacity (128 unless set) x active hours (usage)",
    VARS(rss_vars), PARTS(rss_parts), USAGE(rss_usage)};

COST_MODEL_LIST(redshift) = {&model_rs, &model_rss, NULL};
