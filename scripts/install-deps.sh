#!/bin/sh
# install-deps.sh — install every build and test dependency of circuit from
# Debian's package archive.  Idempotent: packages already present are left
# alone, and apt-get runs only when something is missing.  The Makefile calls
# this when pkg-config cannot find one of the six libraries.
set -eu

PACKAGES="build-essential pkg-config libjansson-dev libcurl4-openssl-dev \
libsqlite3-dev libpcre2-dev zlib1g-dev libcriterion-dev jq python3 python3-jsonschema \
python3-yaml valgrind ca-certificates time cmark-gfm"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "install-deps: all dependencies present"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "install-deps: missing packages:$missing (run as root)" >&2
        exit 1
    fi
else
    SUDO=""
fi

echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
