#include "apkg/collection.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "apkg/unicase.hpp"
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

// The columns of schema 11's tables (rslib/src/storage/schema11.sql), by table.
const std::vector<std::pair<const char*, std::set<std::string>>>& schema11_columns() {
    static const std::vector<std::pair<const char*, std::set<std::string>>> tables = {
        {"col",
         {"id", "crt", "mod", "scm", "ver", "dty", "usn", "ls", "conf", "models", "decks", "dconf",
          "tags"}},
        {"notes",
         {"id", "guid", "mid", "mod", "usn", "tags", "flds", "sfld", "csum", "flags", "data"}},
        {"cards",
         {"id", "nid", "did", "ord", "mod", "usn", "type", "queue", "due", "ivl", "factor", "reps",
          "lapses", "left", "odue", "odid", "flags", "data"}},
    };
    return tables;
}

std::set<std::string> columns_of(SqliteDb& db, const char* table) {
    std::set<std::string> columns;
    SqliteStatement info = db.prepare(std::string("PRAGMA table_info(") + table + ")");
    while (info.step()) columns.insert(info.text(1));
    return columns;
}

// True when col, notes and cards have exactly schema 11's columns (order aside): what
// third-party writers that leave `ver` at 0 produce. Anki 2.0's pre-release schema (ver 1: a
// `did` column in notes) and anything else do not.
bool has_schema11_shape(SqliteDb& db) {
    return std::all_of(schema11_columns().begin(), schema11_columns().end(),
                       [&](const auto& t) { return columns_of(db, t.first) == t.second; });
}

void check_version(std::int64_t ver, SqliteDb& db, const SourceLocation& at,
                   Diagnostics& diagnostics) {
    if (ver < kOldestVersion && has_schema11_shape(db)) {
        diagnostics.warning("APKG015", at,
                            "collection schema version " + std::to_string(ver) +
                                " is below 11, but the tables have the schema-11 shape; read "
                                "as schema 11 (Anki refuses this file as too old)",
                            "convert it with deckport to give Anki a package it imports");
        return;
    }
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

OpenCollection open_collection(const Package& package, const std::string& display_name,
                               Diagnostics& diagnostics) {
    SourceLocation whole{display_name, 0, 0, package.collection_member};
    const TempFile* file = package.collection_file.get();
    std::string_view bytes = package.collection();
    if (!looks_like_sqlite(file ? std::string_view(package.collection_head) : bytes)) {
        throw InputError("APKG005", whole, "the collection is not an SQLite database");
    }
    try {
        SqliteBounds bounds{package.limits.max_field_bytes,
                            step_budget(file ? file->size() : bytes.size())};
        auto connect = [file, bytes, bounds] {
            SqliteDb db = file ? SqliteDb::read_file(file->path(), bounds)
                               : SqliteDb::over_bytes(bytes, bounds);
            // Schema 18 declares its name columns with Anki's collation; SQLite needs it for
            // every statement that an index on such a column serves (count(*) on notetypes).
            register_unicase_collation(db);
            // Tables are read once, in order: a page is not read twice, and two connections'
            // default caches (2 MiB each) would only add to the peak.
            db.exec("PRAGMA cache_size = -256");
            return db;
        };
        OpenCollection collection{connect(), display_name, package.collection_member, {}, connect};
        std::vector<std::string> hostile = collection.db.hostile_schema(kReadTables);
        if (!hostile.empty()) {
            std::string list;
            for (const std::string& item : hostile) list += (list.empty() ? "" : ", ") + item;
            throw InputError("APKG016", whole,
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
        check_version(collection.header.ver, collection.db, collection.at("col.ver"), diagnostics);
        return collection;
    } catch (const SqliteError& e) {
        throw InputError("APKG005", whole, std::string("damaged collection: ") + e.what());
    }
}

}  // namespace deckport::apkg
