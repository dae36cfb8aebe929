/*
 * review_deploy.c — the Deployment block of the review: Container Changes,
 * Configuration Changes and Downtime Required, each Yes/No with the
 * resources and attributes that decided it.
 *
 * The decisions are tables: which types run containers or images and which
 * of their attributes count, which types hold configuration, which types
 * serve traffic (the risk catalogue's downtime heuristics) and which
 * in-place RDS changes reboot the instance.
 */
#include "review_int.h"

#include "../core/mem.h"
#include "../plan/plan_types.h"

#include <stdlib.h>
#include <string.h>

/* ---- container changes ------------------------------------------------- */

/* Types whose in-place change of one of `attrs` changes what runs. */
typedef struct image_rule {
    const char *type;
    const char *what;            /* noun for create/delete */
    const char *attrs[6];        /* update: any of these changed */
} image_rule;

static const image_rule image_rules[] = {
    {"aws_ecs_service", "ECS service", {"task_definition", "launch_type", "platform_version",
                                        "capacity_provider_strategy", NULL}},
    {"aws_eks_node_group", "EKS node group", {"ami_type", "release_version", "version",
                                              "instance_types", "launch_template", NULL}},
    {"aws_eks_cluster", NULL, {"version", NULL}},
    {"aws_launch_template", "launch template", {"image_id", "instance_type", "user_data", NULL}},
    {"aws_launch_configuration", "launch configuration", {"image_id", "instance_type", "user_data", NULL}},
    {"aws_autoscaling_group", NULL, {"launch_template", "launch_configuration",
                                     "mixed_instances_policy", NULL}},
    {"aws_instance", NULL, {"ami", "user_data", NULL}},
    {"aws_lambda_function", NULL, {"image_uri", NULL}},
    {"aws_apprunner_service", "App Runner service", {"source_configuration", NULL}},
};

static const image_rule *image_rule_for(const plan_resource *r)
{
    for (size_t i = 0; i < sizeof image_rules / sizeof image_rules[0]; i++)
        if (rv_is(r, image_rules[i].type))
            return &image_rules[i];
    return NULL;
}

static const json_t *container_named(const json_t *defs, const char *name)
{
    size_t i;
    const json_t *c;
    json_array_foreach(defs, i, c) {
        const char *n = json_string_value(json_object_get(c, "name"));
        if (n && name && strcmp(n, name) == 0)
            return c;
    }
    return NULL;
}

/* "app image app:1.4 → app:1.5, sidecar (new container)" into b. */
static void describe_images(const plan_resource *r, sbuf *b)
{
    json_t *after = rv_containers(r, true);
    json_t *before = r->action == PLAN_ACT_CREATE ? NULL : rv_containers(r, false);
    if (!after) {
        sbuf_puts(b, rv_unknown(r, "container_definitions") ? "container definitions known after apply"
                     : plan_attr_sensitive(r, true, "container_definitions") ? "container definitions are sensitive"
                                                                             : "container definitions unreadable");
        json_decref(before);
        return;
    }
    size_t i, shown = 0;
    const json_t *c;
    json_array_foreach(after, i, c) {
        const char *name = json_string_value(json_object_get(c, "name"));
        const char *img = json_string_value(json_object_get(c, "image"));
        const json_t *old = before ? container_named(before, name) : NULL;
        const char *old_img = old ? json_string_value(json_object_get(old, "image")) : NULL;
        if (old && old_img && img && strcmp(old_img, img) == 0)
            continue;
        sbuf_printf(b, "%s%s", shown++ ? ", " : "", name ? name : "container");
        if (old_img && img)
            sbuf_printf(b, " image " RV_CODE "%s" RV_END " → " RV_CODE "%s" RV_END, old_img, img);
        else if (img)
            sbuf_printf(b, " image " RV_CODE "%s" RV_END, img);
    }
    if (!shown)
        sbuf_puts(b, "images unchanged");
    json_decref(after);
    json_decref(before);
}

static void task_definition_change(const review *rv, const char *pn, const plan_resource *r,
                                   review_list *ev)
{
    sbuf b = SBUF_INIT;
    switch (r->action) {
    case PLAN_ACT_CREATE:
        sbuf_puts(&b, "new task definition (");
        describe_images(r, &b);
        sbuf_putc(&b, ')');
        break;
    case PLAN_ACT_DELETE:
    case PLAN_ACT_FORGET:
        sbuf_puts(&b, "task definition deregistered");
        break;
    default:
        sbuf_puts(&b, "new revision (");
        describe_images(r, &b);
        sbuf_putc(&b, ')');
    }
    rv_ev(ev, rv, pn, r, "%s", sbuf_str(&b));
    sbuf_free(&b);
}

static void changed_attrs(const plan_resource *r, const char *const *attrs, sbuf *b)
{
    size_t n = 0;
    for (size_t i = 0; attrs[i]; i++)
        if (rv_changed(r, attrs[i]))
            sbuf_printf(b, "%s" RV_CODE "%s" RV_END, n++ ? ", " : "", attrs[i]);
}

static void container_changes(review *rv)
{
    review_list ev = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_touched(r))
            continue;
        if (rv_is(r, "aws_ecs_task_definition")) {
            task_definition_change(rv, pn, r, &ev);
            continue;
        }
        const image_rule *rule = image_rule_for(r);
        if (!rule)
            continue;
        bool whole = r->action == PLAN_ACT_CREATE || r->action == PLAN_ACT_DELETE ||
                     r->action == PLAN_ACT_FORGET;
        if (whole) {
            if (rule->what)
                rv_ev(&ev, rv, pn, r, "%s %s", r->action == PLAN_ACT_CREATE ? "new" : "removed",
                      rule->what);
            continue;
        }
        sbuf b = SBUF_INIT;
        changed_attrs(r, rule->attrs, &b);
        if (b.len) {
            const char *old_version = json_string_value(rv_get_side(r, false, "version"));
            if (rv_is(r, "aws_eks_cluster") && rv_str(r, "version") && old_version)
                rv_ev(&ev, rv, pn, r, "Kubernetes version %s → %s", old_version, rv_str(r, "version"));
            else if (strcmp(sbuf_str(&b), RV_CODE "task_definition" RV_END) == 0)
                rv_ev(&ev, rv, pn, r, "deploys a new task definition");
            else
                rv_ev(&ev, rv, pn, r, r->action == PLAN_ACT_REPLACE ? "replaced (%s changes)" : "changes %s",
                      sbuf_str(&b));
        }
        sbuf_free(&b);
    }
    rv_item_evidence(rv, REVIEW_CONTAINER_CHANGES, &ev,
                     "no task definition, container service, node group, launch template, "
                     "Auto Scaling group, AMI or Lambda image changes");
}

/* ---- configuration changes --------------------------------------------- */

/* Types that hold configuration for something else: creating one counts. */
static const char *const config_types[] = {
    "aws_ssm_parameter", "aws_secretsmanager_secret_version", "aws_appconfig_configuration_profile",
    "aws_appconfig_hosted_configuration_version", "aws_appconfig_deployment",
    "aws_db_parameter_group", "aws_rds_cluster_parameter_group", "aws_db_option_group",
    "aws_elasticache_parameter_group", "aws_ecs_cluster_capacity_providers", NULL,
};

/* Keys that differ between two container objects, image excluded. */
static void container_setting_keys(const json_t *a, const json_t *b, review_list *keys)
{
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)a, k, v) {
        if (strcmp(k, "image") == 0)
            continue;
        const json_t *w = b ? json_object_get(b, k) : NULL;
        if (!w || !json_equal(v, w)) {
            bool seen = false;
            for (size_t i = 0; i < keys->n; i++)
                seen |= strncmp(keys->items[i] + 1, k, strlen(k)) == 0 && keys->items[i][strlen(k) + 1] == RV_END[0];
            if (!seen)
                review_list_add(keys, RV_CODE "%s" RV_END, k);
        }
    }
}

/* What changed in a task definition other than images ("environment,
 * secrets"), or NULL when only images changed.  Caller frees. */
static char *task_definition_settings(const plan_resource *r)
{
    review_list keys = {0};
    static const char *const task_attrs[] = {"cpu", "memory", "task_role_arn", "execution_role_arn",
                                             "network_mode", NULL};
    for (size_t i = 0; task_attrs[i]; i++)
        if (rv_changed(r, task_attrs[i]))
            review_list_add(&keys, RV_CODE "%s" RV_END, task_attrs[i]);
    json_t *after = rv_containers(r, true), *before = rv_containers(r, false);
    if (after && before) {
        size_t i;
        const json_t *c;
        json_array_foreach(after, i, c) {
            const json_t *old = container_named(before, json_string_value(json_object_get(c, "name")));
            container_setting_keys(c, old, &keys);
            if (old)
                container_setting_keys(old, c, &keys);
        }
    } else if (rv_changed(r, "container_definitions")) {
        review_list_add(&keys, "container definitions");
    }
    json_decref(after);
    json_decref(before);
    char *s = keys.n ? rv_join(&keys, ", ", RV_MAX_NAMED) : NULL;
    review_list_free(&keys);
    return s;
}

static bool is_image_attr(const image_rule *rule, const char *path, size_t len)
{
    for (size_t i = 0; rule && rule->attrs[i]; i++)
        if (strlen(rule->attrs[i]) == len && strncmp(rule->attrs[i], path, len) == 0)
            return true;
    return false;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Top-level attribute names an update changes ("instance_class, tags"),
 * sorted, leaving out tags_all (it mirrors tags), what Container Changes
 * already reports, and values known only after apply (ids, addresses: the
 * results of the change, not configuration the author wrote); NULL when
 * nothing is left.  Compares top-level values only, which is all this line
 * names, and is far cheaper than a leaf-by-leaf plan_diff. */
static char *changed_top_level(const plan_resource *r)
{
    const image_rule *rule = image_rule_for(r);
    review_list names = {0};
    const json_t *sides[2] = {r->after, r->before};
    for (size_t s = 0; s < 2; s++) {
        const char *k;
        json_t *v;
        if (!json_is_object(sides[s]))
            continue;
        json_object_foreach((json_t *)sides[s], k, v) {
            const json_t *other = json_is_object(sides[1 - s]) ? json_object_get(sides[1 - s], k) : NULL;
            if (s == 1 && other)
                continue; /* already compared from the after side */
            bool unknown = json_is_true(json_object_get(r->after_unknown, k));
            bool same = (!other || json_is_null(other)) ? json_is_null(v) : json_equal(v, other);
            if (same || unknown || strcmp(k, "tags_all") == 0 || is_image_attr(rule, k, strlen(k)))
                continue;
            review_list_add(&names, RV_CODE "%s" RV_END, k);
        }
    }
    if (names.n > 1)
        qsort(names.items, names.n, sizeof *names.items, by_name);
    char *s = names.n ? rv_join(&names, ", ", 4) : NULL;
    review_list_free(&names);
    return s;
}

static void config_changes(review *rv)
{
    review_list ev = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_touched(r))
            continue;
        bool existing = r->action == PLAN_ACT_UPDATE || r->action == PLAN_ACT_REPLACE;
        if (rv_is(r, "aws_ecs_task_definition")) {
            char *keys = existing ? task_definition_settings(r) : NULL;
            if (keys)
                rv_ev(&ev, rv, pn, r, "container settings change (%s)", keys);
            free(keys);
            continue;
        }
        if (existing) {
            char *attrs = changed_top_level(r);
            if (attrs || !image_rule_for(r))
                rv_ev(&ev, rv, pn, r, "%s%s%s%s", r->action == PLAN_ACT_REPLACE ? "replaced" : "updated",
                      attrs ? " (" : "", attrs ? attrs : "", attrs ? ")" : "");
            free(attrs);
        } else if (r->action == PLAN_ACT_CREATE && rv_is_any(r, config_types)) {
            rv_ev(&ev, rv, pn, r, "new configuration");
        }
    }
    rv_item_evidence(rv, REVIEW_CONFIG_CHANGES, &ev,
                     "no existing resource is updated or replaced, and no parameter, secret "
                     "or parameter group is created");
}

/* ---- downtime ------------------------------------------------------------ */

/* In-place changes that restart the resource (AWS RDS User Guide,
 * "Modifying an Amazon RDS DB instance"; EC2 type and user data changes
 * need a stop/start). */
typedef struct restart_rule {
    const char *type;
    const char *attrs[8];
    const char *what;
} restart_rule;

static const restart_rule restart_rules[] = {
    {"aws_db_instance", {"instance_class", "engine_version", "parameter_group_name", "multi_az",
                         "allocated_storage", "storage_type", "iops", NULL}, "reboots the database"},
    {"aws_rds_cluster_instance", {"instance_class", "engine_version", NULL}, "reboots the instance"},
    {"aws_instance", {"instance_type", "user_data", NULL}, "stops and starts the instance"},
};

bool rv_is_serving(const plan_resource *r)
{
    return plan_type_in(PLAN_TYPES_SERVING, r->type);
}

static void restart_change(const review *rv, const char *pn, const plan_resource *r, review_list *ev)
{
    for (size_t i = 0; i < sizeof restart_rules / sizeof restart_rules[0]; i++) {
        const restart_rule *rule = &restart_rules[i];
        if (!rv_is(r, rule->type))
            continue;
        sbuf b = SBUF_INIT;
        changed_attrs(r, rule->attrs, &b);
        if (b.len) {
            const char *when = "";
            if (strncmp(rule->type, "aws_db", 6) == 0 || strncmp(rule->type, "aws_rds", 7) == 0)
                when = rv_true(r, "apply_immediately") ? " (apply_immediately = true: at apply)"
                                                       : " (at the next maintenance window)";
            rv_ev(ev, rv, pn, r, "%s change %s%s", sbuf_str(&b), rule->what, when);
        }
        sbuf_free(&b);
    }
}

static void downtime(review *rv)
{
    review_list ev = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (r->is_data)
            continue;
        if (r->action == PLAN_ACT_REPLACE && r->replace_order == PLAN_ORDER_DELETE_BEFORE_CREATE &&
            rv_is_serving(r))
            rv_ev(&ev, rv, pn, r, "destroyed before its replacement is created");
        else if (r->action == PLAN_ACT_DELETE && rv_is_serving(r))
            rv_ev(&ev, rv, pn, r, "destroyed");
        else if (r->action == PLAN_ACT_UPDATE)
            restart_change(rv, pn, r, &ev);
    }
    rv_item_evidence(rv, REVIEW_DOWNTIME, &ev,
                     "no serving resource is destroyed or destroyed before its replacement, "
                     "and no in-place change restarts one");
}

void rv_build_deployment(review *rv)
{
    container_changes(rv);
    config_changes(rv);
    downtime(rv);
}
