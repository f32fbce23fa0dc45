"""Reads an Anki package into a neutral dictionary with readers deckport did not write: Python's
zipfile, sqlite3 and json, the `zstd` command-line tool, and the protobuf decoder of
tests/apkg_write/independent_check.py (varints and length-delimited fields, nothing else).

Handles every shape deckport reads: .apkg and .colpkg in the legacy variant (collection.anki2,
JSON media map), legacy 2 (collection.anki21 beside a placeholder collection.anki2) and latest
(zstd collection.anki21b of schema 18, zstd media members, a zstd protobuf `media` map), and bare
.anki2 collection files (no media). Schema 11 keeps note types and decks as JSON in `col`;
schema 15 and later keep them in the notetypes/fields/templates/decks tables, with protobuf
configs (docs: /work/notes/anki-facts.md, "templates.config", "decks.kind", MediaEntries).

read_package(path) returns
    {"notes": {guid: {"notetype": name, "fields": [html, ...] (normalised, see normalise_html),
                       "tags": set, "decks": set of home deck names of the note's cards}},
     "notetypes": {name: {"kind": 0 normal | 1 cloze, "fields": [names],
                          "templates": [(name, qfmt, afmt)], "css": text}},
     "media": {name: sha1 hex}}
"""

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from html.parser import HTMLParser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "apkg_write"))
# protobuf_fields(bytes) -> {field number: [values]} (varints as ints, length-delimited as bytes);
# first(fields, number, default); unicase: the collation schema 18's tables are declared with.
from independent_check import first, protobuf_fields, unicase  # noqa: E402

SQLITE_MAGIC = b"SQLite format 3\x00"


class PackageError(Exception):
    pass


def zstd_decode(data):
    """The zstd command-line tool, not deckport's decoder."""
    result = subprocess.run(["zstd", "-d", "-c", "-q"], input=data, capture_output=True)
    if result.returncode != 0:
        raise PackageError("zstd cannot decode a member: " + result.stderr.decode(errors="replace").strip())
    return result.stdout


# --- HTML normalisation ------------------------------------------------------------------------
#
# Two fields are "the same" when a browser shows them the same way and Anki reads the same media
# and clozes out of them. The normalisation below removes only differences of spelling that HTML
# defines as equivalent, so that a writer that re-serialises HTML is not blamed for it:
#  1. Tag and attribute names are lower-cased (HTML names are case-insensitive).
#  2. Attributes are sorted by name and written name="value" with the value's entities decoded
#     and only & and " escaped: <img src='a.png'>, <img src=a.png> and <IMG SRC="a.png"> are one.
#     An empty or value-less attribute is written bare (disabled="" is disabled).
#  3. Void elements lose the self-closing slash: <br>, <br/>, <br />, <BR> are one (HTML5 ignores
#     the slash). Their end tags (</br>, </img>) are kept: browsers treat them differently.
#  4. Text has its entities decoded and only &, <, > escaped again; U+00A0 is written &nbsp;
#     (&#39; and ' are one, &nbsp;, &#160; and a literal U+00A0 are one; a no-break space and a
#     space stay different).
#  5. Outside <pre>, <textarea>, <script> and <style> (whose whitespace is kept byte for byte:
#     a tab in a code block is a difference), a run of ASCII whitespace is one space, and
#     whitespace is dropped at the start and end of the field and next to a block-level tag or a
#     <br> (a browser does not render it there: white-space: normal).
# Nothing else is normalised: NFC/NFD, a <p> wrapper, <b> vs <strong>, a changed cloze or a
# changed media name are all differences.

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl",
         "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
         "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
         "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
RAW_WHITESPACE = {"pre", "textarea", "script", "style"}
WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def escape_text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&nbsp;")


def escape_attribute(value):
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("\u00a0", "&nbsp;")


class _Canonical(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []  # (kind, text, tag): kind "tag" | "text" | "raw" (whitespace kept)
        self.raw_depth = 0

    def _start(self, tag, attrs):
        parts = [tag]
        for name, value in sorted(attrs, key=lambda a: (a[0], a[1] or "")):
            parts.append(name if not value else '%s="%s"' % (name, escape_attribute(value)))
        self.tokens.append(("tag", "<%s>" % " ".join(parts), tag))
        if tag in RAW_WHITESPACE and tag not in VOID:
            self.raw_depth += 1

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)
        if tag in RAW_WHITESPACE:  # <pre/> opens nothing
            self.raw_depth -= 1

    def handle_endtag(self, tag):
        self.tokens.append(("tag", "</%s>" % tag, tag))
        if tag in RAW_WHITESPACE and self.raw_depth:
            self.raw_depth -= 1

    def handle_data(self, data):
        if self.raw_depth:
            self.tokens.append(("raw", escape_text(data), None))
        else:
            self.tokens.append(("text", escape_text(data), None))

    def handle_comment(self, data):
        self.tokens.append(("raw", "<!--%s-->" % data, None))

    def handle_decl(self, decl):
        self.tokens.append(("raw", "<!%s>" % decl, None))

    def handle_pi(self, data):
        self.tokens.append(("raw", "<?%s>" % data, None))

    def unknown_decl(self, data):
        self.tokens.append(("raw", "<![%s]>" % data, None))


def normalise_html(html):
    parser = _Canonical()
    parser.feed(html)
    parser.close()
    tokens = parser.tokens
    # Adjacent text tokens (html.parser may split data) are joined before whitespace is judged.
    merged = []
    for token in tokens:
        if merged and token[0] == "text" and merged[-1][0] == "text":
            merged[-1] = ("text", merged[-1][1] + token[1], None)
        else:
            merged.append(token)

    def is_boundary(index):
        if index < 0 or index >= len(merged):
            return True  # the start or end of the field
        kind, _, tag = merged[index]
        return kind == "tag" and tag in BLOCK

    out = []
    for i, (kind, text, _) in enumerate(merged):
        if kind == "text":
            text = WHITESPACE.sub(" ", text)
            if is_boundary(i - 1):
                text = text.lstrip(" ")
            if is_boundary(i + 1):
                text = text.rstrip(" ")
        out.append(text)
    return "".join(out)


def self_test_normalise():
    """The normalisation joins what HTML calls equal and keeps apart what it does not."""
    same = [
        ("<br>", ["<br/>", "<br />", "<BR>"]),
        ('<img src="a b.png">', ["<img src='a b.png'>", '<IMG SRC="a b.png" />', '<img src="a&#32;b.png">']),
        ('<span class="x" id="y">a</span>', ["<span id=y class='x'>a</span>"]),
        ("it's &amp; &lt;", ["it&#39;s &amp; &lt;", "it&apos;s &#38; &#60;"]),
        ("a&nbsp;b", ["a\u00a0b", "a&#160;b"]),
        ("<div>a b</div><div>c</div>", ["<div>\n  a\n  b\n</div>\n<div>c</div>", " <div>a  b </div> <div>c</div>\n"]),
        ("a<br>b", ["a <br />\nb"]),
    ]
    different = [
        ("a b", "ab"), ("a\u00a0b", "a b"), ("<pre>a\tb</pre>", "<pre>a    b</pre>"),
        ("<b>a</b>", "<strong>a</strong>"), ("a", "<p>a</p>"), ("<span>a</span> <span>b</span>",
                                                             "<span>a</span><span>b</span>"),
        ("{{c1::a}}", "{{c2::a}}"), ('<img src="a.png">', '<img src="b.png">'), ("\\(x\\)", "(x)"),
    ]
    for canonical, spellings in same:
        for spelling in spellings:
            assert normalise_html(spelling) == normalise_html(canonical), (spelling, normalise_html(spelling))
    for a, b in different:
        assert normalise_html(a) != normalise_html(b), (a, b)


# --- the package --------------------------------------------------------------------------------

def _open_collection(data, folder):
    path = os.path.join(folder, "collection.sqlite")
    with open(path, "wb") as out:
        out.write(data)
    db = sqlite3.connect(path)
    db.create_collation("unicase", unicase)
    return db


def _notetypes_schema11(db):
    models = json.loads(db.execute("select models from col").fetchone()[0])
    out = {}
    for key, model in models.items():
        out[int(key)] = {
            "name": model["name"],
            "kind": model.get("type", 0),
            "fields": [f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])],
            "templates": [(t["name"], t["qfmt"], t["afmt"]) for t in sorted(model["tmpls"], key=lambda t: t["ord"])],
            "css": model.get("css", ""),
        }
    return out


def _notetypes_schema15(db):
    """notetypes.config: kind = 1, css = 3; templates.config: q_format = 1, a_format = 2."""
    out = {}
    for ntid, name, config in db.execute("select id, name, config from notetypes"):
        c = protobuf_fields(config)
        out[ntid] = {"name": name, "kind": first(c, 1, 0), "fields": [], "templates": [],
                     "css": first(c, 3, b"").decode("utf-8")}
    # Rows of a note type that is not there (empty-latest.apkg has some) belong to nothing.
    for ntid, name in db.execute("select ntid, name from fields order by ntid, ord"):
        if ntid in out:
            out[ntid]["fields"].append(name)
    for ntid, name, config in db.execute("select ntid, name, config from templates order by ntid, ord"):
        if ntid not in out:
            continue
        c = protobuf_fields(config)
        out[ntid]["templates"].append((name, first(c, 1, b"").decode("utf-8"), first(c, 2, b"").decode("utf-8")))
    return out


def _decks(db, schema15):
    if schema15:
        return {did: name.replace("\x1f", "::") for did, name in db.execute("select id, name from decks")}
    return {int(k): d["name"] for k, d in json.loads(db.execute("select decks from col").fetchone()[0]).items()}


def _read_collection(data, folder):
    db = _open_collection(data, folder)
    tables = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
    schema15 = "notetypes" in tables
    notetypes = _notetypes_schema15(db) if schema15 else _notetypes_schema11(db)
    decks = _decks(db, schema15)
    # A card in a filtered deck belongs to its home deck (odid): filtered decks are a temporary
    # study selection, and the note's deck is where its cards live.
    home = {}
    for nid, did, odid in db.execute("select nid, did, odid from cards"):
        home.setdefault(nid, set()).add(decks.get(odid or did, "<missing deck %d>" % (odid or did)))
    notes = {}
    used = set()
    for nid, guid, mid, tags, flds in db.execute("select id, guid, mid, tags, flds from notes"):
        notetype = notetypes[mid]
        used.add(mid)
        notes[guid] = {"notetype": notetype["name"], "fields": [normalise_html(f) for f in flds.split("\x1f")],
                       "tags": set(tags.split()), "decks": home.get(nid, set())}
    db.close()
    # Only note types that notes use: an unused one is not part of any note.
    return notes, {notetypes[mid]["name"]: notetypes[mid] for mid in used}


def _media_latest(archive):
    """`media` is zstd(MediaEntries { repeated MediaEntry entries = 1 }), MediaEntry { name = 1,
    size = 2, sha1 = 3 }; entry i is the zstd member "i"."""
    out = {}
    for i, entry in enumerate(protobuf_fields(zstd_decode(archive.read("media"))).get(1, [])):
        name = first(protobuf_fields(entry), 1, b"").decode("utf-8")
        out[name] = hashlib.sha1(zstd_decode(archive.read(str(i)))).hexdigest()
    return out


def read_package(path):
    with open(path, "rb") as f:
        data = f.read()
    with tempfile.TemporaryDirectory() as folder:
        if data.startswith(SQLITE_MAGIC):  # a bare collection: no media
            notes, notetypes = _read_collection(data, folder)
            return {"notes": notes, "notetypes": notetypes, "media": {}}
        archive = zipfile.ZipFile(path)
        members = set(archive.namelist())
        if "collection.anki21b" in members:
            notes, notetypes = _read_collection(zstd_decode(archive.read("collection.anki21b")), folder)
            media = _media_latest(archive)
        else:
            name = "collection.anki21" if "collection.anki21" in members else "collection.anki2"
            notes, notetypes = _read_collection(archive.read(name), folder)
            media_map = json.loads(archive.read("media").decode("utf-8")) if "media" in members else {}
            media = {name: hashlib.sha1(archive.read(key)).hexdigest() if key in members else "missing member " + key
                     for key, name in media_map.items()}
    return {"notes": notes, "notetypes": notetypes, "media": media}
