// Writes the rows into an in-memory SQLite database and returns its file image. Deterministic:
// fixed page size, rows in a fixed order, no clock, no randomness.
#include <string>

#include "apkg/package_content.hpp"
#include "apkg/schema11_sql.hpp"
#include "common/sqlite_db.hpp"

namespace deckport::apkg {
namespace {

void insert_collection(SqliteDb& db, const CollectionRow& col) {
    SqliteStatement insert =
        db.prepare("insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)");
    insert.bind(1, col.created).bind(2, col.modified_ms).bind(3, col.modified_ms);
    insert.bind_text(4, col.conf).bind_text(5, col.models).bind_text(6, col.decks);
    insert.bind_text(7, col.dconf).bind_text(8, col.tags);
    insert.run();
}

void insert_notes(SqliteDb& db, const std::vector<NoteRow>& notes) {
    SqliteStatement insert =
        db.prepare("insert into notes values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const NoteRow& note : notes) {
        insert.bind(1, note.id).bind_text(2, note.guid).bind(3, note.note_type_id);
        insert.bind(4, note.modified).bind(5, note.usn).bind_text(6, note.tags);
        insert.bind_text(7, note.fields).bind_text(8, note.sort_field);
        insert.bind(9, note.checksum).bind(10, note.flags).bind_text(11, note.data);
        insert.run();
    }
}

void insert_cards(SqliteDb& db, const std::vector<CardRow>& cards) {
    SqliteStatement insert = db.prepare(
        "insert into cards values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const CardRow& card : cards) {
        insert.bind(1, card.id).bind(2, card.note_id).bind(3, card.deck_id).bind(4, card.ord);
        insert.bind(5, card.modified).bind(6, card.usn).bind(7, card.type).bind(8, card.queue);
        insert.bind(9, card.due).bind(10, card.interval).bind(11, card.factor);
        insert.bind(12, card.reps).bind(13, card.lapses).bind(14, card.left);
        insert.bind(15, card.original_due).bind(16, card.original_deck_id).bind(17, card.flags);
        insert.bind_text(18, card.data);
        insert.run();
    }
}

void insert_revlog(SqliteDb& db, const std::vector<RevlogRow>& revlog) {
    SqliteStatement insert = db.prepare("insert into revlog values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const RevlogRow& entry : revlog) {
        insert.bind(1, entry.id).bind(2, entry.card_id).bind(3, entry.usn).bind(4, entry.ease);
        insert.bind(5, entry.interval).bind(6, entry.last_interval).bind(7, entry.factor);
        insert.bind(8, entry.time).bind(9, entry.type);
        insert.run();
    }
}

}  // namespace

std::string build_collection_database(const PackageContent& content, int page_size) {
    SqliteDb db;
    db.exec("pragma page_size = " + std::to_string(page_size));
    db.exec("pragma journal_mode = off");
    db.exec(kSchema11Tables);
    db.exec("begin");
    insert_collection(db, content.collection);
    insert_notes(db, content.notes);
    insert_cards(db, content.cards);
    insert_revlog(db, content.revlog);
    db.exec(kSchema11Indexes);
    db.exec("commit");
    return db.serialize();
}

}  // namespace deckport::apkg
