#!/usr/bin/env bash
# `cpack -G DEB` makes deckport_<version>_<arch>.deb: its fields, its files, Depends that cover
# every library its programs and libraries load, and, unpacked into a scratch root with
# `dpkg -x`, a deckport that runs from there and converts the reference deck to the same .apkg as
# the build's own binary.
source "$(dirname "$0")/common.sh"

arch=$(dpkg --print-architecture)
quietly cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/cpack"
deb=$work/cpack/deckport_${version}_$arch.deb
[ -f "$deb" ] || fail "no $deb; cpack made: $(ls "$work/cpack")"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = deckport ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
for package in libjs-mathjax libjs-highlight.js; do
    grep -qw -- "$package" <<<"$(field Recommends)" || fail "Recommends lacks $package: $(field Recommends)"
done
depends=$(field Depends)
depends_names=$(sed 's/([^)]*)//g; s/|/,/g' <<<"$depends" | tr ',' '\n' | tr -d ' ')

root=$work/root
dpkg-deb -x "$deb" "$root"
for file in usr/bin/deckport usr/share/man/man1/deckport.1 usr/share/man/man1/deckport-convert.1 \
    usr/share/bash-completion/completions/deckport usr/share/zsh/vendor-completions/_deckport \
    usr/share/fish/vendor_completions.d/deckport.fish usr/include/deckport/format.hpp \
    usr/lib/cmake/deckport/deckportConfig.cmake usr/lib/pkgconfig/deckport.pc \
    usr/lib/libdeckport_core.a usr/lib/libdeckport_formats.a usr/share/doc/deckport/README.md; do
    [ -e "$root/$file" ] || fail "the package lacks /$file"
done
grep -qx 'prefix=/usr' "$root/usr/lib/pkgconfig/deckport.pc" || fail "deckport.pc does not name /usr"

# Every library that the package's programs and libraries load is the package's own or comes from
# a package that Depends names.
own_sonames=$(for lib in "$root"/usr/lib/*.so.*; do readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p'; done)
[ -n "$own_sonames" ] || fail "the package has no shared library"
for elf in "$root/usr/bin/deckport" "$root"/usr/lib/*.so.*; do
    [ -L "$elf" ] && continue
    for needed in $(readelf -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        grep -qxF "$needed" <<<"$own_sonames" && continue
        providers=$(dpkg -S "*/$needed" 2>/dev/null | cut -d: -f1 | sort -u)
        [ -n "$providers" ] || fail "no Debian package provides $needed (needed by ${elf#"$root"})"
        covered=no
        for provider in $providers; do
            grep -qxF "$provider" <<<"$depends_names" && covered=yes
        done
        [ $covered = yes ] || fail "${elf#"$root"} needs $needed from $providers, which Depends lacks: $depends"
    done
done

# The unpacked binary runs and converts like the build's.
[ "$("$root/usr/bin/deckport" --version)" = "deckport $version" ] || fail "unpacked deckport --version: $("$root/usr/bin/deckport" --version)"
"$root/usr/bin/deckport" convert "$deck" -o "$work/unpacked.apkg" --timestamp 1577836800 ||
    fail "the unpacked deckport could not convert $deck"
"$deckport" convert "$deck" -o "$work/built.apkg" --timestamp 1577836800
cmp "$work/built.apkg" "$work/unpacked.apkg" || fail "the unpacked deckport wrote a different .apkg"
"$root/usr/bin/deckport" inspect "$work/unpacked.apkg" >/dev/null || fail "the unpacked deckport cannot read its .apkg"
echo "deb: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB), Depends: $depends"
