#!/usr/bin/env python3
"""scenario-state.py — a terraform state (v4) in which resources already
exist exactly as a scenario configures them, so a re-plan leaves them
unchanged (no-op) and a scenario can show one change to a large stack.

  scripts/scenario-state.py PLAN.json SCHEMA.json [--except ADDRESS...] > state.tfstate

PLAN.json is the scenario planned with no state (every resource a create:
`scripts/scenarios.sh gen NAME` before the state exists); SCHEMA.json is
`terraform providers schema -json` for the same provider.  Each created
resource (but the --except ones, which stay changes) becomes a state
object: its planned values, with what was known only after apply filled
with placeholders of the right type (ids, ARNs, zeros), and the provider's
schema version.  Configure the stack with literal ids rather than
references between its resources, so the placeholders cannot disagree with
what the configuration computes.  Run by hand; the state is committed.
"""
import hashlib
import json
import sys


def fake_string(rtype, name, attr):
    h = hashlib.sha256(("%s.%s.%s" % (rtype, name, attr)).encode()).hexdigest()[:17]
    if attr == "arn" or attr.endswith("_arn"):
        service = rtype.split("_")[1]
        return "arn:aws:%s:us-east-1:123456789012:%s/%s" % (service, rtype[4:], name)
    if attr == "owner_id":
        return "123456789012"
    if attr in ("id", "name"):
        return "%s-0%s" % ("".join(w[0] for w in rtype.split("_")[1:]), h)
    return "placeholder-" + h[:8]


def fake(t, rtype, name, attr):
    if t == "string":
        return fake_string(rtype, name, attr)
    if t == "number":
        return 1 if attr in ("latest_version", "default_version") else 0
    if t == "bool":
        return False
    if isinstance(t, list):
        kind = t[0]
        if kind in ("list", "set"):
            return []
        if kind == "map":
            return {}
        if kind == "object":
            return {k: None for k in t[1]}
    return None


def fill(value, unknown, block, rtype, name):
    """value: planned after (dict); unknown: after_unknown (dict); block: schema block."""
    out = dict(value or {})
    attrs = block.get("attributes", {})
    nested = block.get("block_types", {})
    for k, spec in attrs.items():
        u = unknown.get(k) if isinstance(unknown, dict) else None
        if u is True:
            out[k] = fake(spec["type"], rtype, name, k)
        elif k not in out:
            out[k] = None
    for k, spec in nested.items():
        u = unknown.get(k) if isinstance(unknown, dict) else None
        cur = out.get(k)
        if u is True:
            out[k] = []
        elif isinstance(cur, list) and isinstance(u, list):
            out[k] = [fill(v, u[i] if i < len(u) else {}, spec["block"], rtype, name)
                      if isinstance(v, dict) else v for i, v in enumerate(cur)]
        elif cur is None:
            out[k] = [] if spec.get("nesting_mode") in ("list", "set") else None
    return out


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    plan = json.load(open(args[0]))
    schema = json.load(open(args[1]))
    skip = set(args[args.index("--except") + 1:]) if "--except" in args else set()
    schemas = {}
    for provider in schema["provider_schemas"].values():
        schemas.update(provider.get("resource_schemas", {}))
    groups = {}
    for rc in plan["resource_changes"]:
        if rc.get("mode") != "managed" or rc["address"] in skip or rc["change"]["actions"] != ["create"]:
            continue
        s = schemas[rc["type"]]
        key = (rc.get("module_address"), rc["type"], rc["name"])
        g = groups.setdefault(key, {
            "mode": "managed", "type": rc["type"], "name": rc["name"],
            "provider": 'provider["%s"]' % rc["provider_name"], "instances": []})
        if rc.get("module_address"):
            g["module"] = rc["module_address"]
        inst = {"schema_version": s["version"],
                "attributes": fill(rc["change"]["after"], rc["change"]["after_unknown"], s["block"],
                                   rc["type"], rc["address"]),
                "sensitive_attributes": []}
        if "index" in rc:
            inst["index_key"] = rc["index"]
        g["instances"].append(inst)
    state = {"version": 4, "terraform_version": plan.get("terraform_version", "1.11.4"), "serial": 1,
             "lineage": "00000000-0000-4000-8000-000000000001", "outputs": {},
             "resources": list(groups.values()), "check_results": None}
    json.dump(state, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
