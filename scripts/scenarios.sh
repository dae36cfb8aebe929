#!/usr/bin/env bash
# scenarios.sh — real `terraform plan` output for the tests.
#
#   scripts/scenarios.sh gen   [NAME...]   plan each scenario, write fixtures/scenarios/NAME.json
#   scripts/scenarios.sh check [NAME...]   plan again and fail if a committed plan differs
#
# A scenario is a folder tests/scenarios/NAME/ of .tf files.  Unless it has a
# providers.tf of its own, tests/scenarios/_common/providers.tf is added
# (pinned hashicorp/aws, no credentials in the file, region from var.region: set it in
# the scenario's terraform.tfvars).  A scenario's state.tfstate, when present,
# becomes the prior state, so updates, replacements and deletes plan offline
# with -refresh=false.  Data sources that call AWS cannot work offline: write
# literals instead.
#
# Planning needs terraform and the hashicorp/aws provider in a filesystem
# mirror (TF_PLUGIN_MIRROR, default: found under /opt/tf-plugins or
# ~/.terraform.d/plugins).  Without them `check` says so and exits 0, and
# `gen` fails: the committed plans are what the tests read either way.
#
# The plan is written as `terraform show -json` prints it, pretty-printed by
# jq, with the fields that change on every run removed (timestamp) and the
# terraform version that made it kept but ignored by `check`.  Terraform
# lists `relevant_attributes` in no fixed order once a plan has several, so
# the list is sorted when written and when compared.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mode=${1:-}; shift || true
case "$mode" in gen|check) ;; *) echo "usage: scripts/scenarios.sh gen|check [NAME...]" >&2; exit 2 ;; esac
AWS_VERSION=5.100.0
out_dir=fixtures/scenarios
jobs=${SCENARIO_JOBS:-2}
sort_relevant='if .relevant_attributes then .relevant_attributes |= sort_by(.resource, (.attribute | tojson)) else . end'

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
if [ ${#names[@]} -eq 0 ]; then
    for d in tests/scenarios/*/; do n=$(basename "$d"); [ "$n" = _common ] || names+=("$n"); done
fi

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
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

# plan_one NAME: plans tests/scenarios/NAME into $work/NAME.json (normalised).
plan_one() {
    local name=$1 src="tests/scenarios/$1" dir="$work/run-$1"
    [ -d "$src" ] || { echo "scenarios: $name: no such scenario" >&2; return 2; }
    mkdir -p "$dir"
    cp -r "$src"/. "$dir"/
    [ -f "$dir/providers.tf" ] || cp tests/scenarios/_common/providers.tf "$dir/providers.tf"
    [ -f "$dir/state.tfstate" ] && mv "$dir/state.tfstate" "$dir/terraform.tfstate"
    if ! (cd "$dir" && terraform init -input=false -no-color >init.log 2>&1 \
          && terraform plan -input=false -no-color -refresh=false -lock=false -out=p >plan.log 2>&1 \
          && terraform show -json p >show.json 2>show.log); then
        echo "scenarios: $name: terraform failed:" >&2
        cat "$dir"/*.log | grep -v '^\s*$' | tail -n 15 >&2
        return 1
    fi
    jq "del(.timestamp) | $sort_relevant" "$dir/show.json" >"$work/$name.json"
}

export -f plan_one; export work sort_relevant
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
    if ! diff <(jq -S "del(.terraform_version, .timestamp) | $sort_relevant" "$want") \
              <(jq -S "del(.terraform_version, .timestamp) | $sort_relevant" "$work/$n.json") >"$work/$n.diff"; then
        echo "scenarios: $n: the committed plan differs from a fresh terraform plan:"
        head -n 20 "$work/$n.diff"; drift=1
    fi
done
for f in "$out_dir"/*.json; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .json); [ -d "tests/scenarios/$n" ] || { echo "scenarios: $f has no scenario folder"; drift=1; }
done
[ $drift -eq 0 ] && echo "scenarios: ${#names[@]} plans match a fresh terraform plan"
exit $drift
