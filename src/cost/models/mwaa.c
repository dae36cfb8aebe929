/*
 * models/mwaa.c — cost models: Managed Workflows for Apache Airflow
 * environments (environment hours by class, additional workers and
 * schedulers, meta database storage).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_map mwaa_size_map[] = {
    {"mw1.micro", "Micro"}, {"mw1.small", "Small"}, {"mw1.medium", "Medium"}, {"mw1.large", "Large"},
    {"mw1.xlarge", "XLarge"}, {"mw1.2xlarge", "2XLarge"}, {NULL, NULL}};

static const cost_var env_vars[] = {
    {.name = "size", .attr = "environment_class", .usage = "environment_class", .dflt = "mw1.small",
     .map = mwaa_size_map, .flags = CVF_UNKNOWN_DEFAULT,
     .why = "mw1.small unless environment_class says otherwise (MWAA's default)"},
};

#define MWAA_HOURS(NAME, TYPE, QTY, FLAGS)                                                         \
    {.name = NAME " ({size})",                                                                     \
     .service = "AmazonMWAA", .family = "Airflow",                                                 \
     .filters = {EQ("type", TYPE), EQ("size", "{size}")},                                          \
     .unit = "hours", .per = "hour", .qty = QTY, .flags = FLAGS}

static const cost_comp_spec env_comps[] = {
    MWAA_HOURS("Environment", "Environment", Q_CONST(HOURS), CF_NONE),
    MWAA_HOURS("Additional workers", "Worker", Q_USAGE("additional_workers", HOURS), CF_NONE),
    MWAA_HOURS("Additional schedulers", "Scheduler", Q_USAGE("additional_schedulers", HOURS), CF_NONE),
    {.name = "Meta database",
     .service = "AmazonMWAA", .family = "Airflow",
     .filters = {UT("Airflow-StandardDatabaseStorage")},
     .unit = "GB-months", .per = "GB-month", .qty = Q_USAGE("meta_database_gb", 1)},
};
static const cost_part env_parts[] = {{.comps = env_comps, .ncomps = N(env_comps)}};
static const cost_usage_key env_usage[] = {
    NUM("additional_workers", "average workers running beyond the environment's own, per month"),
    NUM("additional_schedulers", "average schedulers beyond the environment's own, per month"),
    NUM("meta_database_gb", "meta database storage, GB"),
    STR("environment_class", "mw1.small to mw1.2xlarge, when the plan does not give it"),
};

/* ---- the models ---- */

static const cost_model model_env = {
    .type = "aws_mwaa_environment",
    .doc = "environment hours by class; additional worker and scheduler hours and meta database "
           "storage (usage)",
    VARS(env_vars), PARTS(env_parts), USAGE(env_usage)};

COST_MODEL_LIST(mwaa) = {&model_env, NULL};
