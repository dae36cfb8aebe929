/*
 * plan_types.h — sets of resource types that more than one module asks
 * about, written once: the built-in risk rules name them in their
 * resource_types (a comma-separated list, '*' only at the end of a name),
 * and the review tests a resource against the same text with
 * plan_type_in().  A type added here reaches both.
 */
#ifndef CIRCUIT_PLAN_TYPES_H
#define CIRCUIT_PLAN_TYPES_H

#include <stdbool.h>

/* Resources whose deletion loses data (risk catalogue §7, minus the
 * cluster *_instance types, whose data lives in the cluster). */
#define PLAN_TYPES_STATEFUL                                                             \
    "aws_db_instance,aws_rds_cluster,aws_rds_global_cluster,aws_efs_file_system,"       \
    "aws_dynamodb_table,aws_dynamodb_global_table,aws_s3_bucket,aws_ebs_volume,"        \
    "aws_elasticache_cluster,aws_elasticache_replication_group,aws_memorydb_cluster,"   \
    "aws_opensearch_domain,aws_elasticsearch_domain,aws_docdb_cluster,"                 \
    "aws_neptune_cluster,aws_redshift_cluster,aws_fsx_*,aws_backup_vault,"              \
    "aws_cognito_user_pool,aws_emr_cluster,aws_qldb_ledger,aws_cloudwatch_log_group,"   \
    "aws_sqs_queue,aws_kms_key,aws_secretsmanager_secret,aws_ecr_repository,"           \
    "aws_kinesis_stream,aws_msk_cluster,aws_route53_zone"

/* Resources that serve traffic (risk catalogue §7): destroying one before
 * its replacement exists is an outage.  An EFS file system serves its
 * mounts: replaced destroy-first, every client loses it. */
#define PLAN_TYPES_SERVING                                                              \
    "aws_lb,aws_alb,aws_elb,aws_lb_listener,aws_alb_listener,aws_lb_target_group,"      \
    "aws_alb_target_group,aws_ecs_service,aws_instance,aws_autoscaling_group,"          \
    "aws_db_instance,aws_rds_cluster,aws_rds_cluster_instance,aws_elasticache_cluster," \
    "aws_elasticache_replication_group,aws_eks_cluster,aws_eks_node_group,"             \
    "aws_security_group,aws_nat_gateway,aws_route53_record,aws_cloudfront_distribution," \
    "aws_apigatewayv2_api,aws_api_gateway_rest_api,aws_efs_file_system"

/* Whether `type` is in `set`, a list as above ("aws_fsx_*" holds every type
 * that starts with "aws_fsx_").  False for a NULL type or set. */
bool plan_type_in(const char *set, const char *type);

#endif
