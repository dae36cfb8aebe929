/*
 * checks.h — private to src/risk/: the check functions checks.c lists in
 * its table, implemented by theme in check_net.c, check_ecs.c,
 * check_links.c, check_plan.c, check_iam.c, check_iac.c and check_misc.c.
 */
#ifndef CIRCUIT_RISK_CHECKS_H
#define CIRCUIT_RISK_CHECKS_H

#include "rules.h"

void risk_check_sg_world_ingress(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_nacl_world_ingress(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_ecs_healthcheck(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_ecs_limits(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_ecs_privileged(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_ecs_logging(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_ecs_env_secrets(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_secret_keys(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_vpc_flow_log(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_lb_waf(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_s3_public_access_block(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_secret_rotation(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_asg_scaling_policy(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_ecs_autoscaling(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_s3_versioning(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_rds_cluster_instances(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_rds_proxy(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_nat_s3_endpoint(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_stateful_delete(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_data_loss_unprotected(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_delete_protected(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_replace_downtime(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_replace_name_collision(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_existing_changed(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_index_shift(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_unknown_action(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_rds_restart(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_forgotten(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_plan_errored(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_plan_incomplete(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_plan_drift(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_iam_admin_policy(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_iam_star_action(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_iam_grants(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_iam_grants_unconstrained(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_policy_any_principal(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_policy_public_actions(risk_run *run, const risk_rule *rule, const plan_resource *r);

void risk_check_sg_world_egress(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_sg_rule_description(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_s3_lifecycle(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_s3_logging(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_s3_cmk(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_r53_dnssec(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_r53_query_log(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_protection_removed(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_protection_off(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_module_git_unpinned(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_module_git_branch(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_module_registry_unversioned(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_module_http_source(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_provider_unversioned(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_provider_credentials(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_always(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_user_attached(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_user_data_secrets(risk_run *run, const risk_rule *rule, const plan_resource *r);
void risk_check_s3_abort_multipart(risk_run *run, const risk_rule *rule, const plan_resource *r);

#endif
