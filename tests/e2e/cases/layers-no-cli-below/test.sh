# layers-no-cli-below: the layers below the CLI (src/plan, src/cost, src/risk,
# src/review, src/core, pricing/) never include a header of src/cli; and the
# check can fail: a copy with such an include is reported.
set -eu
below() { grep -rlE '#include "(\.\./)*cli/' "$@" --include='*.c' --include='*.h' || true; }
bad=$(below src/plan src/cost src/risk src/review src/core pricing)
[ -z "$bad" ] || { echo "includes a CLI header: $bad"; exit 1; }
mkdir -p "$TMP/tree/src/review"
printf '#include "../cli/cli.h"\n' >"$TMP/tree/src/review/x.c"
[ -n "$(below "$TMP/tree/src/review")" ] || { echo "the check cannot fail"; exit 1; }
