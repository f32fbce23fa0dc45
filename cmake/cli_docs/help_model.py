"""The command tree of the built CLI, read from its own `--help` (CLI11's formatter).

CLI11 prints, for every command:

    <description>
    Usage: deckport convert [OPTIONS] inputs...

    Positionals:
      inputs TEXT ... REQUIRED    Input files or folders, or - for stdin

    Options:
      -o,--output TEXT            Output file or folder, or - for stdout
      --format TEXT:{human,json,github}
                                  Report format: ...

    Subcommands:
      convert                     Convert decks to another format

An entry is two spaces, the names and what the option takes (single spaces between them), then,
from column 30, its description; a longer name puts the description on the next line, and a
description's further lines are indented to column 30 too. Any other section title is an option
group of its own.
"""

import re
import subprocess
from dataclasses import dataclass, field
from typing import List, Optional

DESCRIPTION_COLUMN = 30
VALUE_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*(:.*)?$")


@dataclass
class Entry:
    names: List[str]  # "-o", "--output"; a positional's one name ("inputs")
    value: Optional[str] = None  # TEXT, UINT...; None for a flag
    choices: List[str] = field(default_factory=list)  # TEXT:{human,json}
    multiple: bool = False  # "..."
    required: bool = False
    description: str = ""

    @property
    def long_name(self) -> str:
        longs = [n for n in self.names if n.startswith("--")]
        return longs[0] if longs else self.names[0]


@dataclass
class Section:
    title: str  # "Options", "Positionals", "Subcommands" or a group's name
    entries: List[Entry] = field(default_factory=list)


@dataclass
class Command:
    path: List[str]  # ["deckport"], ["deckport", "convert"]
    description: str
    usage: str
    sections: List[Section]
    footer: str = ""
    subcommands: List["Command"] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " ".join(self.path)

    def section(self, title: str) -> Optional[Section]:
        return next((s for s in self.sections if s.title == title), None)

    @property
    def positionals(self) -> List[Entry]:
        s = self.section("Positionals")
        return s.entries if s else []

    @property
    def option_sections(self) -> List[Section]:
        return [s for s in self.sections if s.title not in ("Positionals", "Subcommands")]

    @property
    def options(self) -> List[Entry]:
        return [e for s in self.option_sections for e in s.entries]

    @property
    def summary(self) -> str:
        return self.description.split("\n")[0]


def parse_entry(names_and_value: str, description: str) -> Entry:
    tokens = names_and_value.split(" ")
    entry = Entry(names=tokens[0].split(","), description=description)
    for token in tokens[1:]:
        if token == "...":
            entry.multiple = True
        elif token == "REQUIRED":
            entry.required = True
        elif entry.value is None and VALUE_TYPE.match(token):
            entry.value = token.split(":")[0]
            braces = re.search(r"\{([^}]*)\}", token)
            if braces:
                entry.choices = [c for c in braces.group(1).split(",") if c]
    return entry


def parse_help(path: List[str], text: str) -> Command:
    lines = text.rstrip("\n").split("\n")
    usage_at = next((i for i, line in enumerate(lines) if line.startswith("Usage: ")), None)
    if usage_at is None:
        raise ValueError(f"{' '.join(path)} --help printed no 'Usage:' line")
    description = "\n".join(lines[:usage_at]).strip()
    usage = lines[usage_at][len("Usage: "):].strip()

    sections: List[Section] = []
    footer: List[str] = []
    current: Optional[Section] = None
    indent = " " * DESCRIPTION_COLUMN
    for line in lines[usage_at + 1:]:
        if not line.strip():
            continue
        if not line.startswith(" "):
            if line.endswith(":") and not footer:
                current = Section(line[:-1])
                sections.append(current)
            else:
                footer.append(line)
                current = None
        elif current is None:
            footer.append(line.strip())
        elif line.startswith(indent):
            # A long name's description, or a further line of a description.
            if not current.entries:
                raise ValueError(f"{' '.join(path)} --help: text before any entry: {line!r}")
            last = current.entries[-1]
            more = line.strip()
            last.description = f"{last.description}\n{more}" if last.description else more
        else:
            body = line[2:]
            parts = re.split(r" {2,}", body.strip(), maxsplit=1)
            current.entries.append(parse_entry(parts[0], parts[1] if len(parts) > 1 else ""))
    return Command(path, description, usage, sections, "\n".join(footer))


def run(binary: str, args: List[str]) -> str:
    result = subprocess.run([binary] + args, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{binary} {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout


def read_command_tree(binary: str, path: Optional[List[str]] = None) -> Command:
    path = path or ["deckport"]
    command = parse_help(path, run(binary, path[1:] + ["--help"]))
    subcommands = command.section("Subcommands")
    for entry in subcommands.entries if subcommands else []:
        command.subcommands.append(read_command_tree(binary, path + [entry.names[0]]))
    return command
