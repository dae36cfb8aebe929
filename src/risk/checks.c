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
DEF(iam_admin_policy, C, RISK_PARAM_NONE, false, true, risk_check_iam_admin_policy,
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

DEF(iam_star_action, C, RISK_PARAM_NONE, false, true, risk_check_iam_star_action,
    "check: decodes the policy (or the data source's statements); Allow with Action \"*\" on named resources; unknown: no finding")
DEF(iam_grants, C, RISK_PARAM_NAMES, true, true, risk_check_iam_grants,
    "check: decodes the policy; an Allow statement whose action patterns (not the bare \"*\") cover a named action, any resource; unknown: no finding")
DEF(iam_grants_unconstrained, C, RISK_PARAM_NAMES, true, true, risk_check_iam_grants_unconstrained,
    "check: decodes the policy; Allow statements on Resource \"*\" covering a named action (a+b: all of them; the bare \"*\" is left to CIR-IAM-001); unknown: no finding")
DEF(policy_any_principal, C, RISK_PARAM_NONE, false, true, risk_check_policy_any_principal,
    "check: decodes the policy; an Allow statement for Principal \"*\" (or AWS \"*\") with no Condition; not set or unknown: no finding")
DEF(policy_public_actions, C, RISK_PARAM_NAMES, true, true, risk_check_policy_public_actions,
    "check: decodes the policy; Allow for Principal \"*\" with no Condition covering a named action; not set or unknown: no finding")
DEF(sg_world_egress, C, RISK_PARAM_PORTS, true, false, risk_check_sg_world_egress,
    "check: egress blocks and egress rules to a /0 CIDR; unknown protocol, port or CIDR: no finding")
DEF(sg_rule_description, C, RISK_PARAM_NONE, false, false, risk_check_sg_rule_description,
    "check: each inline ingress/egress block, or the rule resource, with description not set or empty fires; unknown: no finding")
DEF(s3_lifecycle, C, RISK_PARAM_NONE, false, false, risk_check_s3_lifecycle,
    "check: inline lifecycle_rule or an aws_s3_bucket_lifecycle_configuration for the bucket passes; inline block not written counts as none; untraceable: no finding")
DEF(s3_logging, C, RISK_PARAM_NONE, false, false, risk_check_s3_logging,
    "check: inline logging or an aws_s3_bucket_logging for the bucket passes; inline block not written counts as none; untraceable: no finding")
DEF(s3_cmk, C, RISK_PARAM_NONE, false, false, risk_check_s3_cmk,
    "check: default encryption aws:kms with a key id (inline or aws_s3_bucket_server_side_encryption_configuration) passes; none (SSE-S3) fires; an unknown key id counts as a key; untraceable: no finding")
DEF(s3_abort_multipart, C, RISK_PARAM_NONE, false, false, risk_check_s3_abort_multipart,
    "check: an Enabled rule with abort_incomplete_multipart_upload and no filter passes; unknown rules: no finding")
DEF(r53_dnssec, C, RISK_PARAM_NONE, false, false, risk_check_r53_dnssec,
    "check: public zones only (no vpc block); an aws_route53_hosted_zone_dnssec or aws_route53_key_signing_key for the zone passes; untraceable: no finding")
DEF(r53_query_log, C, RISK_PARAM_NONE, false, false, risk_check_r53_query_log,
    "check: public zones only; an aws_route53_query_log for the zone passes; untraceable: no finding")
DEF(always, C, RISK_PARAM_NONE, false, false, risk_check_always,
    "check: the resource itself is the finding")
DEF(user_attached, C, RISK_PARAM_NONE, false, false, risk_check_user_attached,
    "check: user policies and user policy attachments fire; aws_iam_policy_attachment when users is not empty; unknown: no finding")
DEF(user_data_secrets, C, RISK_PARAM_PATTERN, true, false, risk_check_user_data_secrets,
    "check: user_data / user_data_base64 matching the pattern, as written or base64-decoded; unknown: no finding")
DEF(protection_removed, CH, RISK_PARAM_NAMES, true, false, risk_check_protection_removed,
    "plan: update or replace where a named switch true before is false or unset after, or a delete of an object that had one true; unknown after: no finding")
DEF(protection_off, CH, RISK_PARAM_NAMES, true, false, risk_check_protection_off,
    "plan: update or replace where a named switch true before is false or unset after; unknown after: no finding")
DEF(module_git_unpinned, PL, RISK_PARAM_NONE, false, false, risk_check_module_git_unpinned,
    "configuration: git module sources without ?ref=; with --scope changed only modules the plan changes something in")
DEF(module_git_branch, PL, RISK_PARAM_NONE, false, false, risk_check_module_git_branch,
    "configuration: git module refs that are neither a version tag nor a commit hash (a branch moves)")
DEF(module_registry_unversioned, PL, RISK_PARAM_NONE, false, false, risk_check_module_registry_unversioned,
    "configuration: registry module calls without a version constraint")
DEF(module_http_source, PL, RISK_PARAM_NONE, false, false, risk_check_module_http_source,
    "configuration: module sources fetched over plain http://")
DEF(provider_unversioned, PL, RISK_PARAM_NONE, false, false, risk_check_provider_unversioned,
    "configuration: the aws provider with no version constraint in any of its configurations; with --scope changed only when the plan changes an AWS resource")
DEF(provider_credentials, PL, RISK_PARAM_NAMES, true, false, risk_check_provider_credentials,
    "configuration: aws provider blocks with access_key / secret_key written as a constant shaped like an AWS key (placeholders such as \"test\" pass; the value is never shown)")

const risk_check_def *const risk_check_table[] = {
    &def_sg_world_ingress, &def_nacl_world_ingress, &def_any_not_empty, &def_all_true, &def_iam_admin_policy,
    &def_secret_keys, &def_ecs_env_secrets, &def_ecs_healthcheck, &def_ecs_limits, &def_ecs_privileged,
    &def_ecs_logging, &def_vpc_flow_log, &def_lb_waf, &def_s3_public_access_block, &def_s3_versioning,
    &def_secret_rotation, &def_asg_scaling_policy, &def_ecs_autoscaling, &def_rds_cluster_instances,
    &def_rds_proxy, &def_nat_s3_endpoint, &def_stateful_delete, &def_data_loss_unprotected,
    &def_delete_protected, &def_replace_downtime, &def_replace_name_collision, &def_existing_changed,
    &def_index_shift, &def_unknown_action, &def_rds_restart, &def_forgotten, &def_plan_errored,
    &def_plan_incomplete, &def_plan_drift, &def_iam_star_action, &def_iam_grants, &def_iam_grants_unconstrained,
    &def_policy_any_principal, &def_policy_public_actions, &def_sg_world_egress, &def_sg_rule_description,
    &def_s3_lifecycle, &def_s3_logging, &def_s3_cmk, &def_s3_abort_multipart, &def_r53_dnssec, &def_r53_query_log,
    &def_always, &def_user_attached, &def_user_data_secrets, &def_protection_removed, &def_protection_off,
    &def_module_git_unpinned, &def_module_git_branch, &def_module_registry_unversioned, &def_module_http_source,
    &def_provider_unversioned, &def_provider_credentials, NULL,
};

const risk_check_def *risk_check_find(const char *name)
{
    for (size_t i = 0; name && risk_check_table[i]; i++)
        if (!strcmp(risk_check_table[i]->name, name))
            return risk_check_table[i];
    return NULL;
}
