#!/usr/bin/env bash
# Every gate flag in both directions on `circuit check` (see ../review-gates-review/gates.sh).
GATE_CMD=check
source tests/e2e/cases/review-gates-review/gates.sh
