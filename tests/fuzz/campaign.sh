#!/usr/bin/env bash
# campaign.sh NAME [EXECS] — a long fuzzing campaign for one harness: runs
# $BUILD/fuzz/NAME in libFuzzer's fork mode, which keeps going after a
# crash, leak or timeout and saves each input to $BUILD/artifacts/NAME/,
# until EXECS executions (default 10 million) are done, or
# CAMPAIGN_SECONDS have passed (no limit unless set; the figures then say
# how far it got).  At the lowest priority (nice 19), on FUZZ_JOBS cores
# (default 1: the machine is shared); the jobs share one corpus and the
# figures count them all.
#
# The campaign build is SAN=fuzzfast (UBSan, -O2: several times ASan's
# executions per second):
#   make BUILD=build-fuzzfast SAN=fuzzfast CC=clang fuzz-build
# Afterwards every input of the grown corpus runs once through the ASan +
# UBSan build ($ASAN_BUILD, default build-fuzz: `make fuzz-build` under
# SAN=fuzz), so memory errors and leaks on any input that reached new code
# are still caught.  Appends "NAME execs=N crashes=N timeouts=N ooms=N
# seconds=N artifacts=N corpus=N asan_replay=ok|FAILED|skipped" to
# $BUILD/campaign-stats.txt; the logs are $BUILD/campaign-NAME.log and
# $BUILD/campaign-NAME-asan.log.
set -u
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build-fuzzfast}
ASAN_BUILD=${ASAN_BUILD:-build-fuzz}
name=$1 target=${2:-10000000}
bin=$BUILD/fuzz/$name
[ -x "$bin" ] || { echo "campaign: no harness $bin (make BUILD=$BUILD SAN=fuzzfast CC=clang fuzz-build)" >&2; exit 2; }
corpus=$BUILD/corpus/$name seeds=$BUILD/seeds/$name art=$BUILD/artifacts/$name
mkdir -p "$corpus" "$art" "$seeds"
while IFS= read -r f; do cp "$f" "$seeds/$(echo "$f" | tr / _)"; done < <(tests/fuzz/seeds.sh "$name")
dirs=("$corpus" "$seeds")
[ -d "tests/fuzz/regressions/$name" ] && dirs+=("tests/fuzz/regressions/$name")
opts=()
[ -f "tests/fuzz/options/$name" ] && while IFS= read -r o; do
    [ -n "$o" ] && [ "${o#\#}" = "$o" ] && opts+=("$o")
done <"tests/fuzz/options/$name"
dict=()
[ -f "tests/fuzz/dict/$name.dict" ] && dict=(-dict="tests/fuzz/dict/$name.dict")
log=$BUILD/campaign-$name.log
start=$(date +%s)
# Its own process group (job control), so the whole fork-mode family can be
# stopped; not its own session, whose new scheduler autogroup would get an
# equal share of the CPU whatever its nice value.
set -m
nice -n 19 "$bin" -fork="${FUZZ_JOBS:-1}" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -max_total_time=$((14 * 86400)) \
    "${opts[@]}" "${dict[@]}" -artifact_prefix="$art/" "${dirs[@]}" >"$log" 2>&1 &
pid=$!
set +m
# The fork-mode parent runs its worker through a shell: stop the whole
# process group (the parent leads it), politely first.
stop() {
    kill -TERM -- -"$pid" 2>/dev/null || return 0
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        kill -0 -- -"$pid" 2>/dev/null || return 0
        sleep 1
    done
    kill -KILL -- -"$pid" 2>/dev/null
}
trap stop EXIT
# INT or TERM ends the campaign early but still writes its figures; the
# poll sleeps in the background so the signal is seen at once.
stopping=
trap 'stopping=1' INT TERM
last() { grep -o '^#[0-9]*: .*' "$log" | tail -n 1; }
while [ -z "$stopping" ] && kill -0 "$pid" 2>/dev/null; do
    sleep "${CAMPAIGN_POLL:-60}" &
    wait $! 2>/dev/null || kill $! 2>/dev/null
    n=$(last | sed -n 's/^#\([0-9]*\):.*/\1/p')
    [ -n "$n" ] && [ "$n" -ge "$target" ] && break
    [ -n "${CAMPAIGN_SECONDS:-}" ] && [ $(( $(date +%s) - start )) -ge "$CAMPAIGN_SECONDS" ] && break
done
stop; wait "$pid" 2>/dev/null
line=$(last)
n=$(sed -n 's/^#\([0-9]*\):.*/\1/p' <<<"$line")
read -r ooms timeouts crashes < <(sed -n 's|.*oom/timeout/crash: \([0-9]*\)/\([0-9]*\)/\([0-9]*\).*|\1 \2 \3|p' <<<"$line")
replay=skipped
if [ -x "$ASAN_BUILD/fuzz/$name" ]; then
    # -runs=0: each input of the corpus once, no mutation.
    if nice -n 19 "$ASAN_BUILD/fuzz/$name" -runs=0 -timeout="${FUZZ_TIMEOUT:-10}" \
        -rss_limit_mb="${FUZZ_RSS_MB:-2048}" "${opts[@]}" -artifact_prefix="$art/asan-" "$corpus" \
        >"$BUILD/campaign-$name-asan.log" 2>&1; then
        replay=ok
    else
        replay=FAILED
    fi
fi
echo "$name execs=${n:-0} crashes=${crashes:-?} timeouts=${timeouts:-?} ooms=${ooms:-?} seconds=$(( $(date +%s) - start )) artifacts=$(find "$art" -type f | wc -l) corpus=$(find "$corpus" -type f | wc -l) asan_replay=$replay" |
    tee -a "$BUILD/campaign-stats.txt"
[ "$replay" != FAILED ]
