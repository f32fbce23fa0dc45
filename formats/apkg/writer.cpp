// The apkg writer: a zip holding a schema-11 collection, the media map and the media files.
//   legacy  (default): collection.anki2, media, 0..n-1 — read by every Anki client since 2.0.
//   legacy2: meta (version 2), collection.anki21, a placeholder collection.anki2 for clients
//            older than 2.1, media, 0..n-1 — what Anki 2.1.50+ writes for "older versions".
#include <memory>
#include <string>

#include "apkg/apkg_format.hpp"
#include "apkg/package_content.hpp"
#include "common/zip_archive.hpp"
#include "deckport/error.hpp"
#include "deckport/notetypes.hpp"

namespace deckport {
namespace {

using apkg::PackageContent;

constexpr int kPageSize = 4096;
// Anki's placeholder collection is small: a 512-byte page size keeps it at a few kilobytes.
constexpr int kPlaceholderPageSize = 512;
constexpr const char* kPlaceholderText =
    "Please update to the latest Anki version, then import the .colpkg/.apkg file again.";
// PackageMetadata { version: LEGACY_2 } as protobuf: field 1, varint 2.
constexpr std::string_view kLegacy2Meta = "\x08\x02";

enum class Variant { legacy, legacy2 };

Variant parse_variant(const FormatOptions& options) {
    std::string value = option_value(options, "variant", "legacy");
    if (value == "legacy") return Variant::legacy;
    if (value == "legacy2") return Variant::legacy2;
    throw UsageError("unknown apkg variant '" + value + "'",
                     "use -O variant=legacy (every Anki) or -O variant=legacy2");
}

// The collection.anki2 that Anki puts next to collection.anki21: clients that only know
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
    Diagnostics ignored;
    WriteContext context{ignored, {}, outer.limits, outer.timestamp, "collection.anki2"};
    return apkg::build_collection_database(apkg::build_package_content(collection, context),
                                           kPlaceholderPageSize);
}

class ApkgWriter : public Writer {
  public:
    void write(const Collection& collection, OutputSink& sink,
               WriteContext& context) const override {
        Variant variant = parse_variant(context.options);
        PackageContent content = apkg::build_package_content(collection, context);
        if (context.diagnostics.has_errors()) return;
        std::string database = apkg::build_collection_database(content, kPageSize);

        ZipWriter zip;
        if (variant == Variant::legacy) {
            zip.add("collection.anki2", std::move(database));
        } else {
            zip.add("meta", std::string(kLegacy2Meta), false);
            zip.add("collection.anki21", std::move(database));
            zip.add("collection.anki2", placeholder_collection(context), false);
        }
        zip.add("media", apkg::media_map_json(content.media));
        // Media are stored as they are (images and sound are compressed already), as Anki does.
        for (std::size_t i = 0; i < content.media.size(); ++i) {
            zip.add(std::to_string(i), *content.media[i].bytes, false);
        }
        sink.write(zip.finish());
    }
};

}  // namespace

std::unique_ptr<Writer> make_apkg_writer() {
    return std::make_unique<ApkgWriter>();
}

}  // namespace deckport
