// Writes the rows into an SQLite database. Deterministic: fixed page size, rows in a fixed
// order, no clock, no randomness.
#include <algorithm>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "apkg/package_content.hpp"
#include "apkg/schema11_sql.hpp"
#include "apkg/schema18_rows.hpp"
#include "apkg/schema18_sql.hpp"
#include "apkg/unicase.hpp"
#include "common/sqlite_db.hpp"
#include "deckport/parallel.hpp"

namespace deckport::apkg {
namespace {

// Rows go in by id: the file's page layout then depends on the rows alone, not on the order of
// the collection they came from (so writing a package read back from our own output gives the
// same bytes), and ascending keys append to the B-tree instead of splitting pages.
template <typename Row>
std::vector<Row*> by_id(std::vector<Row>& rows) {
    std::vector<Row*> sorted;
    sorted.reserve(rows.size());
    for (Row& row : rows) sorted.push_back(&row);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Row* a, const Row* b) { return a->id < b->id; });
    return sorted;
}

std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Schema 11 keeps the settings as JSON in `col`; schema 18 leaves empty strings there.
void insert_collection(SqliteDb& db, const CollectionRow& col, CollectionSchema schema) {
    bool legacy = schema == CollectionSchema::v11;
    SqliteStatement insert =
        db.prepare("insert into col values (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?)");
    insert.bind(1, col.created).bind(2, col.modified_ms).bind(3, col.modified_ms);
    insert.bind(4, std::int64_t{legacy ? 11 : 18});
    insert.bind_text(5, legacy ? dump(col.conf) : "");
    insert.bind_text(6, legacy ? dump(col.models) : "");
    insert.bind_text(7, legacy ? dump(col.decks) : "");
    insert.bind_text(8, legacy ? dump(col.dconf) : "");
    insert.bind_text(9, legacy ? dump(col.tags) : "");
    insert.run();
}

void insert_schema18_rows(SqliteDb& db, const Schema18Rows& rows) {
    SqliteStatement notetype = db.prepare("insert into notetypes values (?, ?, ?, ?, ?)");
    SqliteStatement field = db.prepare("insert into fields values (?, ?, ?, ?)");
    SqliteStatement tmpl = db.prepare("insert into templates values (?, ?, ?, ?, ?, ?)");
    for (const NotetypeRow& nt : rows.notetypes) {
        notetype.bind(1, nt.id).bind_text(2, nt.name).bind(3, nt.mtime).bind(4, nt.usn);
        notetype.bind_blob(5, nt.config).run();
        for (const FieldRow& f : nt.fields) {
            field.bind(1, nt.id).bind(2, f.ord).bind_text(3, f.name).bind_blob(4, f.config).run();
        }
        for (const TemplateRow& t : nt.templates) {
            tmpl.bind(1, nt.id).bind(2, t.ord).bind_text(3, t.name).bind(4, t.mtime);
            tmpl.bind(5, t.usn).bind_blob(6, t.config).run();
        }
    }
    SqliteStatement deck = db.prepare("insert into decks values (?, ?, ?, ?, ?, ?)");
    for (const DeckRow& d : rows.decks) {
        deck.bind(1, d.id).bind_text(2, d.name).bind(3, d.mtime).bind(4, d.usn);
        deck.bind_blob(5, d.common).bind_blob(6, d.kind).run();
    }
    SqliteStatement options = db.prepare("insert into deck_config values (?, ?, ?, ?, ?)");
    for (const DeckConfigRow& c : rows.deck_configs) {
        options.bind(1, c.id).bind_text(2, c.name).bind(3, c.mtime).bind(4, c.usn);
        options.bind_blob(5, c.config).run();
    }
    SqliteStatement config = db.prepare("insert into config values (?, ?, ?, ?)");
    for (const ConfigRow& c : rows.config) {
        config.bind_text(1, c.key).bind(2, c.usn).bind(3, c.mtime).bind_blob(4, c.value).run();
    }
    // Tags that differ only in case are one tag for Anki; the first spelling stays.
    SqliteStatement tag = db.prepare("insert or ignore into tags values (?, 0, 0, NULL)");
    for (const std::string& t : rows.tags) tag.bind_text(1, t).run();
}

// The header as deckport has always written it (from a :memory: database, whose pager never
// counts changes): file change counter (offset 24), version-valid-for (92) and the SQLite
// version number (96) zero, so the bytes do not depend on the SQLite library. The page count
// at offset 28 stays valid: it is valid when the counter equals version-valid-for. `piece`
// holds the file's bytes from `offset`.
void clear_change_counters(std::uint64_t offset, std::span<char> piece) {
    for (std::uint64_t at : {24, 25, 26, 27, 92, 93, 94, 95, 96, 97, 98, 99}) {
        if (at >= offset && at - offset < piece.size()) piece[at - offset] = 0;
    }
}

// Moved out and destroyed: the rows are not needed once they are in the database.
template <typename Row>
void release(std::vector<Row>& rows) {
    std::vector<Row>().swap(rows);
}

void insert_notes(SqliteDb& db, std::vector<NoteRow>& notes,
                  const std::function<NoteText(const NoteRow&)>& note_text) {
    SqliteStatement insert =
        db.prepare("insert into notes values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::vector<NoteRow*> sorted = by_id(notes);
    // The text columns rows do not keep are made on every core, a slice of rows ahead of the
    // inserts, and freed a slice at a time after them.
    constexpr std::size_t kSliceSize = 2048;
    SlicePipeline<NoteText> made(sorted.size(), kSliceSize, [&](std::size_t i) {
        return sorted[i]->text ? NoteText{} : note_text(*sorted[i]);
    });
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const NoteRow& note = *sorted[i];
        const NoteText& remade = made.at(i);  // asked for every row, in order
        const NoteText& text = note.text ? *note.text : remade;
        // The rows and the slice outlive each insert: bound in place, not copied.
        insert.bind(1, note.id).bind_text_in_place(2, note.guid).bind(3, note.note_type_id);
        insert.bind(4, note.modified).bind(5, note.usn).bind_text_in_place(6, note.tags);
        insert.bind_text_in_place(7, text.fields).bind_text_in_place(8, text.sort_field);
        insert.bind(9, text.checksum).bind(10, note.flags).bind_text_in_place(11, note.data);
        insert.run();
    }
}

void insert_cards(SqliteDb& db, std::vector<CardRow>& cards) {
    SqliteStatement insert = db.prepare(
        "insert into cards values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const CardRow* row : by_id(cards)) {
        const CardRow& card = *row;
        insert.bind(1, card.id).bind(2, card.note_id).bind(3, card.deck_id).bind(4, card.ord);
        insert.bind(5, card.modified).bind(6, card.usn).bind(7, card.type).bind(8, card.queue);
        insert.bind(9, card.due).bind(10, card.interval).bind(11, card.factor);
        insert.bind(12, card.reps).bind(13, card.lapses).bind(14, card.left);
        insert.bind(15, card.original_due).bind(16, card.original_deck_id).bind(17, card.flags);
        insert.bind_text_in_place(18, card.data);
        insert.run();
    }
}

void insert_revlog(SqliteDb& db, std::vector<RevlogRow>& revlog) {
    SqliteStatement insert = db.prepare("insert into revlog values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const RevlogRow* row : by_id(revlog)) {
        const RevlogRow& entry = *row;
        insert.bind(1, entry.id).bind(2, entry.card_id).bind(3, entry.usn).bind(4, entry.ease);
        insert.bind(5, entry.interval).bind(6, entry.last_interval).bind(7, entry.factor);
        insert.bind(8, entry.time).bind(9, entry.type);
        insert.run();
    }
}

}  // namespace

SqliteDb build_collection_database(SqliteDb db, PackageContent content, CollectionSchema schema,
                                   int page_size, const std::string& source_name,
                                   Diagnostics& diagnostics) {
    db.exec("pragma page_size = " + std::to_string(page_size));
    db.exec("pragma journal_mode = off");
    db.exec(kCollectionTables);
    if (schema == CollectionSchema::v11) {
        db.exec(kSchema11Graves);
    } else {
        register_unicase_collation(db);
        db.exec(kSchema18Tables);
    }
    db.exec("begin");
    const CollectionRow& col = content.collection;
    insert_collection(db, col, schema);
    if (schema == CollectionSchema::v18) {
        insert_schema18_rows(db, schema18_rows(col.models, col.decks, col.dconf, col.conf, col.tags,
                                               source_name, diagnostics));
    }
    insert_notes(db, content.notes, content.note_text);
    release(content.notes);
    insert_cards(db, content.cards);
    release(content.cards);
    insert_revlog(db, content.revlog);
    release(content.revlog);
    db.exec(kSchema11Indexes);
    if (schema == CollectionSchema::v18) db.exec(kSchema18Indexes);
    db.exec("commit");
    return db;
}

PieceReader collection_file_reader(SqliteDb& db) {
    return [&db](std::uint64_t offset, std::span<char> into) {
        db.read_file_bytes(offset, into);
        clear_change_counters(offset, into);
    };
}

std::string collection_file(SqliteDb& db) {
    std::string bytes(static_cast<std::size_t>(db.file_size()), '\0');
    collection_file_reader(db)(0, bytes);
    return bytes;
}

}  // namespace deckport::apkg
