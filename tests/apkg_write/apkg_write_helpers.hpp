// Building collections by hand, writing them with the apkg writer and opening the packages.
#pragma once

#include <sys/wait.h>
#include <zstd.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "apkg/apkg_format.hpp"
#include "apkg/unicase.hpp"
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
                              std::int64_t timestamp = kTimestamp,
                              std::string output_name = "out.apkg") {
    Diagnostics diagnostics;
    WriteContext context{diagnostics, std::move(options), Limits{}, timestamp,
                         std::move(output_name)};
    Output output = write_to_memory(*make_apkg_writer(), collection, context);
    WriteResult result;
    if (!output.files.empty()) result.bytes = output.files.front().bytes;
    result.diagnostics = diagnostics.all();
    return result;
}

// The collection database of a package (collection.anki21 when present). Latest packages need
// zstd and the unicase collation: latest_test.cpp opens those.
inline SqliteDb open_collection(const std::string& package) {
    ZipReader zip(package, "test.apkg", "TEST");
    auto bytes = zip.read("collection.anki21");
    if (!bytes) bytes = zip.read("collection.anki2");
    return SqliteDb::from_bytes(bytes.value());
}

// A zstd member decoded with libzstd directly, not with deckport's reader.
inline std::string unzstd(const std::string& bytes) {
    std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(), &ZSTD_freeDCtx);
    std::string output, chunk(ZSTD_DStreamOutSize(), '\0');
    ZSTD_inBuffer in{bytes.data(), bytes.size(), 0};
    std::size_t hint = 1;
    while (in.pos < in.size || hint != 0) {
        ZSTD_outBuffer out{chunk.data(), chunk.size(), 0};
        hint = ZSTD_decompressStream(context.get(), &out, &in);
        if (ZSTD_isError(hint) || (in.pos == in.size && hint != 0 && out.pos == 0)) {
            ADD_FAILURE() << "not a complete zstd frame";
            break;
        }
        output.append(chunk.data(), out.pos);
    }
    return output;
}

// The collection.anki21b of a latest package, opened with Anki's collation.
inline SqliteDb open_latest_collection(const std::string& package) {
    ZipReader zip(package, "out.apkg", "TEST");
    SqliteDb db = SqliteDb::from_bytes(unzstd(zip.read("collection.anki21b").value()));
    apkg::register_unicase_collation(db);
    return db;
}

struct ReadBack {
    Collection collection;
    std::vector<Diagnostic> diagnostics;
};

// The package read back by deckport's own apkg reader, as `deckport convert` reads it.
inline ReadBack read_back(const std::string& package, const std::string& name = "out.apkg") {
    static const Format format = make_apkg_format();
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, {}, kTimestamp};
    ReadBack result;
    result.collection = read_collection(format, input_from_memory(name, package), context);
    result.diagnostics = diagnostics.all();
    return result;
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

// The placeholder collection.anki2 of a legacy2 or latest package: its page size and the sort
// field of its notes (Anki's one note asking to update).
struct Placeholder {
    std::int64_t page_size = 0, ver = 0;
    std::vector<std::string> notes;
};
inline Placeholder placeholder_of(const std::string& package) {
    ZipReader zip(package, "test.apkg", "TEST");
    SqliteDb db = SqliteDb::from_bytes(zip.read("collection.anki2").value());
    return {column_integers(db, "pragma page_size").at(0),
            column_integers(db, "select ver from col").at(0),
            column_texts(db, "select sfld from notes")};
}
inline const std::vector<std::string> kPlaceholderNotes = {
    "Please update to the latest Anki version, then import the .colpkg/.apkg file again."};

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
