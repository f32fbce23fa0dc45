// A small JSON-based format for tests of check, diff and roundtrip: it carries what its
// capabilities say, and can be told to behave like a real format (group notes by deck, add a
// root deck, flatten note types, rename media, set usn) or to misbehave (drop tags, change a
// field, never settle), so that the engines can be tested without depending on the real formats.
#pragma once

#include <algorithm>
#include <memory>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "deckport/identity.hpp"

namespace deckport::test {

enum class FakeFlaw {
    none,
    drop_tags,       // writes no tags (a loss by design when capabilities.tags is false)
    change_field,    // writes "date" for "data" in every field: a real defect
    unstable,        // every write differs from the one before (not a fixpoint)
    html_fields,     // writes markdown fields as the HTML they render to (bold/italic only)
    flatten_types,   // writes every note as Basic: the first field, then the others joined
                     // (markdown and Quizlet before note types); templates become Basic's
    group_by_deck,   // writes notes grouped by deck, with ids derived from the GUIDs (Mochi)
    root_deck,       // puts every deck under "Root" (CrowdAnki without a common parent)
    flat_media,      // stores media under flat names (`/` -> `_`) and rewrites references
    reset_usn,       // sets every card's `usn` to -1 (Anki packages)
    reset_interval,  // sets every card's `ivl` to 0: a real defect
};

class FakeWriter : public Writer {
  public:
    explicit FakeWriter(std::set<FakeFlaw> flaws) : flaws_(std::move(flaws)) {}
    void write(const Collection& c, OutputSink& sink, WriteContext&) const override {
        nlohmann::ordered_json out;
        out["generation"] =
            c.extras.json().value("generation", 0) + (has(FakeFlaw::unstable) ? 1 : 0);
        out["note_types"] = nlohmann::ordered_json::array();
        for (const NoteType& type : c.note_types) {
            if (has(FakeFlaw::flatten_types)) continue;
            nlohmann::ordered_json templates = nlohmann::ordered_json::array();
            for (const CardTemplate& t : type.templates) {
                templates.push_back({{"name", t.name}, {"front", t.front}, {"back", t.back}});
            }
            out["note_types"].push_back({{"name", type.name},
                                         {"cloze", type.kind == NoteTypeKind::cloze},
                                         {"fields", type.fields},
                                         {"templates", templates},
                                         {"css", type.css}});
        }
        if (has(FakeFlaw::flatten_types)) {
            out["note_types"].push_back({{"name", "Basic"},
                                         {"cloze", false},
                                         {"fields", {"Front", "Back"}},
                                         {"templates", nlohmann::ordered_json::array()},
                                         {"css", ""}});
        }
        std::vector<const Note*> notes;
        for (const Note& note : c.notes) notes.push_back(&note);
        if (has(FakeFlaw::group_by_deck)) {
            std::stable_sort(notes.begin(), notes.end(),
                             [](const Note* a, const Note* b) { return a->deck < b->deck; });
        }
        out["notes"] = nlohmann::ordered_json::array();
        for (const Note* note : notes) out["notes"].push_back(note_json(c, *note));
        std::vector<const MediaFile*> media;
        for (const MediaFile& file : c.media) media.push_back(&file);
        out["media"] = nlohmann::ordered_json::array();
        for (const MediaFile* file : media) {
            out["media"].push_back({{"name", media_name(file->name)}, {"data", file->bytes()}});
        }
        sink.write(out.dump(1) + "\n");
    }

  private:
    nlohmann::ordered_json note_json(const Collection& c, const Note& note) const {
        std::vector<Content> written_fields = note.fields;
        if (has(FakeFlaw::flatten_types) && written_fields.size() > 2) {
            for (std::size_t i = 2; i < written_fields.size(); ++i) {
                written_fields[1].source += "\n\n" + written_fields[i].source;
            }
            written_fields.resize(2);
        }
        nlohmann::ordered_json fields = nlohmann::ordered_json::array();
        for (const Content& field : written_fields) {
            Content written = field;
            if (has(FakeFlaw::change_field)) replace_all(written.source, "data", "date");
            if (has(FakeFlaw::html_fields) && field.kind == Markup::markdown) {
                written = {Markup::html, bold_to_html(field.source)};
            }
            if (has(FakeFlaw::flat_media)) {
                for (const MediaFile& file : c.media) {
                    replace_all(written.source, file.name, media_name(file.name));
                }
            }
            fields.push_back({{"markup", markup_name(written.kind)}, {"source", written.source}});
        }
        const NoteType* type = c.find_note_type(note.note_type_id);
        std::string guid = note.guid;
        // Like Mochi, an id that is already one of ours is kept.
        if (has(FakeFlaw::group_by_deck) && !guid.starts_with("id")) {
            guid = "id" + std::to_string(derive_id("fake", note.guid));
        }
        std::string deck = note.deck;
        if (has(FakeFlaw::root_deck) && !deck.starts_with("Root::")) deck = "Root::" + deck;
        nlohmann::ordered_json cards = nlohmann::ordered_json::array();
        for (const Card& card : note.cards) {
            nlohmann::json scheduling = card.scheduling.json();
            if (has(FakeFlaw::reset_usn) && scheduling.contains("usn")) scheduling["usn"] = -1;
            if (has(FakeFlaw::reset_interval) && scheduling.contains("ivl")) {
                scheduling["ivl"] = 0;
            }
            cards.push_back({{"ord", card.ord},
                             {"deck", has(FakeFlaw::root_deck) && !card.deck.starts_with("Root::")
                                          ? "Root::" + card.deck
                                          : card.deck},
                             {"scheduling", scheduling}});
        }
        return {{"guid", guid},
                {"type", has(FakeFlaw::flatten_types) ? "Basic" : type ? type->name : ""},
                {"deck", deck},
                {"tags", has(FakeFlaw::drop_tags) ? std::vector<std::string>{} : note.tags},
                {"fields", fields},
                {"cards", cards}};
    }

    std::string media_name(std::string name) const {
        if (has(FakeFlaw::flat_media)) std::replace(name.begin(), name.end(), '/', '_');
        return name;
    }
    static void replace_all(std::string& text, const std::string& from, const std::string& to) {
        for (std::size_t at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size())) {
            text.replace(at, from.size(), to);
        }
    }
    // Enough HTML for the tests: `**x**` -> `<strong>x</strong>`.
    static std::string bold_to_html(std::string text) {
        bool open = true;
        for (std::size_t at = text.find("**"); at != std::string::npos; at = text.find("**")) {
            text.replace(at, 2, open ? "<strong>" : "</strong>");
            open = !open;
        }
        return text;
    }
    bool has(FakeFlaw flaw) const { return flaws_.contains(flaw); }
    std::set<FakeFlaw> flaws_;
};

class FakeReader : public Reader {
  public:
    int probe(const Input& input) const override { return input.bytes.starts_with("{") ? 50 : 0; }
    Collection read(const Input& input, ReadContext&) const override {
        nlohmann::json in;
        try {
            in = nlohmann::json::parse(input.bytes);
        } catch (const nlohmann::json::exception& e) {
            throw InputError("FAKE001", SourceLocation{input.display_name}, e.what());
        }
        Collection c;
        c.extras.json()["generation"] = in.value("generation", 0);
        for (const auto& t : in["note_types"]) {
            NoteType type;
            type.name = t["name"];
            type.kind = t["cloze"].get<bool>() ? NoteTypeKind::cloze : NoteTypeKind::standard;
            type.fields = t["fields"].get<std::vector<std::string>>();
            for (const auto& tmpl : t.value("templates", nlohmann::json::array())) {
                type.templates.push_back({tmpl["name"], tmpl["front"], tmpl["back"], {}});
            }
            type.css = t.value("css", "");
            type.id = derive_id("notetype", type.name);
            c.note_types.push_back(type);
        }
        int line = 0;
        for (const auto& n : in["notes"]) {
            Note note;
            note.guid = n["guid"];
            note.deck = n["deck"];
            note.tags = n["tags"].get<std::vector<std::string>>();
            const NoteType* type = c.find_note_type(n["type"].get<std::string>());
            note.note_type_id = type ? type->id : 0;
            for (const auto& f : n["fields"]) {
                note.fields.push_back({*markup_from_name(f["markup"].get<std::string>()),
                                       f["source"].get<std::string>()});
            }
            for (const auto& card : n.value("cards", nlohmann::json::array())) {
                Card read;
                read.ord = card["ord"];
                read.deck = card["deck"];
                read.scheduling.json() = card["scheduling"];
                note.cards.push_back(std::move(read));
            }
            note.origin = SourceLocation{input.display_name, ++line, 1};
            c.notes.push_back(std::move(note));
        }
        for (const auto& m : in["media"]) {
            MediaFile file;
            file.name = m["name"];
            file.data = m["data"].get<std::string>();
            c.media.push_back(std::move(file));
        }
        return c;
    }
};

inline Format make_fake_format(std::string name, Capabilities carries, std::set<FakeFlaw> flaws,
                               Normalisations normalises = {}) {
    FormatInfo info;
    info.name = std::move(name);
    info.extensions = {"." + info.name};
    info.description = "test format";
    info.capabilities = carries;
    info.normalises = std::move(normalises);
    return Format{info, std::make_unique<FakeReader>(), std::make_unique<FakeWriter>(flaws)};
}

inline Format make_fake_format(std::string name, Capabilities carries,
                               FakeFlaw flaw = FakeFlaw::none, Normalisations normalises = {}) {
    return make_fake_format(std::move(name), carries, std::set<FakeFlaw>{flaw},
                            std::move(normalises));
}

inline Capabilities carries_everything() {
    return {.note_types = true,
            .deck_tree = true,
            .tags = true,
            .guids = true,
            .media = true,
            .scheduling = true,
            .formatting = true,
            .cloze = true,
            .multiple_decks = true,
            .media_files = true};
}

}  // namespace deckport::test
