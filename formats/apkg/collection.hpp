// The collection inside a package: its SQLite database, opened in memory, after the version
// gate that Anki applies (schema 11 and 14 to 18).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "apkg/package.hpp"
#include "common/sqlite_db.hpp"
#include "deckport/diagnostics.hpp"

namespace deckport::apkg {

// The `col` row's numbers.
struct CollectionHeader {
    std::int64_t crt = 0;   // creation, seconds
    std::int64_t mod = 0;   // modification, milliseconds
    std::int64_t scm = 0;   // schema modification, milliseconds
    std::int64_t ver = 0;   // schema version
    std::int64_t rows = 0;  // how many `col` rows there are (Anki needs exactly one)
};

struct OpenCollection {
    SqliteDb db;
    std::string display_name;  // the input's name
    std::string member;        // the collection member; empty for a bare collection
    CollectionHeader header;
    // A second read-only connection to the same database, with the same defences, for reading
    // one table on another thread (SQLite connections are not shared between threads).
    std::function<SqliteDb()> connect_again;

    // A location inside the collection: `collection.anki2!notes[id=1]`.
    SourceLocation at(std::string_view what) const;
};

// Opens the package's collection where it is, without a copy: the package must outlive it.
// Throws InputError: APKG005 not SQLite, damaged or without a
// `col` table, APKG006 too old (ver < 11, unless col, notes and cards have the schema-11 shape:
// then APKG015 is reported and it is read), APKG007 too new (12, 13 or > 18).
OpenCollection open_collection(const Package& package, const std::string& display_name,
                               Diagnostics& diagnostics);

}  // namespace deckport::apkg
