/*
 * offers.c — the AWS offers `pricing sync` fetches when no --service is
 * given: every offer a cost model reads (reference/aws-price-list.md §4).
 * Several priced things share an offer (EBS, NAT gateway and instances are
 * all AmazonEC2; Fargate is under both AmazonECS and AmazonEKS), so the list
 * is shorter than the list of things priced.
 */
#include "pricing.h"

#include <stddef.h>

const char *const price_default_services[] = {
    "AmazonEC2",         /* instances, EBS volumes/IOPS/throughput/snapshots, NAT gateway */
    "AmazonRDS",         /* instances, storage, provisioned IOPS, backups */
    "AWSELB",            /* ALB, NLB, GWLB, CLB */
    "AmazonVPC",         /* public IPv4 / Elastic IP, VPC endpoints */
    "AmazonEKS",         /* control plane, Fargate on EKS */
    "AmazonECS",         /* Fargate on ECS */
    "AmazonEFS",         /* storage classes, provisioned throughput */
    "AmazonElastiCache", /* cache nodes */
    "AWSLambda",         /* requests, duration, ephemeral storage */
    "AmazonS3",          /* storage, requests */
    "AmazonCloudWatch",  /* metrics, log ingestion and storage */
    "AWSSecretsManager", /* secrets, API requests */
    "awskms",            /* keys, requests */
    "AmazonRoute53",     /* hosted zones */
    "AmazonDynamoDB",    /* provisioned and on-demand throughput, storage */
    NULL,
};
