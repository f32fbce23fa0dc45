#!/usr/bin/env bash
# The installed completions, loaded into bash, zsh (compinit, on a pseudo-terminal) and fish: each
# offers every command, every option of each command's --help, the choices an option lists
# (--format), format names (--to), format options (-O key=) and diagnostic codes (explain).
components=(runtime)
source "$(dirname "$0")/common.sh"

share=$prefix/share
bash_file=$share/bash-completion/completions/deckport
zsh_dir=$share/zsh/vendor-completions
fish_file=$share/fish/vendor_completions.d/deckport.fish
for file in "$bash_file" "$zsh_dir/_deckport" "$fish_file"; do
    [ -f "$file" ] || fail "not installed: $file"
done

# complete_<shell> LINE: the words the shell offers for LINE, one per line.
complete_bash() {
    bash --norc --noprofile -c '
        source "$1"
        read -ra COMP_WORDS <<<"$2"
        [[ $2 == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _deckport
        printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_file" "$1"
}
complete_zsh() {
    timeout 30 zsh -f "$here/zsh_complete.zsh" "$zsh_dir" "$1"
}
complete_fish() {
    fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$fish_file" "$1" | cut -f1
}

# expect SHELL LINE WORD...: every WORD is offered for LINE.
expect() {
    local shell=$1 line=$2 offered word
    shift 2
    offered=$(complete_"$shell" "$line")
    for word in "$@"; do
        grep -qxF -- "$word" <<<"$offered" || fail "$shell: '$line' does not offer '$word' (offers: $(tr '\n' ' ' <<<"$offered"))"
    done
}

commands=$("$deckport" --help | awk '/^Subcommands:/ {on = 1; next} /^[^ ]/ {on = 0} on && NF {print $1}')
formats=$("$deckport" formats --json | python3 -c 'import json,sys; print(" ".join(f["name"] for f in json.load(sys.stdin)))')
lint_codes=$("$deckport" explain --list | awk '$1 ~ /^LINT00/ {print $1}')
# long_options ARGS...: the long options that `deckport ARGS --help` lists.
long_options() {
    "$deckport" "$@" --help | grep -E '^  -' | grep -oE -- '--[a-z][-a-z]*' | sort -u
}

for shell in bash zsh fish; do
    # shellcheck disable=SC2086 # word lists
    {
        expect $shell "deckport " $commands
        expect $shell "deckport con" convert
        expect $shell "deckport convert --t" --to --timestamp
        expect $shell "deckport check --format " human json github
        expect $shell "deckport convert --to " $formats
        expect $shell "deckport explain LINT00" $lint_codes
        expect $shell "deckport convert -O sep" separator=
        expect $shell "deckport --" $(long_options)
        for command in $commands; do
            expect $shell "deckport $command --" $(long_options "$command")
        done
    }
done
echo "completions: bash, zsh and fish offer $(wc -w <<<"$commands") commands, their options and values"
