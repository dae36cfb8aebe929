#!/usr/bin/env python3
"""gen-plan.py — write a synthetic `terraform show -json` plan of N AWS resources.

Used by the benchmarks (scripts/bench.d/10-changes.sh) to time the plan reader
on plans far larger than any real one.  The plan looks like Terraform 1.9
output: compact single-line JSON, format_version 1.2, resources spread over
the root module, for_each service modules and nested count modules, with
planned_values and prior_state repeating resource values as Terraform does, a mix of
actions (create, update, no-op, replace in both orders, delete, read,
imports and moves), nested blocks, tags, unknown values and sensitive values,
and a configuration whose provider sets the region.  Deterministic for a
given seed.

usage: gen-plan.py N [-o FILE] [--seed S]
"""
import argparse
import json
import random
import sys

AWS = "registry.terraform.io/hashicorp/aws"
REGION = "eu-west-1"
AZS = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
INSTANCE_TYPES = ["t3.micro", "t3.small", "t3.medium", "m5.large", "m6i.xlarge", "c6g.large", "r6g.large"]
DB_CLASSES = ["db.t3.medium", "db.t3.large", "db.r6g.large", "db.m6i.xlarge"]


def tags(r, name, svc):
    return {"Name": name, "Service": svc, "Environment": r.choice(["prod", "staging", "dev"]),
            "Owner": "team-%d" % r.randint(1, 40), "CostCenter": str(r.randint(1000, 9999))}


def instance(r, name, svc):
    return {
        "ami": "ami-%017x" % r.getrandbits(68), "instance_type": r.choice(INSTANCE_TYPES),
        "availability_zone": r.choice(AZS), "associate_public_ip_address": False, "ebs_optimized": True,
        "monitoring": r.random() < 0.5, "key_name": None, "disable_api_termination": False,
        "root_block_device": [{"volume_size": r.choice([8, 20, 50, 100]), "volume_type": "gp3", "encrypted": True,
                               "iops": 3000, "throughput": 125, "delete_on_termination": True, "tags": None}],
        "ebs_block_device": [{"device_name": "/dev/sdf", "volume_size": r.choice([50, 100, 500]), "volume_type": "gp3",
                              "encrypted": True, "delete_on_termination": True}],
        "metadata_options": [{"http_endpoint": "enabled", "http_tokens": r.choice(["required", "optional"]),
                              "http_put_response_hop_limit": 2, "instance_metadata_tags": "disabled"}],
        "credit_specification": [], "user_data": None, "vpc_security_group_ids": ["sg-%017x" % r.getrandbits(68)],
        "tags": tags(r, name, svc), "tags_all": tags(r, name, svc), "timeouts": None,
    }


def db(r, name, svc):
    return {
        "engine": r.choice(["mysql", "postgres"]), "engine_version": r.choice(["8.0.39", "15.7", "16.3"]),
        "instance_class": r.choice(DB_CLASSES), "allocated_storage": r.choice([20, 50, 100, 500]),
        "max_allocated_storage": 1000, "storage_type": "gp3", "storage_encrypted": True, "multi_az": r.random() < 0.5,
        "username": "admin", "password": "synthetic-secret-%08x" % r.getrandbits(32), "backup_retention_period": 7,
        "deletion_protection": True, "skip_final_snapshot": False, "publicly_accessible": False,
        "enabled_cloudwatch_logs_exports": ["error", "slowquery"], "performance_insights_enabled": True,
        "identifier": name, "tags": tags(r, name, svc), "tags_all": tags(r, name, svc),
    }


def security_group(r, name, svc):
    def rule(port):
        return {"cidr_blocks": ["10.%d.0.0/16" % r.randint(0, 255)], "description": "port %d" % port,
                "from_port": port, "to_port": port, "ipv6_cidr_blocks": [], "prefix_list_ids": [],
                "protocol": "tcp", "security_groups": [], "self": False}
    return {"name": name, "description": "synthetic %s" % svc, "revoke_rules_on_delete": False,
            "ingress": [rule(p) for p in r.sample([22, 80, 443, 3306, 5432, 6379, 8080, 9090], 3)],
            "egress": [{"cidr_blocks": ["0.0.0.0/0"], "description": "", "from_port": 0, "to_port": 0,
                        "ipv6_cidr_blocks": [], "prefix_list_ids": [], "protocol": "-1", "security_groups": [], "self": False}],
            "tags": tags(r, name, svc), "tags_all": tags(r, name, svc), "timeouts": None}


def bucket(r, name, svc):
    return {"bucket": "%s-%08x" % (name.replace("_", "-"), r.getrandbits(32)), "force_destroy": False,
            "object_lock_enabled": False, "tags": tags(r, name, svc), "tags_all": tags(r, name, svc), "timeouts": None}


def lambda_fn(r, name, svc):
    return {"function_name": name, "runtime": r.choice(["python3.12", "nodejs20.x"]), "handler": "main.handler",
            "memory_size": r.choice([128, 256, 512, 1024]), "timeout": 30, "architectures": ["arm64"],
            "environment": [{"variables": {"LOG_LEVEL": "info", "API_TOKEN": "tok-%012x" % r.getrandbits(48)}}],
            "tracing_config": [{"mode": "Active"}], "ephemeral_storage": [{"size": 512}],
            "tags": tags(r, name, svc), "tags_all": tags(r, name, svc)}


def iam_role(r, name, svc):
    policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                         "Principal": {"Service": "ec2.amazonaws.com"}}]}, separators=(",", ":"))
    return {"name": name, "assume_role_policy": policy, "max_session_duration": 3600, "path": "/",
            "force_detach_policies": False, "description": "synthetic role", "tags": tags(r, name, svc),
            "tags_all": tags(r, name, svc)}


def log_group(r, name, svc):
    return {"name": "/%s/%s" % (svc, name), "retention_in_days": r.choice([7, 14, 30, 90, 365]),
            "kms_key_id": None, "skip_destroy": False, "tags": tags(r, name, svc), "tags_all": tags(r, name, svc)}


# type -> (builder, attributes unknown on create, attributes that force replacement, attribute updated in place)
KINDS = [
    ("aws_instance", instance, ["id", "arn", "private_ip", "public_ip", "primary_network_interface_id"], ["ami"], "instance_type"),
    ("aws_db_instance", db, ["id", "arn", "endpoint", "address", "resource_id"], ["engine"], "instance_class"),
    ("aws_security_group", security_group, ["id", "arn", "owner_id", "vpc_id"], ["name"], "description"),
    ("aws_s3_bucket", bucket, ["id", "arn", "bucket_domain_name", "region", "hosted_zone_id"], ["bucket"], "force_destroy"),
    ("aws_lambda_function", lambda_fn, ["id", "arn", "invoke_arn", "last_modified", "version", "qualified_arn"], ["function_name"], "memory_size"),
    ("aws_iam_role", iam_role, ["id", "arn", "unique_id", "create_date"], ["name"], "max_session_duration"),
    ("aws_cloudwatch_log_group", log_group, ["id", "arn"], ["name"], "retention_in_days"),
]
SENSITIVE = {"aws_db_instance": {"password": True},
             "aws_lambda_function": {"environment": [{"variables": {"API_TOKEN": True}}]}}


def mutate(r, kind, value):
    """The after value of an in-place update: change the kind's update attribute and a tag."""
    after = json.loads(json.dumps(value))
    _, _, _, _, attr = kind
    old = after[attr]
    if isinstance(old, bool):
        after[attr] = not old
    elif isinstance(old, int):
        after[attr] = old * 2
    elif attr == "instance_type":
        after[attr] = r.choice([t for t in INSTANCE_TYPES if t != old])
    elif attr == "instance_class":
        after[attr] = r.choice([t for t in DB_CLASSES if t != old])
    else:
        after[attr] = str(old) + " (updated)"
    after["tags"]["CostCenter"] = str(r.randint(1000, 9999))
    after["tags_all"] = dict(after["tags"])
    return after


def generate(n, seed):
    r = random.Random(seed)
    services = ["svc%02d" % i for i in range(max(1, n // 250))]
    changes, config_keys = [], set()
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        type_, build = kind[0], kind[1]
        svc = r.choice(services)
        where = r.random()
        if where < 0.3:
            module, cfg_path = None, ""
        elif where < 0.8:
            module, cfg_path = 'module.%s["%s"]' % ("service", svc), "module.service"
        else:
            module, cfg_path = 'module.service["%s"].module.db[0]' % svc, "module.service.module.db"
        name = "r%d" % (i // 50)
        index = i % 50
        address = "%s%s.%s[%d]" % (module + "." if module else "", type_, name, index)
        value = build(r, "%s-%d" % (type_.replace("aws_", ""), i), svc)
        sens = SENSITIVE.get(type_, {})
        unknown = {k: True for k in kind[2]}
        roll = r.random()
        before, after, au, actions, extra = None, value, unknown, ["create"], {}
        existing = dict(value, id="%s-%08x" % (type_, i), arn="arn:aws:synthetic:%s:123456789012:%s/%d" % (REGION, type_, i))
        if roll < 0.50:
            pass
        elif roll < 0.65:
            before, after, au, actions = existing, mutate(r, kind, existing), {}, ["update"]
        elif roll < 0.82:
            before, after, au, actions = existing, existing, {}, ["no-op"]
        elif roll < 0.88:
            forced = kind[3][0]
            after = dict(existing)
            after[forced] = str(existing[forced]) + "-v2"
            for k in kind[2]:
                after.pop(k, None)
            before, au = existing, unknown
            actions = ["delete", "create"] if r.random() < 0.5 else ["create", "delete"]
            extra = {"action_reason": "replace_because_cannot_update"}
            replace_paths = [[forced]]
        elif roll < 0.94:
            before, after, au, actions = existing, None, {}, ["delete"]
            extra = {"action_reason": "delete_because_no_resource_config"}
        elif roll < 0.97:
            before, after, au, actions = existing, existing, {}, ["no-op"]
            extra = {"previous_address": address.replace(name, name + "_old")}
        else:
            before, after, au, actions = existing, existing, {}, ["no-op"]
        change = {"actions": actions, "before": before, "after": after, "after_unknown": au,
                  "before_sensitive": sens if before is not None else False,
                  "after_sensitive": sens if after is not None else False}
        if actions in (["delete", "create"], ["create", "delete"]):
            change["replace_paths"] = replace_paths
        if roll >= 0.97:
            change["importing"] = {"id": existing["id"]}
        entry = {"address": address}
        if module:
            entry["module_address"] = module
        entry.update({"mode": "managed", "type": type_, "name": name, "index": index, "provider_name": AWS, "change": change})
        entry.update(extra)
        changes.append(entry)
        config_keys.add((cfg_path, type_, name))
    # a few data sources read at apply time
    for j in range(max(1, n // 100)):
        changes.append({"address": "data.aws_ami.lookup%d" % j, "mode": "data", "type": "aws_ami", "name": "lookup%d" % j,
                        "provider_name": AWS, "change": {"actions": ["read"], "before": None,
                        "after": {"most_recent": True, "owners": ["amazon"]}, "after_unknown": {"id": True, "image_id": True},
                        "before_sensitive": False, "after_sensitive": {}},
                        "action_reason": "read_because_dependency_pending"})
        config_keys.add(("", "data:aws_ami", "lookup%d" % j))
    return changes, config_keys


def module_tree(changes, side):
    """planned_values / prior_state shape: resources grouped by module."""
    modules = {}
    for c in changes:
        value = c["change"][side]
        if value is None:
            continue
        r = {k: c[k] for k in ("address", "mode", "type", "name", "index", "provider_name") if k in c}
        r["schema_version"] = 0
        r["values"] = value
        marks = c["change"]["after_sensitive" if side == "after" else "before_sensitive"]
        r["sensitive_values"] = marks if marks else {}
        modules.setdefault(c.get("module_address", ""), []).append(r)
    root = {"resources": modules.pop("", [])}
    children = {}
    for addr in sorted(modules, key=len):
        node = {"resources": modules[addr], "address": addr}
        parent = addr.rsplit(".module.", 1)[0] if ".module." in addr else ""
        holder = children.get(parent, root)
        holder.setdefault("child_modules", []).append(node)
        children[addr] = node
    return root


def configuration(keys):
    def res(type_, name):
        mode = "data" if type_.startswith("data:") else "managed"
        t = type_.split(":")[-1]
        return {"address": ("data." if mode == "data" else "") + "%s.%s" % (t, name), "mode": mode, "type": t,
                "name": name, "provider_config_key": "aws", "schema_version": 0,
                "count_expression": {"constant_value": 50}}
    by_path = {}
    for path, t, n in sorted(keys):
        by_path.setdefault(path, []).append(res(t, n))
    db_mod = {"resources": by_path.get("module.service.module.db", [])}
    svc_mod = {"resources": by_path.get("module.service", []),
               "module_calls": {"db": {"source": "./modules/db", "count_expression": {"constant_value": 1}, "module": db_mod}}}
    return {"provider_config": {"aws": {"name": "aws", "full_name": AWS, "version_constraint": "~> 5.70",
                                        "expressions": {"region": {"references": ["var.region"]}}}},
            "root_module": {"resources": by_path.get("", []),
                            "module_calls": {"service": {"source": "./modules/service",
                                                         "for_each_expression": {"references": ["var.services"]},
                                                         "module": svc_mod}},
                            "variables": {"region": {"default": REGION}, "services": {}}}}


def main():
    ap = argparse.ArgumentParser(description="Write a synthetic Terraform plan JSON of N AWS resources.")
    ap.add_argument("n", type=int)
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    if a.n < 1:
        ap.error("N must be at least 1")
    changes, keys = generate(a.n, a.seed)
    doc = {"format_version": "1.2", "terraform_version": "1.9.8",
           "variables": {"region": {"value": REGION}, "services": {"value": {}}},
           "planned_values": {"root_module": module_tree(changes, "after")},
           "resource_changes": changes,
           "prior_state": {"format_version": "1.0", "terraform_version": "1.9.8",
                           "values": {"root_module": module_tree(changes, "before")}},
           "configuration": configuration(keys),
           "timestamp": "2024-11-05T14:22:31Z", "applyable": True, "complete": True, "errored": False}
    out = sys.stdout if a.output == "-" else open(a.output, "w")
    json.dump(doc, out, separators=(",", ":"))
    out.write("\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
