/*
 * checks.h — private to src/risk/: the check functions checks.c lists in
 * its table, implemented by theme in check_net.c, check_ecs.c,
 * check_links.c and check_plan.c.
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

#endif
