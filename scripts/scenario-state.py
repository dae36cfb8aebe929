#!/usr/bin/env python3
"""scenario-state.py — a Terraform state (format 4) as if a plan had been applied.

    scenario-state.py SHOW.json SCHEMA.json [--except ADDRESS...] > state.tfstate

SHOW.json is `terraform show -json` of a plan that creates a configuration;
SCHEMA.json is `terraform providers schema -json`.  Every created managed
resource (but the --except ones, which then stay creates) becomes a state
instance whose attributes are the plan's after values; what the plan knew
only after apply (ids, ARNs, computed blocks) is filled with deterministic
stand-ins of the right type (schema), and an unknown attribute that refers
to another resource (cluster = aws_ecs_cluster.app.id) takes that resource's
stand-in, so the state reads back with -refresh=false the same on every run.

Two uses: scripts/scenarios.sh state NAME plans the scenario's before/
configuration and writes its state.tfstate (updates, replacements, deletes);
and, by hand, a scenario planned with no state and --except the resources
that should stay changes gives a large unchanged stack with a few changes.
"""
import hashlib
import json
import re
import sys

ACCOUNT = "123456789012"

# id prefixes AWS uses, for the resources whose id is not a name
ID_PREFIX = {
    "aws_instance": "i-", "aws_security_group": "sg-", "aws_vpc": "vpc-", "aws_subnet": "subnet-",
    "aws_eip": "eipalloc-", "aws_nat_gateway": "nat-", "aws_internet_gateway": "igw-",
    "aws_route_table": "rtb-", "aws_launch_template": "lt-", "aws_ebs_volume": "vol-",
    "aws_vpc_endpoint": "vpce-", "aws_network_acl": "acl-", "aws_security_group_rule": "sgrule-",
    "aws_vpc_security_group_ingress_rule": "sgr-", "aws_flow_log": "fl-", "aws_efs_file_system": "fs-",
    "aws_db_instance": "db-", "aws_ecs_task_definition": "", "aws_route53_zone": "Z",
}
# ARNs as AWS writes them, for the types whose form the reviews show
ARN_FORMS = {
    "aws_ecs_task_definition": "arn:aws:ecs:{region}:{account}:task-definition/{name}:1",
    "aws_ecs_service": "arn:aws:ecs:{region}:{account}:service/{name}",
    "aws_ecs_cluster": "arn:aws:ecs:{region}:{account}:cluster/{name}",
    "aws_lb": "arn:aws:elasticloadbalancing:{region}:{account}:loadbalancer/app/{name}/{h}",
    "aws_lb_target_group": "arn:aws:elasticloadbalancing:{region}:{account}:targetgroup/{name}/{h}",
    "aws_db_instance": "arn:aws:rds:{region}:{account}:db:{name}",
    "aws_rds_cluster": "arn:aws:rds:{region}:{account}:cluster:{name}",
    "aws_iam_role": "arn:aws:iam::{account}:role/{name}",
    "aws_iam_policy": "arn:aws:iam::{account}:policy/{name}",
    "aws_s3_bucket": "arn:aws:s3:::{name}",
    "aws_instance": "arn:aws:ec2:{region}:{account}:instance/{id}",
    "aws_ebs_volume": "arn:aws:ec2:{region}:{account}:volume/{id}",
    "aws_security_group": "arn:aws:ec2:{region}:{account}:security-group/{id}",
    "aws_vpc": "arn:aws:ec2:{region}:{account}:vpc/{id}",
    "aws_subnet": "arn:aws:ec2:{region}:{account}:subnet/{id}",
    "aws_dynamodb_table": "arn:aws:dynamodb:{region}:{account}:table/{name}",
    "aws_cloudwatch_log_group": "arn:aws:logs:{region}:{account}:log-group:{name}",
    "aws_efs_file_system": "arn:aws:elasticfilesystem:{region}:{account}:file-system/{id}",
    "aws_elasticache_replication_group": "arn:aws:elasticache:{region}:{account}:replicationgroup:{name}",
    "aws_lambda_function": "arn:aws:lambda:{region}:{account}:function:{name}",
}
# other ids a created resource has once applied (the rest stay "")
ID_KEYS = {"vpc_id": "vpc-", "subnet_id": "subnet-", "primary_network_interface_id": "eni-",
           "network_interface_id": "eni-", "volume_id": "vol-", "zone_id": "Z", "hosted_zone_id": "Z",
           "allocation_id": "eipalloc-", "association_id": "eipassoc-"}
# plain values AWS fills in
PLAIN_VALUES = {"availability_zone": "{region}a", "private_ip": "10.0.1.25", "instance_state": "running",
                "tenancy": "default", "volume_type": "gp3", "status": "available", "engine_version_actual": ""}
# numbers AWS fills in (root volumes of the usual AMIs, metadata hop limit)
PLAIN_NUMBERS = {"revision": 1, "volume_size": 8, "http_put_response_hop_limit": 1, "iops": 3000,
                 "throughput": 125}
# attributes whose value names the resource, used for ids and ARNs
NAME_KEYS = ("name", "identifier", "bucket", "cluster_identifier", "function_name", "family",
             "replication_group_id", "cluster_id", "alarm_name", "cluster_name", "node_group_name")


def digest(*parts, n=17):
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:n]


def fake_string(rtype, address, key, after, region):
    name = next((after.get(k) for k in NAME_KEYS if isinstance(after.get(k), str) and after.get(k)), None)
    if name is None and key != "name" and isinstance(after.get("name_prefix"), str):
        name = fake_string(rtype, address, "name", after, region)
    service = rtype.split("_")[1] if rtype.count("_") >= 1 else "aws"
    if key == "id":
        if rtype in ("aws_s3_bucket", "aws_iam_role", "aws_iam_policy", "aws_cloudwatch_log_group",
                     "aws_lb", "aws_ecs_cluster", "aws_secretsmanager_secret") and name:
            return name
        prefix = ID_PREFIX.get(rtype)
        if prefix is not None:
            h = digest(address, key)
            return prefix + (h.upper() if prefix in ("db-", "Z") else h)
        return name or rtype + "-" + digest(address, key, n=8)
    if key == "arn":
        rid = fake_string(rtype, address, "id", after, region)
        form = ARN_FORMS.get(rtype)
        if form:
            return form.format(region=region, account=ACCOUNT, name=name or rid, id=rid,
                               h=digest(address, "arn", n=16))
        return "arn:aws:%s:%s:%s:%s/%s" % (service, region, ACCOUNT, rtype[4:].replace("_", "-"), name or rid)
    if key in PLAIN_VALUES:
        return PLAIN_VALUES[key].format(region=region)
    if key in ID_KEYS:
        return ID_KEYS[key] + digest(address, key)
    if key == "name" and isinstance(after.get("name_prefix"), str):
        return after["name_prefix"] + digest(address, key, n=26 - len(after["name_prefix"]))
    if key in ("owner_id", "account_id"):
        return ACCOUNT
    return ""


def fake(ty, rtype, address, key, after, region):
    """A stand-in value of schema type `ty` for an attribute known only after apply."""
    if ty == "string":
        return fake_string(rtype, address, key, after, region)
    if ty == "number":
        return PLAIN_NUMBERS.get(key, 0)
    if ty == "bool":
        return False
    if isinstance(ty, list):
        kind = ty[0]
        if kind in ("list", "set"):
            return []
        if kind == "map":
            return {}
        if kind == "object":
            return {k: fake(t, rtype, address, k, after, region) for k, t in ty[1].items()}
    return None


def settle(out, block, nested=False):
    """What the provider reads back for collections left null: empty when
    computed, and inside nested blocks even when only optional."""
    for key, a in block.get("attributes", {}).items():
        ty = a.get("type")
        if key in out and out[key] is None and (a.get("computed") or nested) and isinstance(ty, list) \
                and ty[0] in ("list", "set", "map"):
            out[key] = {} if ty[0] == "map" else []
    for key, nb in block.get("block_types", {}).items():
        if isinstance(out.get(key), list):
            out[key] = [settle(dict(v), nb["block"], True) if isinstance(v, dict) else v for v in out[key]]
    return out


def fill(value, unknown, block, rtype, address, after, region):
    """Replaces the unknown parts of `value` (an object of schema `block`)."""
    if not isinstance(value, dict):
        value = {}
    out = settle(dict(value), block)
    unknown = unknown if isinstance(unknown, dict) else {}
    attrs = block.get("attributes", {})
    blocks = block.get("block_types", {})
    for key, u in unknown.items():
        if key in attrs:
            ty = attrs[key]["type"]
            if u is True:
                out[key] = fake(ty, rtype, address, key, after, region)
            elif isinstance(u, (list, dict)) and key in out:
                out[key] = fill_typed(out[key], u, ty, rtype, address, key, after, region)
        elif key in blocks:
            nested = blocks[key]
            mode = nested.get("nesting_mode")
            if u is True:
                out[key] = None if mode == "single" else ({} if mode == "map" else [])
            elif isinstance(u, list) and isinstance(out.get(key), list):
                out[key] = [fill(v, uu, nested["block"], rtype, address, after, region)
                            for v, uu in zip(out[key], u + [{}] * (len(out[key]) - len(u)))]
            elif isinstance(u, dict) and isinstance(out.get(key), dict):
                out[key] = fill(out[key], u, nested["block"], rtype, address, after, region)
    return out


def fill_typed(value, unknown, ty, rtype, address, key, after, region):
    if unknown is True:
        return fake(ty, rtype, address, key, after, region)
    if isinstance(ty, list) and ty[0] in ("list", "set") and isinstance(value, list) and isinstance(unknown, list):
        return [fill_typed(v, u, ty[1], rtype, address, key, after, region) for v, u in zip(value, unknown)]
    if isinstance(ty, list) and ty[0] == "object" and isinstance(value, dict) and isinstance(unknown, dict):
        return {k: fill_typed(v, unknown.get(k, False), ty[1].get(k, "string"), rtype, address, k, after, region)
                for k, v in value.items()}
    return value


def dynamic_type(v):
    """The cty type JSON of a plain JSON value (for dynamic attributes)."""
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return ["tuple", [dynamic_type(x) for x in v]]
    if isinstance(v, dict):
        return ["object", {k: dynamic_type(x) for k, x in v.items()}]
    return "dynamic"


def provider_address(config_key, provider_name):
    local = config_key.split(":")[-1] if config_key else "aws"
    alias = local.split(".", 1)[1] if "." in local else None
    addr = 'provider["%s"]' % provider_name
    return addr + "." + alias if alias else addr


def main():
    args = sys.argv[1:]
    excepted = set()
    if "--except" in args:
        i = args.index("--except")
        excepted = set(args[i + 1:])
        args = args[:i]
    if len(args) != 2:
        sys.exit("usage: scenario-state.py SHOW.json SCHEMA.json [--except ADDRESS...]")
    show = json.load(open(args[0]))
    schema = json.load(open(args[1]))
    schemas = {}
    for pname, p in schema["provider_schemas"].items():
        schemas[pname] = p.get("resource_schemas", {})
    region = "us-east-1"
    if "region" in (show.get("variables") or {}):
        region = show["variables"]["region"].get("value") or region

    # configuration: provider key per resource address (without instance keys)
    provider_keys = {}

    def walk_config(module, prefix):
        for r in module.get("resources", []):
            provider_keys[prefix + r["address"]] = r.get("provider_config_key", "aws")
        for name, call in (module.get("module_calls") or {}).items():
            walk_config(call.get("module", {}), prefix + "module." + name + ".")
    walk_config(show.get("configuration", {}).get("root_module", {}), "")

    # planned values carry each instance's schema_version
    versions = {}

    def walk_planned(module):
        for r in module.get("resources", []):
            versions[r["address"]] = r.get("schema_version", 0)
        for child in module.get("child_modules", []):
            walk_planned(child)
    walk_planned(show.get("planned_values", {}).get("root_module", {}))

    # configuration expressions per configuration address
    exprs = {}

    def walk_exprs(module, prefix):
        for r in module.get("resources", []):
            exprs[prefix + r["address"]] = r.get("expressions", {})
        for name, call in (module.get("module_calls") or {}).items():
            walk_exprs(call.get("module", {}), prefix + "module." + name + ".")
    walk_exprs(show.get("configuration", {}).get("root_module", {}), "")

    changes = [rc for rc in show.get("resource_changes", [])
               if rc.get("mode") == "managed" and rc["change"]["actions"] == ["create"]
               and rc["address"] not in excepted]
    filled = {}   # address -> attributes once filled

    def config_address(rc):
        module = rc.get("module_address")
        return re.sub(r'\[[^\]]*\]', "", (module + "." if module else "") + rc["type"] + "." + rc["name"])

    def resolve(rc, key):
        """The value an unknown top-level attribute takes from the resource
        its expression refers to (aws_ecs_cluster.app.id), once that one is
        filled; None when it cannot tell."""
        refs = (exprs.get(config_address(rc), {}).get(key) or {})
        refs = refs.get("references") if isinstance(refs, dict) else None
        if not refs:
            return None
        m = re.match(r'^([a-z0-9_]+\.[A-Za-z0-9_-]+)(\[[^\]]+\])?\.([A-Za-z0-9_]+)', refs[0])
        if not m or m.group(1).split(".")[0] in ("var", "local", "data", "module", "each", "count"):
            return None
        base, idx, attr = m.group(1), m.group(2), m.group(3)
        module = rc.get("module_address")
        target = (module + "." if module else "") + base
        if idx:
            target += idx
        elif ("count.index" in refs or "each.key" in refs) and "index" in rc:
            target += "[%s]" % json.dumps(rc["index"])
        got = filled.get(target)
        v = got.get(attr) if got else None
        if isinstance(v, dict) and set(v) == {"value", "type"}:
            v = v["value"]   # a dynamic value as state keeps it
        return v

    def fill_one(rc):
        rschema = schemas.get(rc["provider_name"], {}).get(rc["type"])
        if rschema is None:
            sys.exit("scenario-state: no schema for %s" % rc["type"])
        after = dict(rc["change"]["after"] or {})
        unknown = dict(rc["change"].get("after_unknown") or {})
        attr_schemas = rschema["block"].get("attributes", {})
        for key, u in list(unknown.items()):
            if u is True:
                v = resolve(rc, key)
                ty = attr_schemas.get(key, {}).get("type")
                if v is not None and isinstance(ty, list) and ty[0] in ("list", "set") and not isinstance(v, list):
                    v = [v]   # [aws_security_group.web.id]
                if v is not None:
                    after[key] = v
                    del unknown[key]
        # terraform_data's output is its input once applied
        if "output" in unknown and unknown["output"] is True and "input" in after:
            after["output"] = after["input"]
            del unknown["output"]
        attrs = fill(after, unknown, rschema["block"], rc["type"], rc["address"], after, region)
        # state keeps a dynamic-typed value with its type beside it
        for key, a in attr_schemas.items():
            if a.get("type") == "dynamic" and key in attrs and attrs[key] is not None:
                attrs[key] = {"value": attrs[key], "type": dynamic_type(attrs[key])}
        return settle(attrs, rschema["block"])

    # Fill in dependency order: a pass per level of references.
    for _ in range(8):
        for rc in changes:
            filled[rc["address"]] = fill_one(rc)

    groups = {}
    order = []
    for rc in changes:
        attrs = filled[rc["address"]]
        module = rc.get("module_address")
        key = (module or "", rc["type"], rc["name"])
        if key not in groups:
            conf_addr = (module + "." if module else "") + rc["type"] + "." + rc["name"]
            # module instance keys are not part of the configuration address
            conf_addr = re.sub(r'\[[^\]]*\]', "", conf_addr)
            g = {"mode": "managed", "type": rc["type"], "name": rc["name"],
                 "provider": provider_address(provider_keys.get(conf_addr, "aws"), rc["provider_name"]),
                 "instances": []}
            if module:
                g = {"module": module, **g}
            groups[key] = g
            order.append(key)
        inst = {"schema_version": versions.get(rc["address"], 0), "attributes": attrs,
                "sensitive_attributes": [], "private": "bnVsbA=="}
        if "index" in rc:
            inst = {"index_key": rc["index"], **inst}
        groups[key]["instances"].append(inst)

    state = {"version": 4, "terraform_version": show.get("terraform_version", "1.11.4"), "serial": 1,
             "lineage": "00000000-0000-4000-8000-" + digest(*[rc["address"] for rc in show.get("resource_changes", [])], n=12),
             "outputs": {}, "resources": [groups[k] for k in order], "check_results": None}
    json.dump(state, sys.stdout, indent=2, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
