"""zsh completion for deckport (_deckport, an autoloaded #compdef function): _arguments specs
for every command, with descriptions, option values and arguments."""

from typing import List

from completion_values import Values, global_options, value_kind
from help_model import Command, Entry


def single_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def description(text: str) -> str:
    """Help text inside an _arguments `[...]`: one line, backslashes and brackets escaped."""
    text = " ".join(text.split())
    for ch in "\\[]":
        text = text.replace(ch, "\\" + ch)
    return text


def action(kind: str, entry: Entry) -> str:
    if kind == "choices":
        return "(" + " ".join(entry.choices) + ")"
    if kind == "files":
        return "_files"
    if kind == "none":
        return " "
    if kind == "format_options":  # key= then the value, without a space between
        return "{compadd -S '' -a deckport_format_options}"
    return "{compadd -a deckport_" + kind + "}"


def option_specs(entry: Entry) -> List[str]:
    kind = value_kind(entry)
    specs = []
    for name in entry.names:
        exclusions = "" if entry.multiple else "(" + " ".join(entry.names) + ")"
        prefix = "*" if entry.multiple else ""
        if kind is None:
            spec = f"{exclusions}{prefix}{name}[{description(entry.description)}]"
        else:
            takes = "+" if not name.startswith("--") else "="
            value = entry.long_name.lstrip("-")
            spec = (f"{exclusions}{prefix}{name}{takes}[{description(entry.description)}]"
                    f":{value}:{action(kind, entry)}")
        specs.append(single_quote(spec))
    return specs


def argument_specs(command: Command) -> List[str]:
    specs = []
    for index, entry in enumerate(command.positionals, start=1):
        kind = value_kind(entry, positional=True)
        position = "*" if entry.multiple else str(index)
        optional = "" if entry.required else ":"
        specs.append(single_quote(f"{position}:{optional}{entry.names[0]}:{action(kind, entry)}"))
    return specs


def arguments_call(command: Command, root: Command, indent: str) -> List[str]:
    entries = command.options + ([] if command is root else global_options(root))
    specs = [s for e in entries for s in option_specs(e)]
    if command.subcommands:
        specs += ["'1:command:->command'", "'*::argument:->argument'"]
    else:
        specs += argument_specs(command)
    lines = [f"{indent}_arguments -C -s -S \\"]
    lines += [f"{indent}    {spec} \\" for spec in specs[:-1]]
    lines.append(f"{indent}    {specs[-1]} && ret=0")
    return lines


def command_body(command: Command, root: Command, indent: str) -> List[str]:
    out = arguments_call(command, root, indent)
    if not command.subcommands:
        return out
    described = " ".join(single_quote(f"{s.path[-1]}:{s.summary}") for s in command.subcommands)
    out += [
        f"{indent}case $state in",
        f"{indent}    command)",
        f"{indent}        local -a commands",
        f"{indent}        commands=({described})",
        f"{indent}        _describe -t commands 'deckport command' commands && ret=0 ;;",
        f"{indent}    argument)",
        f"{indent}        curcontext=${{curcontext%:*:*}}:deckport-$words[1]:",
        f"{indent}        case $words[1] in",
    ]
    for sub in command.subcommands:
        out.append(f"{indent}            {sub.path[-1]})")
        out += command_body(sub, root, indent + "                ")
        out.append(f"{indent}                ;;")
    out += [f"{indent}        esac ;;", f"{indent}esac"]
    return out


def zsh_completion(root: Command, values: Values) -> str:
    out = [
        "#compdef deckport",
        "# zsh completion for deckport. Generated from `deckport --help` by cmake/cli_docs;",
        "# do not edit: change the CLI's help text.",
        "",
        "local curcontext=$curcontext state line ret=1",
        "typeset -A opt_args",
    ]
    for kind, words in sorted(values.words.items()):
        out.append(f"local -a deckport_{kind}")
        out.append(f"deckport_{kind}=(" + " ".join(single_quote(w) for w in words) + ")")
    out.append("")
    out += command_body(root, root, "")
    out += ["return ret", ""]
    return "\n".join(out)
