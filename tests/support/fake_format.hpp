// A small JSON-based format for tests of check, diff and roundtrip: it carries what its
// capabilities say, and can be told to misbehave (drop tags, change a field, never settle),
// so that the engines can be tested without depending on the real formats.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "deckport/identity.hpp"

namespace deckport::test {

enum class FakeFlaw {
    none,
    drop_tags,     // writes no tags (a loss by design when capabilities.tags is false)
    change_field,  // writes "date" for "data" in every field: a real defect
    unstable,      // every write differs from the one before (not a fixpoint)
    html_fields,   // writes markdown fields as the HTML they render to (bold/italic only)
    two_fields,    // keeps two fields, the later ones joined into the second (as Quizlet does)
};

class FakeWriter : public Writer {
  public:
    explicit FakeWriter(FakeFlaw flaw) : flaw_(flaw) {}
    Output write(const Collection& c, WriteContext&) const override {
        nlohmann::ordered_json out;
        out["generation"] =
            c.extras.json().value("generation", 0) + (flaw_ == FakeFlaw::unstable ? 1 : 0);
        out["note_types"] = nlohmann::ordered_json::array();
        for (const NoteType& type : c.note_types) {
            out["note_types"].push_back({{"name", type.name},
                                         {"cloze", type.kind == NoteTypeKind::cloze},
                                         {"fields", type.fields}});
        }
        out["notes"] = nlohmann::ordered_json::array();
        for (const Note& note : c.notes) {
            nlohmann::ordered_json fields = nlohmann::ordered_json::array();
            std::vector<Content> kept = note.fields;
            if (flaw_ == FakeFlaw::two_fields && kept.size() > 2) {
                for (std::size_t i = 2; i < kept.size(); ++i)
                    kept[1].source += "\n\n" + kept[i].source;
                kept.resize(2);
            }
            for (const Content& field : kept) {
                Content written = field;
                if (flaw_ == FakeFlaw::change_field) replace_all(written.source, "data", "date");
                if (flaw_ == FakeFlaw::html_fields && field.kind == Markup::markdown) {
                    written = {Markup::html, bold_to_html(field.source)};
                }
                fields.push_back(
                    {{"markup", markup_name(written.kind)}, {"source", written.source}});
            }
            const NoteType* type = c.find_note_type(note.note_type_id);
            out["notes"].push_back(
                {{"guid", note.guid},
                 {"type", type ? type->name : ""},
                 {"deck", note.deck},
                 {"tags", flaw_ == FakeFlaw::drop_tags ? std::vector<std::string>{} : note.tags},
                 {"fields", fields}});
        }
        out["media"] = nlohmann::ordered_json::array();
        for (const MediaFile& file : c.media) {
            out["media"].push_back({{"name", file.name}, {"data", file.bytes()}});
        }
        return Output::single(out.dump(1) + "\n");
    }

  private:
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
    FakeFlaw flaw_;
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

inline Format make_fake_format(std::string name, Capabilities carries,
                               FakeFlaw flaw = FakeFlaw::none) {
    FormatInfo info;
    info.name = std::move(name);
    info.extensions = {"." + info.name};
    info.description = "test format";
    info.capabilities = carries;
    return Format{info, std::make_unique<FakeReader>(), std::make_unique<FakeWriter>(flaw)};
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
            .multiple_decks = true};
}

}  // namespace deckport::test
