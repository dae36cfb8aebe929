/*
 * checks.c — the named check functions a rule may call (`"condition":
 * "check"`), as a table: name, what it looks at (scope), what its `value`
 * parameter is, and one line saying how it treats missing and unknown
 * attributes (shown by `circuit rules` and in the README).  The functions
 * live in check_*.c by theme; the small generic ones are here.
 */
#include "checks.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

/* ---- generic ------------------------------------------------------------ */

/* Fires for each named list attribute that holds anything. */
static void check_any_not_empty(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    for (size_t i = 0; i < rule->test.nnames; i++) {
        plan_val_state st;
        const json_t *v = plan_attr(r, true, rule->test.names[i], &st);
        if (st == PLAN_VAL_KNOWN && json_is_array(v) && json_array_size(v) > 0)
            risk_emit(run, rule, r, rule->test.names[i], "%s (%zu %s rule%s)", rule->spec.message,
                      json_array_size(v), rule->test.names[i], json_array_size(v) == 1 ? "" : "s");
    }
}

/* Fires for each named boolean that is not true (missing = false, the
 * provider default for every switch this is used with). */
static void check_all_true(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    for (size_t i = 0; i < rule->test.nnames; i++) {
        plan_val_state st;
        const json_t *v = plan_attr(r, true, rule->test.names[i], &st);
        if (st == PLAN_VAL_UNKNOWN || (st == PLAN_VAL_KNOWN && json_is_true(v)))
            continue;
        risk_emit(run, rule, r, rule->test.names[i], "%s (%s is %s)", rule->spec.message, rule->test.names[i],
                  st == PLAN_VAL_ABSENT ? "not set, default false" : "not true");
    }
}

static bool has_star(const json_t *v, bool allow_service_star)
{
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        return !strcmp(s, "*") || (allow_service_star && !strcmp(s, "*:*"));
    }
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e)
        if (has_star(e, allow_service_star))
            return true;
    return false;
}

/* Decodes the JSON policy document and looks for an Allow statement with
 * Action "*" (or "*:*") on Resource "*". */
static void check_iam_admin_policy(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    for (size_t p = 0; p < rule->test.npaths; p++) {
        plan_val_state st;
        const json_t *v = plan_attr(r, true, rule->test.paths[p], &st);
        if (st != PLAN_VAL_KNOWN || !json_is_string(v))
            continue;
        json_t *doc = json_loads(json_string_value(v), 0, NULL);
        if (!json_is_object(doc)) {
            risk_run_warn(run, r, "%s is not a JSON policy document; %s skipped", rule->test.paths[p],
                          rule->info.id);
            json_decref(doc);
            continue;
        }
        json_t *stmts = json_object_get(doc, "Statement");
        size_t n = json_is_array(stmts) ? json_array_size(stmts) : 1;
        for (size_t i = 0; i < n; i++) {
            const json_t *s = json_is_array(stmts) ? json_array_get(stmts, i) : stmts;
            const char *effect = json_string_value(json_object_get(s, "Effect"));
            if (effect && !strcmp(effect, "Allow") && has_star(json_object_get(s, "Action"), true) &&
                has_star(json_object_get(s, "Resource"), false)) {
                risk_emit_text(run, rule, r, rule->test.paths[p], rule->spec.message);
                break;
            }
        }
        json_decref(doc);
    }
}

/* ---- the table ---------------------------------------------------------- */


#define C RISK_SCOPE_CONFIG
#define CH RISK_SCOPE_CHANGE
#define PL RISK_SCOPE_PLAN
#define DEF(n, scope, param, required, attr, fn, doc) \
    static const risk_check_def def_##n = {#n, scope, param, required, attr, fn, doc};

DEF(sg_world_ingress, C, RISK_PARAM_PORTS, true, false, risk_check_sg_world_ingress,
    "check: no CIDR, security group or prefix list only: passes; unknown protocol, port or CIDR: no finding")
DEF(nacl_world_ingress, C, RISK_PARAM_PORTS, true, false, risk_check_nacl_world_ingress,
    "check: egress not set counts as ingress (default false); deny rules and unknown values: no finding")
DEF(any_not_empty, C, RISK_PARAM_NAMES, true, false, check_any_not_empty,
    "check: a list not set or empty passes; unknown: no finding")
DEF(all_true, C, RISK_PARAM_NAMES, true, false, check_all_true,
    "check: each switch not set counts as false (provider default) and fires; unknown: no finding")
DEF(iam_admin_policy, C, RISK_PARAM_NONE, false, true, check_iam_admin_policy,
    "check: decodes the policy JSON; not set or unknown: no finding")
DEF(secret_keys, C, RISK_PARAM_PATTERN, true, true, risk_check_secret_keys,
    "check: keys of the map matching the pattern, unless the value is empty or an ARN; no map: passes")
DEF(ecs_env_secrets, C, RISK_PARAM_PATTERN, true, false, risk_check_ecs_env_secrets,
    "check: decodes container_definitions; environment names matching the pattern, unless the value is empty or an ARN")
DEF(ecs_healthcheck, C, RISK_PARAM_NONE, false, false, risk_check_ecs_healthcheck,
    "check: decodes container_definitions; a container without healthCheck.command fires; unknown: no finding")
DEF(ecs_limits, C, RISK_PARAM_NONE, false, false, risk_check_ecs_limits,
    "check: container cpu and memory/memoryReservation, else task cpu/memory; none set (or 0) fires; unknown: no finding")
DEF(ecs_privileged, C, RISK_PARAM_NONE, false, false, risk_check_ecs_privileged,
    "check: decodes container_definitions; privileged not set = false (passes)")
DEF(ecs_logging, C, RISK_PARAM_NONE, false, false, risk_check_ecs_logging,
    "check: decodes container_definitions; no logConfiguration.logDriver fires; unknown: no finding")
DEF(vpc_flow_log, C, RISK_PARAM_NONE, false, false, risk_check_vpc_flow_log,
    "check: fires when no aws_flow_log in the plan has vpc_id pointing here; an untraceable vpc_id: no finding")
DEF(lb_waf, C, RISK_PARAM_NONE, false, false, risk_check_lb_waf,
    "check: fires when no aws_wafv2_web_acl_association points here; untraceable: no finding")
DEF(s3_public_access_block, C, RISK_PARAM_NONE, false, false, risk_check_s3_public_access_block,
    "check: fires when no aws_s3_bucket_public_access_block points here; untraceable: no finding")
DEF(s3_versioning, C, RISK_PARAM_NONE, false, false, risk_check_s3_versioning,
    "check: aws_s3_bucket_versioning status Enabled or inline versioning.enabled passes; inline block unknown and written in the configuration: no finding; not written: off (fires)")
DEF(secret_rotation, C, RISK_PARAM_NONE, false, false, risk_check_secret_rotation,
    "check: fires when no aws_secretsmanager_secret_rotation points here; untraceable: no finding")
DEF(asg_scaling_policy, C, RISK_PARAM_NONE, false, false, risk_check_asg_scaling_policy,
    "check: fires when no aws_autoscaling_policy points here; untraceable: no finding")
DEF(ecs_autoscaling, C, RISK_PARAM_NONE, false, false, risk_check_ecs_autoscaling,
    "check: fires when no aws_appautoscaling_target resource_id names this service; untraceable: no finding")
DEF(rds_cluster_instances, C, RISK_PARAM_NONE, false, false, risk_check_rds_cluster_instances,
    "check: counts aws_rds_cluster_instance pointing here; any untraceable: no finding")
DEF(rds_proxy, C, RISK_PARAM_NONE, false, false, risk_check_rds_proxy,
    "check: only when the plan has Lambda functions, ECS autoscaling or an ASG with max_size > 3; fires without an aws_db_proxy_target pointing here")
DEF(nat_s3_endpoint, C, RISK_PARAM_NONE, false, false, risk_check_nat_s3_endpoint,
    "check: private NAT gateways pass; any aws_vpc_endpoint whose service_name ends in .s3 passes; unknown service_name: no finding")
DEF(stateful_delete, CH, RISK_PARAM_NONE, false, false, risk_check_stateful_delete,
    "plan: delete, or replace that destroys the old object; skipped when deletion protection is on (CIR-PLAN-003)")
DEF(data_loss_unprotected, CH, RISK_PARAM_NAMES, true, false, risk_check_data_loss_unprotected,
    "plan: a destroyed resource whose before value has one of the named switches true")
DEF(delete_protected, CH, RISK_PARAM_NAMES, true, false, risk_check_delete_protected,
    "plan: a destroyed resource whose before value has one of the named switches true")
DEF(replace_downtime, CH, RISK_PARAM_NONE, false, false, risk_check_replace_downtime,
    "plan: replace with actions [\"delete\",\"create\"]")
DEF(replace_name_collision, CH, RISK_PARAM_NAMES, true, false, risk_check_replace_name_collision,
    "plan: replace with [\"create\",\"delete\"] where a named attribute is known and equal before and after")
DEF(existing_changed, CH, RISK_PARAM_NONE, false, false, risk_check_existing_changed,
    "plan: update (not of tags alone), replace or delete of an existing object (creates pass)")
DEF(index_shift, CH, RISK_PARAM_NONE, false, false, risk_check_index_shift,
    "plan: action_reason delete_because_count_index or delete_because_each_key")
DEF(unknown_action, CH, RISK_PARAM_NONE, false, false, risk_check_unknown_action,
    "plan: an actions list circuit does not know")
DEF(rds_restart, CH, RISK_PARAM_NAMES, true, false, risk_check_rds_restart,
    "plan: update where a named attribute is known on both sides and differs; unknown after: no finding")
DEF(forgotten, CH, RISK_PARAM_NONE, false, false, risk_check_forgotten,
    "plan: actions [\"forget\"] or [\"create\",\"forget\"]")
DEF(plan_errored, PL, RISK_PARAM_NONE, false, false, risk_check_plan_errored,
    "plan: errored = true")
DEF(plan_incomplete, PL, RISK_PARAM_NONE, false, false, risk_check_plan_incomplete,
    "plan: complete = false (and not errored)")
DEF(plan_drift, PL, RISK_PARAM_NONE, false, false, risk_check_plan_drift,
    "plan: each managed entry of resource_drift that changes or deletes; with relevant_attributes (Terraform 1.2+), only changes listed there, as Terraform shows them")

const risk_check_def *const risk_check_table[] = {
    &def_sg_world_ingress, &def_nacl_world_ingress, &def_any_not_empty, &def_all_true, &def_iam_admin_policy,
    &def_secret_keys, &def_ecs_env_secrets, &def_ecs_healthcheck, &def_ecs_limits, &def_ecs_privileged,
    &def_ecs_logging, &def_vpc_flow_log, &def_lb_waf, &def_s3_public_access_block, &def_s3_versioning,
    &def_secret_rotation, &def_asg_scaling_policy, &def_ecs_autoscaling, &def_rds_cluster_instances,
    &def_rds_proxy, &def_nat_s3_endpoint, &def_stateful_delete, &def_data_loss_unprotected,
    &def_delete_protected, &def_replace_downtime, &def_replace_name_collision, &def_existing_changed,
    &def_index_shift, &def_unknown_action, &def_rds_restart, &def_forgotten, &def_plan_errored,
    &def_plan_incomplete, &def_plan_drift, NULL,
};

const risk_check_def *risk_check_find(const char *name)
{
    for (size_t i = 0; name && risk_check_table[i]; i++)
        if (!strcmp(risk_check_table[i]->name, name))
            return risk_check_table[i];
    return NULL;
}
