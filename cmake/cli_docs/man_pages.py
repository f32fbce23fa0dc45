"""deckport(1) and deckport-<command>(1) from the CLI's help and the docs:

- NAME, SYNOPSIS, OPTIONS, ARGUMENTS and COMMANDS from `--help` of each command;
- DESCRIPTION from the command's section of docs/cli.md (its synopsis block becomes SYNOPSIS);
- EXIT STATUS from README.md's "Exit codes" and DIAGNOSTICS from docs/diagnostics.md."""

from dataclasses import dataclass
from typing import Dict, List

from help_model import Command, Entry
from markdown_roff import bold, escape, inline, italic, sections, text_line, to_roff


@dataclass
class Docs:
    cli: str  # docs/cli.md
    readme: str  # README.md
    diagnostics: str  # docs/diagnostics.md


def page_name(command: Command) -> str:
    return "-".join(command.path)


def header(command: Command, version: str, date: str) -> List[str]:
    title = escape(page_name(command).upper())
    return [
        f".\\\" Generated from `{command.name} --help` and deckport's docs by cmake/cli_docs.",
        ".\\\" Do not edit: change the help text or the docs.",
        f'.TH {title} 1 "{date}" "deckport {escape(version)}" "deckport manual"',
        ".nh",  # no hyphenation: option names and paths stay whole
    ]


def entry_tag(entry: Entry, positional: bool = False) -> str:
    if positional:
        tag = italic(entry.names[0])
    else:
        tag = ", ".join(bold(name) for name in entry.names)
        if entry.choices:
            tag += " " + "|".join(italic(c) for c in entry.choices)
        elif entry.value:
            tag += " " + italic(entry.value)
    if entry.multiple:
        tag += " \\&..."
    return tag


def entry_list(entries: List[Entry], positional: bool = False) -> List[str]:
    out = []
    for entry in entries:
        description = inline(entry.description.replace("\n", " "))
        if positional and entry.required:
            description += " (required)"
        out += [".TP", entry_tag(entry, positional), text_line(description)]
    return out


def cli_doc_sections(cli_md: str) -> Dict[str, List[str]]:
    """docs/cli.md's sections by command: `## check, roundtrip, diff` serves all three."""
    result: Dict[str, List[str]] = {}
    for title, lines in sections(cli_md, 2)[1:]:
        for name in title.split(","):
            result[name.strip()] = lines
    return result


def split_synopsis(command: Command, lines: List[str]):
    """The doc section's leading code block lines that show this command, and the rest."""
    body = [line for line in lines]
    while body and not body[0].strip():
        body.pop(0)
    if not body or not body[0].startswith("```"):
        return [], lines
    end = next((i for i in range(1, len(body)) if body[i].startswith("```")), None)
    if end is None:
        return [], lines
    synopsis = [line for line in body[1:end] if line.startswith(command.name + " ")
                or line == command.name]
    return synopsis, body[end + 1:]


def synopsis_lines(command: Command, shown: List[str]) -> List[str]:
    usage = shown or [command.usage]
    out = [".SH SYNOPSIS", ".nf"]
    for line in usage:
        rest = line[len(command.name):] if line.startswith(command.name) else " " + line
        out.append(text_line(bold(command.name) + escape(rest)))
    return out + [".fi"]


def strip_title(lines: List[str]) -> List[str]:
    """Without the document's `# Title` (a man page has its own)."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].startswith("# "):
        return lines[:first] + lines[first + 1:]
    return lines


def option_sections(command: Command) -> List[str]:
    out: List[str] = []
    for section in command.option_sections:
        if section.title != "Options":
            out.append(".SS " + escape(section.title))
        out += entry_list(section.entries)
    return out


def sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def name_line(command: Command, summary: str) -> str:
    return f"{escape(page_name(command))} \\- {inline(summary.rstrip('.'))}"


def commands_section(command: Command) -> List[str]:
    out = [".SH COMMANDS"]
    for sub in command.subcommands:
        out += [".TP", bold(sub.path[-1]),
                text_line(f"{inline(sentence(sub.summary))} See {bold(page_name(sub))}(1).")]
    return out


def main_page(root: Command, docs: Docs, version: str, date: str) -> str:
    summary = root.summary
    if summary.startswith(root.path[0] + ":"):
        summary = summary[len(root.path[0]) + 1:].strip()
    cli_intro = strip_title(sections(docs.cli, 2)[0][1])
    synopsis, intro = split_synopsis(root, cli_intro)
    readme_intro = sections(docs.readme, 2)[0][1]
    exit_codes = dict(sections(docs.readme, 2)).get("Exit codes", [])
    diagnostics = strip_title(sections(docs.diagnostics, 2)[0][1])

    out = header(root, version, date)
    out += [".SH NAME", name_line(root, summary)]
    out += synopsis_lines(root, synopsis)
    out += [".SH DESCRIPTION"] + to_roff(strip_title(readme_intro)) + to_roff(intro)
    if root.options:
        out += [".SH OPTIONS"] + option_sections(root)
    if root.subcommands:
        out += commands_section(root)
    if exit_codes:
        out += [".SH EXIT STATUS"] + to_roff(exit_codes)
    if diagnostics:
        out += [".SH DIAGNOSTICS"] + to_roff(diagnostics)
        out += [".PP", text_line(inline(
            "The documentation installed with deckport (`share/doc/deckport`) lists every code "
            "in `docs/diagnostics.md` and in the `README.md` of each format."))]
    out += see_also(root)
    return "\n".join(out) + "\n"


def see_also(command: Command) -> List[str]:
    names = [page_name(sub) for sub in command.subcommands]
    if len(command.path) > 1:
        names.insert(0, "-".join(command.path[:-1]))
    if not names:
        return []
    return [".SH SEE ALSO", text_line(",\n".join(f"{bold(n)}(1)" for n in names))]


def command_page(command: Command, root: Command, docs: Docs, version: str, date: str) -> str:
    doc = cli_doc_sections(docs.cli).get(command.path[-1], [])
    synopsis, description = split_synopsis(command, doc)
    global_options = [e for e in root.options if e.long_name not in ("--help", "--version")]

    out = header(command, version, date)
    out += [".SH NAME", name_line(command, command.summary)]
    out += synopsis_lines(command, synopsis)
    out += [".SH DESCRIPTION", ".PP", text_line(inline(sentence(command.summary)))]
    out += to_roff(strip_title(description))
    if command.positionals:
        out += [".SH ARGUMENTS"] + entry_list(command.positionals, positional=True)
    out += [".SH OPTIONS"] + option_sections(command)
    if global_options:
        out += [".SS Options of deckport", ".PP",
                f"These come before or after the command; see {bold(page_name(root))}(1)."]
        out += entry_list(global_options)
    if command.subcommands:
        out += commands_section(command)
    out += [".SH EXIT STATUS", ".PP",
            f"As listed in {bold(page_name(root))}(1)."]
    out += see_also(command)
    return "\n".join(out) + "\n"


def all_pages(root: Command, docs: Docs, version: str, date: str) -> Dict[str, str]:
    pages = {page_name(root) + ".1": main_page(root, docs, version, date)}

    def walk(command: Command):
        for sub in command.subcommands:
            pages[page_name(sub) + ".1"] = command_page(sub, root, docs, version, date)
            walk(sub)

    walk(root)
    return pages
