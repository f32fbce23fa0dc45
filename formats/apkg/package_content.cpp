// Turns a Collection into the rows and files of an Anki package, in the collection's order.
#include "apkg/package_content.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_set>

#include "apkg/cards.hpp"
#include "apkg/collection_json.hpp"
#include "apkg/deck_table.hpp"
#include "apkg/media_packaging.hpp"
#include "apkg/note_rows.hpp"
#include "apkg/note_type_table.hpp"
#include "apkg/revlog.hpp"
#include "apkg/unique_ids.hpp"
#include "deckport/identity.hpp"
#include "deckport/parallel.hpp"

namespace deckport::apkg {
namespace {

using json = nlohmann::json;

const json& extra(const json& extras, const char* key) {
    static const json kNull;
    if (!extras.is_object()) return kNull;
    auto it = extras.find(key);
    return it == extras.end() ? kNull : *it;
}

std::int64_t positive_integer(const json& value, std::int64_t fallback) {
    return value.is_number_integer() && value.get<std::int64_t>() > 0 ? value.get<std::int64_t>()
                                                                      : fallback;
}

// What the apkg reader keeps of an Anki input: Collection::extras["apkg"] (conf, dconf, tags,
// revlog, col {crt, ...}); a collection built otherwise may hold the same keys at the top.
const json& anki_extras(const Collection& collection) {
    const json& nested = extra(collection.extras.json(), "apkg");
    return nested.is_object() ? nested : collection.extras.json();
}

SourceLocation note_origin(const Note& note) {
    if (!note.origin.file.empty() || !note.origin.locator.empty()) return note.origin;
    return SourceLocation{{}, 0, 0, "notes[guid=" + note.guid + "]"};
}

// Deck options groups: those of an Anki input (Collection::extras["dconf"]) and always id 1.
json deck_configs(const Collection& collection, std::set<std::int64_t>& ids) {
    json configs = json::object();
    const json& source = extra(anki_extras(collection), "dconf");
    if (source.is_object()) {
        for (const auto& [key, value] : source.items()) {
            std::int64_t id = 0;
            try {
                std::size_t used = 0;
                id = std::stoll(key, &used);
                if (used != key.size()) id = 0;
            } catch (const std::exception&) {
                id = 0;
            }
            if (id <= 0 || !value.is_object()) continue;
            configs[std::to_string(id)] = deck_config_json(id, value);
            ids.insert(id);
        }
    }
    if (!ids.count(1)) {
        configs["1"] = deck_config_json(1, json());
        ids.insert(1);
    }
    return configs;
}

void collect_tags(const std::string& column, std::set<std::string>& tags) {
    std::size_t start = 0;
    while (start < column.size()) {
        std::size_t end = column.find(' ', start);
        if (end == std::string::npos) end = column.size();
        if (end > start) tags.insert(column.substr(start, end - start));
        start = end + 1;
    }
}

}  // namespace

PackageContent build_package_content(const Collection& collection, WriteContext& context) {
    PackageContent content;
    const std::int64_t now = context.timestamp;
    NoteTypeTable note_types(collection, context);
    std::set<std::int64_t> config_ids;
    json configs = deck_configs(collection, config_ids);
    DeckTable decks(collection, config_ids);
    // Shared with note_text, which looks up the names the files were packaged under.
    auto packager = std::make_shared<MediaPackager>(collection);
    MediaPackager& media = *packager;
    UniqueIds note_ids;
    UniqueIds card_ids;
    std::unordered_map<std::int64_t, std::int64_t> written_card_id;
    CardBuilder cards{decks, card_ids, written_card_id};
    std::unordered_set<std::string> guids;
    std::set<std::string> tags;

    // Sized up front: growing tables of 100,000 rows rehash and copy several times.
    content.notes.reserve(collection.notes.size());
    content.cards.reserve(card_rows_hint(collection));
    guids.reserve(collection.notes.size());
    note_ids.reserve(collection.notes.size());
    card_ids.reserve(collection.notes.size());
    // Fields become HTML on every core, a slice of notes at a time (the next slice while this one
    // is turned into rows; memory holds two slices' HTML); everything that reports, counts or
    // takes ids runs in the notes' order.
    constexpr std::size_t kSliceSize = 2048;
    // Rows keep their text up to this much of it (NoteRow::text); the rest is made again as the
    // rows are inserted.
    constexpr std::size_t kKeptTextBytes = std::size_t{2} << 20;
    std::size_t kept_text_bytes = 0;
    SlicePipeline<std::vector<std::string>> field_htmls(
        collection.notes.size(), kSliceSize,
        [&](std::size_t i) { return field_html(collection.notes[i]); });
    for (std::size_t i = 0; i < collection.notes.size(); ++i) {
        const std::vector<std::string>& html = field_htmls.at(i);  // for the row and the cards
        const Note& note = collection.notes[i];
        SourceLocation origin = note_origin(note);
        ExportedNoteType* exported = note_types.for_note(note, origin, context);
        if (!exported) continue;
        const NoteType& note_type = exported->note_type;
        NoteRow row;
        row.guid = note.guid;
        if (row.guid.empty()) {
            row.guid = derive_guid(note.deck, note_type.name,
                                   note.fields.empty() ? std::string{} : note.fields[0].source);
        }
        if (!guids.insert(row.guid).second) {
            context.diagnostics.error("APKG215", origin,
                                      "another note has the same GUID '" + row.guid +
                                          "'; Anki would import only one of them");
            continue;
        }
        const json extras = note.extras.parsed();  // no tree left behind per note
        row.id = note_ids.take(positive_integer(extra(extras, "id"), derive_id("note", row.guid)));
        row.note_type_id = note_type.id;
        row.modified = note.modified > 0 ? note.modified : now;
        row.tags = tags_column(note.tags, origin, context);
        collect_tags(row.tags, tags);
        // Sync bookkeeping, kept as it is (every importer sets its own); Anki reads an i32.
        if (const json& usn = extra(extras, "usn"); usn.is_number_integer() &&
                                                    usn.get<std::int64_t>() >= INT32_MIN &&
                                                    usn.get<std::int64_t>() <= INT32_MAX) {
            row.usn = usn.get<std::int64_t>();
        }
        if (const json& flags = extra(extras, "flags"); flags.is_number_integer()) {
            row.flags = flags.get<std::int64_t>();
        }
        if (const json& data = extra(extras, "data"); data.is_string()) {
            row.data = data.get<std::string>();
        }
        std::vector<std::string> fields =
            package_field_media(note, html, note_type, origin, media, context);
        if (kept_text_bytes < kKeptTextBytes) {
            row.text = std::make_unique<NoteText>(
                note_text_from_fields(std::move(fields), note_type.sort_field, media));
            kept_text_bytes += row.text->fields.size() + row.text->sort_field.size();
        }
        row.note = i;
        row.field_count = static_cast<int>(note_type.fields.size());
        row.sort_field = note_type.sort_field;
        if (exported->deck_id == 0) exported->deck_id = decks.id_for(note.deck);
        cards.add_cards(note, html, note_type, row, origin, context, content.cards);
        content.notes.push_back(std::move(row));
    }
    media.add_unreferenced(context);
    content.media = media.members();
    content.note_text = [&collection, packager](const NoteRow& row) {
        return note_text(collection.notes[row.note], row.field_count, row.sort_field, *packager);
    };
    content.revlog = revlog_rows(extra(anki_extras(collection), "revlog"),
                                 collection.meta.source_name, written_card_id, context);

    CollectionRow& col = content.collection;
    const json& anki = anki_extras(collection);
    json crt = extra(anki, "crt");
    if (crt.is_null()) crt = extra(extra(anki, "col"), "crt");
    col.created =
        positive_integer(crt, collection.meta.created > 0 ? collection.meta.created : now);
    col.modified_ms = now * 1000;
    json conf =
        collection_conf_json(extra(anki, "conf"), note_types.first_id(), cards.next_position);
    if (note_types.first_id() == 0) conf.erase("curModel");
    col.conf = std::move(conf);
    col.models = note_types.models_json(now, context);
    col.decks = decks.decks_json(now, context);
    col.dconf = std::move(configs);
    col.tags = json::object();
    for (const std::string& tag : tags) col.tags[tag] = 0;
    return content;
}

}  // namespace deckport::apkg
