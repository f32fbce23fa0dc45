#!/usr/bin/env python3
"""cmake/cli_docs on shapes of CLI11 help that deckport's commands do not all show today: a name
too long for its column, a description over several lines, an option group, a footer; and the
markdown that the man pages quote (tables with code spans, escapes, lists)."""

import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "cmake" / "cli_docs"))

from help_model import parse_help  # noqa: E402
from markdown_roff import escape, inline, table_cells, to_roff  # noqa: E402

HELP = """\
Show the cards before importing
Usage: deckport preview [OPTIONS] inputs...

Positionals:
  inputs TEXT ... REQUIRED    Deck files

Options:
  -h,--help                   Print this help message and exit
  -o,--output TEXT REQUIRED   The HTML file
  --theme TEXT:{light,dark,auto}
                              Colours of the page
                              (default: auto)
  --port UINT                 Port of --serve

Serving:
  --serve                     Serve the page on localhost

See deckport-preview(1).
"""


class HelpModelTest(unittest.TestCase):
    def setUp(self):
        self.command = parse_help(["deckport", "preview"], HELP)

    def test_description_usage_and_footer(self):
        self.assertEqual(self.command.summary, "Show the cards before importing")
        self.assertEqual(self.command.usage, "deckport preview [OPTIONS] inputs...")
        self.assertEqual(self.command.footer, "See deckport-preview(1).")

    def test_positional(self):
        [inputs] = self.command.positionals
        self.assertEqual((inputs.names, inputs.value, inputs.multiple, inputs.required),
                         (["inputs"], "TEXT", True, True))

    def test_long_name_takes_the_next_lines_as_its_description(self):
        theme = next(e for e in self.command.options if e.long_name == "--theme")
        self.assertEqual(theme.choices, ["light", "dark", "auto"])
        self.assertEqual(theme.description, "Colours of the page\n(default: auto)")

    def test_required_option_and_number(self):
        output = next(e for e in self.command.options if e.long_name == "--output")
        self.assertEqual((output.names, output.required), (["-o", "--output"], True))
        port = next(e for e in self.command.options if e.long_name == "--port")
        self.assertEqual((port.value, port.description), ("UINT", "Port of --serve"))

    def test_option_group_is_a_section_of_options(self):
        self.assertEqual([s.title for s in self.command.option_sections], ["Options", "Serving"])
        self.assertEqual(self.command.option_sections[1].entries[0].names, ["--serve"])

    def test_no_usage_line_is_an_error(self):
        with self.assertRaises(ValueError):
            parse_help(["deckport"], "just text\n")


class MarkdownRoffTest(unittest.TestCase):
    def test_escapes_backslashes_hyphens_and_non_ascii(self):
        self.assertEqual(escape("a\\b --x é"), "a\\eb \\-\\-x \\[u00E9]")

    def test_inline_code_emphasis_and_links(self):
        self.assertEqual(inline("`-o` is *the* [output](docs/cli.md) **file**"),
                         "\\fB\\-o\\fR is \\fIthe\\fR output \\fBfile\\fR")

    def test_underscores_inside_words_stay(self):
        self.assertEqual(inline("SOURCE_DATE_EPOCH"), "SOURCE_DATE_EPOCH")

    def test_table_cells_keep_pipes_in_code_and_escaped(self):
        self.assertEqual(table_cells("| `a|b` | c \\| d |"), ["`a|b`", "c | d"])

    def test_table_rows_become_tagged_paragraphs(self):
        roff = to_roff(["| code | meaning |", "| --- | --- |", "| 0 | success |"])
        self.assertEqual(roff, [".TP", "0", "success"])

    def test_lines_that_roff_would_read_as_requests_are_protected(self):
        self.assertEqual(to_roff([".hidden text"]), [".PP", "\\&.hidden text"])
        self.assertEqual(to_roff(["```", "'quoted", "```"]),
                         [".PP", ".RS 4", ".nf", "\\&'quoted", ".fi", ".RE"])

    def test_list_items_with_continuation_lines(self):
        self.assertEqual(to_roff(["- one", "  more", "- two"]),
                         [".IP \\(bu 4", "one more", ".IP \\(bu 4", "two"])


if __name__ == "__main__":
    unittest.main()
