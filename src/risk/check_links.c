/*
 * check_links.c — rules about a companion resource that should exist in the
 * plan: a flow log for a VPC, a scaling policy for an Auto Scaling group, an
 * autoscaling target for an ECS service, a WAF association for a public load
 * balancer, a public access block / versioning for a bucket, a rotation for a
 * secret, instances for an Aurora cluster, RDS Proxy for a database with
 * scaling clients, an S3 endpoint beside a NAT gateway.
 *
 * "In the plan" includes unchanged (no-op) resources, which Terraform lists
 * in resource_changes, but not ones being deleted.  When a candidate's link
 * cannot be told (refs.c says UNKNOWN) the rule stays silent.
 */
#include "checks.h"

#include <string.h>

/* Fires `rule` on r unless some live `type` links to it through `attr`. */
static void need_referrer(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *type,
                          const char *attr, const char *ids)
{
    bool unknown;
    if (risk_link_count(run, type, attr, r, ids, &unknown) == 0 && !unknown)
        risk_emit_text(run, rule, r, NULL, rule->spec.message);
}

void risk_check_vpc_flow_log(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    need_referrer(run, rule, r, "aws_flow_log", "vpc_id", "id");
}

void risk_check_lb_waf(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    need_referrer(run, rule, r, "aws_wafv2_web_acl_association", "resource_arn", "arn");
}

void risk_check_s3_public_access_block(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    need_referrer(run, rule, r, "aws_s3_bucket_public_access_block", "bucket", "id,bucket");
}

void risk_check_secret_rotation(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    need_referrer(run, rule, r, "aws_secretsmanager_secret_rotation", "secret_id", "id,arn");
}

void risk_check_asg_scaling_policy(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    need_referrer(run, rule, r, "aws_autoscaling_policy", "autoscaling_group_name", "name,id");
}

void risk_check_ecs_autoscaling(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    /* resource_id is "service/<cluster>/<service name>". */
    need_referrer(run, rule, r, "aws_appautoscaling_target", "resource_id", "/name");
}

/* Versioning is on when the bucket's own (pre-v4) block says so, or an
 * aws_s3_bucket_versioning for it says "Enabled". */
void risk_check_s3_versioning(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    const plan_resource **list;
    size_t n = risk_run_of_type(run, "aws_s3_bucket_versioning", &list);
    bool covered = false;
    for (size_t i = 0; i < n; i++) {
        if (!risk_res_live(list[i]))
            continue;
        risk_link link = risk_link_test(run, list[i], "bucket", r, "id,bucket");
        if (link == RISK_LINK_UNKNOWN)
            return;
        if (link == RISK_LINK_NO)
            continue;
        plan_val_state st;
        const json_t *status = plan_attr(list[i], true, "versioning_configuration[0].status", &st);
        if (st == PLAN_VAL_UNKNOWN)
            return;
        if (st == PLAN_VAL_KNOWN && json_is_string(status) && !strcmp(json_string_value(status), "Enabled"))
            return;
        covered = true;   /* a versioning resource that suspends or disables */
    }
    if (covered) {
        risk_emit_text(run, rule, r, NULL, rule->spec.message);
        return;
    }
    /* The inline block is computed in provider v4+: "known after apply"
     * when the configuration has none, which means versioning is off. */
    plan_val_state st;
    const json_t *inline_on = risk_attr(risk_run_plan(run), r, true, "versioning[0].enabled", &st, NULL);
    if (st == PLAN_VAL_UNKNOWN || (st == PLAN_VAL_KNOWN && json_is_true(inline_on)))
        return;
    risk_emit_text(run, rule, r, st == PLAN_VAL_KNOWN ? "versioning[0].enabled" : NULL, rule->spec.message);
}

void risk_check_rds_cluster_instances(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    bool unknown;
    size_t n = risk_link_count(run, "aws_rds_cluster_instance", "cluster_identifier", r, "cluster_identifier,id",
                               &unknown);
    if (n < 2 && !unknown)
        risk_emit(run, rule, r, NULL, "%zu aws_rds_cluster_instance in the plan: %s", n, rule->spec.message);
}

static bool known_number(const plan_resource *r, const char *path, double *out)
{
    plan_val_state st;
    const json_t *v = plan_attr(r, true, path, &st);
    if (st != PLAN_VAL_KNOWN || !json_is_number(v))
        return false;
    *out = json_number_value(v);
    return true;
}

/* Clients whose connection count grows with load: Lambda functions, ECS
 * services with autoscaling, Auto Scaling groups that may exceed 3 hosts. */
static bool has_scaling_clients(risk_run *run)
{
    const plan_resource **list;
    size_t n = risk_run_of_type(run, "aws_lambda_function", &list);
    for (size_t i = 0; i < n; i++)
        if (risk_res_live(list[i]))
            return true;
    n = risk_run_of_type(run, "aws_appautoscaling_target", &list);
    for (size_t i = 0; i < n; i++) {
        plan_val_state st;
        const json_t *ns = plan_attr(list[i], true, "service_namespace", &st);
        if (risk_res_live(list[i]) && st == PLAN_VAL_KNOWN && json_is_string(ns) &&
            !strcmp(json_string_value(ns), "ecs"))
            return true;
    }
    n = risk_run_of_type(run, "aws_autoscaling_group", &list);
    for (size_t i = 0; i < n; i++) {
        double max;
        if (risk_res_live(list[i]) && known_number(list[i], "max_size", &max) && max > 3)
            return true;
    }
    return false;
}

void risk_check_rds_proxy(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (!has_scaling_clients(run))
        return;
    bool cluster = !strcmp(r->type, "aws_rds_cluster");
    need_referrer(run, rule, r, "aws_db_proxy_target", cluster ? "db_cluster_identifier" : "db_instance_identifier",
                  cluster ? "cluster_identifier,id" : "identifier,id");
}

/* Any aws_vpc_endpoint for S3 in the plan will do: tying a NAT gateway to its
 * VPC would need the subnet chain, and one endpoint per VPC is the norm. */
void risk_check_nat_s3_endpoint(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    plan_val_state st;
    const json_t *conn = plan_attr(r, true, "connectivity_type", &st);
    if (st == PLAN_VAL_UNKNOWN ||
        (st == PLAN_VAL_KNOWN && json_is_string(conn) && !strcmp(json_string_value(conn), "private")))
        return;
    const plan_resource **list;
    size_t n = risk_run_of_type(run, "aws_vpc_endpoint", &list);
    for (size_t i = 0; i < n; i++) {
        if (!risk_res_live(list[i]))
            continue;
        const json_t *svc = plan_attr(list[i], true, "service_name", &st);
        if (st == PLAN_VAL_UNKNOWN)
            return;
        if (st != PLAN_VAL_KNOWN || !json_is_string(svc))
            continue;
        const char *s = json_string_value(svc);
        size_t len = strlen(s);
        if (len >= 3 && !strcmp(s + len - 3, ".s3"))
            return;
    }
    risk_emit_text(run, rule, r, NULL, rule->spec.message);
}

/* ---- S3 companions that may also be inline blocks ------------------------- */

/* An inline block of the bucket (pre-v4 style): KNOWN when it holds an
 * element, ABSENT when empty or not written (a computed block the
 * configuration leaves out is empty), UNKNOWN otherwise. */
static plan_val_state inline_block(risk_run *run, const plan_resource *r, const char *block)
{
    plan_val_state st;
    const json_t *v = risk_attr(risk_run_plan(run), r, true, block, &st, NULL);
    if (st == PLAN_VAL_KNOWN && json_is_array(v) && json_array_size(v) == 0)
        return PLAN_VAL_ABSENT;
    return st;
}

/* Fires unless the bucket has the inline block or a live `type` names it
 * through `bucket`. */
static void need_inline_or_referrer(risk_run *run, const risk_rule *rule, const plan_resource *r,
                                    const char *block, const char *type)
{
    plan_val_state st = inline_block(run, r, block);
    if (st != PLAN_VAL_ABSENT)
        return;
    need_referrer(run, rule, r, type, "bucket", "id,bucket");
}

void risk_check_s3_lifecycle(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    need_inline_or_referrer(run, rule, r, "lifecycle_rule", "aws_s3_bucket_lifecycle_configuration");
}

void risk_check_s3_logging(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    need_inline_or_referrer(run, rule, r, "logging", "aws_s3_bucket_logging");
}

/* The default-encryption settings of one rule list: CMK when the algorithm
 * is aws:kms(:dsse) with a key id (an unknown key id is a reference to a
 * key: CMK).  Returns UNKNOWN when it cannot be told. */
static risk_truth uses_cmk(const plan_resource *x, const char *rules_path)
{
    plan_val_state st;
    const json_t *rules = plan_attr(x, true, rules_path, &st);
    if (st == PLAN_VAL_UNKNOWN)
        return RISK_UNKNOWN;
    if (st != PLAN_VAL_KNOWN || !json_is_array(rules))
        return RISK_FALSE;
    for (size_t i = 0; i < json_array_size(rules); i++) {
        char path[160];
        snprintf(path, sizeof path, "%s[%zu].apply_server_side_encryption_by_default[0].sse_algorithm", rules_path, i);
        const json_t *alg = plan_attr(x, true, path, &st);
        if (st == PLAN_VAL_UNKNOWN)
            return RISK_UNKNOWN;
        if (st != PLAN_VAL_KNOWN || !json_is_string(alg) || strncmp(json_string_value(alg), "aws:kms", 7) != 0)
            continue;
        snprintf(path, sizeof path, "%s[%zu].apply_server_side_encryption_by_default[0].kms_master_key_id",
                 rules_path, i);
        const json_t *key = plan_attr(x, true, path, &st);
        if (st == PLAN_VAL_UNKNOWN || (st == PLAN_VAL_KNOWN && json_is_string(key) && json_string_length(key)))
            return RISK_TRUE;
    }
    return RISK_FALSE;
}

/* Default encryption with a customer-managed key, inline (pre-v4) or from
 * an aws_s3_bucket_server_side_encryption_configuration for the bucket;
 * without either, S3 encrypts with its own key (SSE-S3). */
void risk_check_s3_cmk(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    plan_val_state st = inline_block(run, r, "server_side_encryption_configuration");
    if (st == PLAN_VAL_UNKNOWN)
        return;
    if (st == PLAN_VAL_KNOWN) {
        risk_truth t = uses_cmk(r, "server_side_encryption_configuration[0].rule");
        if (t == RISK_FALSE)
            risk_emit_text(run, rule, r, "server_side_encryption_configuration", rule->spec.message);
        return;
    }
    const plan_resource **list;
    size_t n = risk_run_of_type(run, "aws_s3_bucket_server_side_encryption_configuration", &list);
    bool covered = false;
    for (size_t i = 0; i < n; i++) {
        if (!risk_res_live(list[i]))
            continue;
        risk_link link = risk_link_test(run, list[i], "bucket", r, "id,bucket");
        if (link == RISK_LINK_UNKNOWN)
            return;
        if (link == RISK_LINK_NO)
            continue;
        risk_truth t = uses_cmk(list[i], "rule");
        if (t != RISK_FALSE)
            return;
        covered = true;
    }
    risk_emit(run, rule, r, NULL, "%s%s", rule->spec.message,
              covered ? " (its encryption configuration does not name a KMS key)" : " (no encryption configuration: SSE-S3)");
}

/* ---- Route 53 ---------------------------------------------------------------- */

/* Private zones (with a vpc block) have neither DNSSEC signing nor public
 * query logs; an unknown vpc list: no finding. */
static bool public_zone(const plan_resource *r)
{
    plan_val_state st;
    const json_t *vpc = plan_attr(r, true, "vpc", &st);
    return st == PLAN_VAL_ABSENT || (st == PLAN_VAL_KNOWN && json_is_array(vpc) && json_array_size(vpc) == 0);
}

void risk_check_r53_dnssec(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (!public_zone(r))
        return;
    bool unknown_a, unknown_b;
    size_t a = risk_link_count(run, "aws_route53_hosted_zone_dnssec", "hosted_zone_id", r, "zone_id,id", &unknown_a);
    size_t b = risk_link_count(run, "aws_route53_key_signing_key", "hosted_zone_id", r, "zone_id,id", &unknown_b);
    if (a == 0 && b == 0 && !unknown_a && !unknown_b)
        risk_emit_text(run, rule, r, NULL, rule->spec.message);
}

void risk_check_r53_query_log(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (public_zone(r))
        need_referrer(run, rule, r, "aws_route53_query_log", "zone_id", "zone_id,id");
}
