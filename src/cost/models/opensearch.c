/*
 * models/opensearch.c — cost models: OpenSearch and Elasticsearch domains (data, dedicated
 * master and UltraWarm instance hours; EBS storage).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* AWS's price list names every type "<type>.search"; Elasticsearch domains
 * write "<type>.elasticsearch". */
static const cost_map os_type_map[] = {
    {"*.elasticsearch", "*.search"}, {"*.search", "*.search"}, {NULL, NULL}};
/* EBS volume types as the price list's storageMedia (infracost search_domain.go). */
static const cost_map os_media_map[] = {
    {"gp2", "GP2"}, {"gp3", "GP3"}, {"io1", "PIOPS-Storage"}, {"standard", "Magnetic"}, {NULL, NULL}};

static const cost_var os_vars[] = {
    {.name = "itype", .attr = "cluster_config[0].instance_type", .map = os_type_map,
     .flags = CVF_REQUIRED},
    {.name = "count", .attr = "cluster_config[0].instance_count", .dflt = "1"},
    {.name = "master", .attr = "cluster_config[0].dedicated_master_enabled", .map = cost_bool_map},
    {.name = "mtype", .attr = "cluster_config[0].dedicated_master_type", .map = os_type_map},
    {.name = "mcount", .attr = "cluster_config[0].dedicated_master_count", .dflt = "3"},
    {.name = "warm", .attr = "cluster_config[0].warm_enabled", .map = cost_bool_map},
    {.name = "wtype", .attr = "cluster_config[0].warm_type", .map = os_type_map},
    {.name = "wcount", .attr = "cluster_config[0].warm_count"},
    {.name = "ebs", .attr = "ebs_options[0].ebs_enabled", .map = cost_bool_map},
    {.name = "ebs_gb", .attr = "ebs_options[0].volume_size"},
    {.name = "media", .attr = "ebs_options[0].volume_type", .dflt = "gp2", .map = os_media_map},
    {.name = "vtype", .attr = "ebs_options[0].volume_type", .dflt = "gp2"},
};

/* Hours of `var` nodes; unset is "not priced: <attr> is not set". */
static cost_qty_rc os_node_hours(const cost_eval *e, const char *var, const char *attr, double *q,
                                 const char **why)
{
    double n;
    cost_qty_rc rc = cost_eval_num(e, var, &n, why);
    if (rc == CQR_SKIP) {
        *why = attr;
        return CQR_MISSING;
    }
    if (rc == CQR_OK)
        *q = n * HOURS;
    return rc;
}

static cost_qty_rc os_instance_hours(const cost_eval *e, double *q, const char **why)
{
    return os_node_hours(e, "count", "cluster_config[0].instance_count", q, why);
}

static cost_qty_rc os_master_hours(const cost_eval *e, double *q, const char **why)
{
    return os_node_hours(e, "mcount", "cluster_config[0].dedicated_master_count", q, why);
}

static cost_qty_rc os_warm_hours(const cost_eval *e, double *q, const char **why)
{
    return os_node_hours(e, "wcount", "cluster_config[0].warm_count", q, why);
}

/* EBS storage: volume_size GB on every data node. */
static cost_qty_rc os_ebs_gb(const cost_eval *e, double *q, const char **why)
{
    double gb, n;
    cost_qty_rc rc = cost_eval_num(e, "ebs_gb", &gb, why);
    if (rc == CQR_SKIP) {
        *why = "ebs_options[0].volume_size";
        return CQR_MISSING;
    }
    if (rc == CQR_OK)
        rc = cost_eval_num(e, "count", &n, why);
    if (rc == CQR_OK)
        *q = gb * n;
    return rc;
}

static const cost_comp_spec os_comps[] = {
    {.name = "Instance (on-demand, {itype})",
     .service = "AmazonES", .family = "Amazon OpenSearch Service Instance",
     .filters = {EQ("instanceType", "{itype}"), UT("ESInstance:{itype}")},
     .unit = "hours", .per = "hour", .qty = Q_FN(os_instance_hours)},
    {.name = "Dedicated master (on-demand, {mtype})",
     .when = {{"master", COP_SET, NULL}},
     .service = "AmazonES", .family = "Amazon OpenSearch Service Instance",
     .filters = {EQ("instanceType", "{mtype}"), UT("ESInstance:{mtype}")},
     .unit = "hours", .per = "hour", .qty = Q_FN(os_master_hours)},
    {.name = "UltraWarm instance (on-demand, {wtype})",
     .when = {{"warm", COP_SET, NULL}},
     .service = "AmazonES", .family = "Amazon OpenSearch Service Instance",
     .filters = {EQ("instanceType", "{wtype}"), UT("ESInstance:{wtype}")},
     .unit = "hours", .per = "hour", .qty = Q_FN(os_warm_hours)},
    {.name = "Storage ({vtype})",
     .when = {{"ebs", COP_SET, NULL}},
     .service = "AmazonES", .family = "Amazon OpenSearch Service Volume",
     .filters = {EQ("storageMedia", "{media}")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_FN(os_ebs_gb)},
};
static const cost_part os_parts[] = {{.comps = os_comps, .ncomps = N(os_comps)}};

static const cost_model model_elasticsearch = {
    .type = "aws_elasticsearch_domain", .example = "cluster_config.instance_type=m5.large.elasticsearch",
    .doc = "data instance hours x instance_count, dedicated masters, UltraWarm nodes; EBS storage "
           "(no bundled price: priced after `pricing sync`)",
    VARS(os_vars), PARTS(os_parts)};
static const cost_model model_opensearch = {
    .type = "aws_opensearch_domain", .example = "cluster_config.instance_type=m5.large.search",
    .doc = "data instance hours x instance_count, dedicated masters, UltraWarm nodes; EBS storage "
           "(no bundled price: priced after `pricing sync`)",
    VARS(os_vars), PARTS(os_parts)};

COST_MODEL_LIST(opensearch) = {&model_elasticsearch, &model_opensearch, NULL};
