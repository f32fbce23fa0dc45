#!/usr/bin/env python3
"""Lists an Anki package's media with readers deckport did not write (zipfile, sqlite3, json):
prints one JSON object {"media": {name: sha1}, "references": [names], "missing": [names]},
where "references" are the media names the notes' fields refer to (Anki's own patterns, from
tests/apkg_write/independent_check.py) and "missing" those of them the package does not hold.

Usage: apkg_media.py PACKAGE
"""

import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "apkg_write"))
from independent_check import is_external, media_references  # noqa: E402


def main():
    archive = zipfile.ZipFile(sys.argv[1])
    members = set(archive.namelist())
    media_map = json.loads(archive.read("media").decode("utf-8"))
    media = {name: hashlib.sha1(archive.read(key)).hexdigest() for key, name in media_map.items()}
    collection = "collection.anki21" if "collection.anki21" in members else "collection.anki2"
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "collection.db")
        with open(path, "wb") as out:
            out.write(archive.read(collection))
        db = sqlite3.connect(path)
        refs = []
        for (flds,) in db.execute("select flds from notes order by id"):
            for field in flds.split("\x1f"):
                refs += [name for name in media_references(field) if not is_external(name)]
        db.close()
    print(json.dumps({"media": media, "references": sorted(set(refs)),
                      "missing": sorted(set(r for r in refs if r not in media))}, sort_keys=True))


main()
