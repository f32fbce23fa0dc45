"""fish completion for deckport: `complete` lines for commands, options, values and arguments."""

from typing import List

from completion_values import Values, all_commands, global_options, value_kind
from help_model import Command, Entry


def quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def condition(command: Command, root: Command) -> str:
    """True while `command` is the innermost command typed so far."""
    if command is root:
        names = [s.path[-1] for s in root.subcommands]
        return "not __fish_seen_subcommand_from " + " ".join(names) if names else ""
    test = f"__fish_seen_subcommand_from {command.path[-1]}"
    names = [s.path[-1] for s in command.subcommands]
    if names:
        test += "; and not __fish_seen_subcommand_from " + " ".join(names)
    return test


def values_argument(kind: str, entry: Entry, values: Values) -> str:
    if kind == "choices":
        return " -x -a " + quote(" ".join(entry.choices))
    if kind == "files":
        return " -r -F"
    if kind == "none":
        return " -x"
    return " -x -a " + quote(" ".join(values.words[kind]))


def option_line(entry: Entry, test: str, values: Values) -> str:
    line = "complete -c deckport"
    if test:
        line += f" -n {quote(test)}"
    for name in entry.names:
        if name.startswith("--"):
            line += f" -l {name[2:]}"
        elif len(name) == 2:
            line += f" -s {name[1:]}"
        else:
            line += f" -o {name[1:]}"
    kind = value_kind(entry)
    if kind is not None:
        line += values_argument(kind, entry, values)
    return line + " -d " + quote(" ".join(entry.description.split()))


def fish_completion(root: Command, values: Values) -> str:
    out = [
        "# fish completion for deckport. Generated from `deckport --help` by cmake/cli_docs;",
        "# do not edit: change the CLI's help text.",
        "",
    ]
    out.append("complete -c deckport -f")
    for entry in global_options(root) + [e for e in root.options if e not in global_options(root)]:
        out.append(option_line(entry, "", values))
    for command in all_commands(root):
        test = condition(command, root)
        for sub in command.subcommands:
            out.append(f"complete -c deckport -n {quote(test)} -a {sub.path[-1]} "
                       f"-d {quote(sub.summary)}")
        if command is root:
            continue
        for entry in command.options:
            if entry.long_name in ("--help",):
                continue
            out.append(option_line(entry, test, values))
        if command.positionals and not command.subcommands:
            kind = value_kind(command.positionals[0], positional=True)
            if kind == "files":
                out.append(f"complete -c deckport -n {quote(test)} -F")
            elif kind not in ("none", None):
                words = values_argument(kind, command.positionals[0], values).replace(" -x", "")
                out.append(f"complete -c deckport -n {quote(test)}{words}")
    out.append("")
    return "\n".join(out)
