#!/usr/bin/env python3
"""The read floor of scripts/bench: an Anki package read to JSON with the standard library only
(zipfile, sqlite3, json), as a short script anyone could write. deckport's apkg -> json and
apkg -> md are measured against it.

Usage: bench_floor.py IN.apkg OUT.json
"""
import json
import sqlite3
import sys
import tempfile
import time
import zipfile


def read_package(path):
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        # The newest collection a package holds; zstd (.anki21b) needs a library Python lacks.
        name = next(n for n in ("collection.anki21", "collection.anki2") if n in names)
        media = json.loads(package.read("media") or b"{}") if "media" in names else {}
        with tempfile.TemporaryDirectory() as scratch:
            database = package.extract(name, scratch)
            connection = sqlite3.connect(database)
            try:
                return collection(connection, media)
            finally:
                connection.close()


def collection(connection, media):
    models, decks = connection.execute("select models, decks from col").fetchone()
    models = json.loads(models)
    notes = []
    for note_id, guid, model_id, tags, fields in connection.execute(
        "select id, guid, mid, tags, flds from notes order by id"
    ):
        model = models[str(model_id)]
        names = [field["name"] for field in model["flds"]]
        notes.append({
            "id": note_id,
            "guid": guid,
            "notetype": model["name"],
            "tags": tags.split(),
            "fields": dict(zip(names, fields.split("\x1f"))),
        })
    cards = [
        {"id": card_id, "note": note_id, "deck": deck_id, "template": ord, "due": due}
        for card_id, note_id, deck_id, ord, due in connection.execute(
            "select id, nid, did, ord, due from cards order by id"
        )
    ]
    return {"decks": json.loads(decks), "notetypes": models, "notes": notes, "cards": cards,
            "media": media}


def main():
    start = time.monotonic()
    data = read_package(sys.argv[1])
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False)
    print(f"read floor: {len(data['notes'])} notes, {len(data['cards'])} cards in "
          f"{time.monotonic() - start:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
