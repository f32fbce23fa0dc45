# Sourced by the tests of this folder: usage: <test>.sh BUILD_DIR SOURCE_DIR PROJECT_VERSION
# Installs the build into a scratch prefix under the build folder ($prefix), with $work for
# anything else; both are removed first, and after a success (a failure keeps them for a look:
# a scratch install of a RelWithDebInfo build weighs some 300 MB). A test that sets
# components=(runtime) (or development) first installs only those.
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
test_name=$(basename "$0" .sh)
work=$build/install-tests/$test_name
prefix=$work/prefix
deckport=$build/tools/deckport
deck=$source/decks/rust-concurrency.md
version=$3

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# Runs a command quietly; on failure shows its output and fails.
quietly() {
    local log
    log=$(mktemp)
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        fail "$*"
    fi
    rm -f "$log"
}

# every_format_matches_cli LABEL COMMAND...: COMMAND (a consumer build) writes the reference deck
# in every format that reads and writes with the same bytes as `deckport convert` (the same files
# for a folder format), and reads each back with the note count of `deckport inspect`.
every_format_matches_cli() {
    local label=$1 out=$work/every-format-$1 cli=$work/every-format-$1-cli entry name format
    shift
    mkdir -p "$out" "$cli"
    "$@" every-format "$out" <"$deck" >"$out.txt" || fail "$label every-format exited $?"
    local formats
    formats=$("$deckport" formats --json | python3 -c 'import json, sys
print("\n".join(sorted(f["name"] for f in json.load(sys.stdin) if f["read"] and f["write"])))')
    [ "$(cut -d' ' -f1 "$out.txt" | sort)" = "$formats" ] || fail "$label wrote $(cut -d' ' -f1 "$out.txt"), not $formats"
    for entry in "$out"/*; do
        name=$(basename "$entry")
        format=${name%%.*}
        "$deckport" convert - --from md --to "$format" -o "$cli/$name" --timestamp 1577836800 <"$deck" 2>/dev/null
        notes=$("$deckport" inspect --json "$cli/$name" | python3 -c 'import json, sys; print(json.load(sys.stdin)["notes"])')
        grep -qx "$format $notes" "$out.txt" || fail "$label read $(grep "^$format " "$out.txt") back, deckport inspect $notes"
    done
    diff -r "$cli" "$out" >/dev/null || fail "$label's outputs differ from deckport convert's: $(diff -rq "$cli" "$out")"
}

rm -rf "$work"
mkdir -p "$work"
trap 'status=$?; [ $status -ne 0 ] || rm -rf "$work"; exit $status' EXIT
if [ -n "${components:-}" ]; then
    for component in "${components[@]}"; do
        quietly cmake --install "$build" --prefix "$prefix" --component "$component"
    done
else
    quietly cmake --install "$build" --prefix "$prefix"
fi
