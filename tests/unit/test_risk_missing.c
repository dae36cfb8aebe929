/*
 * test_risk_missing.c — how every attribute rule treats an attribute that
 * is not set (the provider's documented default, per rule) and one that is
 * known only after apply (never a finding).  Each row is a resource with
 * the rule's `when` satisfied and its tested attribute left out; `fires`
 * is what the provider's default means for that rule.  A coverage test
 * keeps the table in step with the rule table.
 */
#include "test_risk_util.h"

#include "src/risk/rules.h"

#include <criterion/parameterized.h>

typedef struct missing_case {
    char rule[16];
    char type[48];
    char after[160];
    bool fires;            /* with the attribute missing */
    char unknown[160];     /* attribute to mark unknown ("" = the first path's) or a whole after_unknown */
} missing_case;

static const missing_case cases[] = {
    {"CIR-VPC-002", "aws_subnet", "{}", false, ""},                          /* default false */
    {"CIR-EC2-001", "aws_instance", "{}", false, ""},                        /* not set: subnet decides */
    {"CIR-EC2-002", "aws_launch_template", "{\"network_interfaces\":[{}]}", false, ""},
    {"CIR-EC2-003", "aws_instance", "{\"metadata_options\":[{}]}", true, ""},   /* default optional */
    {"CIR-EC2-003", "aws_launch_template", "{}", true, ""},
    {"CIR-RDS-001", "aws_db_instance", "{}", false, ""},                     /* default false */
    {"CIR-EKS-001", "aws_eks_cluster", "{\"vpc_config\":[{}]}", true, ""},   /* public, 0.0.0.0/0 */
    {"CIR-EKS-002", "aws_eks_cluster", "{\"vpc_config\":[{}]}", true, ""},   /* default true */
    {"CIR-ECS-001", "aws_ecs_service", "{}", false, ""},                     /* default false */
    {"CIR-LB-002", "aws_lb_listener", "{\"protocol\":\"HTTP\",\"default_action\":[{\"type\":\"forward\"}]}", true, ""},
    {"CIR-LB-003", "aws_lb_listener", "{\"protocol\":\"HTTPS\"}", true, ""},  /* ELBSecurityPolicy-2016-08 */
    {"CIR-LB-004", "aws_lb_listener", "{\"protocol\":\"TLS\"}", true, ""},
    {"CIR-LB-005", "aws_lb", "{}", true, ""},                                /* application, false */
    {"CIR-CF-001", "aws_cloudfront_distribution", "{\"default_cache_behavior\":[{}]}", false, ""},
    {"CIR-CF-002", "aws_cloudfront_distribution", "{\"viewer_certificate\":[{}]}", true, ""},   /* TLSv1 */
    {"CIR-EC-001", "aws_elasticache_replication_group", "{}", true, ""},
    {"CIR-ECS-002", "aws_ecs_task_definition", "{\"volume\":[{\"efs_volume_configuration\":[{}]}]}", true, ""},
    {"CIR-RDS-002", "aws_db_instance", "{}", true, ""},                      /* default false */
    {"CIR-RDS-002", "aws_rds_cluster", "{}", true, ""},
    {"CIR-RDS-003", "aws_db_instance", "{}", false, ""},                     /* API default 1 day */
    {"CIR-RDS-003", "aws_rds_cluster", "{}", false, ""},                     /* provider default 1 */
    {"CIR-RDS-004", "aws_rds_cluster", "{}", true, ""},                      /* 1 < 7 */
    {"CIR-RDS-005", "aws_db_instance", "{}", true, ""},                      /* default false */
    {"CIR-RDS-007", "aws_db_instance", "{}", true, ""},                      /* default false */
    {"CIR-RDS-008", "aws_db_instance", "{}", false, ""},                     /* default false */
    {"CIR-EFS-001", "aws_efs_file_system", "{}", true, ""},
    {"CIR-EBS-001", "aws_ebs_volume", "{}", true, ""},
    {"CIR-EBS-002", "aws_instance", "{\"root_block_device\":[{}]}", true, ""},
    {"CIR-DDB-001", "aws_dynamodb_table", "{}", true, ""},
    {"CIR-EC-002", "aws_elasticache_replication_group", "{}", true, ""},
    {"CIR-EC-003", "aws_elasticache_replication_group", "{}", true, ""},
    {"CIR-EC-004", "aws_elasticache_cluster", "{\"engine\":\"redis\"}", true, ""},   /* default 0 */
    {"CIR-LB-006", "aws_lb_target_group", "{\"health_check\":[{}]}", false, ""},     /* default true */
    {"CIR-LB-007", "aws_lb", "{}", true, ""},
    {"CIR-ASG-001", "aws_autoscaling_group", "{\"target_group_arns\":[\"arn:tg\"]}", true, "health_check_type"},
    {"CIR-ASG-003", "aws_autoscaling_group", "{}", false, ""},
    {"CIR-ECS-003", "aws_ecs_service", "{}", true, ""},                      /* breaker off by default */
    {"CIR-ECS-004", "aws_ecs_service", "{\"deployment_circuit_breaker\":[{\"enable\":true}]}", true, ""},
    {"CIR-ECS-005", "aws_ecs_service", "{}", true, ""},                      /* desired_count 0 */
    {"CIR-ECS-007", "aws_ecs_service", "{}", false, ""},                     /* default 100 */
    {"CIR-ECR-001", "aws_ecr_repository", "{}", true, ""},                   /* MUTABLE */
    {"CIR-ECR-002", "aws_ecr_repository", "{}", true, ""},
    {"CIR-LOG-001", "aws_cloudwatch_log_group", "{}", true, ""},             /* 0 = never expire */
    {"CIR-LOG-002", "aws_cloudwatch_log_group", "{}", true, ""},
    {"CIR-RDS-010", "aws_db_instance", "{}", true, ""},
    {"CIR-ECS-013", "aws_ecs_cluster", "{}", true, ""},
    {"CIR-EKS-003", "aws_eks_cluster", "{}", true, ""},
    {"CIR-EKS-004", "aws_eks_cluster", "{}", true, ""},
    {"CIR-LB-008", "aws_lb", "{}", true, ""},
    {"CIR-SM-002", "aws_secretsmanager_secret", "{}", true, ""},
    {"CIR-SSM-001", "aws_ssm_parameter", "{\"name\":\"/app/db_password\"}", true, ""},
    /* added with the rules of issue 13 */
    {"CIR-IAM-007", "aws_iam_account_password_policy", "{}", true, ""},      /* 0: never expire */
    {"CIR-IAM-008", "aws_iam_account_password_policy", "{}", true, ""},      /* AWS default 6 */
    {"CIR-IAM-009", "aws_iam_account_password_policy", "{}", true, ""},      /* 0: reuse allowed */
    {"CIR-IAM-010", "aws_iam_account_password_policy", "{}", true, ""},
    {"CIR-IAM-011", "aws_iam_account_password_policy", "{}", true, ""},
    {"CIR-IAM-012", "aws_iam_account_password_policy", "{}", true, ""},
    {"CIR-IAM-013", "aws_iam_account_password_policy", "{}", true, ""},
    {"CIR-IAM-014", "aws_iam_role_policy_attachment", "{}", false, ""},
    {"CIR-S3-010", "aws_s3_bucket_acl", "{}", false, ""},
    {"CIR-S3-011", "aws_s3_bucket_acl", "{}", false, ""},
    {"CIR-SG-007", "aws_security_group", "{}", true, ""},                   /* "Managed by Terraform" */
    {"CIR-EKS-005", "aws_eks_node_group", "{\"remote_access\":[{\"ec2_ssh_key\":\"ops\"}]}", true, ""},
    {"CIR-LAM-005", "aws_lambda_permission", "{}", false, ""},
    {"CIR-LAM-006", "aws_lambda_permission", "{\"principal\":\"sns.amazonaws.com\"}", true, ""},
    {"CIR-LAM-007", "aws_lambda_function_url", "{}", false, ""},
    {"CIR-MQ-001", "aws_mq_broker", "{}", false, ""},                        /* default false */
    {"CIR-APIGW-003", "aws_api_gateway_method", "{\"http_method\":\"GET\"}", false, ""},
    {"CIR-ECS-014", "aws_ecs_task_definition", "{}", false, ""},
    {"CIR-CB-001", "aws_codebuild_project", "{\"environment\":[{}]}", false, ""},
    {"CIR-CF-004", "aws_cloudfront_distribution", "{}", true, ""},
    {"CIR-OS-002", "aws_opensearch_domain", "{}", true, ""},                 /* default false */
    {"CIR-OS-003", "aws_opensearch_domain", "{}", false, ""},                /* default true */
    {"CIR-OS-005", "aws_opensearch_domain", "{\"domain_endpoint_options\":[{}]}", false, ""},
    {"CIR-APIGW-004", "aws_api_gateway_domain_name", "{}", false, ""},
    {"CIR-MSK-001", "aws_msk_cluster", "{}", false, ""},                     /* default TLS */
    {"CIR-DDB-002", "aws_dynamodb_table", "{}", true, ""},                   /* AWS-owned key */
    {"CIR-DDB-003", "aws_dax_cluster", "{}", true, ""},
    {"CIR-EBS-003", "aws_ebs_volume", "{\"encrypted\":true}", true, ""},
    {"CIR-EBS-004", "aws_ebs_encryption_by_default", "{}", false, ""},       /* default true */
    {"CIR-EBS-005", "aws_launch_template", "{\"block_device_mappings\":[{\"ebs\":[{}]}]}", true, ""},
    {"CIR-OS-001", "aws_opensearch_domain", "{}", true, ""},
    {"CIR-KIN-001", "aws_kinesis_stream", "{}", true, ""},                   /* NONE */
    {"CIR-DOC-001", "aws_docdb_cluster", "{}", true, ""},
    {"CIR-NEP-001", "aws_neptune_cluster", "{}", true, ""},
    {"CIR-SQS-001", "aws_sqs_queue", "{}", false, ""},                       /* SSE-SQS on by default */
    {"CIR-SQS-002", "aws_sqs_queue", "{}", true, ""},
    {"CIR-SNS-001", "aws_sns_topic", "{}", true, ""},
    {"CIR-ECR-003", "aws_ecr_repository", "{}", true, ""},                   /* AES256 */
    {"CIR-EFS-002", "aws_efs_file_system", "{\"encrypted\":true}", true, ""},
    {"CIR-CB-002", "aws_codebuild_project", "{\"artifacts\":[{}]}", false, ""},
    {"CIR-LAM-002", "aws_lambda_function", "{}", true, ""},                  /* PassThrough */
    {"CIR-LAM-003", "aws_lambda_function", "{}", true, ""},
    {"CIR-LB-009", "aws_lb", "{\"load_balancer_type\":\"network\"}", true, ""},
    {"CIR-LB-011", "aws_lb", "{}", false, ""},                               /* defensive */
    {"CIR-RDS-011", "aws_db_instance", "{}", true, ""},                      /* interval 0 */
    {"CIR-RDS-012", "aws_db_instance", "{}", true, ""},
    {"CIR-RDS-014", "aws_db_instance", "{}", false, ""},                     /* default true */
    {"CIR-CT-001", "aws_cloudtrail", "{}", true, ""},
    {"CIR-CT-002", "aws_cloudtrail", "{}", true, ""},
    {"CIR-CT-003", "aws_cloudtrail", "{}", true, ""},
    {"CIR-CT-004", "aws_cloudtrail", "{}", true, ""},
    {"CIR-CT-005", "aws_cloudtrail", "{}", false, ""},                       /* logging on by default */
    {"CIR-KMS-001", "aws_kms_key", "{}", true, ""},
    {"CIR-EC2-004", "aws_launch_template", "{\"metadata_options\":[{}]}", false, ""},   /* default 1 */
    {"CIR-CF-003", "aws_cloudfront_distribution", "{}", true, ""},
    {"CIR-OS-004", "aws_opensearch_domain", "{}", true, ""},
    {"CIR-APIGW-001", "aws_api_gateway_stage", "{}", true, ""},
    {"CIR-APIGW-002", "aws_api_gateway_stage", "{}", true, ""},
    {"CIR-MSK-002", "aws_msk_cluster", "{}", true, ""},
    {"CIR-DOC-002", "aws_docdb_cluster", "{}", true, ""},
    {"CIR-MQ-002", "aws_mq_broker", "{\"engine_type\":\"ActiveMQ\"}", true, ""},
    {"CIR-SSM-002", "aws_ssm_parameter", "{\"type\":\"SecureString\"}", true, ""},
    {"CIR-CW-001", "aws_cloudwatch_metric_alarm", "{}", false, ""},          /* default true */
    {"CIR-GD-001", "aws_guardduty_detector", "{}", false, ""},               /* default true */
    /* check rules whose missing handling the check owns */
    {"CIR-S3-001", "aws_s3_bucket_public_access_block", "{}", true,
     "{\"block_public_acls\":true,\"block_public_policy\":true,\"ignore_public_acls\":true,"
     "\"restrict_public_buckets\":true}"},
    {"CIR-SG-006", "aws_default_security_group", "{}", false, "ingress"},
};

#define NCASES (sizeof cases / sizeof cases[0])

ParameterizedTestParameters(risk_missing, follows_default)
{
    return cr_make_param_array(missing_case, (void *)cases, NCASES);
}

ParameterizedTest(missing_case *c, risk_missing, follows_default)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_one(c->type, c->after, NULL);
    risk_report *rep = rt_check(rs, p);
    char addr[64];
    snprintf(addr, sizeof addr, "%s.t", c->type);
    if (c->fires)
        cr_expect_gt(rt_count(rep, c->rule, addr), 0, "%s on %s %s should fire", c->rule, c->type, c->after);
    else
        cr_expect_eq(rt_count(rep, c->rule, addr), 0, "%s on %s %s should pass", c->rule, c->type, c->after);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* The first attribute a rule tests, cut to its top-level name. */
static void top_attr(const char *rule, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < risk_builtin_count; i++)
        if (strcmp(risk_builtin_specs[i].id, rule) == 0 && risk_builtin_specs[i].test.attribute) {
            const char *a = risk_builtin_specs[i].test.attribute;
            size_t n = strcspn(a, ".[,");
            snprintf(out, size, "%.*s", (int)n, a);
        }
}

ParameterizedTestParameters(risk_missing, unknown_never_fires)
{
    return cr_make_param_array(missing_case, (void *)cases, NCASES);
}

/* The same resources with the tested attribute known only after apply:
 * whatever the default would say, nothing fires. */
ParameterizedTest(missing_case *c, risk_missing, unknown_never_fires)
{
    char attr[64], unknown[200];
    if (c->unknown[0])
        snprintf(attr, sizeof attr, "%.63s", c->unknown);
    else
        top_attr(c->rule, attr, sizeof attr);
    cr_assert(attr[0], "%s: no attribute to mark unknown", c->rule);
    if (c->unknown[0] == '{')
        snprintf(unknown, sizeof unknown, "%s", c->unknown);
    else
        snprintf(unknown, sizeof unknown, "{\"%s\":true}", attr);
    risk_ruleset *rs = rt_rules();
    plan *p = rt_one(c->type, c->after, unknown);
    risk_report *rep = rt_check(rs, p);
    char addr[64];
    snprintf(addr, sizeof addr, "%s.t", c->type);
    cr_expect_eq(rt_count(rep, c->rule, addr), 0, "%s fired with %s unknown", c->rule, attr);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* An unknown `when` attribute makes the rule not apply. */
Test(risk_missing, unknown_when_does_not_apply)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_one("aws_lb_listener", "{\"ssl_policy\":\"ELBSecurityPolicy-2016-08\"}", "{\"protocol\":true}");
    risk_report *rep = rt_check(rs, p);
    cr_expect_eq(rt_count(rep, "CIR-LB-003", "*"), 0);
    cr_expect_eq(rt_count(rep, "CIR-LB-004", "*"), 0);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* A list with an element Terraform does not know yet cannot prove "no
 * world CIDR", but a known world CIDR beside it still fires. */
Test(risk_missing, unknown_list_elements)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_one("aws_eks_cluster",
                     "{\"vpc_config\":[{\"endpoint_public_access\":true,\"public_access_cidrs\":[null,\"10.0.0.0/8\"]}]}",
                     "{\"vpc_config\":[{\"public_access_cidrs\":[true,false]}]}");
    risk_report *rep = rt_check(rs, p);
    cr_expect_eq(rt_count(rep, "CIR-EKS-001", "*"), 0);
    risk_report_free(rep);
    plan_free(p);
    p = rt_one("aws_eks_cluster",
               "{\"vpc_config\":[{\"endpoint_public_access\":true,\"public_access_cidrs\":[null,\"0.0.0.0/0\"]}]}",
               "{\"vpc_config\":[{\"public_access_cidrs\":[true,false]}]}");
    rep = rt_check(rs, p);
    cr_expect_eq(rt_count(rep, "CIR-EKS-001", "*"), 1);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* A value from the default is said to be one. */
Test(risk_missing, message_says_default)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_one("aws_lb_listener", "{\"protocol\":\"HTTPS\",\"certificate_arn\":\"arn:c\"}", NULL);
    risk_report *rep = rt_check(rs, p);
    const risk_finding *f = rt_find(rep, "CIR-LB-003", "aws_lb_listener.t");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->message, "ssl_policy ELBSecurityPolicy-2016-08 (default) still accepts TLS below 1.2");
    cr_expect_str_eq(f->attribute, "ssl_policy");
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_missing, every_attribute_rule_has_a_row)
{
    for (size_t i = 0; i < risk_builtin_count; i++) {
        const risk_rule_spec *s = &risk_builtin_specs[i];
        if (strcmp(s->test.op, "check") == 0)
            continue;
        bool found = false;
        for (size_t k = 0; k < NCASES && !found; k++)
            found = strcmp(cases[k].rule, s->id) == 0;
        cr_expect(found, "%s has no missing-attribute case", s->id);
    }
}
