/*
 * check_ecs.c — checks inside aws_ecs_task_definition.container_definitions,
 * a JSON document stored as a string (so it is decoded first, once per task
 * definition, by risk_run_containers).  An unknown document gives no
 * finding; an undecodable one gives a warning and no finding.
 *
 * Findings name the container and, for secrets, the variable — never a
 * value.  A variable counts as a secret when its name looks like one and
 * its value is not empty and not an ARN (a pointer to a secret, not the
 * secret).
 */
#include "checks.h"

#include "../core/mem.h"

#include <stdio.h>
#include <string.h>

/* The container's name for messages; "#<index>" when it has none. */
static const char *container_name(const json_t *c, size_t i, char *buf, size_t size)
{
    const char *name = json_string_value(json_object_get(c, "name"));
    if (name && *name && strlen(name) <= 128)
        return name;
    snprintf(buf, size, "#%zu", i);
    return buf;
}

static bool set_nonzero(const json_t *v)
{
    if (!v || json_is_null(v))
        return false;
    if (json_is_number(v))
        return json_number_value(v) > 0;
    if (json_is_string(v))
        return json_string_length(v) > 0 && strcmp(json_string_value(v), "0") != 0;
    return true;
}

#define EACH_CONTAINER(run, r, i, c, name)                                          \
    const json_t *containers_ = risk_run_containers(run, r);                        \
    char namebuf_[32];                                                              \
    const char *name;                                                               \
    size_t i;                                                                       \
    json_t *c;                                                                      \
    json_array_foreach(containers_, i, c)                                           \
        if (json_is_object(c) && (name = container_name(c, i, namebuf_, sizeof namebuf_)))

void risk_check_ecs_healthcheck(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    EACH_CONTAINER(run, r, i, c, name) {
        const json_t *hc = json_object_get(c, "healthCheck");
        if (!json_is_object(hc) || !json_object_get(hc, "command"))
            risk_emit(run, rule, r, "container_definitions", "container \"%s\": %s", name, rule->spec.message);
    }
}

void risk_check_ecs_limits(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    plan_val_state cpu_st, mem_st;
    const json_t *task_cpu = plan_attr(r, true, "cpu", &cpu_st);
    const json_t *task_mem = plan_attr(r, true, "memory", &mem_st);
    bool task_has_cpu = cpu_st == PLAN_VAL_UNKNOWN || (cpu_st == PLAN_VAL_KNOWN && set_nonzero(task_cpu));
    bool task_has_mem = mem_st == PLAN_VAL_UNKNOWN || (mem_st == PLAN_VAL_KNOWN && set_nonzero(task_mem));
    EACH_CONTAINER(run, r, i, c, name) {
        bool no_cpu = !task_has_cpu && !set_nonzero(json_object_get(c, "cpu"));
        bool no_mem = !task_has_mem && !set_nonzero(json_object_get(c, "memory")) &&
                      !set_nonzero(json_object_get(c, "memoryReservation"));
        if (no_cpu || no_mem)
            risk_emit(run, rule, r, "container_definitions", "container \"%s\": no %s set: %s", name,
                      no_cpu && no_mem ? "cpu or memory" : no_cpu ? "cpu" : "memory", rule->spec.message);
    }
}

void risk_check_ecs_privileged(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    EACH_CONTAINER(run, r, i, c, name) {
        if (json_is_true(json_object_get(c, "privileged")))
            risk_emit(run, rule, r, "container_definitions", "container \"%s\": %s", name, rule->spec.message);
    }
}

void risk_check_ecs_logging(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    EACH_CONTAINER(run, r, i, c, name) {
        const json_t *lc = json_object_get(c, "logConfiguration");
        const json_t *driver = json_object_get(lc, "logDriver");
        if (!json_is_string(driver) || json_string_length(driver) == 0)
            risk_emit(run, rule, r, "container_definitions", "container \"%s\": %s", name, rule->spec.message);
    }
}

static bool name_matches(const pcre2_code *re, const char *name)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = pcre2_match(re, (PCRE2_SPTR)name, strlen(name), 0, 0, md, NULL);
    pcre2_match_data_free(md);
    return rc >= 0;
}

/* A variable that looks like a secret and is not a pointer to one. */
static bool secret_var(const pcre2_code *re, const char *name, const json_t *value)
{
    if (!name_matches(re, name))
        return false;
    if (json_is_string(value))
        return !risk_value_is_reference(json_string_value(value));
    return !json_is_boolean(value);   /* null = unknown value: still in plain text */
}

void risk_check_ecs_env_secrets(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    EACH_CONTAINER(run, r, i, c, name) {
        size_t k;
        json_t *var;
        json_array_foreach(json_object_get(c, "environment"), k, var) {
            const char *vname = json_string_value(json_object_get(var, "name"));
            if (vname && strlen(vname) <= 128 && secret_var(rule->test.re, vname, json_object_get(var, "value")))
                risk_emit(run, rule, r, "container_definitions", "container \"%s\", variable %s: %s", name, vname,
                          rule->spec.message);
        }
    }
}

/* Keys of the map at the rule's attribute (Lambda environment variables). */
void risk_check_secret_keys(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    for (size_t p = 0; p < rule->test.npaths; p++) {
        plan_val_state st;
        const json_t *map = plan_attr(r, true, rule->test.paths[p], &st);
        if (st != PLAN_VAL_KNOWN || !json_is_object(map))
            continue;
        const char *key;
        json_t *value;
        json_object_foreach((json_t *)map, key, value) {
            if (strlen(key) > 128 || !secret_var(rule->test.re, key, value))
                continue;
            char *attr = xasprintf("%s[\"%s\"]", rule->test.paths[p], key);
            risk_emit(run, rule, r, attr, "variable %s: %s", key, rule->spec.message);
            free(attr);
        }
    }
}
