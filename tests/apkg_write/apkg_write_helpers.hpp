// Building collections by hand, writing them with the apkg writer and opening the packages.
#pragma once

#include <sys/wait.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "apkg/apkg_format.hpp"
#include "common/sqlite_db.hpp"
#include "common/zip_archive.hpp"
#include "deckport/format.hpp"
#include "deckport/io.hpp"
#include "deckport/model.hpp"
#include "deckport/notetypes.hpp"
#include "test_support.hpp"

namespace deckport::test {

inline constexpr std::int64_t kTimestamp = 1700000000;  // 2023-11-14T22:13:20Z

inline Note make_note(const NoteType& type, std::vector<Content> fields, std::string deck = "Deck",
                      std::vector<std::string> tags = {}, std::string guid = {}) {
    Note note;
    note.note_type_id = type.id;
    note.fields = std::move(fields);
    note.deck = std::move(deck);
    note.set_tags(std::move(tags));
    note.guid = std::move(guid);
    note.origin = SourceLocation{"deck.md", 1, 1};
    return note;
}

inline Content html(std::string source) {
    return {Markup::html, std::move(source)};
}
inline Content text(std::string source) {
    return {Markup::text, std::move(source)};
}
inline Content markdown(std::string source) {
    return {Markup::markdown, std::move(source)};
}

struct WriteResult {
    std::string bytes;
    std::vector<Diagnostic> diagnostics;
};

inline WriteResult write_apkg(const Collection& collection, FormatOptions options = {},
                              std::int64_t timestamp = kTimestamp) {
    Diagnostics diagnostics;
    WriteContext context{diagnostics, std::move(options), Limits{}, timestamp, "out.apkg"};
    Output output = write_to_memory(*make_apkg_writer(), collection, context);
    WriteResult result;
    if (!output.files.empty()) result.bytes = output.files.front().bytes;
    result.diagnostics = diagnostics.all();
    return result;
}

// The collection database of a package (collection.anki21 when present).
inline SqliteDb open_collection(const std::string& package) {
    ZipReader zip(package, "test.apkg", "TEST");
    auto bytes = zip.read("collection.anki21");
    if (!bytes) bytes = zip.read("collection.anki2");
    return SqliteDb::from_bytes(bytes.value());
}

inline std::int64_t count_rows(SqliteDb& db, const std::string& table) {
    auto query = db.prepare("select count(*) from " + table);
    query.step();
    return query.int64(0);
}

inline std::vector<std::string> column_texts(SqliteDb& db, const std::string& sql) {
    std::vector<std::string> out;
    auto query = db.prepare(sql);
    while (query.step()) out.push_back(query.text(0));
    return out;
}

inline std::vector<std::int64_t> column_integers(SqliteDb& db, const std::string& sql) {
    std::vector<std::int64_t> out;
    auto query = db.prepare(sql);
    while (query.step()) out.push_back(query.int64(0));
    return out;
}

// The apkg format's own `deckport check` (formats/apkg/check.cpp) on a written package: the
// diagnostics, rendered (empty when every invariant holds).
inline std::vector<std::string> deckport_check(const std::string& package_bytes) {
    static const Format format = make_apkg_format();
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, {}, kTimestamp};
    format.reader->check(input_from_memory("out.apkg", package_bytes), context);
    return rendered(diagnostics.all());
}

struct CheckResult {
    int exit_code = -1;
    std::string output;
};

// Runs tests/apkg_write/independent_check.py (Python's zipfile, sqlite3, json) on `package`.
inline CheckResult independent_check(const std::string& package_bytes, const std::string& args) {
    TempDir dir;
    std::filesystem::path package = dir / "package.apkg";
    std::filesystem::path output = dir / "check.txt";
    write_text(package, package_bytes);
    std::string command =
        "python3 '" + (source_dir() / "tests/apkg_write/independent_check.py").string() + "' '" +
        package.string() + "' " + args + " > '" + output.string() + "' 2>&1";
    int status = std::system(command.c_str());
    CheckResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.output = read_text(output);
    return result;
}

}  // namespace deckport::test
