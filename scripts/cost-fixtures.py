#!/usr/bin/env python3
"""cost-fixtures.py — writes the fixture plans and usage files the cost
tests use (fixtures/plans/cost-*.json, fixtures/usage/cost-*.json).

Each plan is shaped like `terraform show -json` output: resource_changes
with before/after/after_unknown, and a configuration block whose provider
config carries the region and whose resource expressions carry the
references the cost models follow (launch templates, task definitions,
subnets).  Run from the repository root; the output is deterministic.
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def res(address, type_, after=None, before=None, actions=("create",), unknown=None, refs=None,
        index=None, module=None, mode="managed", provider="registry.terraform.io/hashicorp/aws",
        sensitive=None, deposed=None):
    name = address.split(".")[-1].split("[")[0]
    rc = {"address": address, "mode": mode, "type": type_, "name": name, "provider_name": provider,
          "change": {"actions": list(actions), "before": before, "after": after,
                     "after_unknown": unknown or {},
                     "before_sensitive": False if before is None else {},
                     "after_sensitive": sensitive if sensitive is not None else (False if after is None else {})}}
    if index is not None:
        rc["index"] = index
    if module:
        rc["module_address"] = module
    if deposed:
        rc["deposed"] = deposed
    rc["_refs"] = refs or {}
    return rc


def plan(resources, region="us-east-1"):
    config_resources = {}
    for r in resources:
        refs = r.pop("_refs")
        if r["mode"] != "managed" or not r["provider_name"].endswith("/aws"):
            continue
        key = (r.get("module_address"), r["type"] + "." + r["name"])
        entry = config_resources.setdefault(key, {
            "address": key[1], "mode": "managed", "type": r["type"], "name": r["name"],
            "provider_config_key": "aws", "expressions": {}})
        entry["expressions"].update(refs)
    root = {"resources": [v for (m, _), v in sorted(config_resources.items(), key=lambda kv: kv[0][1]) if not m]}
    calls = {}
    for (m, _), v in sorted(config_resources.items(), key=lambda kv: kv[0][1]):
        if not m:
            continue
        name = m.split(".")[1].split("[")[0]
        calls.setdefault(name, {"source": "./modules/" + name, "module": {"resources": []}})
        calls[name]["module"]["resources"].append(v)
    if calls:
        root["module_calls"] = calls
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "resource_changes": sorted(resources, key=lambda r: r["address"]),
        "configuration": {
            "provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws",
                                        "expressions": {"region": {"constant_value": region}}}},
            "root_module": root,
        },
    }


def ref(*targets):
    return {"references": list(targets)}


def instance(t, **kw):
    a = {"instance_type": t, "ami": "ami-0123456789abcdef0", "tenancy": "default", "monitoring": False,
         "ebs_optimized": False, "credit_specification": [],
         "root_block_device": [{"volume_size": 8, "volume_type": "gp2", "iops": 100, "throughput": 0}],
         "ebs_block_device": []}
    a.update(kw)
    return a


def rds(engine, cls, **kw):
    a = {"engine": engine, "instance_class": cls, "allocated_storage": 20, "storage_type": "gp2",
         "multi_az": False, "iops": 0, "backup_retention_period": 0}
    a.update(kw)
    return a


def golden():
    r = [
        res("aws_instance.t3_medium", "aws_instance", instance("t3.medium")),
        res("aws_instance.m5_large", "aws_instance", instance("m5.large", root_block_device=[])),
        res("aws_instance.m3_medium", "aws_instance", instance("m3.medium", root_block_device=[])),
        res("aws_instance.t3_large", "aws_instance", instance("t3.large", root_block_device=[],
                                                               credit_specification=[{"cpu_credits": "standard"}])),
        res("aws_instance.t2_medium", "aws_instance", instance("t2.medium", root_block_device=[])),
        res("aws_instance.r3_xlarge", "aws_instance", instance("r3.xlarge", ebs_optimized=True, root_block_device=[])),
        res("aws_instance.dedicated", "aws_instance", instance("m3.medium", tenancy="dedicated", root_block_device=[])),
        res("aws_instance.monitored", "aws_instance", instance("t3.micro", monitoring=True, root_block_device=[])),
        res("aws_instance.credits", "aws_instance", instance("t3.medium", root_block_device=[],
                                                             credit_specification=[{"cpu_credits": "unlimited"}])),
        res("aws_instance.windows", "aws_instance", instance("t3.medium", root_block_device=[])),
        res("aws_ebs_volume.gp2", "aws_ebs_volume", {"type": "gp2", "size": 10}),
        res("aws_ebs_volume.gp3", "aws_ebs_volume", {"type": "gp3", "size": 40, "iops": 4000, "throughput": 130}),
        res("aws_ebs_volume.io1", "aws_ebs_volume", {"type": "io1", "size": 30, "iops": 300}),
        res("aws_ebs_volume.st1", "aws_ebs_volume", {"type": "st1", "size": 40}),
        res("aws_ebs_volume.sc1", "aws_ebs_volume", {"type": "sc1", "size": 50}),
        res("aws_ebs_volume.standard", "aws_ebs_volume", {"type": "standard", "size": 20}),
        res("aws_db_instance.mysql", "aws_db_instance", rds("mysql", "db.t3.large")),
        res("aws_db_instance.mysql_multi_az", "aws_db_instance", rds("mysql", "db.t3.large", multi_az=True,
                                                                     allocated_storage=30)),
        res("aws_db_instance.postgres", "aws_db_instance", rds("postgres", "db.t3.large")),
        res("aws_db_instance.io1", "aws_db_instance", rds("mysql", "db.t3.large", storage_type="io1",
                                                          allocated_storage=50, iops=1200)),
        res("aws_db_instance.io1_low", "aws_db_instance", rds("mysql", "db.t3.large", storage_type="io1",
                                                              allocated_storage=100, iops=500)),
        res("aws_db_instance.gp3", "aws_db_instance", rds("mysql", "db.t4g.small", storage_type="gp3",
                                                          multi_az=True, allocated_storage=400, iops=14000)),
        res("aws_db_instance.micro", "aws_db_instance", rds("mysql", "db.t3.micro")),
        res("aws_db_instance.oracle", "aws_db_instance", rds("oracle-se2", "db.t3.large",
                                                             license_model="license-included")),
        res("aws_db_instance.sqlserver_web", "aws_db_instance", rds("sqlserver-web", "db.t3.large")),
        res("aws_db_instance.sqlserver_ex", "aws_db_instance", rds("sqlserver-ex", "db.t3.large")),
        res("aws_nat_gateway.main", "aws_nat_gateway", {"connectivity_type": "public"}),
        res("aws_lb.alb", "aws_lb", {"load_balancer_type": "application", "internal": False}),
        res("aws_lb.nlb", "aws_lb", {"load_balancer_type": "network", "internal": False}),
        res("aws_alb.lcu", "aws_alb", {"load_balancer_type": "application"}),
        res("aws_lb.nlb_lcu", "aws_lb", {"load_balancer_type": "network"}),
        res("aws_elb.classic", "aws_elb", {"name": "classic"}),
        res("aws_eks_cluster.main", "aws_eks_cluster", {"name": "main", "version": "1.30"}),
        res("aws_eks_node_group.default", "aws_eks_node_group",
            {"scaling_config": [{"desired_size": 1, "min_size": 1, "max_size": 3}], "launch_template": []},
            unknown={"instance_types": False, "disk_size": True, "ami_type": True, "capacity_type": True}),
        res("aws_ecs_task_definition.app", "aws_ecs_task_definition",
            {"family": "app", "cpu": "1024", "memory": "2048", "requires_compatibilities": ["FARGATE"],
             "network_mode": "awsvpc"},
            unknown={"arn": True, "revision": True}),
        res("aws_ecs_service.app", "aws_ecs_service",
            {"name": "app", "launch_type": "FARGATE", "desired_count": 1},
            unknown={"task_definition": True},
            refs={"task_definition": ref("aws_ecs_task_definition.app.arn", "aws_ecs_task_definition.app")}),
        res("aws_efs_file_system.standard", "aws_efs_file_system", {"throughput_mode": "bursting"}),
        res("aws_efs_file_system.ia", "aws_efs_file_system",
            {"throughput_mode": "bursting", "lifecycle_policy": [{"transition_to_ia": "AFTER_30_DAYS"}]}),
        res("aws_efs_file_system.one_zone", "aws_efs_file_system",
            {"throughput_mode": "bursting", "availability_zone_name": "us-east-1a"}),
        res("aws_efs_file_system.provisioned", "aws_efs_file_system",
            {"throughput_mode": "provisioned", "provisioned_throughput_in_mibps": 10}),
        res("aws_elasticache_cluster.memcached", "aws_elasticache_cluster",
            {"engine": "memcached", "node_type": "cache.m4.large", "num_cache_nodes": 2}),
        res("aws_elasticache_cluster.redis", "aws_elasticache_cluster",
            {"engine": "redis", "node_type": "cache.m6g.12xlarge", "num_cache_nodes": 1}),
        res("aws_elasticache_replication_group.valkey", "aws_elasticache_replication_group",
            {"engine": "valkey", "node_type": "cache.t3.micro", "num_cache_clusters": 2},
            unknown={"num_node_groups": True}),
        res("aws_vpc_endpoint.one", "aws_vpc_endpoint",
            {"vpc_endpoint_type": "Interface", "service_name": "com.amazonaws.us-east-1.ssm",
             "subnet_ids": ["subnet-0a"]}),
        res("aws_vpc_endpoint.two", "aws_vpc_endpoint",
            {"vpc_endpoint_type": "Interface", "service_name": "com.amazonaws.us-east-1.ecr.api"},
            unknown={"subnet_ids": True},
            refs={"subnet_ids": ref("aws_subnet.a.id", "aws_subnet.a", "aws_subnet.b.id", "aws_subnet.b")}),
        res("aws_vpc_endpoint.s3", "aws_vpc_endpoint",
            {"vpc_endpoint_type": "Gateway", "service_name": "com.amazonaws.us-east-1.s3"}),
        res("aws_subnet.a", "aws_subnet", {"cidr_block": "10.0.1.0/24"}),
        res("aws_subnet.b", "aws_subnet", {"cidr_block": "10.0.2.0/24"}),
        res("aws_lambda_function.api", "aws_lambda_function",
            {"function_name": "api", "memory_size": 128, "architectures": ["x86_64"], "runtime": "python3.12"}),
        res("aws_s3_bucket.data", "aws_s3_bucket", {"bucket": "data"}),
        res("aws_eip.nat", "aws_eip", {"domain": "vpc"}),
        res("aws_secretsmanager_secret.db", "aws_secretsmanager_secret", {"name": "db"}),
        res("aws_kms_key.main", "aws_kms_key", {"customer_master_key_spec": "SYMMETRIC_DEFAULT"}),
        res("aws_route53_zone.main", "aws_route53_zone", {"name": "example.com"}),
        res("aws_cloudwatch_metric_alarm.cpu", "aws_cloudwatch_metric_alarm",
            {"alarm_name": "cpu", "comparison_operator": "GreaterThanThreshold", "period": 60,
             "metric_name": "CPUUtilization", "metric_query": []}),
        res("aws_cloudwatch_metric_alarm.fast", "aws_cloudwatch_metric_alarm",
            {"alarm_name": "fast", "comparison_operator": "GreaterThanThreshold", "period": 10,
             "metric_name": "CPUUtilization", "metric_query": []}),
        res("aws_cloudwatch_log_group.app", "aws_cloudwatch_log_group", {"name": "/app"}),
        res("aws_dynamodb_table.provisioned", "aws_dynamodb_table",
            {"name": "p", "billing_mode": "PROVISIONED", "read_capacity": 10, "write_capacity": 5}),
        res("aws_dynamodb_table.on_demand", "aws_dynamodb_table", {"name": "o", "billing_mode": "PAY_PER_REQUEST"}),
        res("aws_rds_cluster.aurora", "aws_rds_cluster",
            {"engine": "aurora-postgresql", "cluster_identifier": "aurora", "backup_retention_period": 7}),
        res("aws_db_instance.backups", "aws_db_instance", rds("mysql", "db.t3.micro", backup_retention_period=7)),
        res("aws_db_instance.magnetic", "aws_db_instance", rds("mysql", "db.t3.micro", storage_type="standard",
                                                               allocated_storage=100)),
        res("aws_lambda_function.arm", "aws_lambda_function",
            {"function_name": "arm", "memory_size": 1024, "architectures": ["arm64"],
             "ephemeral_storage": [{"size": 10240}]}),
        res("aws_dynamodb_table.pitr", "aws_dynamodb_table",
            {"name": "b", "billing_mode": "PAY_PER_REQUEST", "point_in_time_recovery": [{"enabled": True}]}),
        res("aws_s3_bucket.archive", "aws_s3_bucket", {"bucket": "archive"}),
        res("aws_rds_cluster_instance.aurora", "aws_rds_cluster_instance",
            {"engine": "aurora-postgresql", "instance_class": "db.t3.large", "cluster_identifier": "aurora"}),
    ]
    # Windows comes from the usage file (operating_system), as in Infracost.
    return plan(r)


def golden_usage():
    return {
        "version": "0.1",
        "resource_type_default_usage": {"aws_nat_gateway": {"monthly_data_processed_gb": 100}},
        "resource_usage": {
            "aws_instance.credits": {"monthly_cpu_credit_hrs": 730, "vcpu_count": 2},
            "aws_instance.windows": {"operating_system": "windows"},
            "aws_alb.lcu": {"processed_bytes_gb": 1000},
            "aws_lb.nlb_lcu": {"processed_bytes_gb": 1000},
            "aws_efs_file_system.standard": {"storage_gb": 230},
            "aws_efs_file_system.ia": {"storage_gb": 0, "infrequent_access_storage_gb": 100},
            "aws_efs_file_system.one_zone": {"storage_gb": 230},
            "aws_vpc_endpoint.one": {"monthly_data_processed_gb": 1000},
            "aws_lambda_function.api": {"monthly_requests": 100000, "request_duration_ms": 350},
            "aws_s3_bucket.data": {"standard": {"storage_gb": 10000, "monthly_tier_1_requests": 100000,
                                                "monthly_tier_2_requests": 1000000}},
            "aws_secretsmanager_secret.db": {"monthly_requests": 100000},
            "aws_kms_key.main": {"monthly_requests": 100000},
            "aws_cloudwatch_log_group.app": {"monthly_data_ingested_gb": 10, "storage_gb": 100,
                                             "monthly_data_scanned_gb": 20},
            "aws_dynamodb_table.on_demand": {"monthly_write_request_units": 1000000,
                                             "monthly_read_request_units": 4000000, "storage_gb": 10},
            "aws_rds_cluster.aurora": {"storage_gb": 100, "write_requests_per_sec": 10, "read_requests_per_sec": 10,
                                       "backup_snapshot_size_gb": 100},
            "aws_db_instance.backups": {"additional_backup_storage_gb": 100},
            "aws_db_instance.magnetic": {"monthly_standard_io_requests": 1000000},
            "aws_ebs_volume.standard": {"monthly_standard_io_requests": 1000000},
            "aws_lambda_function.arm": {"monthly_requests": 1000000, "request_duration_ms": 100},
            "aws_dynamodb_table.pitr": {"pitr_backup_storage_gb": 100},
            "aws_s3_bucket.archive": {"standard": {"storage_gb": 0},
                                      "standard_infrequent_access": {"storage_gb": 100},
                                      "one_zone_infrequent_access": {"storage_gb": 100},
                                      "glacier_flexible_retrieval": {"storage_gb": 1000},
                                      "glacier_deep_archive": {"storage_gb": 1000}},
        },
    }


def actions():
    t3 = instance("t3.medium", root_block_device=[{"volume_size": 8, "volume_type": "gp3", "iops": 3000,
                                                    "throughput": 125}])
    m5 = dict(t3, instance_type="m5.large")
    r = [
        res("aws_instance.resized", "aws_instance", m5, before=t3, actions=("update",)),
        res("aws_instance.new", "aws_instance", t3),
        res("aws_instance.unknown_type", "aws_instance", dict(t3, instance_type=None),
            unknown={"instance_type": True}),
        res("aws_nat_gateway.old", "aws_nat_gateway", None, before={"connectivity_type": "public"},
            actions=("delete",)),
        res("aws_ebs_volume.data", "aws_ebs_volume", {"type": "gp3", "size": 100, "iops": 3000, "throughput": 125},
            before={"type": "gp2", "size": 100}, actions=("delete", "create")),
        res("aws_eip.kept", "aws_eip", {"domain": "vpc"}, before={"domain": "vpc"}, actions=("no-op",)),
        res("aws_db_instance.db", "aws_db_instance", rds("mysql", "db.t3.large", multi_az=True),
            before=rds("mysql", "db.t3.large"), actions=("update",)),
        res("aws_vpc.main", "aws_vpc", {"cidr_block": "10.0.0.0/16"}),
        res("aws_security_group.web", "aws_security_group", {"name": "web"}),
        res("aws_made_up_thing.jobs[0]", "aws_made_up_thing", {"name": "jobs"}, index=0),
        res("aws_made_up_thing.jobs[1]", "aws_made_up_thing", {"name": "jobs-1"}, index=1),
        res("aws_made_up_widget.alerts", "aws_made_up_widget", {"name": "alerts"}),
        res("data.aws_ami.ubuntu", "aws_ami", {"id": "ami-1"}, actions=("read",), mode="data"),
        res("google_compute_instance.vm", "google_compute_instance", {"machine_type": "e2-small"},
            provider="registry.terraform.io/hashicorp/google"),
        res("aws_lambda_function.worker", "aws_lambda_function", {"function_name": "worker", "memory_size": 256}),
    ]
    return plan(r)


def refs():
    lt = {"name_prefix": "web", "instance_type": "t3.micro", "image_id": "ami-1",
          "block_device_mappings": [{"device_name": "/dev/xvda",
                                     "ebs": [{"volume_size": 20, "volume_type": "gp3"}]}],
          "monitoring": [{"enabled": True}], "placement": [], "credit_specification": [],
          "ebs_optimized": None}
    lc = {"instance_type": "m5.large", "image_id": "ami-1", "enable_monitoring": False,
          "placement_tenancy": None, "root_block_device": [{"volume_size": 30, "volume_type": "gp2"}],
          "ebs_block_device": []}
    r = [
        res("aws_launch_template.web", "aws_launch_template", lt, unknown={"id": True, "name": True}),
        res("aws_autoscaling_group.web", "aws_autoscaling_group",
            {"desired_capacity": 3, "min_size": 1, "max_size": 5, "launch_template": [{"version": "$Latest"}],
             "mixed_instances_policy": []},
            unknown={"launch_template": [{"id": True, "name": True}]},
            refs={"launch_template": [{"id": ref("aws_launch_template.web.id", "aws_launch_template.web")}]}),
        res("aws_launch_configuration.old", "aws_launch_configuration", lc, unknown={"name": True}),
        res("aws_autoscaling_group.old", "aws_autoscaling_group",
            {"min_size": 2, "max_size": 4, "launch_template": [], "mixed_instances_policy": []},
            unknown={"launch_configuration": True, "desired_capacity": False},
            refs={"launch_configuration": ref("aws_launch_configuration.old.name", "aws_launch_configuration.old")}),
        res("aws_autoscaling_group.by_name", "aws_autoscaling_group",
            {"min_size": 2, "max_size": 4, "launch_template": [{"name": "web-lt", "version": "$Latest"}],
             "mixed_instances_policy": []},
            unknown={"desired_capacity": True}),
        res("aws_launch_template.named", "aws_launch_template", dict(lt, name="web-lt", instance_type="m5.large",
                                                                      block_device_mappings=[]),
            unknown={"id": True}),
        res("aws_autoscaling_group.orphan", "aws_autoscaling_group",
            {"desired_capacity": 2, "min_size": 1, "max_size": 2, "launch_template": [], "mixed_instances_policy": []}),
        res("aws_eks_node_group.custom", "aws_eks_node_group",
            {"scaling_config": [{"desired_size": 2, "min_size": 1, "max_size": 4}],
             "instance_types": ["m5.large"], "disk_size": 50, "capacity_type": "ON_DEMAND",
             "ami_type": "AL2_x86_64", "launch_template": []}),
        res("aws_eks_node_group.spot", "aws_eks_node_group",
            {"scaling_config": [{"desired_size": 2, "min_size": 1, "max_size": 4}],
             "instance_types": ["m5.large"], "capacity_type": "SPOT", "launch_template": []}),
        res("aws_ecs_service.on_ec2", "aws_ecs_service", {"name": "ec2", "launch_type": "EC2", "desired_count": 2}),
        res("aws_ecs_task_definition.arm", "aws_ecs_task_definition",
            {"family": "arm", "cpu": "512", "memory": "1024",
             "runtime_platform": [{"cpu_architecture": "ARM64", "operating_system_family": "LINUX"}]},
            before={"family": "arm", "cpu": "512", "memory": "1024", "arn": "arn:aws:ecs:us-east-1:1:task-definition/arm:3",
                    "runtime_platform": [{"cpu_architecture": "ARM64", "operating_system_family": "LINUX"}]},
            actions=("no-op",)),
        res("aws_ecs_service.by_family", "aws_ecs_service",
            {"name": "by-family", "launch_type": "FARGATE", "desired_count": 2, "task_definition": "arm:3"},
            before={"name": "by-family", "launch_type": "FARGATE", "desired_count": 1, "task_definition": "arm:3"},
            actions=("update",)),
        res("aws_ecs_service.lost", "aws_ecs_service",
            {"name": "lost", "launch_type": "FARGATE", "desired_count": 1, "task_definition": "missing:1"}),
        res("aws_elasticache_cluster.member", "aws_elasticache_cluster",
            {"engine": "redis", "node_type": "cache.t3.micro", "replication_group_id": "rg"}),
        res("aws_rds_cluster.aurora", "aws_rds_cluster",
            {"engine": "aurora-mysql", "cluster_identifier": "prod", "storage_type": "aurora-iopt1"}),
        res("aws_rds_cluster_instance.a", "aws_rds_cluster_instance",
            {"engine": "aurora-mysql", "instance_class": "db.t3.medium"},
            unknown={"cluster_identifier": True},
            refs={"cluster_identifier": ref("aws_rds_cluster.aurora.id", "aws_rds_cluster.aurora")}),
        res("module.net.aws_nat_gateway.az[0]", "aws_nat_gateway", {"connectivity_type": "public"}, index=0,
            module="module.net"),
        res("module.net.aws_nat_gateway.az[1]", "aws_nat_gateway", {"connectivity_type": "public"}, index=1,
            module="module.net"),
        res("aws_instance.secret_type", "aws_instance", instance("t3.micro", root_block_device=[]),
            sensitive={"instance_type": True}),
    ]
    return plan(r)


def region_plan(region):
    return plan([
        res("aws_instance.web", "aws_instance", instance("t3.medium")),
        res("aws_nat_gateway.main", "aws_nat_gateway", {"connectivity_type": "public"}),
        res("aws_lb.web", "aws_lb", {"load_balancer_type": "application"}),
    ], region=region)


def missing_type():
    return plan([
        # a real type AWS does not offer in us-east-1 (eu-north-1 and us-east-2 have it)
        res("aws_instance.new_family", "aws_instance", instance("hpc7a.12xlarge", root_block_device=[])),
        res("aws_instance.known", "aws_instance", instance("t3.micro", root_block_device=[])),
    ])


def sensitive():
    return plan([
        res("aws_instance.secret", "aws_instance", instance("m5.xlarge", root_block_device=[]),
            sensitive={"instance_type": True}),
        res("aws_instance.host", "aws_instance", instance("m5.2xlarge", tenancy="host", root_block_device=[]),
            sensitive={"tenancy": True, "instance_type": True}),
    ])


def staging():
    return plan([
        res("aws_instance.app", "aws_instance", instance("t3.micro", root_block_device=[])),
        res("aws_nat_gateway.main", "aws_nat_gateway", {"connectivity_type": "public"}),
    ])


def prod():
    return plan([
        res("aws_instance.app", "aws_instance", instance("m5.large", root_block_device=[]),
            before=instance("m5.large", root_block_device=[]), actions=("no-op",)),
        res("aws_db_instance.db", "aws_db_instance", rds("postgres", "db.t3.large")),
        res("aws_eks_cluster.main", "aws_eks_cluster", {"name": "main"}, before={"name": "main"},
            actions=("delete",)),
    ])


def usage_variants():
    base = {"version": "0.1"}
    return {
        "cost-usage-wildcard.json": dict(base, resource_type_default_usage={
            "aws_nat_gateway": {"monthly_data_processed_gb": 10}},
            resource_usage={"module.net.aws_nat_gateway.az[*]": {"monthly_data_processed_gb": 200},
                            "module.net.aws_nat_gateway.az[1]": {"monthly_data_processed_gb": 1000}}),
        "cost-usage-unknown-key.json": dict(base, resource_usage={
            "aws_nat_gateway.main": {"monthly_gb_data_processed": 10, "monthly_data_processed_gb": 5}}),
        "cost-usage-bad-type.json": dict(base, resource_usage={
            "aws_nat_gateway.main": {"monthly_data_processed_gb": "lots"}}),
        "cost-usage-no-version.json": {"resource_usage": {}},
    }


def main():
    out = {
        "plans/cost-golden.json": golden(),
        "plans/cost-actions.json": actions(),
        "plans/cost-refs.json": refs(),
        # Taipei: a real region the bundled snapshot has no prices for
        "plans/cost-region-ap-east-2.json": region_plan("ap-east-2"),
        "plans/cost-eu-west-1.json": region_plan("eu-west-1"),
        "plans/cost-missing-type.json": missing_type(),
        "plans/cost-staging.json": staging(),
        "plans/cost-sensitive.json": sensitive(),
        "plans/cost-prod.json": prod(),
        "usage/cost-golden.json": golden_usage(),
    }
    for k, v in usage_variants().items():
        out["usage/" + k] = v
    for rel, doc in out.items():
        path = os.path.join(ROOT, "fixtures", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(doc, f, indent=1, sort_keys=False)
            f.write("\n")
    with open(os.path.join(ROOT, "fixtures", "usage", "cost-golden.yml"), "w") as f:
        f.write(YAML_USAGE)


YAML_USAGE = """# The same figures as cost-golden.json, as Infracost writes them.
version: 0.1
resource_type_default_usage:
  aws_nat_gateway:
    monthly_data_processed_gb: 100 # GB per month
resource_usage:
  aws_lambda_function.api:
    monthly_requests: 100000
    request_duration_ms: 350
  aws_s3_bucket.data:
    standard:
      storage_gb: 10000
  'aws_instance.windows':
    operating_system: "windows"
"""

if __name__ == "__main__":
    main()
