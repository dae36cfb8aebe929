/*
 * models/glue.c — cost models: Glue jobs (DPU-hours by execution class), crawlers, Data Catalog
 * databases (objects and requests) and development endpoints.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* DPUs per worker (AWS Glue worker types). */
static const cost_map glue_worker_dpu_map[] = {
    {"Standard", "1"}, {"G.025X", "0.25"}, {"G.1X", "1"}, {"G.2X", "2"}, {"G.4X", "4"},
    {"G.8X", "8"}, {"Z.2X", "2"}, {NULL, NULL}};
static const cost_map glue_class_map[] = {{"FLEX", "flex"}, {"STANDARD", "standard"}, {NULL, NULL}};
static const cost_map glue_command_map[] = {
    {"glueetl", "etl"}, {"gluestreaming", "etl"}, {"pythonshell", "etl"}, {"glueray", "ray"}, {NULL, NULL}};

static const cost_var glue_job_vars[] = {
    {.name = "max_capacity", .attr = "max_capacity", .usage = "max_capacity"},
    {.name = "workers", .attr = "number_of_workers", .usage = "number_of_workers"},
    {.name = "worker_dpu", .attr = "worker_type", .map = glue_worker_dpu_map},
    {.name = "class", .attr = "execution_class", .dflt = "STANDARD", .map = glue_class_map},
    {.name = "command", .attr = "command[0].name", .dflt = "glueetl", .map = glue_command_map},
};

/* DPUs a run uses: with a worker_type, number_of_workers x its DPUs; else
 * max_capacity. */
static cost_qty_rc glue_job_dpus(const cost_eval *e, double *dpus, const char **why)
{
    double workers, per;
    cost_qty_rc rc = cost_eval_num(e, "worker_dpu", &per, why);
    if (rc == CQR_SKIP) {
        rc = cost_eval_num(e, "max_capacity", dpus, why);
        if (rc == CQR_SKIP) {
            *why = "max_capacity (or worker_type and number_of_workers)";
            return CQR_MISSING;
        }
        return rc;
    }
    if (rc == CQR_OK)
        rc = cost_eval_num(e, "workers", &workers, why);
    if (rc == CQR_SKIP) {
        *why = "number_of_workers";
        return CQR_MISSING;
    }
    if (rc == CQR_OK)
        *dpus = workers * per;
    return rc;
}

static cost_qty_rc glue_job_dpu_hours(const cost_eval *e, double *q, const char **why)
{
    double hours, dpus;
    cost_qty_rc rc = glue_job_dpus(e, &dpus, why);
    if (rc != CQR_OK)
        return rc;
    if (!cost_eval_usage(e, "monthly_hours", &hours))
        return CQR_NO_USAGE;
    *q = hours * dpus;
    return CQR_OK;
}

static const cost_comp_spec glue_job_comps[] = {
    {.name = "ETL job DPU-hours",
     .when = {{"command", COP_EQ, "etl"}, {"class", COP_EQ, "standard"}},
     .service = "AWSGlue", .family = "AWS Glue", .filters = {UT("ETL-DPU-Hour")},
     .unit = "DPU-hours", .per = "DPU-hour", .qty = Q_FN(glue_job_dpu_hours), .flags = CF_USAGE},
    {.name = "ETL job DPU-hours (Flex)",
     .when = {{"command", COP_EQ, "etl"}, {"class", COP_EQ, "flex"}},
     .service = "AWSGlue", .family = "AWS Glue", .filters = {UT("ETL-Flex-DPU-Hour")},
     .unit = "DPU-hours", .per = "DPU-hour", .qty = Q_FN(glue_job_dpu_hours), .flags = CF_USAGE},
    {.name = "Ray job M-DPU-hours",
     .when = {{"command", COP_EQ, "ray"}},
     .service = "AWSGlue", .family = "AWS Glue", .filters = {UT("ETL-Ray-M-DPU-Hour")},
     .unit = "M-DPU-hours", .per = "M-DPU-hour", .qty = Q_FN(glue_job_dpu_hours), .flags = CF_USAGE},
};
static const cost_part glue_job_parts[] = {{.comps = glue_job_comps, .ncomps = N(glue_job_comps)}};
static const cost_usage_key glue_job_usage[] = {
    NUM("monthly_hours", "hours the job runs per month"),
    NUM("max_capacity", "DPUs per run, when the plan does not give max_capacity"),
    NUM("number_of_workers", "workers per run, when the plan does not give number_of_workers"),
};

static const cost_comp_spec glue_crawler_comps[] = {
    {.name = "Crawler DPU-hours",
     .service = "AWSGlue", .family = "AWS Glue", .filters = {UT("Crawler-DPU-Hour")},
     .unit = "DPU-hours", .per = "DPU-hour", .qty = Q_USAGE("monthly_hours", 1)},
};
static const cost_part glue_crawler_parts[] = {{.comps = glue_crawler_comps, .ncomps = N(glue_crawler_comps)}};
static const cost_usage_key glue_crawler_usage[] = {
    NUM("monthly_hours", "DPU-hours the crawler runs per month"),
};

static const cost_comp_spec glue_catalog_comps[] = {
    {.name = "Storage",
     .service = "AWSGlue", .family = "AWS Glue", .filters = {UT("Catalog-Storage")},
     .unit = "objects", .per = "100k objects", .per_scale = 1e5, .qty = Q_USAGE("monthly_objects", 1)},
    {.name = "Requests",
     .service = "AWSGlue", .family = "AWS Glue", .filters = {UT("Catalog-Request")},
     .unit = "requests", .per = "1M requests", .per_scale = 1e6, .qty = Q_USAGE("monthly_requests", 1)},
};
static const cost_part glue_catalog_parts[] = {{.comps = glue_catalog_comps, .ncomps = N(glue_catalog_comps)}};
static const cost_usage_key glue_catalog_usage[] = {
    NUM("monthly_objects", "objects stored above the free million"),
    NUM("monthly_requests", "requests per month above the free million"),
};

static const cost_var glue_dev_vars[] = {
    {.name = "nodes", .attr = "number_of_nodes", .dflt = "5"},
    {.name = "workers", .attr = "number_of_workers"},
    {.name = "worker_dpu", .attr = "worker_type", .map = glue_worker_dpu_map},
};
/* A development endpoint bills its DPUs every hour it exists. */
static cost_qty_rc glue_dev_dpu_hours(const cost_eval *e, double *q, const char **why)
{
    double dpus, workers, per;
    cost_qty_rc rc = cost_eval_num(e, "workers", &workers, why);
    if (rc == CQR_OK)
        rc = cost_eval_num(e, "worker_dpu", &per, why);
    if (rc == CQR_OK)
        dpus = workers * per;
    else if (rc == CQR_SKIP)
        rc = cost_eval_num(e, "nodes", &dpus, why);
    if (rc == CQR_OK)
        *q = dpus * HOURS;
    return rc;
}
static const cost_comp_spec glue_dev_comps[] = {
    {.name = "Development endpoint DPU-hours",
     .service = "AWSGlue", .family = "AWS Glue", .filters = {UT("DEV-DPU-Hour")},
     .unit = "DPU-hours", .per = "DPU-hour", .qty = Q_FN(glue_dev_dpu_hours)},
};
static const cost_part glue_dev_parts[] = {{.comps = glue_dev_comps, .ncomps = N(glue_dev_comps)}};

static const cost_model model_glue_catalog = {
    .type = "aws_glue_catalog_database",
    .doc = "Data Catalog objects and requests above the free million (usage)",
    PARTS(glue_catalog_parts), USAGE(glue_catalog_usage)};
static const cost_model model_glue_crawler = {
    .type = "aws_glue_crawler",
    .doc = "crawler DPU-hours (usage)",
    PARTS(glue_crawler_parts), USAGE(glue_crawler_usage)};
static const cost_model model_glue_dev = {
    .type = "aws_glue_dev_endpoint",
    .doc = "DPU-hours: number_of_workers x the worker type's DPUs, else number_of_nodes (5 unless set)",
    VARS(glue_dev_vars), PARTS(glue_dev_parts)};
static const cost_model model_glue_job = {
    .type = "aws_glue_job",
    .doc = "DPU-hours (workers x worker DPUs, else max_capacity) x monthly hours (usage), "
           "standard or Flex; Ray M-DPU-hours",
    VARS(glue_job_vars), PARTS(glue_job_parts), USAGE(glue_job_usage)};

COST_MODEL_LIST(glue) = {&model_glue_catalog, &model_glue_crawler, &model_glue_dev, &model_glue_job, NULL};
