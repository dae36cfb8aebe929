#!/usr/bin/env bash
# replay.sh — part of `make check`: runs every harness built in
# $BUILD/fuzz/ (replay.c's main, no libFuzzer) over its seeds
# (tests/fuzz/seeds.sh) and over every input that ever crashed it
# (tests/fuzz/regressions/NAME/).  A property failure, crash or sanitizer
# report fails the harness.  Last line: "fuzz-replay: N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
passed=0 failed=0
log=$(mktemp); trap 'rm -f "$log"' EXIT
for bin in "$BUILD"/fuzz/*; do
    [ -x "$bin" ] || continue
    name=$(basename "$bin")
    inputs=()
    while IFS= read -r f; do inputs+=("$f"); done < <(tests/fuzz/seeds.sh "$name")
    [ -d "tests/fuzz/regressions/$name" ] && inputs+=("tests/fuzz/regressions/$name")
    [ ${#inputs[@]} -eq 0 ] && continue
    if "$bin" "${inputs[@]}" >"$log" 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL fuzz replay $name:"
        grep -v '^replay: ' "$log" | head -30 | sed 's/^/    /'
        grep '^replay: ' "$log" | tail -n 1 | sed 's/^/    last input: /'
    fi
done
echo "fuzz-replay: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
