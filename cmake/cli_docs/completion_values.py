"""What each option or argument completes to, for the three shells.

An option's values come from its help (`TEXT:{human,json,github}` lists them); the few that name
formats, format options or diagnostic codes are listed in VALUE_KINDS below, and their words are
read from the CLI itself (`deckport formats --json`, `deckport explain --list`). Any other option
that takes text completes file names; numbers complete nothing."""

import json
from dataclasses import dataclass
from typing import Dict, List, Optional

from help_model import Command, Entry, run

# By long option name, or by the name of a positional argument.
VALUE_KINDS = {
    "--from": "formats",
    "--to": "formats",
    "--via": "formats",
    "--option": "format_options",
    "--enable": "codes",
    "--disable": "codes",
    "--timestamp": "none",
    "code": "codes",
}
NUMBER_TYPES = {"INT", "UINT", "FLOAT", "NUMBER"}


@dataclass
class Values:
    words: Dict[str, List[str]]  # kind -> words: "formats", "format_options", "codes"


def read_values(binary: str) -> Values:
    formats = json.loads(run(binary, ["formats", "--json"]))
    names: List[str] = []
    options: List[str] = []
    for f in formats:
        names += [f["name"]] + f.get("aliases", [])
        options += [o["name"] + "=" for o in f.get("options", [])]
    codes = [line.split()[0] for line in run(binary, ["explain", "--list"]).splitlines()
             if line.strip()]
    return Values({
        "formats": names,
        "format_options": sorted(set(options)),
        "codes": codes,
    })


def value_kind(entry: Entry, positional: bool = False) -> Optional[str]:
    """None for a flag; "choices", "files", "none" or a kind of Values.words."""
    if not positional and entry.value is None:
        return None
    if entry.choices:
        return "choices"
    kind = VALUE_KINDS.get(entry.long_name)
    if kind:
        return kind
    if entry.value in NUMBER_TYPES:
        return "none"
    return "files"


def all_commands(root: Command) -> List[Command]:
    result = [root]
    for sub in root.subcommands:
        result += all_commands(sub)
    return result


def global_options(root: Command) -> List[Entry]:
    """The root's options, which CLI11 also accepts after a command (fallthrough)."""
    return [e for e in root.options if e.long_name not in ("--help", "--version")]
