#!/usr/bin/env bash
# run.sh [NAME...] — `make fuzz`: runs each libFuzzer harness built in
# $BUILD/fuzz/ (clang, ASan + UBSan) for FUZZ_SECONDS seconds, from its
# seeds (tests/fuzz/seeds.sh), its regressions and the corpus it grew
# before ($BUILD/corpus/NAME), with its dictionary (tests/fuzz/dict/).
# Any crash, leak, timeout (FUZZ_TIMEOUT s per input, default 10) or
# property failure fails the run; the input is left in
# $BUILD/artifacts/NAME/ — copy it to tests/fuzz/regressions/NAME/ once
# fixed.  Appends "NAME execs=N crashes=N seconds=N" to $BUILD/fuzz-stats.txt.
# FUZZ_NICE (default 10) lowers the priority; FUZZ_RSS_MB caps memory;
# FUZZ_FLAGS adds libFuzzer flags (e.g. -runs=N).
set -u
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for bin in "$BUILD"/fuzz/*; do [ -x "$bin" ] && names+=("$(basename "$bin")"); done
fi
failed=0
for name in "${names[@]}"; do
    bin=$BUILD/fuzz/$name
    [ -x "$bin" ] || { echo "fuzz: no harness $bin" >&2; failed=1; continue; }
    corpus=$BUILD/corpus/$name seeds=$BUILD/seeds/$name art=$BUILD/artifacts/$name
    mkdir -p "$corpus" "$art"
    rm -rf "$seeds"; mkdir -p "$seeds"
    while IFS= read -r f; do cp "$f" "$seeds/$(echo "$f" | tr / _)"; done < <(tests/fuzz/seeds.sh "$name")
    dirs=("$corpus" "$seeds")
    [ -d "tests/fuzz/regressions/$name" ] && dirs+=("tests/fuzz/regressions/$name")
    dict=()
    [ -f "tests/fuzz/dict/$name.dict" ] && dict=(-dict="tests/fuzz/dict/$name.dict")
    # Per-harness libFuzzer flags (tests/fuzz/options/NAME, one per line):
    # mostly -max_len, as large inputs only make every run slower.
    opts=()
    [ -f "tests/fuzz/options/$name" ] && while IFS= read -r o; do
        [ -n "$o" ] && [ "${o#\#}" = "$o" ] && opts+=("$o")
    done <"tests/fuzz/options/$name"
    log=$BUILD/fuzz-$name.log
    before=$(find "$art" -type f | wc -l)
    echo "== fuzz $name (${SECONDS_EACH}s)"
    nice -n "${FUZZ_NICE:-10}" "$bin" -max_total_time="$SECONDS_EACH" -timeout="${FUZZ_TIMEOUT:-10}" \
        -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -print_final_stats=1 "${opts[@]}" ${FUZZ_FLAGS:-} \
        -artifact_prefix="$art/" "${dict[@]}" "${dirs[@]}" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    crashes=$(( $(find "$art" -type f | wc -l) - before ))
    echo "$name execs=${execs:-0} crashes=$crashes seconds=$SECONDS_EACH rc=$rc" | tee -a "$BUILD/fuzz-stats.txt"
    if [ $rc -ne 0 ]; then
        failed=1
        echo "FAIL fuzz $name (exit $rc); the end of $log:"
        grep -v '^#[0-9]' "$log" | tail -n 40 | sed 's/^/    /'
    fi
done
exit $failed
