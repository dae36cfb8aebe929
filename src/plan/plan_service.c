/*
 * plan_service.c — resource type prefix to AWS service name.  The first
 * matching prefix wins, so longer prefixes come before the shorter ones
 * they start with ("aws_cloudwatch_log_" before "aws_cloudwatch_").
 */
#include "plan_service.h"

#include <string.h>

static const struct {
    const char *prefix, *service;
} services[] = {
    {"aws_db_", "Amazon RDS"}, {"aws_rds_", "Amazon RDS"},
    {"aws_ebs_", "Amazon EBS"}, {"aws_volume_attachment", "Amazon EBS"},
    {"aws_autoscaling_", "Amazon EC2 Auto Scaling"},
    {"aws_instance", "Amazon EC2"}, {"aws_launch_", "Amazon EC2"}, {"aws_eip", "Amazon EC2"},
    {"aws_lb", "Elastic Load Balancing"}, {"aws_alb", "Elastic Load Balancing"},
    {"aws_elb", "Elastic Load Balancing"},
    {"aws_nat_gateway", "Amazon VPC"}, {"aws_vpc_endpoint", "AWS PrivateLink"},
    {"aws_vpc", "Amazon VPC"}, {"aws_subnet", "Amazon VPC"}, {"aws_flow_log", "Amazon VPC"},
    {"aws_eks_", "Amazon EKS"}, {"aws_ecs_", "Amazon ECS"}, {"aws_ecr_", "Amazon ECR"},
    {"aws_efs_", "Amazon EFS"}, {"aws_elasticache_", "Amazon ElastiCache"},
    {"aws_cloudwatch_log_", "Amazon CloudWatch Logs"}, {"aws_cloudwatch_", "Amazon CloudWatch"},
    {"aws_secretsmanager_", "AWS Secrets Manager"}, {"aws_kms_", "AWS KMS"},
    {"aws_route53_", "Amazon Route 53"}, {"aws_s3_", "Amazon S3"}, {"aws_lambda_", "AWS Lambda"},
    {"aws_dynamodb_", "Amazon DynamoDB"}, {"aws_sqs_", "Amazon SQS"}, {"aws_sns_", "Amazon SNS"},
    {"aws_cloudfront_", "Amazon CloudFront"}, {"aws_api_gateway_", "Amazon API Gateway"},
    {"aws_apigatewayv2_", "Amazon API Gateway"}, {"aws_opensearch_", "Amazon OpenSearch Service"},
    {"aws_elasticsearch_", "Amazon OpenSearch Service"}, {"aws_msk_", "Amazon MSK"},
    {"aws_kinesis_", "Amazon Kinesis"}, {"aws_wafv2_", "AWS WAF"}, {"aws_acm_", "AWS Certificate Manager"},
    {"aws_iam_", "AWS IAM"}, {"aws_ssm_", "AWS Systems Manager"}, {"aws_redshift_", "Amazon Redshift"},
    {"aws_docdb_", "Amazon DocumentDB"}, {"aws_backup_", "AWS Backup"}, {"aws_sfn_", "AWS Step Functions"},
    {"aws_cognito_", "Amazon Cognito"}, {"aws_mq_", "Amazon MQ"}, {"aws_memorydb_", "Amazon MemoryDB"},
    {"aws_security_group", "Amazon VPC"}, {"aws_route", "Amazon VPC"}, {"aws_internet_gateway", "Amazon VPC"},
};

const char *plan_service_name(const char *type)
{
    for (size_t i = 0; type && i < sizeof services / sizeof services[0]; i++)
        if (strncmp(type, services[i].prefix, strlen(services[i].prefix)) == 0)
            return services[i].service;
    return "AWS";
}
