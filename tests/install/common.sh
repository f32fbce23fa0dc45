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
