// Writes a .mochi package: data.json in verbose Transit-JSON (the shape of Mochi's own export)
// and every media file at the archive root.
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "common/deck_tree.hpp"
#include "common/flat_media.hpp"
#include "common/zip_archive.hpp"
#include "mochi/card_content.hpp"
#include "mochi/mochi_format.hpp"
#include "mochi/mochi_ids.hpp"

namespace deckport {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kPosDigits =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::string keyword(const std::string& name) {
    return "~:" + name;
}

// Transit reads a string that begins with `~`, `^` or `` ` `` as an encoded value, so such a
// string is written with one more `~` in front.
std::string transit_string(const std::string& text) {
    if (!text.empty() && (text[0] == '~' || text[0] == '^' || text[0] == '`')) return "~" + text;
    return text;
}

// Positions that sort (as Mochi sorts them, by string) in note order: base62, fixed width.
std::string card_pos(std::size_t index, std::size_t count) {
    std::size_t width = 3;
    for (std::size_t capacity = 62 * 62 * 62; capacity < count; capacity *= 62) ++width;
    std::string pos(width, '0');
    for (std::size_t i = width; i-- > 0;) {
        pos[i] = kPosDigits[index % kPosDigits.size()];
        index /= kPosDigits.size();
    }
    return pos;
}

std::string preferred_deck_id(const Collection& collection, const std::string& path) {
    const Deck* deck = collection.find_deck(path);
    if (!deck || !deck->extras.json().is_object()) return {};
    auto mochi = deck->extras.json().find("mochi");
    if (mochi == deck->extras.json().end() || !mochi->is_object()) return {};
    auto id = mochi->find("id");
    return id != mochi->end() && id->is_string() ? id->get<std::string>() : std::string{};
}

class PackageWriter {
  public:
    PackageWriter(const Collection& collection, WriteContext& context)
        : collection_(collection), context_(context) {}

    void write(OutputSink& sink) {
        FlatMediaNames media = flat_media();
        report_losses();
        std::vector<std::string> paths = written_deck_paths(collection_);
        std::map<std::string, std::string> deck_ids;
        for (const std::string& path : paths) {
            deck_ids[path] = ids_.allocate("deck", path, preferred_deck_id(collection_, path));
        }
        std::map<std::string, std::vector<const Note*>> notes_by_deck;
        for (const Note& note : collection_.notes) notes_by_deck[deck_of(note)].push_back(&note);

        Json decks = Json::array();
        for (const std::string& path : paths) {
            Json deck = Json::object();
            deck[keyword("name")] = transit_string(last_deck_component(path));
            deck[keyword("id")] = keyword(deck_ids[path]);
            std::string parent = parent_deck_path(path);
            if (!parent.empty()) deck[keyword("parent-id")] = keyword(deck_ids[parent]);
            Json cards = Json::array();
            const std::vector<const Note*>& notes = notes_by_deck[path];
            for (std::size_t i = 0; i < notes.size(); ++i) {
                cards.push_back(
                    card(*notes[i], deck_ids[path], card_pos(i, notes.size()), media.by_name));
            }
            deck[keyword("cards")] = Json{{"~#list", std::move(cards)}};
            decks.push_back(std::move(deck));
        }
        if (clozes_in_code_ > 0) {
            context_.diagnostics.warning(
                "MOCHI044",
                SourceLocation{context_.output_name, 0, 0, "guid " + first_clozes_in_code_},
                std::to_string(clozes_in_code_) +
                    " cloze note(s) have their clozes only inside code, which Mochi shows as "
                    "text: written as cards without clozes");
        }
        Json data = Json::object();
        data[keyword("version")] = 2;
        data[keyword("decks")] = std::move(decks);

        ZipWriter zip;
        zip.add("data.json", data.dump(-1, ' ', false, Json::error_handler_t::replace));
        std::set<std::string> written;
        for (const MediaFile& file : collection_.media) {
            auto flat = media.by_name.find(file.name);
            if (flat != media.by_name.end() && written.insert(flat->second).second) {
                zip.add(flat->second, file.bytes());
            }
        }
        sink.write(zip.finish());
    }

  private:
    Json card(const Note& note, const std::string& deck_id, const std::string& pos,
              const std::map<std::string, std::string>& flat_names) {
        const NoteType* nt = collection_.find_note_type(note.note_type_id);
        Json card = Json::object();
        mochi::CardContent content = mochi::card_content(note, nt, flat_names);
        if (content.clozes_in_code_only && clozes_in_code_++ == 0)
            first_clozes_in_code_ = note.guid;
        card[keyword("content")] = transit_string(content.text);
        card[keyword("deck-id")] = keyword(deck_id);
        card[keyword("id")] = keyword(ids_.allocate("card", note.guid, note.guid));
        card[keyword("pos")] = pos;
        Json tags = Json::array();
        for (const std::string& tag : note.tags) tags.push_back(transit_string(tag));
        card[keyword("tags")] = Json{{"~#set", std::move(tags)}};
        return card;
    }

    // Media go flat at the archive root; names that cannot go there are reported and left out.
    FlatMediaNames flat_media() {
        FlatMediaNames names = flatten_media_names(collection_.media, {"data.json", "data.edn"});
        for (const std::string& name : names.unusable) {
            context_.diagnostics.warning("MOCHI043",
                                         SourceLocation{context_.output_name, 0, 0, name},
                                         "media file '" + name +
                                             "' cannot sit at the archive root under that name; "
                                             "left out");
        }
        return names;
    }

    void report_losses() {
        std::set<std::int64_t> used_types;
        bool scheduling = false;
        for (const Note& note : collection_.notes) {
            used_types.insert(note.note_type_id);
            for (const Card& card : note.cards) scheduling |= !card.scheduling.empty();
        }
        for (const NoteType& nt : collection_.note_types) {
            if (!used_types.contains(nt.id)) continue;
            std::string loss = mochi::note_type_loss(nt);
            if (!loss.empty()) {
                context_.diagnostics.warning("MOCHI040", SourceLocation{context_.output_name},
                                             "note type '" + nt.name + "': " + loss);
            }
        }
        if (scheduling) {
            context_.diagnostics.warning("MOCHI041", SourceLocation{context_.output_name},
                                         "review history and scheduling are not carried");
        }
        for (const Deck& deck : collection_.decks) {
            if (!deck.description.empty()) {
                context_.diagnostics.warning(
                    "MOCHI042", SourceLocation{context_.output_name},
                    "deck descriptions are not carried (first: '" + deck.name + "')");
                break;
            }
        }
    }

    const Collection& collection_;
    WriteContext& context_;
    mochi::IdAllocator ids_;
    int clozes_in_code_ = 0;
    std::string first_clozes_in_code_;
};

class MochiWriter : public Writer {
  public:
    void write(const Collection& collection, OutputSink& sink,
               WriteContext& context) const override {
        PackageWriter writer(collection, context);
        writer.write(sink);
    }
};

}  // namespace

std::unique_ptr<Writer> make_mochi_writer() {
    return std::make_unique<MochiWriter>();
}

}  // namespace deckport
