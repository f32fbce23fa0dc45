#!/usr/bin/env bash
# find_package(deckport) against a scratch install: the consumer project (consumer/) builds with
# the shared and with the static libraries, and each build converts the reference deck to the
# same JSON as `deckport convert`, and to every format with the same bytes, and reads each back.
# Without a component, the shared flavour is chosen.
source "$(dirname "$0")/common.sh"

"$deckport" convert - --from md --to json --timestamp 1577836800 <"$deck" >"$work/expected.json"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

for flavour in shared static; do
    dir=$work/$flavour
    quietly cmake -S "$here/consumer" -B "$dir" -DCMAKE_PREFIX_PATH="$prefix" \
        -DDECKPORT_COMPONENTS=$flavour -DCMAKE_BUILD_TYPE=Release "${launcher[@]}"
    quietly cmake --build "$dir"
    "$dir/md2json" <"$deck" >"$work/$flavour.json" || fail "$flavour consumer exited $?"
    cmp "$work/expected.json" "$work/$flavour.json" || fail "$flavour consumer's JSON differs from the CLI's"
    every_format_matches_cli "$flavour" "$dir/md2json"

    needed=$(readelf -d "$dir/md2json" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    if [ $flavour = shared ]; then
        for lib in libdeckport_formats.so libdeckport_core.so; do
            grep -q "^$lib\.[0-9]" <<<"$needed" || fail "shared consumer does not load $lib: $needed"
        done
    elif grep -q libdeckport <<<"$needed"; then
        fail "static consumer loads a deckport library: $needed"
    fi
done

configured=$(cmake -S "$here/consumer" -B "$work/default" -DCMAKE_PREFIX_PATH="$prefix" 2>&1) ||
    fail "configure without a component: $configured"
grep -q "deckport $version, SHARED libraries" <<<"$configured" ||
    fail "without a component, find_package(deckport) did not choose the shared libraries: $configured"

# Both flavours at once are refused, with the reason.
if cmake -S "$here/consumer" -B "$work/bad" -DCMAKE_PREFIX_PATH="$prefix" \
    "-DDECKPORT_COMPONENTS=static;shared" >"$work/bad.log" 2>&1; then
    fail "find_package(deckport COMPONENTS static shared) succeeded"
fi
grep -q "either the static or the shared component" "$work/bad.log" || fail "no reason given: $(cat "$work/bad.log")"
echo "cmake consumer: shared and static builds convert $deck to every format like the CLI"
