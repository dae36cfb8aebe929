#!/usr/bin/env python3
"""review_props.py — properties every review must hold, checked on the JSON
review (`circuit review --format json`) of every plan in a folder:

  1. no checklist item is ticked, and no assessment line is positive, while
     a finding in the same review contradicts it (a table below says which
     findings contradict which statement: it is the specification, written
     apart from the code that decides);
  2. "Security groups properly configured" is never ticked while the same
     review lists an administration or database port (or all traffic) open
     to the whole internet;
  3. "Resource requirements estimated" is never ticked while resources are
     not priced or have no cost model;
  4. no review says "No" for a value known only after apply: for each
     attribute below that is unknown in a plan, no evidence about that
     resource uses the negative phrase that attribute decides (unless the
     configuration leaves it unset and the provider's default is that "No").

Usage: review_props.py CIRCUIT PLAN_DIR...  Prints one line per violation and
ends with "review-props: N passed, N failed" (one check per plan).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

# statement -> rule ids whose finding says the opposite
CONTRADICTS = {
    "Monitoring/alerting considered": {"CIR-ECS-013"},
    "Logging sufficient for debugging": {"CIR-ECS-012", "CIR-RDS-010", "CIR-EKS-003", "CIR-LB-008",
                                         "CIR-VPC-001"},
    "Graceful degradation planned": {"CIR-RDS-005", "CIR-RDS-006", "CIR-EC-002", "CIR-ECS-005"},
    "Rollback strategy defined": {"CIR-RDS-003", "CIR-RDS-008", "CIR-PLAN-002", "CIR-ECS-003",
                                  "CIR-ECS-004", "CIR-PLAN-004"},
    "Security groups properly configured": {"CIR-SG-001", "CIR-SG-002", "CIR-SG-003", "CIR-SG-004",
                                            "CIR-SG-005", "CIR-SG-006"},
    "Secrets properly managed": {"CIR-ECS-011", "CIR-LAM-001", "CIR-SSM-001"},
}
ASSESSMENT = {  # (section, key, positive word) -> checklist statement with the same contradictions
    ("reliability", "graceful_degradation", "Implemented"): "Graceful degradation planned",
    ("reliability", "rollback_strategy", "Defined"): "Rollback strategy defined",
}
# ports an SG must not open to the world for the item to be ticked
OPEN = re.compile(r"(?:^|; )(?:(?:22|3389|1433|1521|3306|5432|6379|9200|11211|27017)/tcp|all traffic|all tcp)"
                  r" from [^;]*(?:0\.0\.0\.0/0|::/0)")
# attribute unknown until apply -> phrases that would wrongly say "no"
UNKNOWN_NO = {
    "backup_retention_period": ["no automated backups", "automated backups disabled"],
    "multi_az": ["Single-AZ"],
    "desired_count": ["fixed at 0 task", "runs 0 task"],
    "min_size": ["can run a single instance"],
    "deletion_protection": ["deletion protection off"],
    "skip_final_snapshot": ["without a final snapshot"],
}
# ... unless the configuration does not write the attribute: real plans call
# an unset Optional+Computed attribute unknown too, and for these the
# provider's default is the negative (RDS is Single-AZ unless multi_az = true)
DEFAULT_NO = {"multi_az"}


def written(plan, rc, attr):
    """False when the plan's configuration shows `attr` unset on the resource's
    block; True when it writes it or the plan cannot tell."""
    mod = (plan.get("configuration") or {}).get("root_module") or {}
    for step in re.findall(r'module\.([^.\[]+)', rc.get("module_address") or ""):
        mod = (((mod.get("module_calls") or {}).get(step) or {}).get("module")) or {}
    for res in mod.get("resources") or []:
        if res.get("mode", "managed") == "managed" and res.get("type") == rc.get("type") \
                and res.get("name") == rc.get("name"):
            expr = (res.get("expressions") or {}).get(attr)
            return expr is not None and (not isinstance(expr, dict) or expr.get("constant_value", 0) is not None)
    return True


def load_plan(path):
    text = open(path, encoding="utf-8-sig", errors="replace").read()
    start = text.find("{")
    if start < 0:
        return None
    try:
        return json.JSONDecoder().raw_decode(text[start:])[0]
    except ValueError:
        return None


def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values():
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)


def check(review, plan):
    bad = []
    fired = {f["rule"] for f in review.get("findings", [])}
    for item in review.get("checklist", []):
        if not item["checked"]:
            continue
        hit = CONTRADICTS.get(item["item"], set()) & fired
        if hit:
            bad.append("ticked \"%s\" while %s fired" % (item["item"], ", ".join(sorted(hit))))
    for (section, key, word), statement in ASSESSMENT.items():
        line = review["assessment"][section][key]
        hit = CONTRADICTS[statement] & fired
        if line["value"] == word and hit:
            bad.append("%s %s while %s fired" % (key, word, ", ".join(sorted(hit))))
    ticked = {i["item"] for i in review.get("checklist", []) if i["checked"]}
    if "Security groups properly configured" in ticked:
        for q in review.get("questions", []):
            if "ingress" in q["question"] and OPEN.search(q["answer"].split("Egress:")[0]):
                bad.append("ticked security groups while the review lists: " + q["answer"][:160])
    cost = review.get("cost") or {}
    if "Resource requirements estimated" in ticked and (cost.get("not_priced") or cost.get("changed_without_model")):
        bad.append("ticked resource requirements with changed resources not priced")
    texts = list(strings({k: v for k, v in review.items() if k not in ("findings", "plans")}))
    for rc in plan.get("resource_changes") or []:
        change = rc.get("change") or {}
        unknown = change.get("after_unknown") or {}
        if not isinstance(unknown, dict) or "address" not in rc:
            continue
        for attr, phrases in UNKNOWN_NO.items():
            if unknown.get(attr) is not True:
                continue
            if attr in DEFAULT_NO and not written(plan, rc, attr):
                continue
            for t in texts:
                for entry in t.split("; "):
                    if rc["address"] + ":" in entry or rc["address"] + " (" in entry:
                        for ph in phrases:
                            if ph in entry:
                                bad.append("%s: says \"%s\" but %s is known only after apply" %
                                           (rc["address"], ph, attr))
    return sorted(set(bad))


def main():
    circuit, folders = sys.argv[1], sys.argv[2:]
    passed = failed = 0
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        env["CIRCUIT_CACHE"] = os.path.join(tmp, "pricing.db")
        env.pop("AWS_REGION", None)
        env.pop("AWS_DEFAULT_REGION", None)
        walk = [(folder, w) for folder in folders for w in sorted(os.walk(folder))]
        for folder, (dirpath, _, files) in walk:
            for name in sorted(files):
                if not name.endswith(".json"):
                    continue
                path = os.path.join(dirpath, name)
                plan = load_plan(path)
                run = subprocess.run([circuit, "review", "--quiet", "--format", "json", path], env=env,
                                     capture_output=True, text=True)
                if run.returncode == 2:
                    continue  # not a plan circuit accepts: corpus.sh checks those
                rel = os.path.relpath(path, folder)
                try:
                    review = json.loads(run.stdout)
                except ValueError:
                    print("FAIL %s: review is not JSON" % rel)
                    failed += 1
                    continue
                problems = check(review, plan or {})
                if problems:
                    failed += 1
                    for p in problems:
                        print("FAIL %s: %s" % (rel, p))
                else:
                    passed += 1
    print("review-props: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
