# A binary plan is converted by running `terraform show -json FILE` from PATH.
# The fake terraform checks its arguments and prints a fixture.
set -eu
mkdir -p "$TMP/bin"
cat > "$TMP/bin/terraform" <<'SH'
#!/bin/sh
[ "$1 $2 $3" = "show -json fixtures/plans/changes-binary.tfplan" ] || { echo "bad args: $*" >&2; exit 9; }
cat fixtures/plans/changes-modules.json
SH
chmod +x "$TMP/bin/terraform"
out=$(PATH="$TMP/bin:$PATH" "$CIRCUIT" changes --format json fixtures/plans/changes-binary.tfplan)
[ "$(jq -r '.resources | length' <<<"$out")" = 8 ]
[ "$(jq -r '.resources[0].address' <<<"$out")" = aws_cloudfront_origin_access_identity.oai ]
