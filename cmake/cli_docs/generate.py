#!/usr/bin/env python3
"""Writes deckport's man pages and shell completions from the built CLI's help and the docs.

usage: generate.py --deckport BIN --source DIR --version X.Y.Z --out DIR

OUT/man/deckport.1 and OUT/man/deckport-<command>.1; OUT/completions/deckport (bash),
_deckport (zsh) and deckport.fish. Fails when `deckport --version` is not "deckport X.Y.Z"
(the project version), so the binary and the pages cannot disagree. The man pages carry the
date of SOURCE_DATE_EPOCH when it is set, and no date otherwise (the output depends on its
inputs only)."""

import argparse
import os
import sys
import time
from pathlib import Path

from bash_completion import bash_completion
from completion_values import read_values
from fish_completion import fish_completion
from help_model import read_command_tree, run
from man_pages import Docs, all_pages
from zsh_completion import zsh_completion


def write_folder(folder: Path, files: dict) -> None:
    """Replaces the folder's files, so a command that went away leaves no page behind."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.name not in files:
            old.unlink()
    for name, text in files.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--deckport", required=True)
    parser.add_argument("--source", required=True, type=Path)
    parser.add_argument("--version", required=True)
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()

    printed = run(args.deckport, ["--version"]).strip()
    if printed != f"deckport {args.version}":
        print(f"generate.py: `deckport --version` printed {printed!r}, the project version is "
              f"{args.version}", file=sys.stderr)
        return 1

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    date = time.strftime("%Y-%m-%d", time.gmtime(int(epoch))) if epoch else ""
    docs = Docs(
        cli=(args.source / "docs" / "cli.md").read_text(encoding="utf-8"),
        readme=(args.source / "README.md").read_text(encoding="utf-8"),
        diagnostics=(args.source / "docs" / "diagnostics.md").read_text(encoding="utf-8"),
    )
    root = read_command_tree(args.deckport)
    values = read_values(args.deckport)

    write_folder(args.out / "man", all_pages(root, docs, args.version, date))
    write_folder(args.out / "completions", {
        "deckport": bash_completion(root, values),
        "_deckport": zsh_completion(root, values),
        "deckport.fish": fish_completion(root, values),
    })
    return 0


if __name__ == "__main__":
    sys.exit(main())
