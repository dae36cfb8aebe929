# faults.sh — sourced by the fault e2e cases (bash): stopping circuit at an
# exact point of its price-cache work (tests/support/pause.c, preloaded),
# reading the cache back with Python's sqlite3, and making a place read-only
# or small.
#
#   fault_points OUT CMD...      runs CMD once, counting its points into OUT
#   fault_start N CMD...         starts CMD in the background, stopped before
#                                point N; returns once it is stopped
#                                (FAULT_PID); with FAULT_GO set it waits for
#                                fault_go, else for a kill
#   fault_go                     lets every process fault_start stopped with
#                                FAULT_GO set go on (FAULT_GO.<pid>, a fifo each)
#   fault_pick SEED COUNT MAX    COUNT distinct points in 1..MAX, from SEED
#   cache_check DB               the cache opens and PRAGMA integrity_check
#                                is "ok" (exit 1 and a message otherwise)
#   cache_prices DB SERVICE REGION
#                                every stored row of one price list as
#                                "sku usd version" lines, sorted (via circuit)
#   read_only_run DIR CMD...     runs CMD with DIR read-only (a read-only bind
#                                mount as root, chmod otherwise)
#   fail MESSAGE                 print MESSAGE to stderr and exit 1
#   small_fs_run DIR KB CMD...   runs CMD with DIR on a KB-kilobyte tmpfs
#                                (mount namespace); FAULT_FS says how;
#                                FAULT_FORCE_RLIMIT=1 takes the fallback

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

FAULT_LIB="$(dirname "$CIRCUIT")/lib/pause.so"
[ -f "$FAULT_LIB" ] || { echo "FAIL: $FAULT_LIB not built (make check builds it)" >&2; exit 1; }
# gcc's ASan wants its runtime first among the preloads; ours only wraps libc
# and SQLite calls, so tell it not to mind.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

FAULT_PIDS=()

fault_points() {
    local out=$1
    shift
    PAUSE_COUNT="$out" LD_PRELOAD="$FAULT_LIB" "$@"
}

fault_start() {
    local n=$1
    shift
    local ready="$TMP/fault-ready.$n.$RANDOM"
    mkfifo "$ready"
    PAUSE_AT=$n PAUSE_READY="$ready" PAUSE_GO="${FAULT_GO:-}" LD_PRELOAD="$FAULT_LIB" "$@" &
    FAULT_PID=$!
    # Blocks until the process reaches the point and says so (a safety
    # timeout only, for a process that ends first: then the test fails).
    local line
    if ! line=$(timeout 120 head -n 1 "$ready"); then
        echo "FAIL: process did not reach point $n" >&2
        kill -9 "$FAULT_PID" 2>/dev/null
        return 1
    fi
    rm -f "$ready"
    [ "$line" = "$FAULT_PID" ] || { echo "FAIL: point $n reached by $line, not $FAULT_PID" >&2; return 1; }
    FAULT_PIDS+=("$FAULT_PID")
}

fault_go() {
    # Each stopped process waits on its own fifo (pause.c): one line each.
    local pid
    # (a safety timeout only: a process that died stopped cannot open its end)
    for pid in "${FAULT_PIDS[@]}"; do
        timeout 120 bash -c 'echo go >"$1"' _ "$FAULT_GO.$pid" || { echo "FAIL: $pid never went on" >&2; return 1; }
    done
    FAULT_PIDS=()
}

fault_pick() {
    python3 - "$1" "$2" "$3" <<'PY'
import random, sys
seed, count, top = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
print("\n".join(str(p) for p in sorted(rng.sample(range(1, top + 1), min(count, top)))))
PY
}

cache_check() {
    python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
got = [r[0] for r in db.execute("PRAGMA integrity_check")]
if got != ["ok"]:
    print("FAIL: integrity_check:", got, file=sys.stderr)
    sys.exit(1)
db.execute("SELECT count(*) FROM offers").fetchone()
PY
}

cache_prices() {
    "$CIRCUIT" pricing query --cache "$1" --service "$2" --region "$3" --format json |
        jq -r '.matches[] | "\(.sku) \(.usd) \(.version)"' | LC_ALL=C sort
}

read_only_run() {
    local dir=$1
    shift
    if [ "$(id -u)" = 0 ]; then
        # root ignores permissions: a read-only bind mount in a private
        # mount namespace is read-only to root too (EROFS)
        unshare -m bash -c 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"' \
            _ "$dir" "$@"
    else
        chmod a-w "$dir"
        "$@"
        local rc=$?
        chmod u+w "$dir"
        return $rc
    fi
}

small_fs_run() {
    local dir=$1 kb=$2
    shift 2
    if [ -n "${FAULT_FORCE_RLIMIT:-}" ]; then
        FAULT_FS="RLIMIT_FSIZE of ${kb} KiB"
        (trap '' XFSZ; ulimit -f "$kb"; exec "$@")
    elif [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
        FAULT_FS="tmpfs of ${kb} KiB"
        unshare -m bash -c '
            set -e
            tmp=$(mktemp -d); cp -a "$1"/. "$tmp"/
            mount -t tmpfs -o size="$2"k tmpfs "$1"
            cp -a "$tmp"/. "$1"/; rm -rf "$tmp"
            shift 2; exec "$@"' _ "$dir" "$kb" "$@"
    elif unshare -rm true 2>/dev/null; then
        FAULT_FS="tmpfs of ${kb} KiB (user namespace)"
        unshare -rm bash -c '
            set -e
            tmp=$(mktemp -d); cp -a "$1"/. "$tmp"/
            mount -t tmpfs -o size="$2"k tmpfs "$1"
            cp -a "$tmp"/. "$1"/; rm -rf "$tmp"
            shift 2; exec "$@"' _ "$dir" "$kb" "$@"
    else
        # No mount namespace: a file size limit (RLIMIT_FSIZE) is the honest
        # stand-in; SIGXFSZ is ignored so writes fail with EFBIG.
        FAULT_FS="RLIMIT_FSIZE of ${kb} KiB"
        (trap '' XFSZ; ulimit -f "$kb"; exec "$@")
    fi
}
