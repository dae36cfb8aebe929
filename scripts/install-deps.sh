#!/bin/sh
# install-deps.sh — install every build and test dependency of circuit from
# Debian's package archive.  Idempotent: packages already present are left
# alone, and apt-get runs only when something is missing.  The Makefile calls
# this when pkg-config cannot find one of the six libraries or a tool is
# missing.
# OPTIONAL packages are for one test each and never stop the build: chromium
# (and a font to lay pages out with) runs the browser test of the HTML
# reports (tests/browser), which says it skipped where chromium is missing.
set -eu

PACKAGES="build-essential pkg-config libjansson-dev libcurl4-openssl-dev \
libsqlite3-dev libpcre2-dev zlib1g-dev libcriterion-dev jq python3 python3-jsonschema \
python3-yaml valgrind ca-certificates time cmark-gfm"
OPTIONAL="chromium fonts-dejavu-core"

missing_of() {
    out=""
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            out="$out $p"
        fi
    done
    echo "$out"
}
# shellcheck disable=SC2086
missing=$(missing_of $PACKAGES)
# shellcheck disable=SC2086
optional=$(missing_of $OPTIONAL)

if [ -z "$missing" ] && [ -z "$optional" ]; then
    echo "install-deps: all dependencies present"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    elif [ -n "$missing" ]; then
        echo "install-deps: missing packages:$missing$optional (run as root)" >&2
        exit 1
    else
        echo "install-deps: optional packages missing:$optional (run as root to install them)" >&2
        exit 0
    fi
else
    SUDO=""
fi

echo "install-deps: installing$missing$optional"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
if [ -n "$missing" ]; then
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
if [ -n "$optional" ]; then
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $optional \
        || echo "install-deps: could not install$optional: the tests that need them will say they skipped" >&2
fi
