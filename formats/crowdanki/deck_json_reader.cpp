// deck.json -> Collection: the deck tree under `children`, notes with their note models, and
// everything else kept in extras["crowdanki"] so that a CrowdAnki -> CrowdAnki conversion gives
// the same deck.json back.
#include <map>
#include <nlohmann/json.hpp>

#include "crowdanki/crowdanki_format.hpp"
#include "crowdanki/note_model_json.hpp"
#include "deckport/error.hpp"

namespace deckport::crowdanki {
namespace {

using Json = nlohmann::json;

// The keys a deck object's modelled parts come from; the rest goes to the deck's extras.
constexpr std::initializer_list<const char*> kDeckModelledKeys = {
    "children", "notes", "note_models", "deck_configurations", "media_files", "name", "desc"};
constexpr std::initializer_list<const char*> kNoteModelledKeys = {"fields", "guid", "tags",
                                                                  "note_model_uuid"};

class DeckJsonReader {
  public:
    DeckJsonReader(const std::set<std::string>& media_names, std::string file,
                   Diagnostics& diagnostics)
        : media_names_(media_names), file_(std::move(file)), diagnostics_(diagnostics) {}

    Collection read(const Json& root) {
        if (!root.is_object() || root.value("__type__", Json()) != "Deck") {
            throw InputError("CA004", SourceLocation{file_},
                             "not a CrowdAnki deck: the top level must be an object with "
                             "\"__type__\": \"Deck\"");
        }
        read_note_models(root);
        if (auto configs = root.find("deck_configurations");
            configs != root.end() && configs->is_array()) {
            collection_.extras.json()["crowdanki"] = {{"deck_configurations", *configs}};
        }
        read_deck(root, "", "");
        return std::move(collection_);
    }

  private:
    SourceLocation at(const std::string& locator) const { return {file_, 0, 0, locator}; }

    void read_note_models(const Json& root) {
        auto models = root.find("note_models");
        if (models == root.end()) return;
        if (!models->is_array()) {
            diagnostics_.error("CA010", at("note_models"), "note_models must be an array");
            return;
        }
        for (std::size_t i = 0; i < models->size(); ++i) {
            std::string locator = "note_models[" + std::to_string(i) + "]";
            std::string problem;
            std::optional<NoteType> nt = note_type_from_json((*models)[i], problem);
            if (!nt) {
                diagnostics_.error("CA013", at(locator), problem + "; its notes are skipped");
                continue;
            }
            std::string uuid = note_type_uuid(*nt);
            if (collection_.find_note_type(nt->id)) {
                diagnostics_.warning("CA018", at(locator),
                                     "note model uuid '" + uuid +
                                         "' appears twice; the first "
                                         "one is used");
                continue;
            }
            collection_.note_types.push_back(std::move(*nt));
            note_type_by_uuid_[uuid] = collection_.note_types.back().id;
        }
    }

    void read_deck(const Json& deck, const std::string& parent, const std::string& locator) {
        std::string name = deck.value("name", Json()).is_string() ? deck["name"].get<std::string>()
                                                                  : std::string{};
        if (name.empty()) {
            diagnostics_.warning("CA016", at(locator.empty() ? "deck" : locator),
                                 "deck has no name; calling it 'Untitled'");
            name = "Untitled";
        }
        std::string path = parent.empty() ? name : parent + "::" + name;
        bool known = collection_.find_deck(path) != nullptr;
        collection_.ensure_deck(path);
        Deck& model = deck_named(path);
        if (!model.extras.json().contains("crowdanki")) {
            model.extras.json()["crowdanki"] = without(deck, kDeckModelledKeys);
            model.description = deck.value("desc", Json()).is_string()
                                    ? deck["desc"].get<std::string>()
                                    : std::string{};
        } else if (known) {
            diagnostics_.warning("CA017", at(locator),
                                 "two decks are named '" + path + "'; their notes are merged");
        }
        check_media_files(deck, locator);
        std::string prefix = locator.empty() ? "" : locator + ".";
        if (auto notes = deck.find("notes"); notes != deck.end()) {
            if (!notes->is_array()) {
                diagnostics_.error("CA010", at(prefix + "notes"), "notes must be an array");
            } else {
                for (std::size_t i = 0; i < notes->size(); ++i) {
                    read_note((*notes)[i], path, prefix + "notes[" + std::to_string(i) + "]");
                }
            }
        }
        if (auto children = deck.find("children"); children != deck.end()) {
            if (!children->is_array()) {
                diagnostics_.error("CA010", at(prefix + "children"), "children must be an array");
                return;
            }
            for (std::size_t i = 0; i < children->size(); ++i) {
                std::string child_locator = prefix + "children[" + std::to_string(i) + "]";
                const Json& child = (*children)[i];
                if (!child.is_object()) {
                    diagnostics_.error("CA010", at(child_locator), "a deck must be an object");
                    continue;
                }
                read_deck(child, path, child_locator);
            }
        }
    }

    Deck& deck_named(const std::string& path) {
        for (Deck& deck : collection_.decks) {
            if (deck.name == path) return deck;
        }
        throw std::logic_error("deck " + path + " was just added");
    }

    void check_media_files(const Json& deck, const std::string& locator) {
        auto files = deck.find("media_files");
        if (files == deck.end() || !files->is_array()) return;
        for (const Json& name : *files) {
            if (name.is_string() && !media_names_.contains(name.get<std::string>())) {
                diagnostics_.warning("CA014",
                                     at(locator.empty() ? "media_files" : locator + ".media_files"),
                                     "media file '" + name.get<std::string>() +
                                         "' is listed but not in the media folder");
            }
        }
    }

    void read_note(const Json& json, const std::string& deck, const std::string& locator) {
        if (!json.is_object()) {
            diagnostics_.error("CA010", at(locator), "a note must be an object");
            return;
        }
        std::string uuid = json.value("note_model_uuid", Json()).is_string()
                               ? json["note_model_uuid"].get<std::string>()
                               : std::string{};
        auto type = note_type_by_uuid_.find(uuid);
        if (type == note_type_by_uuid_.end()) {
            diagnostics_.error(
                "CA011", at(locator),
                "note names note model '" + uuid + "', which note_models does not define; skipped");
            return;
        }
        const NoteType& nt = *collection_.find_note_type(type->second);
        Note note;
        note.note_type_id = nt.id;
        note.deck = deck;
        note.origin = at(locator);
        if (auto guid = json.find("guid"); guid != json.end() && guid->is_string()) {
            note.guid = guid->get<std::string>();
        }
        auto fields = json.find("fields");
        if (fields == json.end() || !fields->is_array()) {
            diagnostics_.error("CA010", at(locator), "note has no fields array; skipped");
            return;
        }
        for (const Json& field : *fields) {
            note.fields.push_back(Content{
                Markup::html, field.is_string() ? field.get<std::string>() : std::string{}});
        }
        if (note.fields.size() != nt.fields.size()) {
            diagnostics_.warning(
                "CA012", at(locator),
                "note has " + std::to_string(note.fields.size()) + " fields but note model '" +
                    nt.name + "' has " + std::to_string(nt.fields.size()) +
                    (note.fields.size() > nt.fields.size() ? "; the extra fields are dropped"
                                                           : "; the missing ones are left empty"));
            note.fields.resize(nt.fields.size(), Content{Markup::html, {}});
        }
        std::vector<std::string> tags;
        if (auto list = json.find("tags"); list != json.end() && list->is_array()) {
            for (const Json& tag : *list) {
                if (tag.is_string()) tags.push_back(tag.get<std::string>());
            }
        }
        note.set_tags(std::move(tags));
        note.extras.json()["crowdanki"] = without(json, kNoteModelledKeys);
        collection_.notes.push_back(std::move(note));
    }

    const std::set<std::string>& media_names_;
    std::string file_;
    Diagnostics& diagnostics_;
    Collection collection_;
    std::map<std::string, std::int64_t> note_type_by_uuid_;
};

}  // namespace

Collection read_deck_json(const Json& root, const std::set<std::string>& media_names,
                          const std::string& file, Diagnostics& diagnostics) {
    DeckJsonReader reader(media_names, file, diagnostics);
    return reader.read(root);
}

}  // namespace deckport::crowdanki
