"""The markdown of deckport's docs as man(7) roff: paragraphs, fenced code, bullet and numbered
lists, tables (as tagged paragraphs: the first cell is the tag), headings (as subsections) and
inline code, emphasis and links (their text)."""

import re
from typing import List, Tuple

INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?P<code_text>.+?)(?P=ticks))"
    r"|\[(?P<link_text>[^\]]+)\]\((?P<link_target>[^)]*)\)"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|(?<![\w*])\*(?P<star_em>[^\s*](?:.*?[^\s*])?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<under_em>[^\s_](?:.*?[^\s_])?)_(?![\w_])"
)


def escape(text: str) -> str:
    """Plain text as roff: backslashes, hyphens (minus signs, so options copy and paste) and
    non-ASCII characters as groff's Unicode escapes."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\e")
        elif ch == "-":
            out.append("\\-")
        elif ord(ch) > 127:
            out.append(f"\\[u{ord(ch):04X}]")
        else:
            out.append(ch)
    return "".join(out)


def bold(text: str) -> str:
    return f"\\fB{escape(text)}\\fR"


def italic(text: str) -> str:
    return f"\\fI{escape(text)}\\fR"


def inline(text: str) -> str:
    out = []
    at = 0
    for match in INLINE.finditer(text):
        out.append(escape(text[at:match.start()]))
        if match.group("code"):
            out.append(bold(match.group("code_text").strip()))
        elif match.group("link_text") is not None:
            out.append(inline(match.group("link_text")))
        elif match.group("bold") is not None:
            out.append(f"\\fB{inline(match.group('bold'))}\\fR")
        else:
            emphasis = match.group("star_em") or match.group("under_em")
            out.append(f"\\fI{inline(emphasis)}\\fR")
        at = match.end()
    out.append(escape(text[at:]))
    return "".join(out)


def text_line(roff: str) -> str:
    """A line of text that roff must not take for a request."""
    return "\\&" + roff if roff.startswith((".", "'")) else roff


def table_cells(row: str) -> List[str]:
    """The cells of `| a | b |`, leaving `|` inside code spans and `\\|` alone."""
    cells, current, in_code = [], [], False
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body) and body[i + 1] == "|":
            current.append("|")
            i += 2
            continue
        if ch == "`":
            in_code = not in_code
        if ch == "|" and not in_code:
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    cells.append("".join(current).strip())
    return cells


def is_separator_row(cells: List[str]) -> bool:
    return all(re.fullmatch(r":?-+:?", c) for c in cells)


LIST_ITEM = re.compile(r"^(\s*)([-*]|\d+[.)]) +(.*)$")


def is_block_start(line: str) -> bool:
    return line.startswith(("```", "#", "|")) or bool(LIST_ITEM.match(line))


def code_block(lines: List[str]) -> List[str]:
    return [".PP", ".RS 4", ".nf"] + [text_line(escape(line)) for line in lines] + [".fi", ".RE"]


def to_roff(lines: List[str]) -> List[str]:
    out: List[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif line.startswith("```"):
            end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("```")), len(lines))
            out += code_block(lines[i + 1:end])
            i = end + 1
        elif line.startswith("#"):
            out.append(".SS " + inline(line.lstrip("#").strip()))
            i += 1
        elif line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(table_cells(lines[i]))
                i += 1
            body = [r for r in rows[1:] if not is_separator_row(r)] if len(rows) > 1 else rows
            for cells in body:
                out += [".TP", text_line(inline(cells[0])), text_line(inline("; ".join(cells[1:])))]
        elif LIST_ITEM.match(line):
            match = LIST_ITEM.match(line)
            marker = "\\(bu" if match.group(2) in ("-", "*") else match.group(2)
            words = [match.group(3)]
            i += 1
            while i < len(lines) and lines[i].strip() and lines[i].startswith(" ") \
                    and not LIST_ITEM.match(lines[i]):
                words.append(lines[i].strip())
                i += 1
            out += [f".IP {marker} 4", text_line(inline(" ".join(words)))]
        else:
            words = []
            while i < len(lines) and lines[i].strip() and (not words or not is_block_start(lines[i])):
                words.append(lines[i].strip())
                i += 1
            out += [".PP", text_line(inline(" ".join(words)))]
    return out


def sections(markdown: str, level: int) -> List[Tuple[str, List[str]]]:
    """The text before the first heading of `level` (titled ""), then each such section."""
    marker = "#" * level + " "
    result: List[Tuple[str, List[str]]] = [("", [])]
    in_code = False
    for line in markdown.split("\n"):
        if line.startswith("```"):
            in_code = not in_code
        if not in_code and line.startswith(marker):
            result.append((line[len(marker):].strip(), []))
        else:
            result[-1][1].append(line)
    return result
