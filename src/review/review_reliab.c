/*
 * review_reliab.c — the Reliability block: Health Checks, Graceful
 * Degradation and Rollback Strategy.  Each collects positive evidence and
 * the single points or gaps that contradict it; the answer is the positive
 * word only when there is evidence for it and nothing against it.
 */
#include "review_int.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

size_t rv_spread(const plan_resource *r)
{
    static const struct {
        const char *type;
        const char *paths[3];
    } spreads[] = {
        {"aws_autoscaling_group", {"vpc_zone_identifier", "availability_zones", NULL}},
        {"aws_ecs_service", {"network_configuration[0].subnets", NULL}},
        {"aws_lb", {"subnets", "subnet_mapping", NULL}},
        {"aws_alb", {"subnets", "subnet_mapping", NULL}},
        {"aws_elb", {"subnets", "availability_zones", NULL}},
        {"aws_eks_node_group", {"subnet_ids", NULL}},
    };
    for (size_t i = 0; i < sizeof spreads / sizeof spreads[0]; i++) {
        if (!rv_is(r, spreads[i].type))
            continue;
        for (size_t j = 0; spreads[i].paths[j]; j++) {
            size_t n = rv_len(r, spreads[i].paths[j]);
            if (n)
                return n;
        }
    }
    return 0;
}

bool rv_ecs_circuit_breaker_rollback(const plan_resource *r)
{
    return rv_true(r, "deployment_circuit_breaker[0].enable") &&
           rv_true(r, "deployment_circuit_breaker[0].rollback");
}

/* ---- health checks ------------------------------------------------------- */

static void target_group_check(const review *rv, const char *pn, const plan_resource *r,
                               review_list *ok, review_list *bad)
{
    const char *target = rv_str(r, "target_type");
    if (target && strcmp(target, "lambda") == 0)
        return;
    if (rv_false(r, "health_check[0].enabled")) {
        rv_ev(bad, rv, pn, r, "health check disabled");
        return;
    }
    const char *proto = rv_str(r, "health_check[0].protocol");
    const char *path = rv_str(r, "health_check[0].path");
    double every;
    sbuf b = SBUF_INIT;
    sbuf_printf(&b, "%s%s%s", proto ? proto : "default", path ? " " : "", path ? path : "");
    if (rv_num(r, "health_check[0].interval", &every))
        sbuf_printf(&b, " every %.0f s", every);
    rv_ev(ok, rv, pn, r, "target group health check (%s)", sbuf_str(&b));
    sbuf_free(&b);
}

static bool container_health_checks(const plan_resource *r, size_t *with, size_t *total)
{
    json_t *defs = rv_containers(r, r->action != PLAN_ACT_DELETE);
    if (!defs)
        return false;
    size_t i;
    const json_t *c;
    *with = 0;
    *total = json_array_size(defs);
    json_array_foreach(defs, i, c)
        if (json_is_object(json_object_get(c, "healthCheck")))
            (*with)++;
    json_decref(defs);
    return true;
}

static void health_checks(review *rv)
{
    review_list ok = RV_EVIDENCE, bad = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    size_t with, total;
    bool eks = false;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r))
            continue;
        if (rv_is(r, "aws_lb_target_group") || rv_is(r, "aws_alb_target_group")) {
            target_group_check(rv, pn, r, &ok, &bad);
        } else if (rv_is(r, "aws_autoscaling_group")) {
            const char *kind = rv_str(r, "health_check_type");
            bool behind_lb = rv_len(r, "target_group_arns") || rv_len(r, "load_balancers");
            if (kind && strcmp(kind, "ELB") == 0)
                rv_ev(&ok, rv, pn, r, "ELB health checks replace unhealthy instances");
            else if (behind_lb)
                rv_ev(&bad, rv, pn, r, "behind a load balancer but replaces instances on EC2 "
                      "status checks only (health_check_type = EC2)");
            else
                rv_ev(&ok, rv, pn, r, "EC2 status checks replace failed instances");
        } else if (rv_is(r, "aws_ecs_task_definition") && container_health_checks(r, &with, &total)) {
            if (with)
                rv_ev(&ok, rv, pn, r, "container health check on %zu of %zu containers", with, total);
        } else if (rv_is(r, "aws_route53_health_check")) {
            rv_ev(&ok, rv, pn, r, "Route 53 health check");
        } else if (rv_is(r, "aws_elb") && rv_len(r, "health_check")) {
            const char *target = rv_str(r, "health_check[0].target");
            rv_ev(&ok, rv, pn, r, "load balancer health check%s%s", target ? " " : "", target ? target : "");
        } else if (rv_is(r, "aws_eks_node_group") && rv_true(r, "node_repair_config[0].enabled")) {
            rv_ev(&ok, rv, pn, r, "node auto repair");
        } else if (rv_is(r, "aws_eks_cluster")) {
            eks = true;
        }
    }
    rv_decide(rv, REVIEW_HEALTH_CHECKS, &ok, &bad, NULL,
                eks ? "no target group, Auto Scaling group or node auto repair in the change; "
                              "Kubernetes liveness and readiness probes live in the workload "
                              "manifests, outside it"
                            : "no target group, Auto Scaling group, container or Route 53 health "
                              "check in the change");
    review_list_free(&ok);
    review_list_free(&bad);
}

/* ---- graceful degradation ------------------------------------------------ */

typedef struct stack_counts {
    size_t nat, cluster_instances;
    review_list azs;      /* distinct subnet availability zones */
} stack_counts;

static void count_stack(const review *rv, stack_counts *s)
{
    size_t pi = 0, ri = 0;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, NULL))) {
        if (!rv_live(r))
            continue;
        if (rv_is(r, "aws_nat_gateway"))
            s->nat++;
        else if (rv_is(r, "aws_rds_cluster_instance"))
            s->cluster_instances++;
        else if (rv_is(r, "aws_subnet")) {
            const char *az = rv_str(r, "availability_zone");
            bool seen = false;
            for (size_t i = 0; az && i < s->azs.n; i++)
                seen |= strcmp(s->azs.items[i], az) == 0;
            if (az && !seen)
                review_list_add(&s->azs, "%s", az);
        }
    }
}

static void degrade_one(const review *rv, const char *pn, const plan_resource *r,
                        const stack_counts *s, review_list *ok, review_list *bad, review_list *unk)
{
    double v;
    size_t spread = rv_spread(r);
    if (rv_is(r, "aws_db_instance")) {
        if (rv_true(r, "multi_az"))
            rv_ev(ok, rv, pn, r, "Multi-AZ");
        else if (rv_unknown(r, "multi_az") && !rv_unknown_unwritten(rv, r, "multi_az"))
            rv_ev(unk, rv, pn, r, "Multi-AZ known only after apply");
        else if (!rv_str(r, "replicate_source_db") && !rv_unknown(r, "replicate_source_db"))
            /* a replica of another database (by name, or by an ARN known
             * after apply) is that database's standby, not its only copy */
            rv_ev(bad, rv, pn, r, "Single-AZ database");
    } else if (rv_is(r, "aws_rds_cluster")) {
        if (s->cluster_instances >= 2)
            rv_ev(ok, rv, pn, r, "%zu cluster instances (failover)", s->cluster_instances);
        else
            rv_ev(bad, rv, pn, r, "cluster with %zu instance in the change", s->cluster_instances);
    } else if (rv_is(r, "aws_elasticache_replication_group")) {
        if (rv_true(r, "automatic_failover_enabled"))
            rv_ev(ok, rv, pn, r, "automatic failover");
        else
            rv_ev(bad, rv, pn, r, "no automatic failover");
    } else if (rv_is(r, "aws_elasticache_cluster")) {
        const char *engine = rv_str(r, "engine");
        if (engine && strcmp(engine, "memcached") != 0)
            rv_ev(bad, rv, pn, r, "single-node %s cluster without failover", engine);
    } else if (rv_is(r, "aws_ecs_service") && !rv_ecs_daemon(r)) {
        if (!rv_num(r, "desired_count", &v) && rv_unknown(r, "desired_count")) {
            rv_ev(unk, rv, pn, r, "task count known only after apply");
            return;
        }
        if (!rv_num(r, "desired_count", &v))
            v = 0;
        if (v >= 2)
            rv_ev(ok, rv, pn, r, "%.0f tasks%s", v,
                  spread >= 2 ? " across several subnets" : "");
        else
            rv_ev(bad, rv, pn, r, "runs %.0f task", v);
    } else if (rv_is(r, "aws_autoscaling_group")) {
        if (!rv_num(r, "min_size", &v) && rv_unknown(r, "min_size") && spread < 2) {
            rv_ev(unk, rv, pn, r, "group size known only after apply");
            return;
        }
        if (!rv_num(r, "min_size", &v))
            v = 0;
        if (spread >= 2)
            rv_ev(ok, rv, pn, r, "at least %.0f instance%s over %zu subnets", v, v == 1 ? "" : "s", spread);
        else if (v >= 2)
            rv_ev(ok, rv, pn, r, "at least %.0f instances", v);
        else
            rv_ev(bad, rv, pn, r, "can run a single instance%s", spread == 1 ? " in one subnet" : "");
    } else if ((rv_is(r, "aws_lb") || rv_is(r, "aws_alb")) && spread >= 2) {
        rv_ev(ok, rv, pn, r, "load balancer in %zu subnets", spread);
    } else if (rv_is(r, "aws_eks_node_group")) {
        if (!rv_num(r, "scaling_config[0].min_size", &v))
            v = 0;
        if (spread >= 2)
            rv_ev(ok, rv, pn, r, "nodes over %zu subnets", spread);
        else if (spread == 1)
            rv_ev(bad, rv, pn, r, "every node in one subnet");
        else if (v >= 2)
            rv_ev(ok, rv, pn, r, "at least %.0f nodes", v);
        else
            rv_ev(bad, rv, pn, r, "can shrink to %.0f node", v);
    } else if (rv_is(r, "aws_instance") && !r->index) {
        rv_ev(bad, rv, pn, r, "single EC2 instance");
    }
}

static void degradation(review *rv)
{
    review_list ok = RV_EVIDENCE, bad = RV_EVIDENCE, unk = RV_EVIDENCE;
    stack_counts s = {0, 0, {0}};
    count_stack(rv, &s);
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, &pn)))
        if (rv_live(r))
            degrade_one(rv, pn, r, &s, &ok, &bad, &unk);
    if (s.nat == 1 && s.azs.n >= 2)
        review_list_add(&bad, "one NAT gateway serves subnets in %zu availability zones", s.azs.n);
    else if (s.nat >= 2)
        review_list_add(&ok, "%zu NAT gateways", s.nat);
    rv_decide(rv, REVIEW_GRACEFUL_DEGRADATION, &ok, &bad, &unk,
              "no redundancy in the change (no Multi-AZ database, failover, or service "
              "spread over several instances or subnets)");
    review_list_free(&ok);
    review_list_free(&bad);
    review_list_free(&unk);
    review_list_free(&s.azs);
}

/* ---- rollback ------------------------------------------------------------ */

static bool is_database(const plan_resource *r)
{
    return rv_is(r, "aws_db_instance") || rv_is(r, "aws_rds_cluster");
}

static void database_rollback(const review *rv, const char *pn, const plan_resource *r,
                              review_list *ok, review_list *bad, review_list *unk)
{
    double days;
    if (r->action == PLAN_ACT_DELETE) {
        if (rv_true(r, "skip_final_snapshot"))
            rv_ev(bad, rv, pn, r, "destroyed without a final snapshot");
        else
            rv_ev(ok, rv, pn, r, "final snapshot before the delete");
        return;
    }
    if (rv_num(r, "backup_retention_period", &days)) {
        if (days > 0)
            rv_ev(ok, rv, pn, r, "%.0f-day automated backups", days);
        else
            rv_ev(bad, rv, pn, r, "automated backups disabled");
    } else if (rv_unknown(r, "backup_retention_period")) {
        rv_ev(unk, rv, pn, r, "backup retention known only after apply");
    }
    if (rv_true(r, "deletion_protection"))
        rv_ev(ok, rv, pn, r, "deletion protection");
}

static void rollback(review *rv)
{
    review_list ok = RV_EVIDENCE, bad = RV_EVIDENCE, unk = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    size_t existing = 0;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (r->is_data)
            continue;
        existing += r->is_aws && (r->action == PLAN_ACT_UPDATE || r->action == PLAN_ACT_REPLACE ||
                                  r->action == PLAN_ACT_DELETE);
        if (r->action == PLAN_ACT_REPLACE && r->replace_order == PLAN_ORDER_CREATE_BEFORE_DELETE &&
            rv_is_serving(r))
            rv_ev(&ok, rv, pn, r, "replaced create-before-destroy");
        else if (r->action == PLAN_ACT_REPLACE &&
                 r->replace_order == PLAN_ORDER_DELETE_BEFORE_CREATE && rv_is_serving(r))
            rv_ev(&bad, rv, pn, r, "destroyed before its replacement exists");
        if (is_database(r) && (rv_live(r) || r->action == PLAN_ACT_DELETE)) {
            database_rollback(rv, pn, r, &ok, &bad, &unk);
        } else if (!rv_live(r)) {
            continue;
        } else if (rv_is(r, "aws_ecs_service") && !rv_ecs_daemon(r)) {
            if (rv_ecs_circuit_breaker_rollback(r))
                rv_ev(&ok, rv, pn, r, "deployment circuit breaker rolls back failed deployments");
            else
                rv_ev(&bad, rv, pn, r, "no deployment circuit breaker with rollback");
        } else if (rv_is(r, "aws_s3_bucket_versioning")) {
            const char *st = rv_str(r, "versioning_configuration[0].status");
            if (st && strcmp(st, "Enabled") == 0)
                rv_ev(&ok, rv, pn, r, "object versioning");
        } else if (rv_is(r, "aws_s3_bucket") && rv_true(r, "versioning[0].enabled")) {
            rv_ev(&ok, rv, pn, r, "object versioning");
        } else if (rv_is(r, "aws_lambda_function") && rv_true(r, "publish")) {
            rv_ev(&ok, rv, pn, r, "published versions");
        } else if (rv_is(r, "aws_codedeploy_deployment_group") &&
                   rv_true(r, "auto_rollback_configuration[0].enabled")) {
            rv_ev(&ok, rv, pn, r, "automatic rollback");
        } else if (rv_is(r, "aws_autoscaling_group") && rv_len(r, "instance_refresh")) {
            rv_ev(&ok, rv, pn, r, "instance refresh");
        } else if (rv_is(r, "aws_launch_template") && r->action == PLAN_ACT_UPDATE) {
            rv_ev(&ok, rv, pn, r, "previous launch template version is kept");
        }
    }
    rv_decide(rv, REVIEW_ROLLBACK, &ok, &bad, &unk,
              "the change only creates resources: rolling it back is destroying them");
    if (rv->items[REVIEW_ROLLBACK].not_applicable && existing)
        rv_item(rv, REVIEW_ROLLBACK, false,
                xstrdup("no rollback mechanism for the existing resources the change updates, replaces or "
                        "destroys (ECS circuit breaker, create-before-destroy, backups or versioning)"));
    review_list_free(&ok);
    review_list_free(&bad);
    review_list_free(&unk);
}

void rv_build_reliability(review *rv)
{
    health_checks(rv);
    degradation(rv);
    rollback(rv);
}
