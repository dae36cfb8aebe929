#!/usr/bin/env bash
# scenarios.sh — real `terraform plan` output for the tests.
#
#   scripts/scenarios.sh gen   [NAME...]   plan each scenario, write fixtures/scenarios/NAME.json
#   scripts/scenarios.sh check [NAME...]   plan again and fail if a committed plan differs
#   scripts/scenarios.sh state NAME...     write tests/scenarios/NAME/state.tfstate from the
#                                          configuration in tests/scenarios/NAME/before/
#
# A scenario is a folder tests/scenarios/NAME/ of .tf files.  Unless it has a
# providers.tf of its own, tests/scenarios/_common/providers.tf is added
# (pinned hashicorp/aws, no credentials in the file, region from var.region: set it in
# the scenario's terraform.tfvars).  A scenario's state.tfstate, when present,
# becomes the prior state, so updates, replacements and deletes plan offline
# with -refresh=false.  Data sources that call AWS cannot work offline: write
# literals instead.  Two optional files change how it is planned:
#   plan-args    extra `terraform plan` arguments, one per line (-target=...)
#   plan-fails   the plan is meant to fail part-way (an errored plan); its
#                first line says why.  Terraform still writes the plan file,
#                and a plan that does not fail is then an error.
# The prior state of an update/replace/delete scenario is made, not typed:
# before/*.tf is the configuration as it was, `state NAME` plans it and turns
# the planned values into state.tfstate (scripts/scenario-state.py fills what
# was known only after apply with fixed stand-ins), then applies before/edit.jq
# to it when present (to taint an instance, add a deposed object, ...).
# before/ is ignored by terraform when the scenario itself is planned.
# Folders whose name starts with "_" are not scenarios (_common).
#
# Planning needs terraform and the hashicorp/aws provider in a filesystem
# mirror (TF_PLUGIN_MIRROR, default: found under /opt/tf-plugins or
# ~/.terraform.d/plugins).  Without them `check` says so and exits 0, and
# `gen` fails: the committed plans are what the tests read either way.
#
# `check` remembers, under $BUILD/scenarios-checked/, what each scenario that
# matched was checked with (its files, the committed plan, this script, the
# terraform version and the provider mirror); a scenario with nothing changed
# since is not planned again.  SCENARIO_CACHE=0 plans them all.
#
# The plan is written as `terraform show -json` prints it, pretty-printed by
# jq, with what changes on every run removed (the timestamp) or put in order
# (relevant_attributes), and the terraform version that made it kept but
# ignored by `check`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mode=${1:-}; shift || true
case "$mode" in gen|check|state) ;; *) echo "usage: scripts/scenarios.sh gen|check|state [NAME...]" >&2; exit 2 ;; esac
AWS_VERSION=5.100.0
out_dir=fixtures/scenarios
jobs=${SCENARIO_JOBS:-2}

find_mirror() {
    local d
    for d in "${TF_PLUGIN_MIRROR:-}" /opt/tf-plugins "$HOME/.terraform.d/plugins" /usr/share/terraform/plugins; do
        [ -n "$d" ] && [ -d "$d/registry.terraform.io/hashicorp/aws/$AWS_VERSION" ] && { echo "$d"; return 0; }
    done
    return 1
}

if ! command -v terraform >/dev/null || ! mirror=$(find_mirror); then
    why="terraform not on PATH"; command -v terraform >/dev/null && why="no hashicorp/aws $AWS_VERSION in a filesystem mirror (set TF_PLUGIN_MIRROR)"
    if [ "$mode" = check ]; then echo "scenarios: skipped, $why; the committed plans are still what the tests read"; exit 0; fi
    echo "scenarios: cannot plan: $why" >&2; exit 2
fi

names=("$@")
if [ "$mode" = state ] && [ ${#names[@]} -eq 0 ]; then echo "usage: scripts/scenarios.sh state NAME..." >&2; exit 2; fi
if [ ${#names[@]} -eq 0 ]; then
    for d in tests/scenarios/*/; do n=$(basename "$d"); [[ "$n" == _* ]] || names+=("$n"); done
fi

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# check_key NAME: a digest of everything a check of NAME depends on.
stamps="${BUILD:-build}/scenarios-checked"
tool_key=$( { terraform version 2>/dev/null | head -n 1; echo "$AWS_VERSION"; \
              ls -l "$mirror/registry.terraform.io/hashicorp/aws/$AWS_VERSION"/*/ 2>/dev/null; \
              cat "$0" tests/scenarios/_common/providers.tf; } | sha256sum | cut -c1-64)
check_key() {
    { echo "$tool_key"; find "tests/scenarios/$1" -type f | LC_ALL=C sort | while IFS= read -r f; do
          echo "$f"; sha256sum <"$f"; done; sha256sum <"$out_dir/$1.json" 2>/dev/null; } | sha256sum | cut -c1-64
}
unchanged=0 orphans=0
if [ "$mode" = check ]; then
    for f in "$out_dir"/*.json; do
        [ -e "$f" ] || continue
        n=$(basename "$f" .json); [ -d "tests/scenarios/$n" ] || { echo "scenarios: $f has no scenario folder"; orphans=1; }
    done
fi
if [ "$mode" = check ] && [ "${SCENARIO_CACHE:-1}" != 0 ]; then
    todo=()
    for n in "${names[@]}"; do
        if [ -f "$stamps/$n" ] && [ "$(cat "$stamps/$n")" = "$(check_key "$n")" ]; then
            unchanged=$((unchanged + 1))
        else
            todo+=("$n")
        fi
    done
    if [ ${#todo[@]} -eq 0 ]; then
        [ $orphans -eq 0 ] || exit 1
        echo "scenarios: ${#names[@]} plans match a fresh terraform plan (all unchanged since the last check; SCENARIO_CACHE=0 plans them again)"
        exit 0
    fi
    names=("${todo[@]}")
fi
cat >"$work/cli.tfrc" <<TFRC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/*/*"]
  }
  direct { exclude = ["registry.terraform.io/*/*"] }
}
TFRC
export TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
# Mock credentials: the provider needs some, and skip_* keeps it offline.
export AWS_ACCESS_KEY_ID=mock_access_key AWS_SECRET_ACCESS_KEY=mock_secret_key
unset AWS_REGION AWS_DEFAULT_REGION AWS_PROFILE TF_WORKSPACE

# What changes from run to run is taken out: the timestamp, and the order of
# relevant_attributes (terraform lists them in map order).
normalise='del(.timestamp) | if .relevant_attributes then .relevant_attributes |= sort_by(.resource, (.attribute | tojson)) else . end'

# plan_one NAME: plans tests/scenarios/NAME into $work/NAME.json (normalised).
plan_one() {
    local name=$1 src="tests/scenarios/$1" dir="$work/run-$1"
    [ -d "$src" ] || { echo "scenarios: $name: no such scenario" >&2; return 2; }
    mkdir -p "$dir"
    cp -r "$src"/. "$dir"/
    [ -f "$dir/providers.tf" ] || cp tests/scenarios/_common/providers.tf "$dir/providers.tf"
    [ -f "$dir/state.tfstate" ] && mv "$dir/state.tfstate" "$dir/terraform.tfstate"
    local args=() line prc
    if [ -f "$src/plan-args" ]; then
        while IFS= read -r line; do [ -n "$line" ] && args+=("$line"); done <"$src/plan-args"
    fi
    if ! (cd "$dir" && terraform init -input=false -no-color >init.log 2>&1); then
        echo "scenarios: $name: terraform init failed:" >&2
        grep -v '^\s*$' "$dir/init.log" | tail -n 15 >&2
        return 1
    fi
    prc=0
    (cd "$dir" && terraform plan -input=false -no-color -refresh=false -lock=false -out=p "${args[@]}" >plan.log 2>&1) || prc=$?
    if [ $prc -ne 0 ] && [ ! -f "$src/plan-fails" ]; then
        echo "scenarios: $name: terraform plan failed:" >&2
        grep -v '^\s*$' "$dir/plan.log" | tail -n 15 >&2
        return 1
    fi
    if [ $prc -eq 0 ] && [ -f "$src/plan-fails" ]; then
        echo "scenarios: $name: the plan was meant to fail ($(head -n 1 "$src/plan-fails")) but succeeded" >&2
        return 1
    fi
    if ! (cd "$dir" && terraform show -json p >show.json 2>show.log); then
        echo "scenarios: $name: terraform show failed:" >&2
        grep -v '^\s*$' "$dir/plan.log" "$dir/show.log" | tail -n 15 >&2
        return 1
    fi
    jq "$normalise" "$dir/show.json" >"$work/$name.json"
}

# state_one NAME: plans tests/scenarios/NAME/before and writes its state.tfstate.
state_one() {
    local name=$1 src="tests/scenarios/$1" dir="$work/state-$1"
    [ -d "$src/before" ] || { echo "scenarios: $name: no before/ configuration to make a state from" >&2; return 2; }
    mkdir -p "$dir"
    cp -r "$src/before"/. "$dir"/
    [ -f "$dir/providers.tf" ] || { [ -f "$src/providers.tf" ] && cp "$src/providers.tf" "$dir/"; } || true
    [ -f "$dir/providers.tf" ] || cp tests/scenarios/_common/providers.tf "$dir/providers.tf"
    [ -f "$dir/terraform.tfvars" ] || { [ -f "$src/terraform.tfvars" ] && cp "$src/terraform.tfvars" "$dir/"; } || true
    if ! (cd "$dir" && terraform init -input=false -no-color >init.log 2>&1 \
          && terraform plan -input=false -no-color -refresh=false -lock=false -out=p >plan.log 2>&1 \
          && terraform show -json p >show.json && terraform providers schema -json >schema.json); then
        echo "scenarios: $name: planning before/ failed:" >&2
        grep -v '^\s*$' "$dir"/*.log | tail -n 15 >&2
        return 1
    fi
    python3 scripts/scenario-state.py "$dir/show.json" "$dir/schema.json" >"$dir/state.json" || return 1
    if [ -f "$dir/edit.jq" ]; then jq -f "$dir/edit.jq" "$dir/state.json" >"$dir/state.edited" || return 1
    else cp "$dir/state.json" "$dir/state.edited"; fi
    cp "$dir/state.edited" "$src/state.tfstate"
    echo "scenarios: wrote $src/state.tfstate"
}

if [ "$mode" = state ]; then
    for n in "${names[@]}"; do state_one "$n" || exit 1; done
    exit 0
fi

export -f plan_one; export work normalise
fail=0
printf '%s\n' "${names[@]}" | xargs -P "$jobs" -I{} bash -c 'plan_one "$1"' _ {} || fail=1
[ $fail -eq 0 ] || { echo "scenarios: planning failed" >&2; exit 1; }

if [ "$mode" = gen ]; then
    mkdir -p "$out_dir"
    for n in "${names[@]}"; do cp "$work/$n.json" "$out_dir/$n.json"; done
    echo "scenarios: wrote ${#names[@]} plans to $out_dir/"
    exit 0
fi

# check: the committed plan must match, ignoring the terraform version.
drift=0
for n in "${names[@]}"; do
    want="$out_dir/$n.json"
    if [ ! -f "$want" ]; then echo "scenarios: $n: no committed plan ($want); run scripts/scenarios.sh gen $n"; drift=1; continue; fi
    if ! diff <(jq -S 'del(.terraform_version, .timestamp)' "$want") \
              <(jq -S 'del(.terraform_version, .timestamp)' "$work/$n.json") >"$work/$n.diff"; then
        echo "scenarios: $n: the committed plan differs from a fresh terraform plan:"
        head -n 20 "$work/$n.diff"; drift=1
    else
        mkdir -p "$stamps" && check_key "$n" >"$stamps/$n"
    fi
done
[ $orphans -eq 0 ] || drift=1
if [ $drift -eq 0 ]; then
    if [ $unchanged -gt 0 ]; then
        echo "scenarios: $((${#names[@]} + unchanged)) plans match a fresh terraform plan ($unchanged unchanged since the last check, not planned again)"
    else
        echo "scenarios: ${#names[@]} plans match a fresh terraform plan"
    fi
fi
exit $drift
