# With no plan argument (or "-") and a terminal on stdin, every command that
# reads a plan from stdin says how to pass one instead of waiting for input.
# stdin is a pseudo-terminal; the timeout only turns a hang into a failure.
python3 - <<'PY'
import os, pty, subprocess
circuit = os.environ["CIRCUIT"]
for args in (["review"], ["cost"], ["check"], ["changes"], ["review", "-"]):
    master, slave = pty.openpty()
    try:
        p = subprocess.run([circuit] + args, stdin=slave, capture_output=True, timeout=60)
        print(p.returncode, repr(p.stdout.decode()), p.stderr.decode(), end="")
    except subprocess.TimeoutExpired:
        print("BLOCKED waiting for the terminal:", " ".join(args))
    finally:
        os.close(master)
        os.close(slave)
PY
