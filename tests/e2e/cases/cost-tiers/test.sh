#!/usr/bin/env bash
# AWS's tiers applied in order (issue 10), on a real terraform plan
# (tests/scenarios/cost-tiers): Lambda duration at 9,216,000,000 GB-seconds
# crosses from the first tier (6 billion) into the second: $100,000.20 +
# $48,240.00, not $153,600 at the first tier's price; an interface endpoint's
# 7,000,000 GB cross all three (AWS's bounds: 1,048,576 and 5,242,880 GB):
# $42,680.06, not $70,000.  Lambda's three tiers come from a fixture price
# list (the real us-east-1 rows), imported first.  Alarms: a 30-second
# period and a 10-second metric in metric_query are high resolution.
set -eu
cd "$FIX"
"$CIRCUIT" pricing import prices/pricing-AWSLambda-us-east-1-tiers.csv >/dev/null
"$CIRCUIT" cost --usage usage/cost-tiers.json scenarios/cost-tiers.json
