# pricing-sync-progress: on a terminal, a progress line on stderr (bytes,
# rate, rows kept so far) redrawn while the file streams in, erased before
# the result line; without a terminal, nothing (every other case checks that).
set -eu
source tests/support/price-server.sh
price_server_start
aws=$PRICE_WWW/offers/v1.0/aws
mkdir -p "$aws/AmazonEC2/20250901000000/us-east-1"
python3 scripts/gen-price-csv.py --size 6M --version 20250901000000 \
    "$aws/AmazonEC2/20250901000000/us-east-1/index.csv"
printf '{"regions": {"us-east-1": {"regionCode": "us-east-1", "currentVersionUrl": "/offers/v1.0/aws/AmazonEC2/20250901000000/us-east-1/index.json"}}}\n' \
    >"$aws/AmazonEC2/current/region_index.json"
# about 2 s of trickle, so the line is redrawn several times
price_control '[{"path": "index.csv", "action": "slow", "chunk": 262144, "delay": 0.08}]'
python3 - "$CIRCUIT" "$PRICE_URL" >"$TMP/tty" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "pricing", "sync", "--endpoint", sys.argv[2],
                           "--region", "us-east-1", "--service", "AmazonEC2"])
out = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors="replace").replace("\r", "\n"))
sys.exit(os.waitstatus_to_exitcode(status))
PY
lines=$(grep -cE $'^\033\\[KAmazonEC2 us-east-1: [0-9.]+ MB, [0-9.]+ MB/s, [0-9]+ rows kept$' "$TMP/tty") ||
    fail "no progress line: $(head -c 300 "$TMP/tty" | od -c | head)"
[ "$lines" -ge 3 ] || fail "only $lines progress lines"
grep -qE $'^\033\\[KAmazonEC2 us-east-1: [0-9.]+ MB, [0-9.]+ MB/s, [1-9][0-9]* rows kept$' "$TMP/tty" ||
    fail "rows kept never moved: $(grep -a 'rows kept' "$TMP/tty" | tail -3)"
grep -qE $'^\033\\[KAmazonEC2 us-east-1: version 20250901000000, published 2025-09-01T22:53:08Z: [0-9]+ rows kept of [0-9]+$' "$TMP/tty" ||
    fail "progress line not erased before the result: $(tail -c 300 "$TMP/tty" | od -c | tail -5)"
echo ok
