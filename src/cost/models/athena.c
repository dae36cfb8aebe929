/*
 * models/athena.c — cost models: Athena workgroups (SQL queries by data scanned).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_comp_spec athena_comps[] = {
    {.name = "Data scanned",
     .service = "AmazonAthena", .family = "Athena Queries",
     .filters = {UT("DataScannedInTB")},
     .unit = "TB", .per = "TB", .qty = Q_USAGE("monthly_data_scanned_tb", 1)},
};
static const cost_part athena_parts[] = {{.comps = athena_comps, .ncomps = N(athena_comps)}};
static const cost_usage_key athena_usage[] = {
    NUM("monthly_data_scanned_tb", "data scanned by the workgroup's SQL queries per month, TB"),
};

static const cost_model model_athena = {
    .type = "aws_athena_workgroup",
    .doc = "SQL queries per TB scanned (usage)",
    PARTS(athena_parts), USAGE(athena_usage)};

COST_MODEL_LIST(athena) = {&model_athena, NULL};
