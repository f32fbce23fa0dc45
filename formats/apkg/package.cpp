#include "apkg/package.hpp"

#include <algorithm>

#include "apkg/anki.pb.h"
#include "apkg/zstd_stream.hpp"
#include "common/sqlite_db.hpp"
#include "deckport/error.hpp"

namespace deckport::apkg {
namespace {

constexpr const char* kLegacy1Member = "collection.anki2";
constexpr const char* kLegacy2Member = "collection.anki21";
constexpr const char* kLatestMember = "collection.anki21b";

PackageKind kind_from_meta(const std::string& bytes, const std::string& display_name) {
    SourceLocation at{display_name, 0, 0, "meta"};
    pb::PackageMetadata meta;
    if (!meta.ParseFromString(bytes)) {
        throw InputError("APKG009", at, "the `meta` member is not a valid package description");
    }
    switch (meta.version()) {
        case 1:
            return PackageKind::legacy1;
        case 2:
            return PackageKind::legacy2;
        case 3:
            return PackageKind::latest;
        default:
            break;
    }
    throw InputError("APKG007", at,
                     "package version " + std::to_string(meta.version()) +
                         " is newer than deckport knows (1 to 3)",
                     "export it again from Anki with \"Support older Anki versions\" ticked");
}

// Inflates the collection member of a legacy package into a temporary file when one can be made
// (SQLite then reads the pages it needs from there: the collection is never whole in memory),
// else into member_bytes. A WAL-mode header (bytes 18 and 19 = 2) becomes rollback mode (1), as
// SqliteDb::from_bytes does for a copy: there is no WAL file. False when there is no member.
bool spool_collection(Package& package, ZipReader& zip) {
    std::unique_ptr<TempFile> file = TempFile::create("collection");
    std::uint64_t offset = 0;
    auto write = [&](std::string_view piece) {
        offset += piece.size();
        if (package.collection_head.size() < 100)
            package.collection_head.append(piece.substr(0, 100 - package.collection_head.size()));
        if (file && !file->append(piece)) {  // the disk is full: go on in memory
            package.member_bytes = file->contents();
            file.reset();
        }
        if (!file) package.member_bytes.append(piece);
    };
    bool found = zip.read_to(package.collection_member, [&](std::string_view piece) {
        constexpr std::uint64_t kHeaderEnd = 20;  // the journal-mode bytes are 18 and 19
        if (offset < kHeaderEnd) {
            std::string head(piece.substr(0, static_cast<std::size_t>(kHeaderEnd - offset)));
            for (std::uint64_t at : {18, 19}) {
                if (at >= offset && at - offset < head.size() && head[at - offset] == 2)
                    head[at - offset] = 1;
            }
            write(head);
            piece.remove_prefix(head.size());
        }
        if (!piece.empty()) write(piece);
    });
    package.collection_file = std::move(file);
    return found;
}

}  // namespace

const char* package_kind_name(PackageKind kind) {
    switch (kind) {
        case PackageKind::bare_collection:
            return "collection";
        case PackageKind::legacy1:
            return "legacy1";
        case PackageKind::legacy2:
            return "legacy2";
        case PackageKind::latest:
            return "latest";
    }
    return "collection";
}

bool looks_like_zip(std::string_view bytes) {
    return bytes.size() >= 4 && (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
                                 bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4));
}

std::string decode_zstd(Package& package, std::string_view compressed, const SourceLocation& at) {
    return zstd_decompress(compressed, package.zip->budget(), at);
}

std::string locate(const std::string& member, std::string_view what) {
    return member.empty() ? std::string(what) : member + "!" + std::string(what);
}

Package open_package(const Input& input, const Limits& limits) {
    Package package;
    if (input.bytes.empty()) {
        throw InputError("APKG001", SourceLocation{input.display_name},
                         "the file is empty: not an Anki package");
    }
    package.limits = limits;
    if (looks_like_sqlite(input.bytes)) {
        package.kind = PackageKind::bare_collection;
        package.bare = input.bytes;
        return package;
    }
    if (!looks_like_zip(input.bytes)) {
        throw InputError("APKG001", SourceLocation{input.display_name},
                         "not an Anki package: neither a zip archive nor an SQLite collection");
    }
    package.zip = std::make_unique<ZipReader>(input.bytes, input.display_name, "APKG", limits);
    ZipReader& zip = *package.zip;
    if (auto meta = zip.read("meta")) {
        package.kind = kind_from_meta(*meta, input.display_name);
    } else {
        package.kind = zip.contains(kLegacy2Member) ? PackageKind::legacy2 : PackageKind::legacy1;
    }
    package.collection_member = package.kind == PackageKind::latest    ? kLatestMember
                                : package.kind == PackageKind::legacy2 ? kLegacy2Member
                                                                       : kLegacy1Member;
    auto missing = [&] {
        std::string hint =
            zip.contains(kLatestMember)
                ? "collection.anki21b is only read when `meta` says version 3"
                : "is it an Anki package? it should hold " + package.collection_member;
        return InputError(
            "APKG004", SourceLocation{input.display_name},
            "no collection: the package has no `" + package.collection_member + "` member", hint);
    };
    if (package.kind != PackageKind::latest) {
        if (!spool_collection(package, zip)) throw missing();
        return package;
    }
    std::optional<std::string> member = zip.read(package.collection_member);
    if (!member) throw missing();
    package.member_bytes = decode_zstd(
        package, *member, SourceLocation{input.display_name, 0, 0, package.collection_member});
    return package;
}

}  // namespace deckport::apkg
