#!/usr/bin/env python3
"""Checks an Anki package with readers deckport did not write: Python's zipfile, sqlite3 and
json, and the `zstd` command-line tool with a protobuf decoder written here, against the rules
Anki's importer relies on (docs: ../shared/docs/formats/anki-apkg.md, /work/notes/anki-facts.md
section 2 for the latest variant).

Usage: independent_check.py PACKAGE [--variant legacy|legacy2|latest] [--notes N] [--cards N]
                            [--media N] [--revlog N] [--allow-missing-media] [--carried-cards]
Prints a JSON summary on success; prints every problem and exits 1 otherwise.

The HTML stripping below uses Anki's own patterns (rslib/src/text.rs) so that the checksum
and sort field are recomputed by Anki's definition, not by deckport's scanner.
"""

import argparse
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from html.entities import name2codepoint

problems = []


def problem(message):
    problems.append(message)


# --- Anki's text rules (rslib/src/text.rs, htmlescape) ------------------------------------

HTML = re.compile(r"(?si)(<!--.*?-->)|(<style.*?>.*?</style>)|(<script.*?>.*?</script>)|(<.*?>)")
HTML_MEDIA_TAGS = re.compile(
    r"""(?xsi)
    <\b(?:img|audio|video|object|source)\b
    (?:[^>]|"[^"]+?"|'[^']+?')+?
    \b(?:src|data)\b=
    (?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?:\x20[^>]*>|>))
    """
)
SOUND = re.compile(r"(?s)\[sound:(.+?)\]")


def decode_entities(text):
    """htmlescape::decode_html: all or nothing, HTML 4 names, then U+00A0 -> space."""
    if "&" not in text:
        return text
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c != "&":
            out.append(c)
            i += 1
            continue
        end = text.find(";", i + 1)
        if end < 0:
            return text
        body = text[i + 1:end]
        if body.startswith("#x"):
            digits = body[2:]
            if not digits or not all(ch in "0123456789abcdefABCDEF" for ch in digits):
                return text
            value = int(digits, 16)
        elif body.startswith("#"):
            digits = body[1:]
            if not digits or not all(ch in "0123456789" for ch in digits):
                return text
            value = int(digits)
        else:
            if body not in name2codepoint:
                return text
            value = name2codepoint[body]
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            return text
        out.append(chr(value))
        i = end + 1
    return "".join(out).replace("\u00a0", " ")


def strip_html_preserving_media_filenames(html):
    with_names = HTML_MEDIA_TAGS.sub(lambda m: " " + (m.group(1) or m.group(2) or m.group(3)) + " ", html)
    return decode_entities(HTML.sub("", with_names))


def field_checksum(text):
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def media_references(html):
    names = [decode_entities(m.group(1) or m.group(2) or m.group(3)) for m in HTML_MEDIA_TAGS.finditer(html)]
    names += [decode_entities(m.group(1)) for m in SOUND.finditer(html)]
    return names


def is_external(name):
    return re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]+:|//|#)", name) is not None


DEVICE = re.compile(r"(?i)^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\.|$)")


def media_name_problem(name):
    if unicodedata.normalize("NFC", name) != name:
        return "not NFC"
    if len(name.encode("utf-8")) > 120:
        return "longer than 120 bytes"
    for c in name:
        if c in '[]<>:"/?*^\\|' or ord(c) < 0x20 or ord(c) == 0x7F:
            return "forbidden character %r" % c
    if name.endswith(" ") or name.endswith("."):
        return "ends with a space or dot"
    if DEVICE.match(name):
        return "Windows device name"
    if not name:
        return "empty"
    return None


# --- the package ---------------------------------------------------------------------------

TABLES = {
    "col": ["id", "crt", "mod", "scm", "ver", "dty", "usn", "ls", "conf", "models", "decks", "dconf", "tags"],
    "notes": ["id", "guid", "mid", "mod", "usn", "tags", "flds", "sfld", "csum", "flags", "data"],
    "cards": ["id", "nid", "did", "ord", "mod", "usn", "type", "queue", "due", "ivl", "factor", "reps",
              "lapses", "left", "odue", "odid", "flags", "data"],
    "revlog": ["id", "cid", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type"],
    "graves": ["usn", "oid", "type"],
}
TEXT_COLUMNS = {"col": {"conf", "models", "decks", "dconf", "tags"}, "notes": {"guid", "tags", "flds", "data"},
                "cards": {"data"}, "revlog": set(), "graves": set()}
INDEXES = ["ix_notes_usn", "ix_cards_usn", "ix_revlog_usn", "ix_cards_nid", "ix_cards_sched",
           "ix_revlog_cid", "ix_notes_csum"]

MODEL_KEYS = ["id", "name", "type", "mod", "usn", "sortf", "did", "tmpls", "flds", "css",
              "latexPre", "latexPost", "latexsvg", "req", "tags", "vers"]
TEMPLATE_KEYS = ["name", "ord", "qfmt", "afmt", "bqfmt", "bafmt", "did"]
FIELD_KEYS = ["name", "ord", "sticky", "rtl", "font", "size", "media"]
DECK_KEYS = ["id", "name", "usn", "dyn", "collapsed", "conf", "desc", "mod",
             "lrnToday", "revToday", "newToday", "timeToday"]
DCONF_KEYS = ["id", "mod", "name", "usn", "maxTaken", "autoplay", "timer", "new", "rev", "lapse"]
DCONF_GROUP_KEYS = {"new": ["delays", "initialFactor", "ints", "order", "perDay"],
                    "rev": ["ease4", "ivlFct", "maxIvl", "perDay"],
                    "lapse": ["delays", "leechAction", "leechFails", "minInt", "mult"]}


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def check_schema(db, tables=TABLES, indexes=INDEXES):
    names = {row[0] for row in db.execute("select name from sqlite_master")}
    for table, columns in tables.items():
        if table not in names:
            problem("table %s is missing" % table)
            continue
        found = [row[1] for row in db.execute("pragma table_info(%s)" % table)]
        if found != columns:
            problem("table %s has columns %s, expected %s" % (table, found, columns))
        if table not in TEXT_COLUMNS:
            continue
        for column in columns:
            wanted = "text" if column in TEXT_COLUMNS[table] else "integer"
            for (kind,) in db.execute("select distinct typeof(%s) from %s" % (column, table)):
                # sfld is declared integer on purpose (numbers sort numerically) and holds text
                if table == "notes" and column == "sfld":
                    continue
                if kind != wanted:
                    problem("%s.%s holds %s values, expected %s" % (table, column, kind, wanted))
    for index in indexes:
        if index not in names:
            problem("index %s is missing" % index)


def check_models(models):
    for key, model in models.items():
        for name in MODEL_KEYS:
            if name not in model:
                problem("model %s lacks key %s" % (key, name))
        if model.get("id") != int(key):
            problem("model key %s differs from its id %r" % (key, model.get("id")))
        if model.get("type") not in (0, 1):
            problem("model %s has type %r" % (key, model.get("type")))
        if not is_int(model.get("mod")) or not is_int(model.get("usn")) or not is_int(model.get("sortf")):
            problem("model %s: mod, usn and sortf must be integers" % key)
        if not model.get("name"):
            problem("model %s has no name" % key)
        if not model.get("flds") or not model.get("tmpls"):
            problem("model %s has no fields or no templates" % key)
        for i, template in enumerate(model.get("tmpls", [])):
            for name in TEMPLATE_KEYS:
                if name not in template:
                    problem("model %s template %d lacks key %s" % (key, i, name))
            if template.get("ord") != i or not template.get("name"):
                problem("model %s template %d: bad ord or empty name" % (key, i))
        for i, field in enumerate(model.get("flds", [])):
            for name in FIELD_KEYS:
                if name not in field:
                    problem("model %s field %d lacks key %s" % (key, i, name))
            if field.get("ord") != i or not str(field.get("name", "")).strip():
                problem("model %s field %d: bad ord or empty name" % (key, i))
        if model.get("type") == 0 and len(model.get("req", [])) != len(model.get("tmpls", [])):
            problem("model %s: req has %d entries for %d templates" % (key, len(model.get("req", [])),
                                                                       len(model.get("tmpls", []))))


def check_decks(decks, dconf):
    names = {deck.get("name") for deck in decks.values()}
    if decks.get("1", {}).get("name") != "Default":
        problem("deck 1 'Default' is missing")
    for key, deck in decks.items():
        for name in DECK_KEYS:
            if name not in deck:
                problem("deck %s lacks key %s" % (key, name))
        if deck.get("id") != int(key):
            problem("deck key %s differs from its id %r" % (key, deck.get("id")))
        for name in ("lrnToday", "revToday", "newToday", "timeToday"):
            value = deck.get(name)
            if not (isinstance(value, list) and len(value) == 2 and all(is_int(v) for v in value)):
                problem("deck %s: %s is %r" % (key, name, value))
        if deck.get("dyn") != 0:
            problem("deck %s is a filtered deck" % key)
        if str(deck.get("conf")) not in dconf:
            problem("deck %s uses options %r, which dconf lacks" % (key, deck.get("conf")))
        parts = deck.get("name", "").split("::")
        for i in range(1, len(parts)):
            if "::".join(parts[:i]) not in names:
                problem("deck %r lacks its ancestor %r" % (deck.get("name"), "::".join(parts[:i])))


def check_dconf(dconf):
    if "1" not in dconf:
        problem("deck options 1 are missing")
    for key, conf in dconf.items():
        for name in DCONF_KEYS:
            if name not in conf:
                problem("dconf %s lacks key %s" % (key, name))
        for group, names in DCONF_GROUP_KEYS.items():
            for name in names:
                if name not in conf.get(group, {}):
                    problem("dconf %s %s lacks key %s" % (key, group, name))


def schema11_objects(db):
    """Note types and decks from col's JSON, checked against schema 11's keys."""
    rows = db.execute("select ver, conf, models, decks, dconf, tags from col").fetchall()
    if len(rows) != 1:
        problem("col has %d rows" % len(rows))
        return None, None
    ver, conf, models, decks, dconf, tags = rows[0]
    if ver != 11:
        problem("col.ver is %r" % ver)
    conf, models, decks, dconf, tags = (json.loads(x) for x in (conf, models, decks, dconf, tags))
    if not isinstance(conf, dict) or not isinstance(tags, dict):
        problem("col.conf and col.tags must be objects")
    check_models(models)
    check_dconf(dconf)
    check_decks(decks, dconf)
    return models, decks


def check_collection(db, models, decks, media_names, allow_missing_media=False, carried_cards=False):
    if models is None:
        return None
    notes = {}
    guids = set()
    for nid, guid, mid, tags_column, flds, sfld, csum in db.execute(
            "select id, guid, mid, tags, flds, sfld, csum from notes"):
        notes[nid] = (mid, flds)
        if not guid or " " in guid or guid in guids:
            problem("note %d: empty, spaced or repeated guid %r" % (nid, guid))
        guids.add(guid)
        model = models.get(str(mid))
        if model is None:
            problem("note %d uses model %d, which is missing" % (nid, mid))
            continue
        fields = flds.split("\x1f")
        if len(fields) != len(model["flds"]):
            problem("note %d has %d fields, its model %d" % (nid, len(fields), len(model["flds"])))
            continue
        if tags_column and (not tags_column.startswith(" ") or not tags_column.endswith(" ")
                            or "  " in tags_column or tags_column.strip() == ""):
            problem("note %d: tags %r are not ' a b '" % (nid, tags_column))
        first = strip_html_preserving_media_filenames(fields[0])
        if csum != field_checksum(first):
            problem("note %d: csum %d, Anki computes %d" % (nid, csum, field_checksum(first)))
        expected_sort = strip_html_preserving_media_filenames(fields[model["sortf"]])
        if str(sfld) != expected_sort:
            problem("note %d: sfld %r, Anki computes %r" % (nid, sfld, expected_sort))
        for field in fields:
            for name in media_references(field):
                if not is_external(name) and name not in media_names and not allow_missing_media:
                    problem("note %d refers to media %r, which is not in the package" % (nid, name))

    cards = set()
    notes_with_cards = set()
    for cid, nid, did, ord_, ctype, queue, due in db.execute(
            "select id, nid, did, ord, type, queue, due from cards"):
        cards.add(cid)
        notes_with_cards.add(nid)
        if nid not in notes:
            problem("card %d belongs to missing note %d" % (cid, nid))
            continue
        if str(did) not in decks:
            problem("card %d is in missing deck %d" % (cid, did))
        model = models.get(str(notes[nid][0]))
        if model is None:
            continue
        if model["type"] == 0 and not 0 <= ord_ < len(model["tmpls"]):
            problem("card %d: ord %d, model has %d templates" % (cid, ord_, len(model["tmpls"])))
        if model["type"] == 1 and not 0 <= ord_ <= 499:
            problem("cloze card %d: ord %d" % (cid, ord_))
        if model["type"] == 1 and not carried_cards:
            numbers = {int(n) for n in re.findall(r"\{\{c(\d+)::", notes[nid][1])}
            if numbers and ord_ + 1 not in numbers and not (ord_ == 499 and max(numbers) >= 500):
                problem("cloze card %d: ord %d has no {{c%d::}}" % (cid, ord_, ord_ + 1))
        if ctype not in (0, 1, 2, 3) or queue not in (-3, -2, -1, 0, 1, 2, 3, 4):
            problem("card %d: type %d queue %d" % (cid, ctype, queue))
        if ctype == 0 and queue == 0 and due < 1:
            problem("new card %d has position %d" % (cid, due))
    for nid in notes:
        if nid not in notes_with_cards:
            problem("note %d has no cards" % nid)
    for (cid,) in db.execute("select cid from revlog"):
        if cid not in cards:
            problem("revlog refers to missing card %d" % cid)
    counts = {name: db.execute("select count(*) from %s" % name).fetchone()[0]
              for name in ("notes", "cards", "revlog")}
    return {"counts": counts, "models": sorted(m["name"] for m in models.values()),
            "decks": sorted(d["name"] for d in decks.values())}



# --- the latest variant: zstd, protobuf, schema 18 ------------------------------------------

def zstd_decode(data):
    """The zstd command-line tool, not deckport's decoder."""
    result = subprocess.run(["zstd", "-d", "-c", "-q"], input=data, capture_output=True)
    if result.returncode != 0:
        problem("zstd cannot decode a member: %s" % result.stderr.decode(errors="replace").strip())
        return b""
    return result.stdout


def protobuf_fields(data):
    """{field number: [values]}: varints as ints, length-delimited as bytes, fixed as bytes."""
    fields = {}
    i = 0

    def varint():
        nonlocal i
        value = shift = 0
        while True:
            byte = data[i]
            i += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    while i < len(data):
        key = varint()
        number, wire = key >> 3, key & 7
        if wire == 0:
            value = varint()
        elif wire == 2:
            length = varint()
            value = data[i:i + length]
            i += length
        elif wire == 5:
            value = data[i:i + 4]
            i += 4
        elif wire == 1:
            value = data[i:i + 8]
            i += 8
        else:
            raise ValueError("wire type %d" % wire)
        fields.setdefault(number, []).append(value)
    return fields


def first(fields, number, default):
    return fields.get(number, [default])[0]


def unicase(a, b):
    """Anki's collation (the Rust unicase crate): full Unicode case folding."""
    x, y = a.casefold(), b.casefold()
    return (x > y) - (x < y)


SCHEMA18 = {
    "col": ["id", "crt", "mod", "scm", "ver", "dty", "usn", "ls", "conf", "models", "decks", "dconf", "tags"],
    "notes": TABLES["notes"], "cards": TABLES["cards"], "revlog": TABLES["revlog"],
    "deck_config": ["id", "name", "mtime_secs", "usn", "config"],
    "config": ["KEY", "usn", "mtime_secs", "val"],
    "fields": ["ntid", "ord", "name", "config"],
    "templates": ["ntid", "ord", "name", "mtime_secs", "usn", "config"],
    "notetypes": ["id", "name", "mtime_secs", "usn", "config"],
    "decks": ["id", "name", "mtime_secs", "usn", "common", "kind"],
    "tags": ["tag", "usn", "collapsed", "config"],
    "graves": ["oid", "type", "usn"],
}
SCHEMA18_INDEXES = INDEXES + ["idx_fields_name_ntid", "idx_templates_name_ntid", "idx_templates_usn",
                              "idx_notetypes_name", "idx_notetypes_usn", "idx_decks_name", "idx_notes_mid",
                              "idx_cards_odid", "idx_graves_pending"]


def check_schema18(db):
    check_schema(db, SCHEMA18, SCHEMA18_INDEXES)
    for table in ("notetypes", "fields", "templates", "decks", "deck_config", "tags"):
        sql = db.execute("select sql from sqlite_master where name = ?", (table,)).fetchone()
        if sql and "collate unicase" not in sql[0].lower():
            problem("table %s does not use the unicase collation" % table)
    if db.execute("pragma integrity_check").fetchone()[0] != "ok":
        problem("the collection fails sqlite's integrity check")


def schema18_objects(db):
    """The tables as the dictionaries check_notes_and_cards needs (schema-11 key names)."""
    rows = db.execute("select ver, conf, models, decks, dconf, tags from col").fetchall()
    if len(rows) != 1:
        problem("col has %d rows" % len(rows))
        return None, None
    if rows[0][0] != 18:
        problem("col.ver is %r, expected 18" % rows[0][0])
    if any(value != "" for value in rows[0][1:]):
        problem("col's JSON columns must be empty strings in schema 18: %r" % (rows[0][1:],))
    models = {}
    for ntid, name, config in db.execute("select id, name, config from notetypes"):
        c = protobuf_fields(config)
        models[str(ntid)] = {"id": ntid, "name": name, "type": first(c, 1, 0),
                             "sortf": first(c, 2, 0), "flds": [], "tmpls": []}
        if not name:
            problem("note type %d has no name" % ntid)
    for ntid, ord_, name in db.execute("select ntid, ord, name from fields order by ntid, ord"):
        if str(ntid) in models:
            models[str(ntid)]["flds"].append({"name": name, "ord": ord_})
    for ntid, ord_, name, config in db.execute(
            "select ntid, ord, name, config from templates order by ntid, ord"):
        if str(ntid) in models:
            c = protobuf_fields(config)
            models[str(ntid)]["tmpls"].append({"name": name, "ord": ord_,
                                               "qfmt": first(c, 1, b"").decode("utf-8")})
    for key, model in models.items():
        if not model["flds"] or not model["tmpls"]:
            problem("note type %s has no fields or no templates" % key)
        if [f["ord"] for f in model["flds"]] != list(range(len(model["flds"]))):
            problem("note type %s: field ords are not 0..n-1" % key)
    configs = {row[0] for row in db.execute("select id from deck_config")}
    if 1 not in configs:
        problem("deck options 1 are missing")
    decks = {}
    for did, name, common, kind in db.execute("select id, name, common, kind from decks"):
        k = protobuf_fields(kind)
        if 1 not in k and 2 not in k:
            problem("deck %d: its kind has neither normal nor filtered (Anki aborts the import)" % did)
        elif 1 in k:
            normal = protobuf_fields(k[1][0])
            if first(normal, 1, 0) not in configs:
                problem("deck %d uses options %r, which deck_config lacks" % (did, first(normal, 1, 0)))
        protobuf_fields(common)
        decks[str(did)] = {"id": did, "name": name.replace("\x1f", "::")}
    if decks.get("1", {}).get("name") != "Default":
        problem("deck 1 'Default' is missing")
    names = {deck["name"] for deck in decks.values()}
    for deck in decks.values():
        parts = deck["name"].split("::")
        for i in range(1, len(parts)):
            if "::".join(parts[:i]) not in names:
                problem("deck %r lacks its ancestor %r" % (deck["name"], "::".join(parts[:i])))
    config_keys = {row[0]: json.loads(row[1]) for row in db.execute("select KEY, val from config")}
    for key in ("curDeck", "activeDecks", "nextPos", "sortType"):
        if key not in config_keys:
            problem("config lacks %s" % key)
    return models, decks


def latest_media(archive, members):
    """The zstd protobuf media map, each entry's member checked against its size and SHA-1."""
    names = []
    for entry in protobuf_fields(zstd_decode(archive.read("media"))).get(1, []):
        e = protobuf_fields(entry)
        name = first(e, 1, b"").decode("utf-8")
        size = first(e, 2, 0)
        digest = first(e, 3, b"")
        member = str(len(names))
        names.append(name)
        if len(digest) != 20:
            problem("media entry %r: the SHA-1 has %d bytes, not 20" % (name, len(digest)))
        if member not in members:
            problem("media member %s is missing" % member)
            continue
        data = zstd_decode(archive.read(member))
        if len(data) != size or hashlib.sha1(data).digest() != digest:
            problem("media member %s: size or SHA-1 differs from the map" % member)
    return names

def open_collection(data, folder, name):
    path = os.path.join(folder, name)
    with open(path, "wb") as f:
        f.write(data)
    return sqlite3.connect(path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("package")
    parser.add_argument("--variant", default="legacy", choices=["legacy", "legacy2", "latest"])
    for name in ("notes", "cards", "media", "revlog"):
        parser.add_argument("--" + name, type=int)
    parser.add_argument("--allow-missing-media", action="store_true",
                        help="an Anki input may refer to files it lacks; Anki tolerates that")
    parser.add_argument("--carried-cards", action="store_true",
                        help="cards come from an Anki input, which may keep cloze cards whose "
                             "number is gone from the text (Anki's 'Empty Cards' lists them)")
    args = parser.parse_args()

    archive = zipfile.ZipFile(args.package)
    members = archive.namelist()
    if archive.testzip() is not None:
        problem("damaged zip member %s" % archive.testzip())
    latest = args.variant == "latest"
    if latest:
        names = latest_media(archive, members)
        media_map = {str(i): name for i, name in enumerate(names)}
        # Anki's order (colpkg/export.rs): meta, collection, placeholder, files, map; all stored.
        wanted = ["meta", "collection.anki21b", "collection.anki2"] + list(media_map) + ["media"]
        if members != wanted:
            problem("members %s, expected %s" % (members, wanted))
        for info in archive.infolist():
            if info.compress_type != zipfile.ZIP_STORED:
                problem("member %s is compressed by zip; Anki stores every member" % info.filename)
    else:
        media_map = json.loads(archive.read("media").decode("utf-8"))
        if not isinstance(media_map, dict):
            problem("the media map is not an object")
            media_map = {}
    if sorted(media_map, key=int) != [str(i) for i in range(len(media_map))]:
        problem("media keys are not 0..n-1: %s" % sorted(media_map))
    for key, name in media_map.items():
        if key not in members:
            problem("media member %s is missing" % key)
        why = media_name_problem(name)
        if why:
            problem("media name %r: %s" % (name, why))
    if len(set(media_map.values())) != len(media_map):
        problem("a media name appears twice")
    read_member = (lambda key: zstd_decode(archive.read(key))) if latest else archive.read
    contents = [hashlib.sha1(read_member(key)).hexdigest() for key in media_map if key in members]
    if len(set(contents)) != len(contents):
        problem("the same media content is stored twice")

    if not latest:
        expected = {"legacy": {"collection.anki2", "media"},
                    "legacy2": {"meta", "collection.anki21", "collection.anki2", "media"}}[args.variant]
        extra = set(members) - expected - set(media_map)
        if not expected <= set(members) or extra:
            problem("members %s, expected %s plus the media" % (members, sorted(expected)))

    with tempfile.TemporaryDirectory() as folder:
        if args.variant in ("legacy2", "latest"):
            meta = b"\x08\x03" if latest else b"\x08\x02"
            if archive.read("meta") != meta:
                problem("meta is %r, expected %r" % (archive.read("meta"), meta))
            decoy = open_collection(archive.read("collection.anki2"), folder, "decoy.anki2")
            check_schema(decoy)
            fields = [row[0] for row in decoy.execute("select flds from notes")]
            if len(fields) != 1 or "Please update to the latest Anki version" not in fields[0]:
                problem("the placeholder collection.anki2 does not ask to update Anki: %r" % fields)
            decoy.close()
        if latest:
            data = zstd_decode(archive.read("collection.anki21b"))
            db = open_collection(data, folder, "collection.sqlite")
            db.create_collation("unicase", unicase)
            check_schema18(db)
            models, decks = schema18_objects(db)
        else:
            name = "collection.anki21" if args.variant == "legacy2" else "collection.anki2"
            db = open_collection(archive.read(name), folder, "collection.sqlite")
            check_schema(db)
            models, decks = schema11_objects(db)
        summary = check_collection(db, models, decks, set(media_map.values()),
                                   args.allow_missing_media, args.carried_cards)
        db.close()

    if summary:
        summary["media"] = len(media_map)
        for name in ("notes", "cards", "revlog"):
            wanted = getattr(args, name)
            if wanted is not None and summary["counts"][name] != wanted:
                problem("%d %s, expected %d" % (summary["counts"][name], name, wanted))
        if args.media is not None and len(media_map) != args.media:
            problem("%d media files, expected %d" % (len(media_map), args.media))
    if problems:
        for message in problems:
            print("independent_check: " + message, file=sys.stderr)
        return 1
    print(json.dumps(summary, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
