#!/bin/sh
# jansson-san.sh — build jansson from its Debian source package with the
# sanitizers, for `make asan`, `make ubsan` and `make fuzz`.
#
#   scripts/jansson-san.sh OUTDIR CC "CFLAGS"
#
# Why: AddressSanitizer sees a use-after-free only in code it instrumented.
# With the system libjansson, a freed json_t that circuit hands back to
# jansson (json_object_get on it, say) is read inside the library and goes
# unseen; built from source with the same flags, it is reported.
#
# The source is the one Debian ships for the installed libjansson-dev
# (same version as the headers we compile against), fetched with
# `apt-get source` from the deb entries the machine already uses (turned
# into deb-src in a private apt directory, so the system's apt state is not
# touched), and cached in build-deps/.  Set JANSSON_SRC to a .orig.tar.gz to
# skip the download.  Writes OUTDIR/include/{jansson.h,jansson_config.h}
# and OUTDIR/libjansson.a; does nothing when they are already there.
set -eu

out=$1 cc=$2 cflags=$3
root=$(cd "$(dirname "$0")/.." && pwd)
cache=$root/build-deps

[ -f "$out/libjansson.a" ] && [ -f "$out/include/jansson.h" ] && exit 0

version=$(dpkg-query -W -f='${Version}' libjansson-dev 2>/dev/null || true)
[ -n "$version" ] || { echo "jansson-san: libjansson-dev is not installed (run scripts/install-deps.sh)" >&2; exit 1; }
upstream=${version%-*}
upstream=${upstream#*:}

fetch() {
    mkdir -p "$cache/apt/lists/partial" "$cache/apt/sources.list.d"
    src=$cache/apt/sources.list.d/deb-src.sources
    : >"$src"
    # deb822 files: the same archives, as deb-src
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        sed 's/^Types:.*/Types: deb-src/' "$f" >>"$src"
        echo >>"$src"
    done
    list=$cache/apt/sources.list.d/deb-src.list
    : >"$list"
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        sed -n 's/^deb \(.*\)/deb-src \1/p' "$f" >>"$list"
    done
    set -- -q -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$cache/apt/sources.list.d" \
        -o Dir::State::Lists="$cache/apt/lists" -o Debug::NoLocking=1 -o APT::Sandbox::User=root
    echo "jansson-san: fetching the Debian source of jansson $version"
    # A third-party archive without sources makes update complain; what
    # matters is whether `source` finds jansson afterwards.
    apt-get "$@" update >/dev/null 2>&1 || true
    (cd "$cache" && apt-get "$@" source --download-only "jansson=$version" >/dev/null)
}

tarball=${JANSSON_SRC:-$cache/jansson_$upstream.orig.tar.gz}
if [ ! -f "$tarball" ]; then
    fetch || { echo "jansson-san: cannot fetch the jansson source package (set JANSSON_SRC=path/to/jansson_$upstream.orig.tar.gz)" >&2; exit 1; }
fi
[ -f "$tarball" ] || { echo "jansson-san: $tarball is missing after apt-get source" >&2; exit 1; }

work=$out/src
rm -rf "$out"
mkdir -p "$work" "$out/include"
tar -xzf "$tarball" -C "$work" --strip-components=1
# Debian's patches (if any) apply on top, as they do in the library we link normally.
dtar=$(ls "$cache"/jansson_"$upstream"-*.debian.tar.* 2>/dev/null | tail -n 1 || true)
if [ -n "$dtar" ]; then
    tar -xf "$dtar" -C "$work"
    if [ -f "$work/debian/patches/series" ]; then
        while read -r p; do
            case $p in ''|'#'*) continue ;; esac
            patch -s -d "$work" -p1 <"$work/debian/patches/$p"
        done <"$work/debian/patches/series"
    fi
fi

sed -e 's/@json_inline@/inline/' -e 's/@json_have_long_long@/1/' \
    -e 's/@json_have_localeconv@/1/' -e 's/@json_have_atomic_builtins@/1/' \
    -e 's/@json_have_sync_builtins@/1/' \
    "$work/src/jansson_config.h.in" >"$out/include/jansson_config.h"
cat >"$work/src/jansson_private_config.h" <<'EOF'
#define HAVE_ENDIAN_H 1
#define HAVE_FCNTL_H 1
#define HAVE_SCHED_H 1
#define HAVE_UNISTD_H 1
#define HAVE_SYS_PARAM_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_STDINT_H 1
#define HAVE_CLOSE 1
#define HAVE_GETPID 1
#define HAVE_GETTIMEOFDAY 1
#define HAVE_OPEN 1
#define HAVE_READ 1
#define HAVE_SCHED_YIELD 1
#define HAVE_ATOMIC_BUILTINS 1
#define HAVE_SYNC_BUILTINS 1
#define HAVE_LOCALECONV 1
#define USE_URANDOM 1
#define INITIAL_HASHTABLE_ORDER 3
EOF
cp "$work/src/jansson.h" "$out/include/"
objs=""
for c in "$work"/src/*.c; do
    o=$out/$(basename "$c" .c).o
    # shellcheck disable=SC2086
    $cc $cflags -DHAVE_CONFIG_H -I"$work/src" -I"$out/include" -w -c "$c" -o "$o"
    objs="$objs $o"
done
# shellcheck disable=SC2086
ar rcs "$out/libjansson.a" $objs
echo "jansson-san: built $out/libjansson.a ($cc $cflags)"
