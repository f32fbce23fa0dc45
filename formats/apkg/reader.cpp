// The apkg reader: package -> collection database -> note types, decks, notes, cards, media.
#include <nlohmann/json.hpp>

#include "apkg/apkg_format.hpp"
#include "apkg/check.hpp"
#include "apkg/collection.hpp"
#include "apkg/mapping.hpp"
#include "apkg/media.hpp"
#include "apkg/notes.hpp"
#include "apkg/package.hpp"
#include "apkg/schema.hpp"
#include "deckport/error.hpp"

namespace deckport {
namespace {

using namespace apkg;

// Anki stores col.mod in milliseconds; very old files may hold seconds.
std::int64_t to_seconds(std::int64_t time) {
    return time > 100'000'000'000 ? time / 1000 : time;
}

class ApkgReader final : public Reader {
  public:
    int probe(const Input& input) const override {
        if (looks_like_sqlite(input.bytes)) return 90;
        if (!looks_like_zip(input.bytes)) return 0;
        // Names only: whatever the archive holds, the read applies the limits.
        return zip_names_any(input.bytes, {"meta", "collection.anki2", "collection.anki21",
                                           "collection.anki21b"})
                   ? 100
                   : 0;
    }

    Collection read(const Input& input, ReadContext& context) const override {
        Diagnostics& diagnostics = context.diagnostics;
        Package package = open_package(input, context.limits);
        OpenCollection db = open_collection(package, input.display_name, diagnostics);
        SchemaObjects objects = read_schema_objects(db, context.limits, diagnostics);

        Collection out;
        out.note_types = map_note_types(
            objects.models, objects.models_from_col ? "col.models" : "notetypes", db, diagnostics);
        out.decks = map_decks(objects.decks, objects.decks_from_col ? "col.decks" : "decks", db,
                              diagnostics);
        read_notes(db, out, diagnostics);

        std::vector<MediaEntry> media =
            read_media_map(package, input.display_name, context.limits, diagnostics);
        load_media(package, media, input.display_name, context.limits, out, diagnostics);

        out.meta.created = db.header.crt;
        out.meta.modified = to_seconds(db.header.mod);
        // Top-level keys, as the apkg writer reads them back (apkg -> apkg keeps them).
        out.extras.json()["package"] = package_kind_name(package.kind);
        out.extras.json()["crt"] = db.header.crt;
        out.extras.json()["col"] = nlohmann::json{{"crt", db.header.crt},
                                                  {"mod", db.header.mod},
                                                  {"scm", db.header.scm},
                                                  {"ver", db.header.ver}};
        out.extras.json()["conf"] = std::move(objects.conf);
        out.extras.json()["tags"] = std::move(objects.tags);
        out.extras.json()["dconf"] = std::move(objects.dconf);
        out.extras.json()["revlog"] = read_revlog(db);
        return out;
    }

    void check(const Input& input, ReadContext& context) const override {
        check_package(input, context);
    }
};

}  // namespace

std::unique_ptr<Reader> make_apkg_reader() {
    return std::make_unique<ApkgReader>();
}

}  // namespace deckport
