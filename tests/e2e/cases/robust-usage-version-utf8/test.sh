#!/usr/bin/env bash
# An unsupported usage-file version is quoted back in the error, cut to
# fit: never in the middle of a character (the line stays UTF-8).
set -u
cd "$TMP" || exit 1
printf 'version: "0.12%s"\n' "$(printf 'é%.0s' $(seq 40))" >u.yml
"$CIRCUIT" cost --usage u.yml "$FIX/plans/cost-actions.json" >out 2>err; rc=$?
[ $rc = 2 ] || { echo "exit $rc"; exit 1; }
grep -q '^circuit: u.yml: unsupported version "0.12é' err || { cat err; exit 1; }
iconv -f UTF-8 -t UTF-8 err >/dev/null || { echo "the error is not UTF-8"; exit 1; }
[ "$(wc -l <err)" = 1 ] || { cat err; exit 1; }
