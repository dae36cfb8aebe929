#!/usr/bin/env bash
# A region the cache has no prices for: `estimate` says "not priced" and
# exits 2 with one line and nothing on stdout, as `pricing query` does
# there (issue 17: it used to print $0.00 and exit 0).
set -u
R=mars-east-1   # a region no price list will ever hold
"$CIRCUIT" estimate aws_instance instance_type=t3.micro --region $R >"$TMP/out" 2>"$TMP/err"; est=$?
"$CIRCUIT" pricing query --service AmazonEC2 --region $R --attr instanceType=t3.micro >"$TMP/qout" 2>"$TMP/qerr"; qry=$?
fails=0
[ $est -eq 2 ] && [ $qry -eq 2 ] || { echo "FAIL: estimate exit $est, pricing query exit $qry (want 2 and 2)"; fails=1; }
[ -s "$TMP/out" ] && { echo "FAIL: estimate wrote to stdout"; fails=1; }
want='circuit: estimate: aws_instance.estimate not priced: no price for Instance usage (Linux, on-demand, t3.micro) in mars-east-1, run `circuit pricing sync --region mars-east-1`'
[ "$(cat "$TMP/err")" = "$want" ] || { echo "FAIL: estimate said: $(cat "$TMP/err")"; fails=1; }
[ "$fails" -eq 0 ]
