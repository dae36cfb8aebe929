# comment-stdin-terminal: with no FILE and a terminal on stdin, `circuit
# comment` says how to give the Markdown instead of waiting (and sends
# nothing).  stdin is a pseudo-terminal; the timeout only turns a hang into a
# failure.
set -eu
python3 - <<'PY'
import os, pty, subprocess, sys
env = dict(os.environ, GITHUB_TOKEN="t", GITHUB_API_URL="http://127.0.0.1:9/")
master, slave = pty.openpty()
try:
    p = subprocess.run([os.environ["CIRCUIT"], "comment", "github", "--repo", "a/b", "--pr", "1"],
                       stdin=slave, capture_output=True, timeout=60, env=env)
finally:
    os.close(master)
    os.close(slave)
err = p.stderr.decode()
assert p.returncode == 2, (p.returncode, err)
assert err == "circuit: stdin: is a terminal, not Markdown: give a file (circuit comment github review.md) or pipe it\n", err
PY
