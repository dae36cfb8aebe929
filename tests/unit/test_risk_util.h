/*
 * test_risk_util.h — helpers shared by the risk unit tests: load a fixture
 * or a one-resource plan, run the built-in rules over it, and count the
 * findings of one rule on one address.
 */
#ifndef TEST_RISK_UTIL_H
#define TEST_RISK_UTIL_H

#include "src/core/mem.h"
#include "src/plan/plan.h"
#include "src/risk/risk.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Loads fixtures/plans/<name>, failing the test on an error.  Warnings
 * are silenced; a test about them turns them back on. */
static inline plan *rt_fixture(const char *name)
{
    cir_warn_quiet(1);
    char path[256];
    snprintf(path, sizeof path, "fixtures/plans/%s", name);
    plan_load_opts o = {.quiet = true};
    plan *p = NULL;
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(plan_load(path, &o, &p, &err), CIR_OK, "load %s: %s", path, err.msg);
    return p;
}

static inline plan *rt_plan(const char *json)
{
    cir_warn_quiet(1);
    plan_load_opts o = {.quiet = true};
    plan *p = NULL;
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(plan_load_buffer("test.json", json, strlen(json), &o, &p, &err), CIR_OK,
                 "load: %s\n%s", err.msg, json);
    return p;
}

/* A plan creating one resource `x.t` of `type` with the given after and
 * after_unknown JSON (NULL = {}). */
static inline plan *rt_one(const char *type, const char *after, const char *unknown)
{
    char *json = xasprintf(
        "{\"format_version\":\"1.2\",\"configuration\":{\"provider_config\":{\"aws\":{\"name\":\"aws\","
        "\"full_name\":\"registry.terraform.io/hashicorp/aws\",\"version_constraint\":\"~> 5.0\","
        "\"expressions\":{\"region\":{\"constant_value\":\"us-east-1\"}}}},\"root_module\":{}},"
        "\"resource_changes\":[{\"address\":\"%s.t\",\"mode\":\"managed\",\"type\":\"%s\",\"name\":\"t\","
        "\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"create\"],"
        "\"before\":null,\"after\":%s,\"after_unknown\":%s}}]}",
        type, type, after, unknown ? unknown : "{}");
    plan *p = rt_plan(json);
    free(json);
    return p;
}

/* Like rt_one, with the resource's configuration block: `expressions` is
 * the JSON of its "expressions" (NULL = the block writes nothing). */
static inline plan *rt_one_conf(const char *type, const char *after, const char *unknown, const char *expressions)
{
    char *conf = expressions ? xasprintf(",\"expressions\":%s", expressions) : xstrdup("");
    char *json = xasprintf(
        "{\"format_version\":\"1.2\",\"configuration\":{\"provider_config\":{\"aws\":{\"name\":\"aws\","
        "\"full_name\":\"registry.terraform.io/hashicorp/aws\",\"version_constraint\":\"~> 5.0\","
        "\"expressions\":{\"region\":{\"constant_value\":\"us-east-1\"}}}},\"root_module\":{\"resources\":["
        "{\"address\":\"%s.t\",\"mode\":\"managed\",\"type\":\"%s\",\"name\":\"t\"%s}]}},"
        "\"resource_changes\":[{\"address\":\"%s.t\",\"mode\":\"managed\",\"type\":\"%s\",\"name\":\"t\","
        "\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"create\"],"
        "\"before\":null,\"after\":%s,\"after_unknown\":%s}}]}",
        type, type, conf, type, type, after, unknown ? unknown : "{}");
    plan *p = rt_plan(json);
    free(json);
    free(conf);
    return p;
}

static inline risk_ruleset *rt_rules(void)
{
    risk_ruleset *rs = NULL;
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(risk_ruleset_load(NULL, &rs, &err), CIR_OK, "built-in rules: %s", err.msg);
    return rs;
}

static inline risk_report *rt_check_skip(const risk_ruleset *rs, plan *p, const char *const *skip, size_t nskip)
{
    risk_report *rep = NULL;
    risk_opts o = {.skip = skip, .nskip = nskip};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(risk_check(&p, 1, rs, &o, &rep, &err), CIR_OK, "check: %s", err.msg);
    return rep;
}

static inline risk_report *rt_check(const risk_ruleset *rs, plan *p)
{
    return rt_check_skip(rs, p, NULL, 0);
}

static inline bool rt_same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Findings of `rule` on `address` (NULL = plan-wide, "*" = any address). */
static inline size_t rt_count(const risk_report *rep, const char *rule, const char *address)
{
    size_t n = 0;
    for (size_t i = 0; i < rep->nfindings; i++) {
        const risk_finding *f = &rep->findings[i];
        if (strcmp(f->rule->id, rule) == 0 &&
            ((address && strcmp(address, "*") == 0) || rt_same(f->address, address)))
            n++;
    }
    return n;
}

static inline const risk_finding *rt_find(const risk_report *rep, const char *rule, const char *address)
{
    for (size_t i = 0; i < rep->nfindings; i++)
        if (strcmp(rep->findings[i].rule->id, rule) == 0 && rt_same(rep->findings[i].address, address))
            return &rep->findings[i];
    return NULL;
}

static inline const risk_suppression *rt_find_suppressed(const risk_report *rep, const char *rule,
                                                         const char *address)
{
    for (size_t i = 0; i < rep->nsuppressed; i++)
        if (strcmp(rep->suppressed[i].rule->id, rule) == 0 && rt_same(rep->suppressed[i].address, address))
            return &rep->suppressed[i];
    return NULL;
}

/* Every finding's fields, joined: for "the output never holds X" checks. */
static inline char *rt_all_text(const risk_report *rep)
{
    size_t cap = 1;
    for (size_t i = 0; i < rep->nfindings; i++)
        cap += strlen(rep->findings[i].message) + 256 +
               (rep->findings[i].attribute ? strlen(rep->findings[i].attribute) : 0);
    char *s = xcalloc(1, cap);
    for (size_t i = 0; i < rep->nfindings; i++) {
        strcat(s, rep->findings[i].message);
        strcat(s, "\n");
        if (rep->findings[i].attribute) {
            strcat(s, rep->findings[i].attribute);
            strcat(s, "\n");
        }
    }
    return s;
}

#endif
