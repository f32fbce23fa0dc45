#!/usr/bin/env bash
# deckport.pc from a scratch install: the consumer's main.cpp compiles with
# `pkg-config --cflags deckport` and links with `--libs` (shared) and with `--static --libs`
# (the static libraries and everything they need), and both convert the reference deck to the
# same JSON as `deckport convert`, and to every format with the same bytes.
source "$(dirname "$0")/common.sh"

pc=$(find "$prefix" -name deckport.pc)
[ -n "$pc" ] || fail "no deckport.pc under $prefix"
libdir=$(dirname "$(dirname "$pc")")
export PKG_CONFIG_PATH=$(dirname "$pc")
[ "$(pkg-config --modversion deckport)" = "$version" ] || fail "deckport.pc version: $(pkg-config --modversion deckport)"
[ "$(pkg-config --variable=prefix deckport)" = "$prefix" ] || fail "deckport.pc prefix: $(pkg-config --variable=prefix deckport)"
[ "$(pkg-config --variable=libdir deckport)" = "$libdir" ] || fail "deckport.pc libdir: $(pkg-config --variable=libdir deckport)"

"$deckport" convert - --from md --to json --timestamp 1577836800 <"$deck" >"$work/expected.json"
compiler=(c++)
if command -v ccache >/dev/null; then compiler=(ccache c++); fi
# shellcheck disable=SC2046 # pkg-config's output is a list of words
quietly "${compiler[@]}" -std=c++20 -Wall -Wextra -Werror $(pkg-config --cflags deckport) \
    -c "$here/consumer/main.cpp" -o "$work/main.o"

# shellcheck disable=SC2046
quietly c++ "$work/main.o" -o "$work/md2json-shared" $(pkg-config --libs deckport)
LD_LIBRARY_PATH=$libdir "$work/md2json-shared" <"$deck" >"$work/shared.json" || fail "shared consumer exited $?"
cmp "$work/expected.json" "$work/shared.json" || fail "shared consumer's JSON differs from the CLI's"
every_format_matches_cli shared env LD_LIBRARY_PATH="$libdir" "$work/md2json-shared"

# The .a and the .so sit side by side: the linker is told to take the archives.
static_libs=$(pkg-config --static --libs deckport)
static_libs=${static_libs/-ldeckport_formats -ldeckport_core/-Wl,-Bstatic -ldeckport_formats -ldeckport_core -Wl,-Bdynamic}
# shellcheck disable=SC2086
quietly c++ "$work/main.o" -o "$work/md2json-static" $static_libs
if readelf -d "$work/md2json-static" | grep NEEDED | grep -q libdeckport; then
    fail "the static consumer loads a deckport library"
fi
"$work/md2json-static" <"$deck" >"$work/static.json" || fail "static consumer exited $?"
cmp "$work/expected.json" "$work/static.json" || fail "static consumer's JSON differs from the CLI's"
every_format_matches_cli static "$work/md2json-static"
echo "pkg-config consumer: shared and static links convert $deck to every format like the CLI"
