#include "apkg/collection.hpp"

#include <vector>

#include "deckport/error.hpp"

namespace deckport::apkg {
namespace {

// Every table a reader may query. A hostile collection could make any of them a view (whose
// SQL would run in deckport) or give it generated columns; triggers have no business there.
const std::vector<std::string> kReadTables = {"col",    "notes",       "cards",  "revlog",
                                              "graves", "notetypes",   "fields", "templates",
                                              "decks",  "deck_config", "config", "tags"};

// Steps SQLite may take for the whole read: generous for real collections (a few dozen per
// row), small enough that hostile SQL in a small file stops within a second.
std::uint64_t step_budget(std::uint64_t database_bytes) {
    return 50'000'000 + 64 * database_bytes;
}

constexpr std::int64_t kOldestVersion = 11;
constexpr std::int64_t kNewestVersion = 18;

void check_version(std::int64_t ver, const SourceLocation& at) {
    if (ver < kOldestVersion) {
        throw InputError("APKG006", at,
                         "collection schema version " + std::to_string(ver) +
                             " is too old; deckport reads version 11 (Anki 2.0) and newer",
                         "open it in Anki 2.1 and export it again");
    }
    // 12 and 13 were never released; Anki refuses them as too new, like anything above 18.
    if (ver > kNewestVersion || ver == 12 || ver == 13) {
        throw InputError("APKG007", at,
                         "collection schema version " + std::to_string(ver) +
                             " is newer than deckport knows (11, 14 to 18)",
                         "export it from Anki with \"Support older Anki versions\" ticked");
    }
}

}  // namespace

SourceLocation OpenCollection::at(std::string_view what) const {
    return SourceLocation{display_name, 0, 0, locate(member, what)};
}

OpenCollection open_collection(const Package& package, const std::string& display_name) {
    SourceLocation whole{display_name, 0, 0, package.collection_member};
    std::string_view bytes = package.collection();
    if (!looks_like_sqlite(bytes)) {
        throw InputError("APKG005", whole, "the collection is not an SQLite database");
    }
    try {
        SqliteBounds bounds{package.limits.max_field_bytes, step_budget(bytes.size())};
        OpenCollection collection{
            SqliteDb::from_bytes(bytes, bounds), display_name, package.collection_member, {}};
        std::vector<std::string> hostile = collection.db.hostile_schema(kReadTables);
        if (!hostile.empty()) {
            std::string list;
            for (const std::string& item : hostile) list += (list.empty() ? "" : ", ") + item;
            throw InputError("APKG015", whole,
                             "the collection's schema could run code while it is read: " + list +
                                 "; it is not read",
                             "Anki never writes views, triggers or generated columns: export "
                             "the deck from Anki again");
        }
        if (!collection.db.has_table("col")) {
            throw InputError("APKG005", whole, "not an Anki collection: it has no `col` table");
        }
        SqliteStatement count = collection.db.prepare("SELECT count(*) FROM col");
        count.step();
        collection.header.rows = count.int64(0);
        SqliteStatement col =
            collection.db.prepare("SELECT crt, mod, scm, ver FROM col ORDER BY id LIMIT 1");
        if (!col.step()) {
            throw InputError("APKG005", collection.at("col"), "the `col` table has no row");
        }
        collection.header.crt = col.int64(0);
        collection.header.mod = col.int64(1);
        collection.header.scm = col.int64(2);
        collection.header.ver = col.int64(3);
        check_version(collection.header.ver, collection.at("col.ver"));
        return collection;
    } catch (const SqliteError& e) {
        throw InputError("APKG005", whole, std::string("damaged collection: ") + e.what());
    }
}

}  // namespace deckport::apkg
