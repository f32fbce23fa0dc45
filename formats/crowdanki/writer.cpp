// Writes a CrowdAnki folder: deck.json (sorted keys, 4-space indent, UTF-8, as CrowdAnki dumps
// it) and media/. One root deck holds the tree; the note models and deck options sit on it.
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/deck_tree.hpp"
#include "common/flat_media.hpp"
#include "common/zip_archive.hpp"
#include "crowdanki/crowdanki_format.hpp"
#include "crowdanki/crowdanki_uuid.hpp"
#include "crowdanki/deck_config.hpp"
#include "crowdanki/note_model_json.hpp"
#include "deckport/content.hpp"
#include "deckport/media_refs.hpp"

namespace deckport {
namespace {

using Json = nlohmann::json;

const Json* crowdanki_extras(const Json& extras) {
    if (!extras.is_object()) return nullptr;
    auto it = extras.find("crowdanki");
    return it != extras.end() && it->is_object() ? &*it : nullptr;
}

std::string field_html(const Content& field) {
    return field.kind == Markup::html ? field.source : to_html(field);
}

// The deepest deck path that holds (or is an ancestor of) every path, "" when none does.
std::string common_ancestor(const std::vector<std::string>& paths) {
    if (paths.empty()) return {};
    std::vector<std::string> common = split_deck_path(paths.front());
    for (const std::string& path : paths) {
        std::vector<std::string> parts = split_deck_path(path);
        std::size_t n = 0;
        while (n < common.size() && n < parts.size() && common[n] == parts[n]) ++n;
        common.resize(n);
    }
    std::string out;
    for (const std::string& part : common) out += (out.empty() ? "" : "::") + part;
    return out;
}

bool is_under(const std::string& path, const std::string& root) {
    return root.empty() || path == root || path.starts_with(root + "::");
}

class DeckJsonWriter {
  public:
    DeckJsonWriter(const Collection& collection, WriteContext& context)
        : collection_(collection), context_(context) {}

    void write(OutputSink& sink) {
        media_names_ = flatten_media_names(collection_.media, {});
        media_index_ = MediaIndex(collection_.media);
        choose_root();
        collect_note_types();
        collect_deck_configs();
        Json root = deck_json(root_path_, true);
        sink.write_file("deck.json", root.dump(4, ' ', false, Json::error_handler_t::replace));
        for (const std::string& name : media_names_.unusable) {
            context_.diagnostics.warning("CA032", SourceLocation{context_.output_name, 0, 0, name},
                                         "media file name cannot sit in media/; left out");
        }
        std::set<std::string> written;
        for (const MediaFile& file : collection_.media) {
            auto flat = media_names_.by_name.find(file.name);
            if (flat != media_names_.by_name.end() && written.insert(flat->second).second) {
                sink.write_file("media/" + flat->second, file.bytes());
            }
        }
        report_losses();
    }

  private:
    // The root is the deepest deck above every deck that holds notes. When the decks have no
    // common parent, a new root (named by the `root` option or the output folder) holds them.
    void choose_root() {
        std::vector<std::string> paths = written_deck_paths(collection_);
        std::vector<std::string> used;
        for (const Note& note : collection_.notes) used.push_back(deck_of(note));
        root_path_ = common_ancestor(used.empty() ? paths : used);
        for (const std::string& path : paths) {
            if (is_under(path, root_path_)) deck_paths_.push_back(path);
        }
        if (!root_path_.empty()) {
            root_name_ = root_path_;
            return;
        }
        root_name_ = option_value(context_.options, "root", "");
        if (root_name_.empty()) {
            std::filesystem::path out(context_.output_name);
            root_name_ = out.has_filename() ? out.filename().string()
                                            : out.parent_path().filename().string();
        }
        if (root_name_.empty() || root_name_ == "<stdout>") root_name_ = "deckport";
        context_.diagnostics.warning(
            "CA030", SourceLocation{context_.output_name},
            "CrowdAnki holds one deck tree; the decks are placed under a new root deck '" +
                root_name_ + "'",
            "name it with -O root=NAME");
    }

    void collect_note_types() {
        for (const NoteType& nt : collection_.note_types) {
            bool used = false;
            for (const Note& note : collection_.notes) {
                if (note.note_type_id == nt.id && is_under(deck_of(note), root_path_)) {
                    used = true;
                    break;
                }
            }
            if (!used) continue;
            note_models_.push_back(crowdanki::note_model_json(nt));
            uuid_by_type_[nt.id] = crowdanki::note_type_uuid(nt);
            for (const CardTemplate& tmpl : nt.templates) {
                model_text_ += tmpl.front + "\n" + tmpl.back + "\n";
            }
            model_text_ += nt.css + "\n";
        }
        // Files used by note models (fonts, scripts) start with `_`, as Anki requires.
        for (const MediaFile& file : collection_.media) {
            if (file.name.starts_with("_") && model_text_.find(file.name) != std::string::npos) {
                model_media_.insert(file.name);
            }
        }
    }

    void collect_deck_configs() {
        if (const Json* extras = crowdanki_extras(collection_.extras.json())) {
            auto configs = extras->find("deck_configurations");
            if (configs != extras->end() && configs->is_array() && !configs->empty()) {
                deck_configs_ = *configs;
            }
        }
        if (deck_configs_.empty()) {
            deck_configs_ = Json::array();
            deck_configs_.push_back(
                crowdanki::default_deck_config(crowdanki::derived_uuid("deckconfig", "default")));
        }
        for (const Json& config : deck_configs_) {
            if (config.is_object() && config.contains("crowdanki_uuid") &&
                config["crowdanki_uuid"].is_string()) {
                config_uuids_.insert(config["crowdanki_uuid"].get<std::string>());
                if (default_config_uuid_.empty()) {
                    default_config_uuid_ = config["crowdanki_uuid"].get<std::string>();
                }
            }
        }
    }

    Json default_deck() const {
        return {{"__type__", "Deck"},     {"dyn", 0},
                {"extendNew", 0},         {"extendRev", 0},
                {"newLimit", nullptr},    {"newLimitToday", nullptr},
                {"reviewLimit", nullptr}, {"reviewLimitToday", nullptr}};
    }

    // `path` is a deck of the collection, or "" for a new root.
    Json deck_json(const std::string& path, bool is_root) {
        const Deck* deck = path.empty() ? nullptr : collection_.find_deck(path);
        const Json* extras = deck ? crowdanki_extras(deck->extras.json()) : nullptr;
        Json json = extras ? *extras : default_deck();
        json["__type__"] = "Deck";
        json["name"] = is_root ? root_name_ : last_deck_component(path);
        json["desc"] = deck ? deck->description : std::string{};
        if (!json.contains("crowdanki_uuid") || !json["crowdanki_uuid"].is_string()) {
            json["crowdanki_uuid"] = crowdanki::derived_uuid(
                "deck", deck && deck->id != 0 ? std::to_string(deck->id)
                                              : "name:" + (path.empty() ? root_name_ : path));
        }
        if (!json.contains("deck_config_uuid") || !json["deck_config_uuid"].is_string() ||
            !config_uuids_.contains(json["deck_config_uuid"].get<std::string>())) {
            json["deck_config_uuid"] = default_config_uuid_;
        }
        std::set<std::string> media = model_media_;
        Json notes = Json::array();
        for (const Note& note : collection_.notes) {
            if (deck_of(note) == path) notes.push_back(note_json(note, media));
        }
        json["notes"] = std::move(notes);
        json["media_files"] = Json(std::vector<std::string>(media.begin(), media.end()));
        Json children = Json::array();
        for (const std::string& child : deck_paths_) {
            if (child != path && parent_deck_path(child) == path) {
                children.push_back(deck_json(child, false));
            }
        }
        json["children"] = std::move(children);
        if (is_root) {
            json["note_models"] = note_models_;
            json["deck_configurations"] = deck_configs_;
        }
        return json;
    }

    Json note_json(const Note& note, std::set<std::string>& media) {
        const Json note_extras = note.extras.parsed();  // no tree left behind per note
        const Json* extras = crowdanki_extras(note_extras);
        Json json = extras ? *extras : Json{{"__type__", "Note"}};
        Json fields = Json::array();
        for (const Content& field : note.fields)
            fields.push_back(field_with_flat_media(field, media));
        json["fields"] = std::move(fields);
        json["guid"] = note.guid;
        json["note_model_uuid"] =
            uuid_by_type_.contains(note.note_type_id)
                ? uuid_by_type_[note.note_type_id]
                : crowdanki::derived_uuid("notetype", std::to_string(note.note_type_id));
        json["tags"] = note.tags;
        for (const Card& card : note.cards) scheduling_dropped_ |= !card.scheduling.empty();
        return json;
    }

    // The field as HTML, its media references renamed to the files' names in media/ (which
    // holds no folders); adds every local file it refers to to `media`.
    std::string field_with_flat_media(const Content& field, std::set<std::string>& media) const {
        std::string html = field_html(field);
        std::vector<MediaRef> references = find_media_refs(html, Markup::html);
        auto flat_name = [&](const std::string& name) -> const std::string* {
            std::optional<std::size_t> file = media_index_.find(name);
            if (!file) return nullptr;
            auto it = media_names_.by_name.find(collection_.media[*file].name);
            return it == media_names_.by_name.end() ? nullptr : &it->second;
        };
        for (const MediaRef& reference : references) {
            // A reference to a file the collection lacks is still listed, as CrowdAnki lists
            // it, unless its name could not be a file in media/ (`../x.png`, `a/b.png`).
            const std::string* flat = flat_name(reference.target);
            if (flat) {
                media.insert(*flat);
            } else if (is_safe_relative_path(reference.target) &&
                       reference.target.find('/') == std::string::npos) {
                media.insert(reference.target);
            }
        }
        return rewrite_media_refs(html, references,
                                  [&](const MediaRef& reference) -> std::optional<std::string> {
                                      const std::string* flat = flat_name(reference.target);
                                      if (!flat || *flat == reference.target) return std::nullopt;
                                      return *flat;
                                  });
    }

    void report_losses() {
        if (scheduling_dropped_) {
            context_.diagnostics.warning("CA031", SourceLocation{context_.output_name},
                                         "review history and scheduling are not carried");
        }
    }

    const Collection& collection_;
    MediaIndex media_index_;
    WriteContext& context_;
    FlatMediaNames media_names_;
    std::string root_path_;  // "" when the root is new
    std::string root_name_;
    std::vector<std::string> deck_paths_;
    Json note_models_ = Json::array();
    std::map<std::int64_t, std::string> uuid_by_type_;
    std::string model_text_;
    std::set<std::string> model_media_;
    Json deck_configs_;
    std::set<std::string> config_uuids_;
    std::string default_config_uuid_;
    bool scheduling_dropped_ = false;
};

class CrowdAnkiWriter : public Writer {
  public:
    void write(const Collection& collection, OutputSink& sink,
               WriteContext& context) const override {
        DeckJsonWriter writer(collection, context);
        writer.write(sink);
    }
};

}  // namespace

std::unique_ptr<Writer> make_crowdanki_writer() {
    return std::make_unique<CrowdAnkiWriter>();
}

}  // namespace deckport
