/*
 * cost_test_util.h — one resource priced end to end for the cost unit
 * tests: a fresh cache in a temporary directory (the bundled snapshot on,
 * unless a test imports its own list first), a one-resource plan, a usage
 * file, and the report's components looked up by name.
 */
#ifndef CIRCUIT_COST_TEST_UTIL_H
#define CIRCUIT_COST_TEST_UTIL_H

#include "src/core/sbuf.h"
#include "src/cost/cost.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct cost_fixture {
    char dir[64];
    price_cache *cache;
    plan *plan;
    cost_usage *usage;
    cost_report *rep;
} cost_fixture;

static inline void cf_setup(cost_fixture *t)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/circuit-cost-XXXXXX");
    cr_assert_not_null(mkdtemp(t->dir));
    char path[128];
    snprintf(path, sizeof path, "%s/pricing.db", t->dir);
    price_open_opts o = {.path = path};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(price_cache_open(&o, &t->cache, &err), CIR_OK, "cache: %s", err.msg);
}

static inline void cf_teardown(cost_fixture *t)
{
    cost_report_free(t->rep);
    plan_free(t->plan);
    cost_usage_free(t->usage);
    price_cache_close(t->cache);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
    cr_expect_eq(system(cmd), 0);
}

static inline void cf_import(cost_fixture *t, const char *path)
{
    price_ingest_stats st;
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(price_import_file(t->cache, path, &st, &err), CIR_OK, "import: %s", err.msg);
}

/* One resource of `type` created with `after` in `region`, priced with
 * `usage` (the usage entry's JSON object). */
static inline const cost_resource *cf_price(cost_fixture *t, const char *region, const char *type,
                                            const char *after, const char *usage)
{
    char *doc;
    cr_assert_gt(asprintf(&doc,
                          "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"%s.x\",\"mode\":"
                          "\"managed\",\"type\":\"%s\",\"name\":\"x\",\"provider_name\":\"aws\",\"change\":{"
                          "\"actions\":[\"create\"],\"before\":null,\"after\":%s,\"after_unknown\":{}}}]}",
                          type, type, after),
                 0);
    plan_load_opts lo = {.region_flag = region, .quiet = true};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(plan_load_buffer("plan.json", doc, strlen(doc), &lo, &t->plan, &err), CIR_OK, "%s", err.msg);
    free(doc);
    char path[128];
    snprintf(path, sizeof path, "%s/usage.json", t->dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f, "{\"version\":\"0.1\",\"resource_usage\":{\"%s.x\":%s}}", type, usage);
    fclose(f);
    cir_warn_quiet(1);
    cr_assert_eq(cost_usage_load(path, &t->usage, &err), CIR_OK, "%s", err.msg);
    cost_opts co = {.usage = t->usage};
    cr_assert_eq(cost_estimate(&t->plan, 1, t->cache, &co, &t->rep, &err), CIR_OK, "%s", err.msg);
    return &t->rep->resources[0];
}

/* The component named `name` after the change, or NULL. */
static inline const cost_component *cf_find_comp(const cost_resource *r, const char *name)
{
    for (size_t i = 0; i < r->after.ncomponents; i++)
        if (strcmp(r->after.components[i].name, name) == 0)
            return &r->after.components[i];
    return NULL;
}

static inline const cost_component *cf_comp(const cost_resource *r, const char *name)
{
    const cost_component *c = cf_find_comp(r, name);
    if (!c)
        cr_assert_fail("no component \"%s\"", name);
    return c;
}

#endif
