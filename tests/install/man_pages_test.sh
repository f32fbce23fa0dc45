#!/usr/bin/env bash
# The installed man pages: deckport(1) and one page per command that `deckport --help` lists,
# where man finds them, rendering without a groff warning, carrying the project version, every
# option of the command's --help, and (deckport(1)) every exit code of the README.
components=(runtime)
source "$(dirname "$0")/common.sh"

man_dir=$prefix/share/man
commands=$("$deckport" --help | awk '/^Subcommands:/ {on = 1; next} /^[^ ]/ {on = 0} on && NF {print $1}')
[ -n "$commands" ] || fail "deckport --help lists no commands"
[ "$("$deckport" --version)" = "deckport $version" ] || fail "deckport --version: $("$deckport" --version)"

expected_pages=$( (echo deckport.1; for c in $commands; do echo "deckport-$c.1"; done) | sort)
installed_pages=$(cd "$man_dir/man1" && ls | sort)
[ "$expected_pages" = "$installed_pages" ] || fail "man pages: expected $expected_pages, installed $installed_pages"

# render PAGE: the page as man shows it; fails on any groff warning.
render() {
    local warnings
    warnings=$(MANWIDTH=100 man -l --warnings=all "$1" 2>&1 >"$work/rendered") || fail "man -l $1 failed: $warnings"
    [ -z "$warnings" ] || fail "$1: $warnings"
    cat "$work/rendered"
}

# options_of ARGS...: the option names that `deckport ARGS --help` lists.
options_of() {
    "$deckport" "$@" --help | grep -E '^  -' | sed -E 's/^  ([^ ]+).*/\1/' | tr ',' '\n'
}

for command in "" $commands; do
    page=$man_dir/man1/deckport${command:+-$command}.1
    text=$(render "$page")
    grep -q "deckport $version" <<<"$text" || fail "$page does not carry the version $version"
    grep -q "^NAME" <<<"$text" && grep -q "^SYNOPSIS" <<<"$text" && grep -q "^OPTIONS" <<<"$text" ||
        fail "$page lacks NAME, SYNOPSIS or OPTIONS"
    for option in $(options_of $command); do
        grep -qF -- "$option" <<<"$text" || fail "$page does not show $option"
    done
    # The command's own summary from --help is in its page.
    if [ -n "$command" ]; then
        summary=$("$deckport" "$command" --help | head -1)
        grep -qF -- "${summary:0:30}" <<<"$(tr -s ' \n' ' ' <<<"$text")" || fail "$page lacks its summary: $summary"
    fi
done

main=$(render "$man_dir/man1/deckport.1")
exit_codes=$(sed -n '/^## Exit codes/,/^## /p' "$source/README.md" | grep -E '^\| [0-9]+ \|' | cut -d'|' -f2 | tr -d ' ')
[ -n "$exit_codes" ] || fail "README.md has no exit code table"
status=$(sed -n '/^EXIT STATUS/,/^[A-Z]/p' <<<"$main")
for code in $exit_codes; do
    grep -qE "^ +$code +[a-zI]" <<<"$status" || fail "deckport(1) EXIT STATUS lacks code $code"
done
grep -q "deckport explain" <<<"$(sed -n '/^DIAGNOSTICS/,/^[A-Z]/p' <<<"$main")" || fail "deckport(1) DIAGNOSTICS does not point to deckport explain"

# man finds them under the prefix, as it would under /usr.
found=$(MANPATH=$man_dir man -w deckport-convert)
[ "$found" = "$man_dir/man1/deckport-convert.1" ] || fail "man -w deckport-convert: $found"
echo "man pages: $(wc -w <<<"$installed_pages") pages render without warnings, with every option and exit code"
