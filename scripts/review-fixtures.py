#!/usr/bin/env python3
"""review-fixtures.py — writes the fixture plans of the review tests
(fixtures/plans/review-*.json): plans in the exact shape `terraform show
-json` prints, hand-written so each one exercises a part of the review.

Run from the repository root; rewriting a fixture changes the goldens under
tests/e2e/cases/review-*/, so regenerate those (UPDATE=1 tests/e2e/run.sh
review) and read the diff.
"""
import json
import os

AWS = "registry.terraform.io/hashicorp/aws"


def rc(address, actions, before=None, after=None, unknown=None, before_sensitive=None,
       after_sensitive=None, index=None, previous_address=None, replace_paths=None,
       action_reason=None, refs=None):
    """One resource_changes entry; type and name come from the address.
    `refs` are the configuration expressions that reference other
    resources ({"task_definition": ["aws_ecs_task_definition.api.arn", ...]})."""
    head = address.split("[")[0]
    rtype, name = head.split(".")[-2:]
    entry = {"address": address, "mode": "managed", "type": rtype, "name": name}
    if index is not None:
        entry["index"] = index
    entry["provider_name"] = AWS
    if previous_address:
        entry["previous_address"] = previous_address
    change = {
        "actions": actions,
        "before": before,
        "after": after,
        "after_unknown": unknown or {},
        "before_sensitive": before_sensitive if before_sensitive is not None else (False if before is None else {}),
        "after_sensitive": after_sensitive if after_sensitive is not None else (False if after is None else {}),
    }
    if replace_paths:
        change["replace_paths"] = replace_paths
    entry["change"] = change
    if action_reason:
        entry["action_reason"] = action_reason
    entry["_refs"] = refs or {}
    return entry


def expressions(refs):
    out = {}
    for attr, value in refs.items():
        if "." in attr:  # block.attr: a nested block, as Terraform writes it
            block, inner = attr.split(".", 1)
            out.setdefault(block, [{}])[0][inner] = {"references": value}
        else:
            out[attr] = {"references": value}
    return out


def plan(changes, region="us-east-1", variables=None):
    doc = {"format_version": "1.2", "terraform_version": "1.9.5"}
    if variables:
        doc["variables"] = variables
    doc["planned_values"] = {"root_module": {}}
    config = {}
    for c in changes:
        head = c["address"].split("[")[0]
        config.setdefault(head, {"address": head, "mode": "managed", "type": c["type"], "name": c["name"],
                                 "provider_config_key": "aws", "expressions": expressions(c["_refs"]),
                                 "schema_version": 0})
        del c["_refs"]
    doc["resource_changes"] = changes
    doc["configuration"] = {
        "provider_config": {
            "aws": {"name": "aws", "full_name": AWS,
                    "expressions": {"region": {"constant_value": region}}}
        },
        "root_module": {"resources": list(config.values())},
    }
    return doc


def containers(*defs):
    return json.dumps(list(defs), separators=(",", ":"), sort_keys=True)


def sg(ingress, egress=None, **extra):
    body = {"name": extra.pop("name", None), "description": "Managed by Terraform",
            "vpc_id": "vpc-0a1b2c3d", "ingress": ingress,
            "egress": egress if egress is not None else
            [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"],
              "ipv6_cidr_blocks": [], "security_groups": [], "self": False, "prefix_list_ids": [],
              "description": ""}],
            "tags": extra.pop("tags", {"Environment": "production"})}
    body.update(extra)
    return body


def rule(port, cidrs=(), groups=(), proto="tcp", to=None, desc=""):
    return {"from_port": port, "to_port": port if to is None else to, "protocol": proto,
            "cidr_blocks": list(cidrs), "ipv6_cidr_blocks": [], "security_groups": list(groups),
            "self": False, "prefix_list_ids": [], "description": desc}


# ---- a small web stack: ALB, Auto Scaling group, NAT, a bastion ------------

def web():
    subnets = []
    for kind, azs in (("public", "ab"), ("private", "ab")):
        for i, az in enumerate(azs):
            subnets.append(rc(f'aws_subnet.{kind}["{az}"]', ["create"], after={
                "availability_zone": f"us-east-1{az}",
                "cidr_block": f"10.0.{(0 if kind == 'public' else 10) + i}.0/24",
                "map_public_ip_on_launch": kind == "public", "tags": {"Tier": kind}},
                unknown={"id": True, "vpc_id": True, "arn": True}, index=az))
    return plan([
        rc("aws_vpc.main", ["create"], after={"cidr_block": "10.0.0.0/16", "enable_dns_hostnames": True,
                                              "tags": {"Name": "web"}}, unknown={"id": True}),
        *subnets,
        rc("aws_internet_gateway.main", ["create"], after={"tags": {"Name": "web"}},
           unknown={"id": True, "vpc_id": True}),
        rc("aws_eip.nat", ["create"], after={"domain": "vpc", "tags": {}}, unknown={"public_ip": True}),
        rc("aws_nat_gateway.main", ["create"], after={"connectivity_type": "public", "tags": {}},
           unknown={"allocation_id": True, "subnet_id": True},
           refs={"allocation_id": ["aws_eip.nat.id", "aws_eip.nat"],
                 "subnet_id": ['aws_subnet.public["a"].id', 'aws_subnet.public["a"]', "aws_subnet.public"]}),
        rc("aws_security_group.alb", ["create"], after=sg(
            [rule(80, ["0.0.0.0/0"]), rule(443, ["0.0.0.0/0"])], name="web-alb"), unknown={"id": True}),
        rc("aws_security_group.web", ["create"], after=sg(
            [rule(80, groups=["sg-0alb00000000000a"])], name="web-app"), unknown={"id": True}),
        rc("aws_lb.web", ["create"], after={
            "name": "web", "load_balancer_type": "application", "internal": False,
            "enable_deletion_protection": False, "drop_invalid_header_fields": True,
            "access_logs": [], "tags": {}},
           unknown={"subnets": True, "security_groups": True, "arn": True, "dns_name": True}),
        rc("aws_lb_target_group.web", ["create"], after={
            "name": "web", "port": 80, "protocol": "HTTP", "target_type": "instance",
            "health_check": [{"enabled": True, "path": "/healthz", "protocol": "HTTP", "interval": 15,
                              "healthy_threshold": 3, "unhealthy_threshold": 3, "matcher": "200",
                              "timeout": 5, "port": "traffic-port"}]},
           unknown={"arn": True, "vpc_id": True}),
        rc("aws_lb_listener.http", ["create"], after={
            "port": 80, "protocol": "HTTP",
            "default_action": [{"type": "redirect", "redirect": [{"protocol": "HTTPS", "port": "443",
                                                                   "status_code": "HTTP_301"}]}]},
           unknown={"load_balancer_arn": True}),
        rc("aws_lb_listener.https", ["create"], after={
            "port": 443, "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c",
            "default_action": [{"type": "forward"}]},
           unknown={"load_balancer_arn": True, "default_action": [{"target_group_arn": True}]}),
        rc("aws_launch_template.web", ["create"], after={
            "name": "web", "image_id": "ami-0abcdef1234567890", "instance_type": "t2.medium",
            "metadata_options": [{"http_tokens": "required", "http_endpoint": "enabled"}],
            "block_device_mappings": [{"device_name": "/dev/xvda",
                                       "ebs": [{"volume_size": 20, "volume_type": "gp3", "encrypted": "true"}]}],
            "monitoring": [{"enabled": True}]},
           unknown={"id": True, "latest_version": True, "vpc_security_group_ids": True}),
        rc("aws_autoscaling_group.web", ["create"], after={
            "name": "web", "min_size": 2, "max_size": 6, "desired_capacity": 2, "health_check_type": "ELB",
            "health_check_grace_period": 120, "launch_template": [{"version": "$Latest"}]},
           unknown={"vpc_zone_identifier": True, "target_group_arns": True,
                    "launch_template": [{"id": True}]},
           refs={"launch_template.id": ["aws_launch_template.web.id", "aws_launch_template.web"],
                 "vpc_zone_identifier": ["aws_subnet.private"],
                 "target_group_arns": ["aws_lb_target_group.web.arn", "aws_lb_target_group.web"]}),
        rc("aws_autoscaling_policy.cpu", ["create"], after={
            "name": "cpu-50", "policy_type": "TargetTrackingScaling",
            "target_tracking_configuration": [{"target_value": 50}]},
           unknown={"autoscaling_group_name": True}),
        rc("aws_cloudwatch_metric_alarm.alb_5xx", ["create"], after={
            "alarm_name": "web-5xx", "metric_name": "HTTPCode_ELB_5XX_Count", "namespace": "AWS/ApplicationELB",
            "comparison_operator": "GreaterThanThreshold", "threshold": 10, "period": 60,
            "evaluation_periods": 5, "statistic": "Sum"}),
        rc("aws_instance.bastion", ["create"], after={
            "ami": "ami-0abcdef1234567890", "instance_type": "t2.micro", "monitoring": False,
            "associate_public_ip_address": True,
            "metadata_options": [{"http_tokens": "optional", "http_endpoint": "enabled"}],
            "root_block_device": [{"volume_size": 30, "volume_type": "gp2", "encrypted": True,
                                   "delete_on_termination": True}],
            "tags": {"Name": "bastion"}},
           unknown={"id": True, "subnet_id": True, "public_ip": True}),
        rc("aws_ebs_volume.data", ["create"], after={
            "availability_zone": "us-east-1a", "size": 200, "type": "gp2", "encrypted": True, "tags": {}},
           unknown={"id": True}),
    ])


# ---- ECS on Fargate behind an ALB, with RDS -----------------------------------

def ecs():
    api_v1 = {"name": "api", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-api:1.8.2",
              "essential": True, "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
              "environment": [{"name": "LOG_LEVEL", "value": "info"}],
              "secrets": [{"name": "DB_PASSWORD",
                           "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds-pw"}],
              "logConfiguration": {"logDriver": "awslogs",
                                   "options": {"awslogs-group": "/ecs/shop-api", "awslogs-region": "us-east-1"}},
              "healthCheck": {"command": ["CMD-SHELL", "curl -fs localhost:8080/health"], "interval": 30}}
    api_v2 = dict(api_v1, image="123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-api:1.9.0",
                  environment=[{"name": "LOG_LEVEL", "value": "info"}, {"name": "FEATURE_CART", "value": "on"}])
    taskdef = {"family": "shop-api", "cpu": "512", "memory": "1024", "network_mode": "awsvpc",
               "requires_compatibilities": ["FARGATE"],
               "execution_role_arn": "arn:aws:iam::123456789012:role/shop-exec"}
    service = {"name": "api", "cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/shop", "desired_count": 3,
               "launch_type": "FARGATE", "platform_version": "LATEST",
               "task_definition": "arn:aws:ecs:us-east-1:123456789012:task-definition/shop-api:41",
               "deployment_minimum_healthy_percent": 100, "deployment_maximum_percent": 200,
               "deployment_circuit_breaker": [{"enable": True, "rollback": True}],
               "health_check_grace_period_seconds": 60,
               "network_configuration": [{"subnets": ["subnet-0a1", "subnet-0b2", "subnet-0c3"],
                                          "security_groups": ["sg-0api0000000000001"],
                                          "assign_public_ip": False}],
               "load_balancer": [{"container_name": "api", "container_port": 8080,
                                  "target_group_arn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1"}]}
    return plan([
        rc("aws_ecs_cluster.shop", ["no-op"], before={"name": "shop", "setting": [{"name": "containerInsights", "value": "enabled"}]},
           after={"name": "shop", "setting": [{"name": "containerInsights", "value": "enabled"}]}),
        rc("aws_ecs_task_definition.api", ["delete", "create"],
           before=dict(taskdef, container_definitions=containers(api_v1), revision=41),
           after=dict(taskdef, container_definitions=containers(api_v2)),
           unknown={"revision": True, "arn": True}, replace_paths=[["container_definitions"]],
           action_reason="replace_because_cannot_update"),
        rc("aws_ecs_service.api", ["update"], before=service, after=dict(service, task_definition=None),
           unknown={"task_definition": True},
           refs={"task_definition": ["aws_ecs_task_definition.api.arn", "aws_ecs_task_definition.api"]}),
        rc("aws_appautoscaling_target.api", ["create"], after={
            "service_namespace": "ecs", "resource_id": "service/shop/api",
            "scalable_dimension": "ecs:service:DesiredCount", "min_capacity": 3, "max_capacity": 12}),
        rc("aws_appautoscaling_policy.api_cpu", ["create"], after={
            "name": "api-cpu", "policy_type": "TargetTrackingScaling", "service_namespace": "ecs",
            "resource_id": "service/shop/api"}),
        rc("aws_lb.api", ["create"], after={
            "name": "shop-api", "load_balancer_type": "application", "internal": False,
            "subnets": ["subnet-0p1", "subnet-0p2", "subnet-0p3"], "enable_deletion_protection": True,
            "drop_invalid_header_fields": True,
            "access_logs": [{"enabled": True, "bucket": "shop-alb-logs", "prefix": "api"}]},
           unknown={"arn": True, "dns_name": True}),
        rc("aws_lb_target_group.api", ["create"], after={
            "name": "shop-api", "port": 8080, "protocol": "HTTP", "target_type": "ip",
            "health_check": [{"enabled": True, "path": "/health", "protocol": "HTTP", "interval": 15,
                              "healthy_threshold": 2, "unhealthy_threshold": 3, "matcher": "200"}]},
           unknown={"arn": True}),
        rc("aws_lb_listener.https", ["create"], after={
            "port": 443, "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/9a8b7c6d",
            "default_action": [{"type": "forward"}]},
           unknown={"load_balancer_arn": True, "default_action": [{"target_group_arn": True}]}),
        rc("aws_security_group.alb", ["create"], after=sg([rule(443, ["0.0.0.0/0"])], name="shop-alb"),
           unknown={"id": True}),
        rc("aws_security_group.db", ["create"], after=sg(
            [rule(3306, groups=["sg-0api0000000000001"])],
            egress=[], name="shop-db"), unknown={"id": True}),
        rc("aws_db_subnet_group.main", ["create"], after={
            "name": "shop", "subnet_ids": ["subnet-0a1", "subnet-0b2", "subnet-0c3"]}),
        rc("aws_db_instance.main", ["create"], after={
            "identifier": "shop", "engine": "mysql", "engine_version": "8.0", "instance_class": "db.t3.large",
            "multi_az": True, "allocated_storage": 100, "max_allocated_storage": 500, "storage_type": "gp3",
            "storage_encrypted": True, "backup_retention_period": 7, "deletion_protection": True,
            "skip_final_snapshot": False, "final_snapshot_identifier": "shop-final",
            "publicly_accessible": False, "manage_master_user_password": True, "username": "shop",
            "performance_insights_enabled": True, "monitoring_interval": 60,
            "enabled_cloudwatch_logs_exports": ["error", "slowquery"], "apply_immediately": False,
            "db_subnet_group_name": "shop", "copy_tags_to_snapshot": True, "auto_minor_version_upgrade": True},
           unknown={"id": True, "endpoint": True, "master_user_secret": True}),
        rc("aws_cloudwatch_log_group.api", ["create"], after={
            "name": "/ecs/shop-api", "retention_in_days": 30}, unknown={"arn": True}),
        rc("aws_cloudwatch_metric_alarm.api_cpu", ["create"], after={
            "alarm_name": "shop-api-cpu", "metric_name": "CPUUtilization", "namespace": "AWS/ECS",
            "comparison_operator": "GreaterThanThreshold", "threshold": 80, "period": 60,
            "evaluation_periods": 3, "statistic": "Average"}),
        rc("aws_cloudwatch_metric_alarm.db_cpu", ["create"], after={
            "alarm_name": "shop-db-cpu", "metric_name": "CPUUtilization", "namespace": "AWS/RDS",
            "comparison_operator": "GreaterThanThreshold", "threshold": 80, "period": 60,
            "evaluation_periods": 3, "statistic": "Average"}),
    ])


# ---- EKS: cluster, node groups, NAT per AZ -----------------------------------

def eks():
    azs = ["us-east-1a", "us-east-1b", "us-east-1c"]
    subnets = [rc(f'aws_subnet.private["{az}"]', ["create"], after={
        "availability_zone": az, "cidr_block": f"10.1.{i}.0/24", "map_public_ip_on_launch": False,
        "tags": {"kubernetes.io/role/internal-elb": "1"}}, unknown={"id": True, "vpc_id": True}, index=az)
        for i, az in enumerate(azs)]
    nat = []
    for az in azs:
        nat.append(rc(f'aws_eip.nat["{az}"]', ["create"], after={"domain": "vpc"}, unknown={"public_ip": True},
                      index=az))
        nat.append(rc(f'aws_nat_gateway.az["{az}"]', ["create"], after={"connectivity_type": "public"},
                      unknown={"allocation_id": True, "subnet_id": True}, index=az))
    legacy = {"node_group_name": "legacy", "instance_types": ["m3.large"], "ami_type": "AL2_x86_64",
              "capacity_type": "ON_DEMAND", "disk_size": 50, "release_version": "1.28.5-20240110",
              "version": "1.28", "subnet_ids": ["subnet-0e1", "subnet-0e2"],
              "scaling_config": [{"desired_size": 2, "min_size": 2, "max_size": 2}],
              "update_config": [{"max_unavailable": 1}]}
    return plan([
        rc("aws_eks_cluster.main", ["create"], after={
            "name": "platform", "version": "1.29", "enabled_cluster_log_types": ["api", "audit", "authenticator"],
            "vpc_config": [{"endpoint_private_access": True, "endpoint_public_access": True,
                            "public_access_cidrs": ["203.0.113.0/24"]}],
            "encryption_config": [{"resources": ["secrets"]}]},
           unknown={"arn": True, "endpoint": True, "role_arn": True,
                    "vpc_config": [{"subnet_ids": True, "cluster_security_group_id": True}],
                    "encryption_config": [{"provider": True}]}),
        rc("aws_eks_node_group.general", ["create"], after={
            "node_group_name": "general", "instance_types": ["t3.medium"], "ami_type": "AL2_x86_64",
            "capacity_type": "ON_DEMAND", "disk_size": 20,
            "scaling_config": [{"desired_size": 3, "min_size": 2, "max_size": 5}],
            "update_config": [{"max_unavailable": 1}], "labels": {"pool": "general"}},
           unknown={"subnet_ids": True, "node_role_arn": True, "release_version": True, "version": True}),
        rc("aws_eks_node_group.legacy", ["update"], before=legacy,
           after=dict(legacy, release_version="1.28.5-20240227")),
        rc("aws_iam_role.cluster", ["create"], after={
            "name": "platform-cluster",
            "assume_role_policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"eks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"},
           unknown={"arn": True, "id": True}),
        rc("aws_iam_role_policy_attachment.cluster", ["create"], after={
            "policy_arn": "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", "role": "platform-cluster"}),
        rc("aws_cloudwatch_log_group.eks", ["create"], after={
            "name": "/aws/eks/platform/cluster", "retention_in_days": 90}),
        rc("aws_security_group_rule.nodes_https", ["create"], after={
            "type": "ingress", "from_port": 443, "to_port": 443, "protocol": "tcp",
            "cidr_blocks": ["10.1.0.0/16"], "description": "API from the VPC"},
           unknown={"security_group_id": True}),
        *subnets, *nat,
    ])


# ---- decommissioning: stateful deletes ---------------------------------------

def destroy():
    return plan([
        rc("aws_db_instance.legacy", ["delete"], before={
            "identifier": "legacy", "engine": "postgres", "engine_version": "13.7",
            "instance_class": "db.m5.large", "multi_az": False, "allocated_storage": 200, "storage_type": "gp2",
            "skip_final_snapshot": True, "deletion_protection": False, "backup_retention_period": 7,
            "storage_encrypted": True}),
        rc("aws_s3_bucket.uploads", ["delete"], before={
            "bucket": "acme-legacy-uploads", "force_destroy": True, "tags": {}}),
        rc("aws_ecs_service.legacy", ["delete"], before={
            "name": "legacy", "desired_count": 2, "launch_type": "FARGATE",
            "task_definition": "arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:7"}),
        rc("aws_lb.legacy", ["delete"], before={
            "name": "legacy", "load_balancer_type": "application", "internal": False,
            "enable_deletion_protection": False, "subnets": ["subnet-0a", "subnet-0b"]}),
        rc("aws_instance.worker", ["delete", "create"],
           before={"ami": "ami-0aaaaaaaaaaaaaaaa", "instance_type": "m5.large",
                   "metadata_options": [{"http_tokens": "required"}],
                   "root_block_device": [{"volume_size": 20, "volume_type": "gp3", "encrypted": True}]},
           after={"ami": "ami-0bbbbbbbbbbbbbbbb", "instance_type": "m5.large",
                  "metadata_options": [{"http_tokens": "required"}],
                  "root_block_device": [{"volume_size": 20, "volume_type": "gp3", "encrypted": True}]},
           unknown={"id": True, "private_ip": True}, replace_paths=[["ami"]],
           action_reason="replace_because_cannot_update"),
    ])


# ---- a clean change: nothing created, nothing priced -------------------------

def clean():
    lifecycle = {"bucket": "acme-app-logs", "rule": [{"id": "expire", "status": "Enabled",
                                                    "expiration": [{"days": 30}], "filter": [{"prefix": "logs/"}]}]}
    routes = {"vpc_id": "vpc-0a1b2c3d", "route": [], "tags": {"Name": "private", "Team": "platform"}}
    return plan([
        rc("aws_s3_bucket_lifecycle_configuration.logs", ["update"], before=lifecycle,
           after=dict(lifecycle, rule=[dict(lifecycle["rule"][0], expiration=[{"days": 90}])])),
        rc("aws_route_table.private", ["update"], before=routes,
           after=dict(routes, tags={"Name": "private", "Team": "infra"})),
        rc("aws_s3_bucket_versioning.logs", ["no-op"],
           before={"bucket": "acme-app-logs", "versioning_configuration": [{"status": "Enabled"}]},
           after={"bucket": "acme-app-logs", "versioning_configuration": [{"status": "Enabled"}]}),
        rc("aws_iam_policy.read_only", ["no-op"], before={"name": "read-only"}, after={"name": "read-only"},
           previous_address="aws_iam_policy.readonly"),
    ])


# ---- sensitive values everywhere (the output must never show them) -----------

def secrets():
    app = {"name": "app", "image": "nginx:1.27", "memory": 512,
           "environment": [{"name": "API_TOKEN", "value": "Zx9-SECRET-ENV-TOKEN-88aa"}],
           "logConfiguration": {"logDriver": "awslogs"}}
    pw_before = {"identifier": "other", "engine": "postgres", "instance_class": "db.t3.micro",
                 "password": "Zx9-SECRET-OLD-PW-1a", "username": "app", "multi_az": False,
                 "allocated_storage": 20, "storage_type": "gp3", "backup_retention_period": 7,
                 "storage_encrypted": True}
    return plan([
        rc("aws_db_instance.main", ["create"], after={
            "identifier": "main", "engine": "mysql", "engine_version": "8.0", "instance_class": "db.t3.micro",
            "username": "admin", "password": "Zx9-SECRET-DB-PASSWORD-1d7f", "multi_az": False,
            "allocated_storage": 20, "storage_type": "gp3", "storage_encrypted": True,
            "backup_retention_period": 7, "skip_final_snapshot": True,
            "tags": {"Owner": "Zx9-SECRET-TAG-42", "Team": "web"}},
           after_sensitive={"password": True, "tags": {"Owner": True}}, unknown={"id": True}),
        rc("aws_db_instance.other", ["update"], before=pw_before,
           after=dict(pw_before, password="Zx9-SECRET-NEW-PW-2b"),
           before_sensitive={"password": True}, after_sensitive={"password": True}),
        rc("aws_ecs_task_definition.app", ["create"], after={
            "family": "app", "container_definitions": containers(app), "cpu": "256", "memory": "512",
            "requires_compatibilities": ["FARGATE"], "network_mode": "awsvpc"}, unknown={"arn": True}),
        rc("aws_ecs_task_definition.vault", ["create"], after={
            "family": "vault", "cpu": "256", "memory": "512",
            "container_definitions": containers({"name": "vault", "image": "Zx9-SECRET-IMAGE-9f",
                                                  "environment": [{"name": "K", "value": "Zx9-SECRET-ENV-2"}]})},
           after_sensitive={"container_definitions": True}, unknown={"arn": True}),
        rc("aws_ssm_parameter.token", ["create"], after={
            "name": "/app/token", "type": "SecureString", "value": "Zx9-SECRET-SSM-VALUE-5c3e"},
           after_sensitive={"value": True}),
        rc("aws_secretsmanager_secret_version.api", ["create"], after={
            "secret_string": "Zx9-SECRET-STRING-77b1"}, after_sensitive={"secret_string": True},
           unknown={"secret_id": True}),
        rc("aws_security_group.admin", ["create"], after=sg(
            [rule(22, ["198.51.100.123/32"], desc="Zx9-SECRET-DESC")], name="admin"),
           after_sensitive={"ingress": [{"cidr_blocks": [True], "description": True}]},
           unknown={"id": True}),
        rc("aws_lambda_function.worker", ["create"], after={
            "function_name": "worker", "runtime": "python3.12", "memory_size": 256, "timeout": 30,
            "environment": [{"variables": {"DB_URL": "Zx9-SECRET-LAMBDA-ENV"}}]},
           after_sensitive={"environment": [{"variables": {"DB_URL": True}}]},
           unknown={"arn": True, "role": True}),
    ], variables={"db_password": {"value": "Zx9-SECRET-VAR-0001"}})


FIXTURES = {"review-web": web, "review-ecs": ecs, "review-eks": eks, "review-destroy": destroy,
            "review-clean": clean, "review-secrets": secrets}

if __name__ == "__main__":
    os.makedirs("fixtures/plans", exist_ok=True)
    for name, make in FIXTURES.items():
        with open(f"fixtures/plans/{name}.json", "w") as f:
            json.dump(make(), f, indent=2)
            f.write("\n")
        print(f"fixtures/plans/{name}.json")
