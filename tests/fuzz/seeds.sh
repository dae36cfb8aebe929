#!/usr/bin/env bash
# seeds.sh NAME — prints the seed files of harness NAME, one per line: the
# fixtures the tests already use (so the corpora follow the fixtures as they
# grow), plus the hand-written seeds in tests/fuzz/seeds/NAME/.
set -u
cd "$(dirname "$0")/../.."
name=$1
case $name in
plan)
    # plans of every shape the tests know; the big ones only slow the fuzzer
    find fixtures/plans fixtures/scenarios -name "*.json" -size -16k 2>/dev/null ;;
csv)
    find fixtures/prices -maxdepth 1 -name '*.csv' -size -16k 2>/dev/null
    find pricing/snapshot -name '*.csv' -size -16k 2>/dev/null ;;
usage)
    find fixtures/usage -type f 2>/dev/null ;;
rules)
    find tests/e2e/cases -name 'rules*.json' 2>/dev/null ;;
esac | LC_ALL=C sort
[ -d "tests/fuzz/seeds/$name" ] && find "tests/fuzz/seeds/$name" -type f | LC_ALL=C sort
exit 0
