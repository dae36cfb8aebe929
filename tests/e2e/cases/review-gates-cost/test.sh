#!/usr/bin/env bash
# Every gate flag in both directions on `circuit cost` (see ../review-gates-review/gates.sh).
GATE_CMD=cost
source tests/e2e/cases/review-gates-review/gates.sh
