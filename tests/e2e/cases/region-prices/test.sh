#!/usr/bin/env bash
# region-prices — eight regions outside us-east-1 and eu-west-1, priced to the
# cent from the bundled snapshot alone (empty cache, --offline), against
# figures worked out from the regional price rows (see check.py).
set -eu
python3 "$(dirname "$0")/check.py" "$CIRCUIT" "$SHARED" "$FIX"
