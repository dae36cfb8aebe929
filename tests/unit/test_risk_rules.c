/*
 * test_risk_rules.c — every built-in rule fires on a fixture resource made
 * to break it and stays quiet on one made to pass it.  The table below is
 * the spec; a coverage test makes sure no rule is missing from it, in
 * either direction.  Fixtures: fixtures/plans/check-*.json.  Rules whose
 * cases are real terraform plans list them instead in the `expect` file of
 * their scenario (tests/scenarios/NAME/expect, plan in
 * fixtures/scenarios/NAME.json); those are checked here too and count for
 * coverage.
 */
#include "test_risk_util.h"

#include "src/risk/rules.h"

#include <criterion/parameterized.h>
#include <dirent.h>

/* Strings are held inline: criterion runs each case in a fresh process,
 * where pointers into this one would not be valid. */
typedef struct rule_case {
    char rule[16];
    char fixture[32];
    char address[64];      /* "" = plan-wide; "*" = anywhere in the plan */
    bool fires;
} rule_case;

static const rule_case cases[] = {
    {"CIR-SG-001", "check-networking.json", "aws_security_group.ssh_world", true},
    {"CIR-VPC-004", "check-networking.json", "*", false},   /* custom VPCs only: any aws_default_vpc fires */
    /* TO DO (tests/scenarios/coverage-allow): a passing attachment of a type CIR-IAM-004 checks */
    {"CIR-IAM-004", "check-networking.json", "*", false},
    {"CIR-SG-001", "check-networking.json", "aws_security_group.ssh_private", false},
    {"CIR-SG-001", "check-networking.json", "aws_vpc_security_group_ingress_rule.all_v6", false},
    {"CIR-SG-001", "check-networking.json", "aws_security_group.unknown_cidr", false},
    {"CIR-SG-001", "check-networking.json", "aws_security_group.from_sg", false},
    {"CIR-SG-002", "check-networking.json", "aws_security_group_rule.rdp_world_v6", true},
    {"CIR-SG-002", "check-networking.json", "aws_security_group_rule.rdp_egress", false},
    {"CIR-SG-003", "check-networking.json", "aws_vpc_security_group_ingress_rule.pg_world", true},
    {"CIR-SG-003", "check-networking.json", "aws_security_group.db_range", true},
    {"CIR-SG-003", "check-networking.json", "aws_vpc_security_group_ingress_rule.pg_from_sg", false},
    {"CIR-SG-003", "check-networking.json", "aws_security_group.https_world", false},
    {"CIR-SG-004", "check-networking.json", "aws_vpc_security_group_ingress_rule.all_v6", true},
    {"CIR-SG-004", "check-networking.json", "aws_security_group.range_world", true},
    {"CIR-SG-004", "check-networking.json", "aws_security_group.https_world", false},
    {"CIR-SG-004", "check-networking.json", "aws_security_group.ssh_world", false},
    {"CIR-SG-005", "check-networking.json", "aws_security_group.kubelet_world", true},
    {"CIR-SG-005", "check-networking.json", "aws_security_group.icmp_world", false},
    {"CIR-SG-005", "check-networking.json", "aws_security_group.https_world", false},
    {"CIR-SG-006", "check-networking.json", "aws_default_security_group.default", true},
    {"CIR-SG-006", "check-networking.json", "aws_default_security_group.locked", false},
    {"CIR-NACL-001", "check-networking.json", "aws_network_acl_rule.ssh_world", true},
    {"CIR-NACL-001", "check-networking.json", "aws_network_acl_rule.ssh_deny", false},
    {"CIR-NACL-001", "check-networking.json", "aws_network_acl.public", false},
    {"CIR-NACL-002", "check-networking.json", "aws_network_acl.public", true},
    {"CIR-NACL-002", "check-networking.json", "aws_network_acl.private", false},
    {"CIR-NACL-002", "check-networking.json", "aws_network_acl_rule.ssh_world", false},
    {"CIR-VPC-001", "check-networking.json", "aws_vpc.unlogged", true},
    {"CIR-VPC-001", "check-networking.json", "aws_vpc.logged", false},
    {"CIR-VPC-001", "check-links.json", "aws_vpc.shared", true},
    {"CIR-VPC-001", "check-links.json", "aws_vpc.old_logs", true},
    {"CIR-VPC-001", "check-links.json", "module.network.aws_vpc.this[0]", false},
    {"CIR-VPC-001", "check-links.json", "aws_vpc.app", false},
    {"CIR-VPC-001", "check-links.json", "aws_vpc.existing", false},
    {"CIR-VPC-001", "check-links-unknown.json", "aws_vpc.mystery", false},
    {"CIR-VPC-002", "check-networking.json", "aws_subnet.public", true},
    {"CIR-VPC-002", "check-networking.json", "aws_subnet.private", false},
    {"CIR-VPC-003", "check-networking.json", "aws_nat_gateway.main", true},
    {"CIR-VPC-003", "check-links.json", "aws_nat_gateway.main", false},
    {"CIR-VPC-003", "check-links.json", "aws_nat_gateway.private", false},
    {"CIR-VPC-003", "check-links-unknown.json", "aws_nat_gateway.main", false},
    {"CIR-EC2-001", "check-networking.json", "aws_instance.public", true},
    {"CIR-EC2-001", "check-networking.json", "aws_instance.private", false},
    {"CIR-EC2-002", "check-networking.json", "aws_launch_template.public", true},
    {"CIR-EC2-002", "check-networking.json", "aws_launch_template.private", false},
    {"CIR-EC2-003", "check-networking.json", "aws_instance.public", true},
    {"CIR-EC2-003", "check-networking.json", "aws_launch_template.public", true},
    {"CIR-EC2-003", "check-networking.json", "aws_instance.private", false},
    {"CIR-EC2-003", "check-networking.json", "aws_launch_template.private", false},
    {"CIR-EC2-003", "check-plan.json", "aws_instance.web", false},
    {"CIR-RDS-001", "check-storage.json", "aws_db_instance.weak", true},
    {"CIR-RDS-001", "check-storage.json", "aws_db_instance.strong", false},
    {"CIR-EKS-001", "check-networking.json", "aws_eks_cluster.open", true},
    {"CIR-EKS-001", "check-networking.json", "aws_eks_cluster.private", false},
    {"CIR-EKS-002", "check-networking.json", "aws_eks_cluster.open", true},
    {"CIR-EKS-002", "check-networking.json", "aws_eks_cluster.private", false},
    {"CIR-S3-001", "check-networking.json", "aws_s3_bucket_public_access_block.partial", true},
    {"CIR-S3-001", "check-networking.json", "aws_s3_bucket_public_access_block.full", false},
    {"CIR-S3-002", "check-networking.json", "aws_s3_bucket.open", true},
    {"CIR-S3-002", "check-networking.json", "aws_s3_bucket.closed", false},
    {"CIR-S3-002", "check-storage.json", "aws_s3_bucket.versioned", false},
    {"CIR-ECS-001", "check-reliability.json", "aws_ecs_service.bad", true},
    {"CIR-ECS-001", "check-reliability.json", "aws_ecs_service.good", false},
    {"CIR-LB-001", "check-networking.json", "aws_lb.public", true},
    {"CIR-LB-001", "check-networking.json", "aws_lb.protected", false},
    {"CIR-LB-001", "check-networking.json", "aws_lb.internal", false},
    {"CIR-IAM-001", "check-networking.json", "aws_iam_policy.admin", true},
    {"CIR-IAM-001", "check-networking.json", "aws_iam_policy.readonly", false},
    {"CIR-LB-002", "check-tls.json", "aws_lb_listener.http_plain", true},
    {"CIR-LB-002", "check-tls.json", "aws_lb_listener.http_redirect", false},
    {"CIR-LB-002", "check-tls.json", "aws_lb_listener.https_old", false},
    {"CIR-LB-003", "check-tls.json", "aws_lb_listener.https_old", true},
    {"CIR-LB-003", "check-tls.json", "aws_lb_listener.https_new", false},
    {"CIR-LB-003", "check-tls.json", "aws_lb_listener.tls_unknown_policy", false},
    {"CIR-LB-003", "check-tls.json", "aws_lb_listener.http_plain", false},
    {"CIR-LB-004", "check-tls.json", "aws_alb_listener.https_nocert", true},
    {"CIR-LB-004", "check-tls.json", "aws_lb_listener.https_new", false},
    {"CIR-LB-004", "check-tls.json", "aws_lb_listener.tls_unknown_policy", false},
    {"CIR-LB-005", "check-tls.json", "aws_lb.alb_headers", true},
    {"CIR-LB-005", "check-tls.json", "aws_lb.alb_strict", false},
    {"CIR-LB-005", "check-tls.json", "aws_lb.nlb", false},
    {"CIR-CF-001", "check-tls.json", "aws_cloudfront_distribution.plain", true},
    {"CIR-CF-001", "check-tls.json", "aws_cloudfront_distribution.default_cert", true},
    {"CIR-CF-001", "check-tls.json", "aws_cloudfront_distribution.strict", false},
    {"CIR-CF-002", "check-tls.json", "aws_cloudfront_distribution.plain", true},
    {"CIR-CF-002", "check-tls.json", "aws_cloudfront_distribution.strict", false},
    {"CIR-CF-002", "check-tls.json", "aws_cloudfront_distribution.default_cert", false},
    {"CIR-EC-001", "check-tls.json", "aws_elasticache_replication_group.plain", true},
    {"CIR-EC-001", "check-tls.json", "aws_elasticache_replication_group.secure", false},
    {"CIR-ECS-002", "check-tls.json", "aws_ecs_task_definition.efs", true},
    {"CIR-ECS-002", "check-tls.json", "aws_ecs_task_definition.efs_tls", false},
    {"CIR-RDS-002", "check-storage.json", "aws_db_instance.weak", true},
    {"CIR-RDS-002", "check-storage.json", "aws_db_instance.strong", false},
    {"CIR-RDS-002", "check-storage.json", "aws_rds_cluster.ha", false},
    {"CIR-RDS-003", "check-storage.json", "aws_db_instance.weak", true},
    {"CIR-RDS-003", "check-storage.json", "aws_db_instance.strong", false},
    {"CIR-RDS-003", "check-storage.json", "aws_db_instance.replica", false},
    {"CIR-RDS-004", "check-storage.json", "aws_db_instance.short_backup", true},
    {"CIR-RDS-004", "check-storage.json", "aws_db_instance.weak", false},
    {"CIR-RDS-004", "check-storage.json", "aws_db_instance.strong", false},
    {"CIR-RDS-005", "check-storage.json", "aws_db_instance.weak", true},
    {"CIR-RDS-005", "check-storage.json", "aws_db_instance.strong", false},
    {"CIR-RDS-005", "check-storage.json", "aws_db_instance.replica", false},
    {"CIR-RDS-006", "check-storage.json", "aws_rds_cluster.solo", true},
    {"CIR-RDS-006", "check-storage.json", "aws_rds_cluster.ha", false},
    {"CIR-RDS-006", "check-storage.json", "aws_rds_cluster.serverless", false},
    {"CIR-RDS-007", "check-storage.json", "aws_db_instance.weak", true},
    {"CIR-RDS-007", "check-storage.json", "aws_db_instance.strong", false},
    {"CIR-RDS-008", "check-storage.json", "aws_db_instance.weak", true},
    {"CIR-RDS-008", "check-storage.json", "aws_db_instance.strong", false},
    {"CIR-RDS-009", "check-operations.json", "aws_db_instance.behind_lambda", true},
    {"CIR-RDS-009", "check-operations.json", "aws_db_instance.proxied", false},
    {"CIR-RDS-009", "check-storage.json", "aws_db_instance.weak", false},
    {"CIR-RDS-010", "check-storage.json", "aws_db_instance.weak", true},
    {"CIR-RDS-010", "check-storage.json", "aws_db_instance.strong", false},
    {"CIR-EFS-001", "check-storage.json", "aws_efs_file_system.plain", true},
    {"CIR-EFS-001", "check-storage.json", "aws_efs_file_system.enc", false},
    {"CIR-EBS-001", "check-storage.json", "aws_ebs_volume.plain", true},
    {"CIR-EBS-001", "check-storage.json", "aws_ebs_volume.enc", false},
    {"CIR-EBS-001", "check-storage.json", "aws_ebs_volume.computed", false},
    {"CIR-EBS-002", "check-networking.json", "aws_instance.public", true},
    {"CIR-EBS-002", "check-networking.json", "aws_instance.private", false},
    {"CIR-DDB-001", "check-storage.json", "aws_dynamodb_table.nopitr", true},
    {"CIR-DDB-001", "check-storage.json", "aws_dynamodb_table.pitr", false},
    {"CIR-EC-002", "check-tls.json", "aws_elasticache_replication_group.plain", true},
    {"CIR-EC-002", "check-tls.json", "aws_elasticache_replication_group.secure", false},
    {"CIR-EC-003", "check-tls.json", "aws_elasticache_replication_group.plain", true},
    {"CIR-EC-003", "check-tls.json", "aws_elasticache_replication_group.secure", false},
    {"CIR-EC-004", "check-storage.json", "aws_elasticache_cluster.redis", true},
    {"CIR-EC-004", "check-storage.json", "aws_elasticache_cluster.redis_snap", false},
    {"CIR-EC-004", "check-storage.json", "aws_elasticache_cluster.memcached", false},
    {"CIR-S3-003", "check-storage.json", "aws_s3_bucket.unversioned", true},
    {"CIR-S3-003", "check-storage.json", "aws_s3_bucket.suspended", true},
    {"CIR-S3-003", "check-storage.json", "aws_s3_bucket.versioned", false},
    {"CIR-S3-003", "check-networking.json", "aws_s3_bucket.open", false},
    {"CIR-LB-006", "check-reliability.json", "aws_lb_target_group.nohc", true},
    {"CIR-LB-006", "check-reliability.json", "aws_lb_target_group.hc", false},
    {"CIR-LB-007", "check-reliability.json", "aws_lb.noprotect", true},
    {"CIR-LB-007", "check-reliability.json", "aws_lb.protected", false},
    {"CIR-ASG-001", "check-reliability.json", "aws_autoscaling_group.web", true},
    {"CIR-ASG-001", "check-reliability.json", "aws_autoscaling_group.good", false},
    {"CIR-ASG-001", "check-reliability.json", "aws_autoscaling_group.worker", false},
    {"CIR-ASG-002", "check-reliability.json", "aws_autoscaling_group.web", true},
    {"CIR-ASG-002", "check-reliability.json", "aws_autoscaling_group.good", false},
    {"CIR-ASG-002", "check-reliability.json", "aws_autoscaling_group.worker", false},
    {"CIR-ASG-003", "check-reliability.json", "aws_autoscaling_group.web", true},
    {"CIR-ASG-003", "check-reliability.json", "aws_autoscaling_group.good", false},
    {"CIR-ECS-003", "check-reliability.json", "aws_ecs_service.bad", true},
    {"CIR-ECS-003", "check-reliability.json", "aws_ecs_service.good", false},
    {"CIR-ECS-003", "check-reliability.json", "aws_ecs_service.half", false},
    {"CIR-ECS-004", "check-reliability.json", "aws_ecs_service.half", true},
    {"CIR-ECS-004", "check-reliability.json", "aws_ecs_service.good", false},
    {"CIR-ECS-004", "check-reliability.json", "aws_ecs_service.bad", false},
    {"CIR-ECS-005", "check-reliability.json", "aws_ecs_service.bad", true},
    {"CIR-ECS-005", "check-reliability.json", "aws_ecs_service.good", false},
    {"CIR-ECS-005", "check-reliability.json", "aws_ecs_service.daemon", false},
    {"CIR-ECS-006", "check-reliability.json", "aws_ecs_service.bad", true},
    {"CIR-ECS-006", "check-reliability.json", "aws_ecs_service.good", false},
    {"CIR-ECS-006", "check-reliability.json", "aws_ecs_service.half", false},
    {"CIR-ECS-006", "check-reliability.json", "aws_ecs_service.daemon", false},
    {"CIR-ECS-007", "check-reliability.json", "aws_ecs_service.bad", true},
    {"CIR-ECS-007", "check-reliability.json", "aws_ecs_service.good", false},
    {"CIR-ECS-008", "check-reliability.json", "aws_ecs_task_definition.app", true},
    {"CIR-ECS-008", "check-reliability.json", "aws_ecs_task_definition.fargate", false},
    {"CIR-ECS-008", "check-reliability.json", "aws_ecs_task_definition.pending", false},
    {"CIR-ECS-008", "check-reliability.json", "aws_ecs_task_definition.broken", false},
    {"CIR-ECS-009", "check-reliability.json", "aws_ecs_task_definition.app", true},
    {"CIR-ECS-009", "check-reliability.json", "aws_ecs_task_definition.fargate", false},
    {"CIR-ECS-010", "check-reliability.json", "aws_ecs_task_definition.app", true},
    {"CIR-ECS-010", "check-reliability.json", "aws_ecs_task_definition.fargate", false},
    {"CIR-ECR-001", "check-reliability.json", "aws_ecr_repository.mutable", true},
    {"CIR-ECR-001", "check-reliability.json", "aws_ecr_repository.immutable", false},
    {"CIR-ECR-002", "check-reliability.json", "aws_ecr_repository.mutable", true},
    {"CIR-ECR-002", "check-reliability.json", "aws_ecr_repository.immutable", false},
    {"CIR-LOG-001", "check-operations.json", "aws_cloudwatch_log_group.forever", true},
    {"CIR-LOG-001", "check-operations.json", "aws_cloudwatch_log_group.kept", false},
    {"CIR-LOG-002", "check-operations.json", "aws_cloudwatch_log_group.forever", true},
    {"CIR-LOG-002", "check-operations.json", "aws_cloudwatch_log_group.kept", false},
    {"CIR-ECS-011", "check-operations.json", "aws_ecs_task_definition.leaky", true},
    {"CIR-ECS-011", "check-operations.json", "aws_ecs_task_definition.clean", false},
    {"CIR-ECS-012", "check-reliability.json", "aws_ecs_task_definition.app", true},
    {"CIR-ECS-012", "check-reliability.json", "aws_ecs_task_definition.fargate", false},
    {"CIR-ECS-013", "check-operations.json", "aws_ecs_cluster.plain", true},
    {"CIR-ECS-013", "check-operations.json", "aws_ecs_cluster.insights", false},
    {"CIR-EKS-003", "check-networking.json", "aws_eks_cluster.open", true},
    {"CIR-EKS-003", "check-networking.json", "aws_eks_cluster.private", false},
    {"CIR-EKS-004", "check-networking.json", "aws_eks_cluster.open", true},
    {"CIR-EKS-004", "check-networking.json", "aws_eks_cluster.private", false},
    {"CIR-LB-008", "check-reliability.json", "aws_lb.noprotect", true},
    {"CIR-LB-008", "check-reliability.json", "aws_lb.protected", false},
    {"CIR-LAM-001", "check-operations.json", "aws_lambda_function.leaky", true},
    {"CIR-LAM-001", "check-operations.json", "aws_lambda_function.clean", false},
    {"CIR-SM-001", "check-operations.json", "aws_secretsmanager_secret.norotate", true},
    {"CIR-SM-001", "check-operations.json", "aws_secretsmanager_secret.rotated", false},
    {"CIR-SM-002", "check-operations.json", "aws_secretsmanager_secret.norotate", true},
    {"CIR-SM-002", "check-operations.json", "aws_secretsmanager_secret.rotated", false},
    {"CIR-SSM-001", "check-operations.json", "aws_ssm_parameter.db_password", true},
    {"CIR-SSM-001", "check-operations.json", "aws_ssm_parameter.db_password_secure", false},
    {"CIR-SSM-001", "check-operations.json", "aws_ssm_parameter.feature_flag", false},
    {"CIR-PLAN-001", "check-plan.json", "aws_db_instance.legacy", true},
    {"CIR-PLAN-001", "check-plan.json", "aws_s3_bucket.scratch", true},
    {"CIR-PLAN-001", "check-plan.json", "aws_rds_cluster.locked", false},
    {"CIR-PLAN-001", "check-plan.json", "aws_instance.old", false},
    {"CIR-PLAN-001", "check-plan.json", "aws_db_instance.main", false},
    {"CIR-PLAN-002", "check-plan.json", "aws_s3_bucket.scratch", true},
    {"CIR-PLAN-002", "check-plan.json", "aws_db_instance.legacy", false},
    {"CIR-PLAN-002", "check-plan.json", "aws_rds_cluster.locked", false},
    {"CIR-PLAN-003", "check-plan.json", "aws_rds_cluster.locked", true},
    {"CIR-PLAN-003", "check-plan.json", "aws_db_instance.legacy", false},
    {"CIR-PLAN-004", "check-plan.json", "aws_instance.web", true},
    {"CIR-PLAN-004", "check-plan.json", "aws_lb_target_group.blue", false},
    {"CIR-PLAN-005", "check-plan.json", "aws_lb_target_group.blue", true},
    {"CIR-PLAN-005", "check-plan.json", "aws_lb_target_group.green", false},
    {"CIR-PLAN-005", "check-plan.json", "aws_instance.web", false},
    {"CIR-PLAN-006", "check-plan.json", "aws_iam_role.app", true},
    {"CIR-PLAN-006", "check-plan.json", "aws_iam_role.new", false},
    {"CIR-PLAN-006", "check-plan.json", "aws_iam_role.tagged", false},
    {"CIR-PLAN-007", "check-plan.json", "aws_security_group.web", true},
    {"CIR-PLAN-007", "check-plan.json", "aws_security_group.new", false},
    {"CIR-PLAN-008", "check-plan.json", "aws_instance.worker[2]", true},
    {"CIR-PLAN-008", "check-plan.json", "aws_instance.old", false},
    {"CIR-PLAN-009", "check-plan-errored.json", "", true},
    {"CIR-PLAN-009", "check-plan-incomplete.json", "", false},
    {"CIR-PLAN-009", "check-plan.json", "", false},
    {"CIR-PLAN-010", "check-plan-incomplete.json", "", true},
    {"CIR-PLAN-010", "check-plan-errored.json", "", false},
    {"CIR-PLAN-010", "check-plan.json", "", false},
    {"CIR-PLAN-011", "check-plan.json", "aws_security_group.web", true},
    {"CIR-PLAN-011", "check-tls.json", "*", false},
    {"CIR-PLAN-012", "check-plan.json", "*", false},
    {"CIR-PLAN-013", "check-plan.json", "aws_db_instance.main", true},
    {"CIR-PLAN-013", "check-plan.json", "aws_db_instance.tags_only", false},
    {"CIR-PLAN-014", "check-plan.json", "aws_ecs_service.gone", true},
    {"CIR-PLAN-014", "check-plan.json", "aws_iam_role.new", false},
    {"CIR-PLAN-014", "check-plan.json", "aws_db_instance.legacy", false},
    /* module sources need init to fetch them, so no offline scenario */
    {"CIR-IAC-001", "check-iac.json", "module.git_no_ref", true},
    {"CIR-IAC-001", "check-iac.json", "module.pinned_registry.module.nested", true},
    {"CIR-IAC-001", "check-iac.json", "module.git_tag", false},
    {"CIR-IAC-001", "check-iac.json", "module.git_commit", false},
    {"CIR-IAC-001", "check-iac.json", "module.quiet_git", false},   /* nothing changes in it */
    {"CIR-IAC-002", "check-iac.json", "module.git_branch", true},
    {"CIR-IAC-002", "check-iac.json", "module.git_subdir_branch", true},
    {"CIR-IAC-002", "check-iac.json", "module.git_tag", false},
    {"CIR-IAC-002", "check-iac.json", "module.git_commit", false},
    {"CIR-IAC-003", "check-iac.json", "module.unversioned_registry", true},
    {"CIR-IAC-003", "check-iac.json", "module.pinned_registry", false},
    {"CIR-IAC-003", "check-iac.json", "module.local", false},
    {"CIR-IAC-004", "check-iac.json", "provider[\"registry.terraform.io/hashicorp/random\"]", false},   /* AWS only */
    {"CIR-IAC-004", "check-iac.json", "provider[\"registry.terraform.io/hashicorp/aws\"]", false},
    {"CIR-IAC-005", "check-iac.json", "module.http_archive", true},
    {"CIR-IAC-005", "check-iac.json", "module.https_archive", false},
};

#define NCASES (sizeof cases / sizeof cases[0])

ParameterizedTestParameters(risk_rules, fire_and_pass)
{
    return cr_make_param_array(rule_case, (void *)cases, NCASES);
}

ParameterizedTest(rule_case *c, risk_rules, fire_and_pass)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_fixture(c->fixture);
    risk_report *rep = rt_check(rs, p);
    const char *address = c->address[0] ? c->address : NULL;
    size_t n = rt_count(rep, c->rule, address);
    if (c->fires)
        cr_expect_gt(n, 0, "%s should fire on %s in %s", c->rule, address ? address : "(plan)", c->fixture);
    else
        cr_expect_eq(n, 0, "%s should not fire on %s in %s", c->rule, address ? address : "(plan)", c->fixture);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* CIR-PLAN-012 cannot come from a file: the plan reader refuses action
 * words it does not know.  A resource the reader could not classify is
 * made by hand here. */
Test(risk_rules, unknown_action_fires)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_fixture("check-plan.json");
    for (size_t i = 0; i < p->nresources; i++)
        if (strcmp(p->resources[i].address, "aws_iam_role.new") == 0)
            p->resources[i].action = PLAN_ACT_UNKNOWN;
    risk_report *rep = rt_check(rs, p);
    cr_expect_eq(rt_count(rep, "CIR-PLAN-012", "aws_iam_role.new"), 1);
    cr_expect_eq(rt_count(rep, "CIR-PLAN-012", "*"), 1);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* ---- scenario expect files ------------------------------------------------ */

typedef struct expect_line {
    char scenario[256], rule[24], address[160];
    bool fires;
} expect_line;

/* Every "RULE fires|passes ADDRESS" line of tests/scenarios/NAME/expect
 * (ADDRESS "-" = plan-wide).  Returns the count; *out is malloc'd. */
static size_t read_expects(expect_line **out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    DIR *d = opendir("tests/scenarios");
    cr_assert_not_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || e->d_name[0] == '_')
            continue;
        char path[512];
        snprintf(path, sizeof path, "tests/scenarios/%s/expect", e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        char line[512];
        while (fgets(line, sizeof line, f)) {
            expect_line x = {0};
            char verb[16];
            if (line[0] == '#' || sscanf(line, "%23s %15s %159s", x.rule, verb, x.address) != 3)
                continue;
            cr_assert(!strcmp(verb, "fires") || !strcmp(verb, "passes"), "%s: %s", path, line);
            x.fires = !strcmp(verb, "fires");
            snprintf(x.scenario, sizeof x.scenario, "%s", e->d_name);
            *out = xgrow(*out, &cap, n + 1, sizeof **out);
            (*out)[n++] = x;
        }
        fclose(f);
    }
    closedir(d);
    return n;
}

/* Each expect line holds on the scenario's committed plan. */
Test(risk_rules, scenario_expectations)
{
    expect_line *x;
    size_t n = read_expects(&x);
    risk_ruleset *rs = rt_rules();
    for (size_t i = 0; i < n; i++) {
        char name[128];
        snprintf(name, sizeof name, "../scenarios/%.100s.json", x[i].scenario);
        plan *p = rt_fixture(name);
        risk_report *rep = rt_check(rs, p);
        const char *address = strcmp(x[i].address, "-") ? x[i].address : NULL;
        size_t hits = rt_count(rep, x[i].rule, address);
        if (x[i].fires)
            cr_expect_gt(hits, 0, "%s: %s should fire on %s", x[i].scenario, x[i].rule, x[i].address);
        else
            cr_expect_eq(hits, 0, "%s: %s should pass on %s", x[i].scenario, x[i].rule, x[i].address);
        risk_report_free(rep);
        plan_free(p);
    }
    risk_ruleset_free(rs);
    free(x);
}

Test(risk_rules, every_rule_has_a_firing_and_a_passing_case)
{
    expect_line *x;
    size_t nx = read_expects(&x);
    for (size_t i = 0; i < risk_builtin_count; i++) {
        const char *id = risk_builtin_specs[i].id;
        bool fire = strcmp(id, "CIR-PLAN-012") == 0, pass = false;   /* fire: see unknown_action_fires */
        for (size_t k = 0; k < NCASES; k++)
            if (strcmp(cases[k].rule, id) == 0) {
                fire |= cases[k].fires;
                pass |= !cases[k].fires;
            }
        for (size_t k = 0; k < nx; k++)
            if (strcmp(x[k].rule, id) == 0) {
                fire |= x[k].fires;
                pass |= !x[k].fires;
            }
        cr_expect(fire, "%s has no case where it fires", id);
        cr_expect(pass, "%s has no case where it passes", id);
    }
    free(x);
}

Test(risk_rules, at_least_forty_and_ids_unique_and_well_formed)
{
    cr_assert_geq(risk_builtin_count, 40);
    for (size_t i = 0; i < risk_builtin_count; i++) {
        const char *id = risk_builtin_specs[i].id;
        cr_expect_eq(strncmp(id, "CIR-", 4), 0, "%s", id);
        size_t n = strlen(id);
        cr_expect(n > 8 && id[n - 4] == '-' && strspn(id + n - 3, "0123456789") == 3, "%s: CIR-AREA-NNN", id);
        for (size_t k = i + 1; k < risk_builtin_count; k++)
            cr_expect_neq(strcmp(id, risk_builtin_specs[k].id), 0, "duplicate %s", id);
    }
}

/* Every area of the issue has rules, and every rule's text is present. */
Test(risk_rules, areas_and_texts)
{
    static const char *const areas[] = {"networking", "tls", "storage", "reliability", "operations", "iac", "plan"};
    risk_ruleset *rs = rt_rules();
    const risk_rule_info **rules;
    size_t n = risk_ruleset_rules(rs, &rules);
    cr_assert_eq(n, risk_builtin_count);
    for (size_t a = 0; a < sizeof areas / sizeof areas[0]; a++) {
        size_t in_area = 0;
        for (size_t i = 0; i < n; i++)
            in_area += strcmp(rules[i]->area, areas[a]) == 0;
        cr_expect_geq(in_area, 5, "area %s has %zu rules", areas[a], in_area);
    }
    for (size_t i = 0; i < n; i++) {
        cr_expect(rules[i]->title && *rules[i]->title);
        cr_expect(rules[i]->remediation && *rules[i]->remediation);
        cr_expect(!rules[i]->checkov || *rules[i]->checkov);
        cr_expect(!rules[i]->trivy || *rules[i]->trivy);
    }
    risk_ruleset_free(rs);
}

/* Findings come sorted: severity (worst first), then address, then rule. */
Test(risk_rules, findings_are_sorted)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_fixture("check-networking.json");
    risk_report *rep = rt_check(rs, p);
    cr_assert_gt(rep->nfindings, 10);
    for (size_t i = 1; i < rep->nfindings; i++) {
        const risk_finding *a = &rep->findings[i - 1], *b = &rep->findings[i];
        cr_expect_geq(a->rule->severity, b->rule->severity);
        if (a->rule->severity == b->rule->severity && a->address && b->address)
            cr_expect_leq(strcmp(a->address, b->address), 0, "%s before %s", a->address, b->address);
    }
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* Deleted resources are judged only by plan-level rules: a deleted public,
 * unencrypted database raises no configuration finding. */
Test(risk_rules, deleted_resources_get_no_configuration_findings)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_plan(
        "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_db_instance.gone\",\"mode\":\"managed\","
        "\"type\":\"aws_db_instance\",\"name\":\"gone\",\"provider_name\":\"aws\",\"change\":{\"actions\":[\"delete\"],"
        "\"before\":{\"publicly_accessible\":true,\"storage_encrypted\":false,\"multi_az\":false},\"after\":null}}]}");
    risk_report *rep = rt_check(rs, p);
    for (size_t i = 0; i < rep->nfindings; i++)
        cr_expect_eq(strcmp(rep->findings[i].rule->area, "plan"), 0, "%s fired on a delete",
                     rep->findings[i].rule->id);
    cr_expect_eq(rt_count(rep, "CIR-PLAN-001", "aws_db_instance.gone"), 1);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* Unchanged (no-op) resources are context for links, not findings. */
Test(risk_rules, noop_resources_get_no_findings)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_plan(
        "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_db_instance.old\",\"mode\":\"managed\","
        "\"type\":\"aws_db_instance\",\"name\":\"old\",\"provider_name\":\"aws\",\"change\":{\"actions\":[\"no-op\"],"
        "\"before\":{\"publicly_accessible\":true},\"after\":{\"publicly_accessible\":true}}}]}");
    risk_report *rep = rt_check(rs, p);
    cr_expect_eq(rep->nfindings, 0);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* The same plan twice gives each finding once. */
Test(risk_rules, duplicate_plans_do_not_duplicate_findings)
{
    risk_ruleset *rs = rt_rules();
    plan *p[2] = {rt_fixture("check-tls.json"), rt_fixture("check-tls.json")};
    plan *one = rt_fixture("check-tls.json");
    risk_report *rep, *single = rt_check(rs, one);
    cir_err err;
    cr_assert_eq(risk_check(p, 2, rs, NULL, &rep, &err), CIR_OK);
    cr_expect_eq(rep->nfindings, single->nfindings);
    risk_report_free(rep);
    risk_report_free(single);
    plan_free(p[0]);
    plan_free(p[1]);
    plan_free(one);
    risk_ruleset_free(rs);
}

/* Drift follows Terraform's own relevance filter when the plan has one. */
static size_t drift_findings(const char *relevant)
{
    char *json = xasprintf(
        "{\"format_version\":\"1.2\",%s\"resource_drift\":["
        "{\"address\":\"aws_s3_bucket.a\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"a\","
        "\"provider_name\":\"aws\",\"change\":{\"actions\":[\"update\"],\"before\":{\"x\":1},\"after\":{\"x\":2}}},"
        "{\"address\":\"aws_s3_bucket.b\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"b\","
        "\"provider_name\":\"aws\",\"change\":{\"actions\":[\"delete\"],\"before\":{\"x\":1},\"after\":null}}],"
        "\"resource_changes\":[]}",
        relevant);
    risk_ruleset *rs = rt_rules();
    plan *p = rt_plan(json);
    risk_report *rep = rt_check(rs, p);
    size_t n = rt_count(rep, "CIR-PLAN-011", "aws_s3_bucket.a") * 10 + rt_count(rep, "CIR-PLAN-011", "aws_s3_bucket.b");
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
    free(json);
    return n;
}

Test(risk_rules, drift_relevance)
{
    cr_expect_eq(drift_findings(""), 11);   /* no list: all drift */
    cr_expect_eq(drift_findings("\"relevant_attributes\":[],"), 1);   /* deletes always */
    cr_expect_eq(drift_findings("\"relevant_attributes\":[{\"resource\":\"aws_s3_bucket.a\",\"attribute\":[\"x\"]}],"), 11);
}
