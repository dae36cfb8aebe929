/*
 * test_plan_util.h — helpers shared by the plan reader's unit tests: load a
 * plan from a JSON string (warnings silenced) and find a resource in it.
 */
#ifndef TEST_PLAN_UTIL_H
#define TEST_PLAN_UTIL_H

#include "src/plan/plan.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static inline plan *load_str_opts(const char *json, const char *region_flag, cir_err *err)
{
    plan_load_opts o = {.region_flag = region_flag, .quiet = true};
    plan *p = NULL;
    cir_err_clear(err);
    plan_load_buffer("test.json", json, strlen(json), &o, &p, err);
    return p;
}

/* Loads `json`, failing the test with the loader's message if it errors. */
static inline plan *load_ok(const char *json)
{
    cir_err err;
    plan *p = load_str_opts(json, NULL, &err);
    cr_assert_not_null(p, "load failed: %s", err.msg);
    return p;
}

/* Loads `json` expecting failure; returns the error. */
static inline cir_err load_fail(const char *json)
{
    cir_err err;
    plan *p = load_str_opts(json, NULL, &err);
    cr_assert_null(p, "expected an error for %s", json);
    return err;
}

static inline const plan_resource *find_res(const plan *p, const char *address)
{
    for (size_t i = 0; i < p->nresources; i++)
        if (strcmp(p->resources[i].address, address) == 0)
            return &p->resources[i];
    cr_assert_fail("no resource %s", address);
    return NULL;
}

#endif
