/*
 * review_scale.c — the Scaling block: Horizontal Scaling, Auto-scaling and
 * Resource Limits, decided from the resources that exist after apply
 * (created, updated, replaced and unchanged ones), because scaling is a
 * property of the stack the change lands in, not only of the diff.
 */
#include "review_int.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

/* Application Auto Scaling targets for ECS services, to link a service to
 * the target that scales it (resource_id "service/<cluster>/<name>"). */
typedef struct ecs_targets {
    review_list ids;       /* known resource ids */
    size_t unknown;        /* targets whose resource_id is known after apply */
} ecs_targets;

static void collect_ecs_targets(const review *rv, ecs_targets *t)
{
    size_t pi = 0, ri = 0;
    const plan_resource *r;
    /* Every target, changed or not: an existing one scales a changed service. */
    while ((r = rv_next_all(rv, &pi, &ri, NULL))) {
        if (!rv_live(r) || !rv_is(r, "aws_appautoscaling_target"))
            continue;
        const char *ns = rv_str(r, "service_namespace");
        if (ns && strcmp(ns, "ecs") != 0)
            continue;
        const char *id = rv_str(r, "resource_id");
        if (id)
            review_list_add(&t->ids, "%s", id);
        else
            t->unknown++;
    }
}

/* The service has a scaling target: its id ends in "/<name>", or a target
 * exists whose id is not known yet (it cannot be ruled out). */
static bool ecs_service_has_target(const plan_resource *r, const ecs_targets *t)
{
    if (t->unknown)
        return true;
    const char *name = rv_str(r, "name");
    if (!name)
        return t->ids.n > 0;
    size_t n = strlen(name);
    for (size_t i = 0; i < t->ids.n; i++) {
        const char *id = t->ids.items[i];
        size_t len = strlen(id);
        if (len > n && id[len - n - 1] == '/' && strcmp(id + len - n, name) == 0)
            return true;
    }
    return false;
}


/* ---- horizontal scaling ------------------------------------------------- */

/* Both instances come from the same resource block (count/for_each). */
static bool same_block(const plan_resource *a, const plan_resource *b)
{
    if (!a || !b || strcmp(a->type, b->type) != 0 || strcmp(a->name, b->name) != 0)
        return false;
    if (!a->module_address || !b->module_address)
        return a->module_address == b->module_address;
    return strcmp(a->module_address, b->module_address) == 0;
}

static void horizontal(review *rv, const ecs_targets *targets)
{
    review_list up = RV_EVIDENCE, capped = RV_EVIDENCE, single = RV_EVIDENCE, unk = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r, *prev = NULL;
    double v, lo;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r))
            continue;
        if (rv_is(r, "aws_autoscaling_group") && rv_unknown(r, "max_size")) {
            rv_ev(&unk, rv, pn, r, "Auto Scaling group size known only after apply");
        } else if (rv_is(r, "aws_autoscaling_group") && rv_num(r, "max_size", &v)) {
            if (!rv_num(r, "min_size", &lo))
                lo = 0;
            if (v > 1 && rv_unknown(r, "min_size"))
                rv_ev(&up, rv, pn, r, "Auto Scaling group of up to %.0f instances", v);
            else if (v > 1 && lo == v)
                rv_ev(&up, rv, pn, r, "Auto Scaling group of %.0f instances", v);
            else if (v > 1)
                rv_ev(&up, rv, pn, r, "Auto Scaling group of %.0f–%.0f instances", lo, v);
            else
                rv_ev(&capped, rv, pn, r, "Auto Scaling group capped at %.0f instance", v);
        } else if (rv_is(r, "aws_ecs_service") && !rv_ecs_daemon(r)) {
            bool target = ecs_service_has_target(r, targets);
            bool later = !rv_num(r, "desired_count", &v) && rv_unknown(r, "desired_count");
            if (later && !target) {
                rv_ev(&unk, rv, pn, r, "ECS service, desired count known only after apply");
                prev = r;
                continue;
            }
            if (later || !rv_num(r, "desired_count", &v))
                v = later ? 1 : 0;
            if (later)
                rv_ev(&up, rv, pn, r, "ECS service with a scaling target");
            else if (v > 1 || target)
                rv_ev(&up, rv, pn, r, "ECS service, %.0f task%s%s", v, v == 1 ? "" : "s",
                      target ? " with a scaling target" : "");
            else
                rv_ev(&capped, rv, pn, r, "ECS service fixed at %.0f task%s", v, v == 1 ? "" : "s");
        } else if (rv_is(r, "aws_eks_node_group") && rv_num(r, "scaling_config[0].max_size", &v)) {
            if (!rv_num(r, "scaling_config[0].min_size", &lo))
                lo = 0;
            if (v > 1 && lo == v)
                rv_ev(&up, rv, pn, r, "EKS node group of %.0f nodes", v);
            else if (v > 1)
                rv_ev(&up, rv, pn, r, "EKS node group of %.0f–%.0f nodes", lo, v);
            else
                rv_ev(&capped, rv, pn, r, "EKS node group capped at %.0f node", v);
        } else if (rv_is(r, "aws_lambda_function")) {
            if (rv_num(r, "reserved_concurrent_executions", &v) && v >= 0 && v <= 1)
                rv_ev(&capped, rv, pn, r, "Lambda function limited to %.0f concurrent execution", v);
            else
                rv_ev(&up, rv, pn, r, "Lambda function scales per request");
        } else if (rv_is(r, "aws_elasticache_replication_group") &&
                   rv_num(r, "num_cache_clusters", &v) && v > 1) {
            rv_ev(&up, rv, pn, r, "%.0f cache nodes (read replicas)", v);
        } else if (rv_is(r, "aws_instance")) {
            if (!r->index)
                rv_ev(&single, rv, pn, r, "single EC2 instance (scales vertically only)");
            else if (!same_block(prev, r))
                rv_ev(&up, rv, pn, r, "EC2 instances repeated by count/for_each");
        }
        prev = r;
    }
    if (capped.n) {
        char *why = rv_reason(NULL, &capped);
        if (up.n) {
            char *ok = rv_join(&up, "; ", RV_MAX_NAMED);
            char *s = xasprintf("%s (scales: %s)", why, ok);
            free(ok);
            free(why);
            why = s;
        }
        rv_item(rv, REVIEW_HORIZONTAL_SCALING, false, why);
    } else if (up.n) {
        rv_item(rv, REVIEW_HORIZONTAL_SCALING, true, rv_reason(NULL, &up));
    } else if (single.n) {
        rv_item(rv, REVIEW_HORIZONTAL_SCALING, false, rv_reason(NULL, &single));
    } else {
        rv_decide(rv, REVIEW_HORIZONTAL_SCALING, &up, &capped, &unk,
                  "no Auto Scaling group, ECS service, EKS node group or Lambda function "
                  "in the change");
    }
    review_list_free(&unk);
    review_list_free(&up);
    review_list_free(&capped);
    review_list_free(&single);
}

/* ---- auto-scaling -------------------------------------------------------- */

static void auto_scaling(review *rv, const ecs_targets *targets)
{
    review_list on = RV_EVIDENCE, off = RV_EVIDENCE;
    bool asg_policy = false;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    /* Any policy, changed or not, may scale a changed group. */
    while ((r = rv_next_all(rv, &pi, &ri, NULL)))
        if (rv_live(r) && (rv_is(r, "aws_autoscaling_policy") || rv_is(r, "aws_autoscaling_schedule")))
            asg_policy = true;
    pi = ri = 0;
    double lo, hi;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r))
            continue;
        if (rv_is(r, "aws_appautoscaling_policy") || rv_is(r, "aws_autoscaling_policy")) {
            const char *kind = rv_str(r, "policy_type");
            rv_ev(&on, rv, pn, r, "%s policy", kind ? kind : "scaling");
        } else if (rv_is(r, "aws_autoscaling_schedule") || rv_is(r, "aws_appautoscaling_scheduled_action")) {
            rv_ev(&on, rv, pn, r, "scheduled scaling");
        } else if (rv_is(r, "aws_appautoscaling_target")) {
            const char *dim = rv_str(r, "scalable_dimension");
            if (rv_num(r, "min_capacity", &lo) && rv_num(r, "max_capacity", &hi))
                rv_ev(&on, rv, pn, r, "%s between %.0f and %.0f", dim ? dim : "target", lo, hi);
            else
                rv_ev(&on, rv, pn, r, "%s target", dim ? dim : "scaling");
        } else if (rv_is(r, "aws_eks_node_group") && rv_num(r, "scaling_config[0].min_size", &lo) &&
                   rv_num(r, "scaling_config[0].max_size", &hi)) {
            if (hi > lo)
                rv_ev(&on, rv, pn, r, "scaling_config allows %.0f–%.0f nodes (with Cluster Autoscaler "
                      "or Karpenter)", lo, hi);
            else
                rv_ev(&off, rv, pn, r, "node group fixed at %.0f nodes", hi);
        } else if (rv_is(r, "aws_autoscaling_group") && !asg_policy) {
            rv_ev(&off, rv, pn, r, "no scaling policy");
        } else if (rv_is(r, "aws_ecs_service") && !rv_ecs_daemon(r) && !ecs_service_has_target(r, targets)) {
            rv_ev(&off, rv, pn, r, "no Application Auto Scaling target");
        }
    }
    if (on.n) {
        char *why = rv_reason(NULL, &on);
        if (off.n) {
            char *not_on = rv_join(&off, "; ", RV_MAX_NAMED);
            char *s = xasprintf("%s (not for %s)", why, not_on);
            free(not_on);
            free(why);
            why = s;
        }
        rv_item(rv, REVIEW_AUTO_SCALING, true, why);
    } else {
        rv_decide(rv, REVIEW_AUTO_SCALING, &on, &off, NULL,
                  "no scaling policy, scaling target, schedule, or group or service to scale in the change");
    }
    review_list_free(&on);
    review_list_free(&off);
}

/* ---- resource limits ----------------------------------------------------- */

/* Task-level cpu/memory, or every container's memory; NULL when fine. */
static void task_limits(const review *rv, const char *pn, const plan_resource *r, review_list *ok,
                        review_list *bad)
{
    const char *cpu = rv_str(r, "cpu"), *mem = rv_str(r, "memory");
    if (cpu && mem) {
        rv_ev(ok, rv, pn, r, "%s CPU units / %s MiB per task", cpu, mem);
        return;
    }
    json_t *defs = rv_containers(r, r->action != PLAN_ACT_DELETE);
    if (!defs)
        return;
    size_t i, unlimited = 0;
    const json_t *c, *first = NULL;
    json_array_foreach(defs, i, c) {
        if (!json_is_number(json_object_get(c, "memory")) &&
            !json_is_number(json_object_get(c, "memoryReservation"))) {
            if (!unlimited++)
                first = c;
        }
    }
    if (unlimited) {
        const char *name = json_string_value(json_object_get(first, "name"));
        rv_ev(bad, rv, pn, r, "container %s has no memory limit and the task sets none",
              name ? name : "(unnamed)");
    } else {
        rv_ev(ok, rv, pn, r, "every container sets memory");
    }
    json_decref(defs);
}

static void resource_limits(review *rv)
{
    review_list ok = RV_EVIDENCE, bad = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    double v;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r))
            continue;
        const char *attr = rv_size_attr(r);
        if (rv_is(r, "aws_ecs_task_definition")) {
            task_limits(rv, pn, r, &ok, &bad);
        } else if (attr) {
            const char *size = rv_str(r, attr);
            char next[64];
            if (size && rv_current_generation(size, next, sizeof next))
                rv_ev(&bad, rv, pn, r, "previous-generation " RV_CODE "%s" RV_END " (current: " RV_CODE "%s" RV_END ")",
                      size, next);
            else if (size)
                rv_ev(&ok, rv, pn, r, RV_CODE "%s" RV_END, size);
        } else if (rv_is(r, "aws_lambda_function")) {
            double mem = 128, timeout = 3;
            rv_num(r, "memory_size", &mem);
            rv_num(r, "timeout", &timeout);
            rv_ev(&ok, rv, pn, r, "%.0f MB, %.0f s timeout", mem, timeout);
        } else if (rv_is(r, "aws_autoscaling_group") && rv_num(r, "max_size", &v)) {
            rv_ev(&ok, rv, pn, r, "at most %.0f instances", v);
        }
    }
    rv_decide(rv, REVIEW_RESOURCE_LIMITS, &ok, &bad, NULL,
              "no compute, container or database sizing in the change");
    review_list_free(&ok);
    review_list_free(&bad);
}

void rv_build_scaling(review *rv)
{
    ecs_targets targets = {{0}, 0};
    collect_ecs_targets(rv, &targets);
    horizontal(rv, &targets);
    auto_scaling(rv, &targets);
    resource_limits(rv);
    review_list_free(&targets.ids);
}
