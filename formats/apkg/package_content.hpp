// The rows and files of one Anki package, as the writer's steps produce them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/pieces.hpp"
#include "common/sqlite_db.hpp"
#include "deckport/format.hpp"
#include "deckport/model.hpp"

namespace deckport::apkg {

// The `col` row; its settings in the schema-11 JSON shape (schema 18 keeps them in tables).
struct CollectionRow {
    std::int64_t created = 0;      // crt, seconds
    std::int64_t modified_ms = 0;  // mod and scm, milliseconds
    nlohmann::json conf, models, decks, dconf, tags;
};

// A note row's text columns.
struct NoteText {
    std::string fields;  // joined by U+001F
    std::string sort_field;
    std::int64_t checksum = 0;
};

struct NoteRow {
    std::int64_t id = 0;
    std::string guid;
    std::int64_t note_type_id = 0;
    std::int64_t modified = 0;  // seconds
    std::int64_t usn = -1;
    std::string tags;  // " a b " or ""
    std::int64_t flags = 0;
    std::string data;
    // The text columns (flds, sfld, csum): kept from when the row was made while the rows
    // kept so far hold less than 2 MiB of it (every row of a deck of a few thousand cards);
    // for the others made again from these when the row is written
    // (PackageContent::note_text): 100,000 notes' HTML would otherwise be in memory at once,
    // beside the database it fills.
    std::unique_ptr<NoteText> text;
    std::size_t note = 0;  // index in Collection::notes
    int field_count = 0;   // fields of the note's type
    int sort_field = 0;    // the type's sort field
};

struct CardRow {
    std::int64_t id = 0, note_id = 0, deck_id = 0, ord = 0, modified = 0, usn = -1;
    std::int64_t type = 0, queue = 0, due = 0, interval = 0, factor = 0, reps = 0, lapses = 0;
    std::int64_t left = 0, original_due = 0, original_deck_id = 0, flags = 0;
    std::string data;
};

struct RevlogRow {
    std::int64_t id = 0, card_id = 0, usn = -1, ease = 0, interval = 0, last_interval = 0;
    std::int64_t factor = 0, time = 0, type = 0;
};

// One media member of the zip: `name` in the media map, bytes owned by the collection.
struct MediaMember {
    std::string name;
    const std::string* bytes = nullptr;
};

struct PackageContent {
    CollectionRow collection;
    std::vector<NoteRow> notes;
    std::vector<CardRow> cards;
    std::vector<RevlogRow> revlog;
    std::vector<MediaMember> media;
    // The text columns of a row of `notes` that does not keep them; safe to call on several
    // threads at once. It refers to the collection the content was built from.
    std::function<NoteText(const NoteRow&)> note_text;
};

// Every step before the database: note types, decks, notes, cards, review log and media.
// Problems go to the context's diagnostics; the content is incomplete when there are errors.
PackageContent build_package_content(const Collection& collection, WriteContext& context);

enum class CollectionSchema {
    v11,  // legacy packages: everything in the schema-11 shape, `col.ver` 11
    v18,  // latest packages: note types, decks and settings in their own tables, `col.ver` 18
};

// Fills `db` (empty: SqliteDb::file_in_memory() or temporary_file()) with `content`, at page
// size `page_size`. The rows are let go as they are written, to keep memory down; the notes'
// text is made on every core as they are inserted. Schema 18 reports names that must change to
// stay unique regardless of case (APKG217) to `diagnostics`.
SqliteDb build_collection_database(SqliteDb db, PackageContent content, CollectionSchema schema,
                                   int page_size, const std::string& source_name,
                                   Diagnostics& diagnostics);

// The collection file of a database build_collection_database made, with the header's change
// counters cleared (the bytes then do not depend on the SQLite library): read a piece at a time
// (its size is db.file_size()), or whole.
PieceReader collection_file_reader(SqliteDb& db);
std::string collection_file(SqliteDb& db);

// The media map: {"0": "name", ...} for the members in order.
std::string media_map_json(const std::vector<MediaMember>& media);

}  // namespace deckport::apkg
