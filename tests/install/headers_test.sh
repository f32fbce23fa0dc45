#!/usr/bin/env bash
# The installed headers are the public API, complete and self-contained: every header of
# lib/include/deckport is installed, and each one compiles on its own with only the installed
# include folder and the public dependency (nlohmann_json's), warnings as errors.
components=(development)
source "$(dirname "$0")/common.sh"

expected=$(cd "$source/lib/include/deckport" && ls -- *.hpp)
installed=$(cd "$prefix/include/deckport" && ls -- *.hpp)
[ "$expected" = "$installed" ] || fail "installed headers differ from lib/include/deckport: $(diff <(echo "$expected") <(echo "$installed"))"

compiler=(c++)
export work prefix
export CXXFLAGS_PUBLIC="$(pkg-config --cflags nlohmann_json)"
# check_header HEADER COMPILER...: prints the errors of a header that does not compile alone.
check_header() {
    local header=$1
    shift
    printf '#include <deckport/%s>\n' "$header" >"$work/$header.cpp"
    # shellcheck disable=SC2086
    "$@" -std=c++20 -Wall -Wextra -Wpedantic -Werror -I"$prefix/include" $CXXFLAGS_PUBLIC \
        -fsyntax-only "$work/$header.cpp" 2>"$work/$header.log" ||
        { echo "$header:"; cat "$work/$header.log"; }
}
export -f check_header
failures=$(printf '%s\n' $installed | xargs -P 2 -I{} bash -c "check_header {} ${compiler[*]}")
[ -z "$failures" ] || fail "headers that do not compile on their own: $failures"
echo "headers: $(wc -w <<<"$installed") installed headers compile on their own"
