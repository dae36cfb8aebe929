#!/usr/bin/env bash
# Every gate flag in both directions on `circuit review` (see ../review-gates-review/gates.sh).
GATE_CMD=review
source tests/e2e/cases/review-gates-review/gates.sh
