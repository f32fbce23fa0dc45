"""bash completion for deckport: commands, each command's options, option values and arguments.
Self-contained (no bash-completion helpers needed); empty replies fall back to file names."""

from typing import List

from completion_values import Values, all_commands, global_options, value_kind
from help_model import Command, Entry


def quote(words: List[str]) -> str:
    return "'" + " ".join(words).replace("'", "'\\''") + "'"


def path_key(command: Command) -> str:
    return "/" + "/".join(command.path[1:]) if len(command.path) > 1 else ""


def value_words(kind: str, entry: Entry) -> str:
    """A shell expression for the words of a value kind, or "" for file names."""
    if kind == "choices":
        return quote(entry.choices)
    if kind in ("files", "none"):
        return ""
    return f'"$_deckport_{kind}"'


def bash_completion(root: Command, values: Values) -> str:
    commands = all_commands(root)
    out = [
        "# bash completion for deckport. Generated from `deckport --help` by cmake/cli_docs;",
        "# do not edit: change the CLI's help text.",
    ]
    for kind, words in sorted(values.words.items()):
        out.append(f"_deckport_{kind}={quote(words)}")
    out += [
        "",
        "_deckport() {",
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}",
        "    # --option=value: bash splits at '='",
        "    if [[ $cur == = ]]; then cur=; elif [[ $prev == = ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi",
        "    local path= word i",
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        "        word=${COMP_WORDS[i]}",
        '        case "$path/$word" in',
    ]
    subpaths = [path_key(c) for c in commands if len(c.path) > 1]
    if subpaths:
        out.append("            " + "|".join(f'"{p}"' for p in subpaths) + ') path="$path/$word" ;;')
    out += ["        esac", "    done", ""]

    # The value an option takes.
    out.append('    case "$path $prev" in')
    globals_ = global_options(root)
    for command in commands:
        entries = command.options + ([] if command is root else globals_)
        for entry in entries:
            kind = value_kind(entry)
            if kind is None:
                continue
            keys = "|".join(f'"{path_key(command)} {name}"' for name in entry.names)
            words = value_words(kind, entry)
            if kind == "none":
                out.append(f"        {keys}) compopt +o default 2>/dev/null; return ;;")
            elif not words:
                out.append(f"        {keys}) return ;;")
            else:
                nospace = " compopt -o nospace 2>/dev/null;" if kind == "format_options" else ""
                out.append(f'        {keys}){nospace} COMPREPLY=($(compgen -W {words} -- "$cur")); return ;;')
    out += ["    esac", ""]

    # Options, commands or arguments.
    out.append('    case "$path" in')
    for command in commands:
        entries = command.options + ([] if command is root else globals_)
        options = [name for e in entries for name in e.names]
        subs = [s.path[-1] for s in command.subcommands]
        out.append(f'        "{path_key(command)}")')
        out.append(f'            if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W {quote(options)} -- "$cur"))')
        if subs:
            out.append(f'            else COMPREPLY=($(compgen -W {quote(subs)} -- "$cur"))')
        elif command.positionals:
            kind = value_kind(command.positionals[0], positional=True)
            words = value_words(kind, command.positionals[0])
            if words:
                out.append(f'            else COMPREPLY=($(compgen -W {words} -- "$cur"))')
        out.append("            fi ;;")
    out += ["    esac", "}", "complete -o default -F _deckport deckport", ""]
    return "\n".join(out)
