# pricing-sync-progress: on a terminal, a progress line on stderr (bytes,
# rate, rows kept), erased when the file is done; without one, nothing.
set -eu
source tests/support/price-server.sh
price_server_start
python3 - "$CIRCUIT" "$PRICE_URL" >"$TMP/tty" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "pricing", "sync", "--endpoint", sys.argv[2],
                           "--region", "eu-west-1", "--service", "AmazonRDS"])
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
sys.stdout.write(out.decode(errors="replace"))
sys.exit(os.waitstatus_to_exitcode(status))
PY
grep -qE $'\r\033\\[KAmazonRDS eu-west-1: [0-9.]+ MB, [0-9.]+ MB/s, 228 rows kept' "$TMP/tty" ||
    fail "no progress line: $(od -c "$TMP/tty" | head)"
grep -qF $'\r\033[KAmazonRDS eu-west-1: version 20230223000000' "$TMP/tty" ||
    fail "progress line not erased before the result: $(od -c "$TMP/tty" | head)"
echo ok
