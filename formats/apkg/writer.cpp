// The apkg writer: a zip holding the collection, the media map and the media files.
//   legacy  (default): collection.anki2 (schema 11), media, 0..n-1: read by every Anki client.
//   legacy2: meta (version 2), collection.anki21, a placeholder collection.anki2 for clients
//            older than 2.1, 0..n-1, media: what Anki 2.1.50+ writes for "older versions".
//   latest:  meta (version 3), zstd collection.anki21b (schema 18), the placeholder, zstd
//            0..n-1, zstd protobuf media: what Anki 2.1.50+ writes by default.
// A collection package (.colpkg) has the same members; Anki replaces the whole collection with
// it instead of adding to it. Its default variant is latest, as in Anki's export dialog.
#include <algorithm>
#include <cctype>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "apkg/anki.pb.h"
#include "apkg/apkg_format.hpp"
#include "apkg/package_content.hpp"
#include "apkg/zstd_encode.hpp"
#include "common/zip_archive.hpp"
#include "deckport/error.hpp"
#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"

namespace deckport {
namespace {

using apkg::CollectionSchema;
using apkg::MediaMember;
using apkg::PackageContent;

constexpr int kPageSize = 4096;
// Anki's placeholder collection is small: a 512-byte page size keeps it at a few kilobytes.
constexpr int kPlaceholderPageSize = 512;
constexpr const char* kPlaceholderText =
    "Please update to the latest Anki version, then import the .colpkg/.apkg file again.";
// PackageMetadata { version } as protobuf: field 1, varint 2 (legacy 2) or 3 (latest).
constexpr std::string_view kLegacy2Meta = "\x08\x02";
constexpr std::string_view kLatestMeta = "\x08\x03";

enum class Variant { legacy, legacy2, latest };

bool ends_with_colpkg(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name.size() >= 7 && name.compare(name.size() - 7, 7, ".colpkg") == 0;
}

// -O package=apkg|colpkg; without it, the output's extension decides.
bool collection_package(const WriteContext& context) {
    std::string value = option_value(context.options, "package", "");
    if (value.empty()) return ends_with_colpkg(context.output_name);
    if (value == "apkg") return false;
    if (value == "colpkg") return true;
    throw UsageError("unknown apkg package kind '" + value + "'",
                     "use -O package=apkg (a deck package) or -O package=colpkg (a whole "
                     "collection, which Anki imports in place of the user's)");
}

Variant parse_variant(const FormatOptions& options, bool colpkg) {
    std::string value = option_value(options, "variant", colpkg ? "latest" : "legacy");
    if (value == "legacy") return Variant::legacy;
    if (value == "legacy2") return Variant::legacy2;
    if (value == "latest") return Variant::latest;
    throw UsageError("unknown apkg variant '" + value + "'",
                     "use -O variant=legacy (every Anki), legacy2 (Anki 2.1+) or latest "
                     "(Anki 2.1.55+ for .apkg, 2.1.50+ for .colpkg)");
}

// The collection.anki2 that Anki puts next to newer collections: clients that only know
// collection.anki2 import one note asking the user to update, instead of garbage.
std::string placeholder_collection(const WriteContext& outer) {
    Collection collection;
    NoteType basic = basic_note_type();
    collection.note_types.push_back(basic);
    collection.ensure_deck("Default");
    Note note;
    note.guid = "deckport-placeholder";
    note.note_type_id = basic.id;
    note.fields = {{Markup::html, kPlaceholderText}, {Markup::html, ""}};
    note.deck = "Default";
    collection.notes.push_back(std::move(note));
    // A fixed note of deckport's own: there is nothing to report about it.
    Diagnostics ignored;
    WriteContext context{ignored, {}, outer.limits, outer.timestamp, "collection.anki2"};
    SqliteDb db = apkg::build_collection_database(
        SqliteDb::file_in_memory(), apkg::build_package_content(collection, context),
        CollectionSchema::v11, kPlaceholderPageSize, "collection.anki2", ignored);
    return apkg::collection_file(db);
}

// MediaEntries: entry i names member "i", with the size and SHA-1 of the uncompressed file.
std::string media_entries(const std::vector<MediaMember>& media) {
    apkg::pb::MediaEntries entries;
    for (const MediaMember& member : media) {
        apkg::pb::MediaEntry* entry = entries.add_entries();
        entry->set_name(member.name);
        entry->set_size(static_cast<std::uint32_t>(member.bytes->size()));
        auto digest = sha1(*member.bytes);
        entry->set_sha1(std::string(reinterpret_cast<const char*>(digest.data()), digest.size()));
    }
    return entries.SerializeAsString();
}

// Members in Anki's order (rslib import_export/package/colpkg/export.rs): meta, the collection,
// the placeholder, the media files, the media map last. Everything is stored but the legacy
// collections, which are deflated. The collection is read from its file a megabyte at a time (at
// 100,000 cards the file is 56 MB, which memory never holds whole).
std::string package(Variant variant, const std::vector<MediaMember>& media, SqliteDb& database,
                    const WriteContext& context) {
    ZipWriter zip;
    if (variant == Variant::legacy) {
        zip.add_deflated_from("collection.anki2", database.file_size(),
                              apkg::collection_file_reader(database));
        zip.add("media", apkg::media_map_json(media));
        // Media are stored as they are (images and sound are compressed already), as Anki does.
        for (std::size_t i = 0; i < media.size(); ++i) {
            zip.add(std::to_string(i), *media[i].bytes, false);
        }
        return zip.finish();
    }
    bool latest = variant == Variant::latest;
    zip.add("meta", std::string(latest ? kLatestMeta : kLegacy2Meta), false);
    if (latest) {
        zip.add(
            "collection.anki21b",
            apkg::zstd_compress_from(database.file_size(), apkg::collection_file_reader(database)),
            false);
    } else {
        zip.add_deflated_from("collection.anki21", database.file_size(),
                              apkg::collection_file_reader(database));
    }
    zip.add("collection.anki2", placeholder_collection(context), false);
    for (std::size_t i = 0; i < media.size(); ++i) {
        const std::string& bytes = *media[i].bytes;
        zip.add(std::to_string(i), latest ? apkg::zstd_compress(bytes) : bytes, false);
    }
    zip.add("media",
            latest ? apkg::zstd_compress(media_entries(media)) : apkg::media_map_json(media),
            false);
    return zip.finish();
}

class ApkgWriter : public Writer {
  public:
    void write(const Collection& collection, OutputSink& sink,
               WriteContext& context) const override {
        Variant variant = parse_variant(context.options, collection_package(context));
        PackageContent content = apkg::build_package_content(collection, context);
        if (context.diagnostics.has_errors()) return;
        std::vector<MediaMember> media = std::move(content.media);
        // In a temporary file: the page cache holds it, not this process.
        SqliteDb database = apkg::build_collection_database(
            SqliteDb::temporary_file(), std::move(content),
            variant == Variant::latest ? CollectionSchema::v18 : CollectionSchema::v11, kPageSize,
            collection.meta.source_name, context.diagnostics);
        sink.write(package(variant, media, database, context));
    }
};

}  // namespace

std::unique_ptr<Writer> make_apkg_writer() {
    return std::make_unique<ApkgWriter>();
}

}  // namespace deckport
