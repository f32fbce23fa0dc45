// The container: which variant a file is and where its collection is. The `meta` member
// decides, as in Anki; the placeholder `collection.anki2` of newer packages is never read.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/temp_file.hpp"
#include "common/zip_archive.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/io.hpp"

namespace deckport::apkg {

enum class PackageKind {
    bare_collection,  // an .anki2/.anki21 SQLite file, not a zip
    legacy1,          // collection.anki2, JSON media map
    legacy2,          // collection.anki21 (+ placeholder collection.anki2), JSON media map
    latest,           // meta = 3, zstd collection.anki21b (schema 18), zstd protobuf media map
};

const char* package_kind_name(PackageKind kind);

struct Package {
    PackageKind kind = PackageKind::bare_collection;
    std::string collection_member;  // empty for a bare collection
    std::string_view bare;          // a bare collection: the input's bytes
    std::string member_bytes;       // a package: the collection member (zstd-decoded for latest)
    // The collection member of a legacy package, inflated into a temporary file instead of
    // member_bytes when one could be made, and its first 100 bytes (the SQLite header).
    std::unique_ptr<TempFile> collection_file;
    std::string collection_head;
    std::unique_ptr<ZipReader> zip;  // null for a bare collection; its budget counts zstd too
    Limits limits;                   // what the package was opened with

    // The SQLite file's bytes, when they are in memory (not in collection_file).
    std::string_view collection() const {
        return kind == PackageKind::bare_collection ? bare : std::string_view(member_bytes);
    }
};

// True when the bytes look like a zip archive (local header or empty archive).
bool looks_like_zip(std::string_view bytes);

// Opens `input` (its bytes must outlive the package). Throws InputError: APKG001 neither a zip
// nor an SQLite file, APKG002/APKG003 from the zip, APKG004 no collection member, APKG007
// unknown package version, APKG008 bad zstd, APKG009 damaged meta.
Package open_package(const Input& input, const Limits& limits);

// Decodes a zstd member of a latest package within what is left of the zip's budget.
std::string decode_zstd(Package& package, std::string_view compressed, const SourceLocation& at);

// `member!what`, or `what` alone for a bare collection: the locator of diagnostics.
std::string locate(const std::string& member, std::string_view what);

}  // namespace deckport::apkg
