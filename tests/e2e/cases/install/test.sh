# install: `make install` puts the binary, the man page and the bash
# completion under PREFIX (DESTDIR), and the man page renders.
set -eu
make -s install BUILD="${BUILD:-build}" DESTDIR="$TMP/root" PREFIX=/usr >/dev/null
test -x "$TMP/root/usr/bin/circuit"
test -f "$TMP/root/usr/share/man/man1/circuit.1"
test -f "$TMP/root/usr/share/bash-completion/completions/circuit"
"$TMP/root/usr/bin/circuit" version >/dev/null
if command -v man >/dev/null; then MANWIDTH=80 man -l "$TMP/root/usr/share/man/man1/circuit.1" 2>/dev/null | grep -q 'circuit comment'; fi
bash -c "source '$TMP/root/usr/share/bash-completion/completions/circuit'; COMP_WORDS=(circuit co); COMP_CWORD=1; _circuit; [ \"\${COMPREPLY[*]}\" = 'cost comment' ]"
