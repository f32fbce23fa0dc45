// Decoded Mochi data -> Collection: decks (nested through :parent-id), cards (sorted by :pos,
// template cards rendered), media references checked.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "deckport/error.hpp"
#include "mochi/card_shapes.hpp"
#include "mochi/edn_value.hpp"
#include "mochi/mochi_format.hpp"
#include "mochi/mochi_markdown.hpp"

namespace deckport::mochi {
namespace {

struct MochiDeck {
    std::size_t index = 0;       // in decks_
    std::size_t file_index = 0;  // in the file's :decks
    std::string id;
    std::string name;
    std::string parent_id;
    std::string path;
    std::vector<const Value*> cards;
    std::vector<std::string> card_locators;
};

bool is_truthy(const Value* value) {
    return value && value->kind != Value::Kind::nil &&
           !(value->kind == Value::Kind::boolean && !value->boolean);
}

// The elements of a vector, list or set; the values of a map (Mochi's templates may be keyed).
std::vector<const Value*> elements(const Value& value) {
    std::vector<const Value*> out;
    if (value.kind == Value::Kind::map) {
        for (std::size_t i = 1; i < value.items.size(); i += 2) out.push_back(&value.items[i]);
    } else {
        for (const Value& item : value.items) out.push_back(&item);
    }
    return out;
}

class Builder {
  public:
    Builder(std::string file, std::string member, Diagnostics& diagnostics)
        : file_(std::move(file)), member_(std::move(member)), diagnostics_(diagnostics) {}

    Collection build(const Value& data) {
        if (data.kind != Value::Kind::map) {
            throw InputError(
                "MOCHI015", at(""),
                "the data must be a map with :version and :decks, found " + describe(data));
        }
        check_version(data);
        collect_templates(data);
        collect_decks(data);
        collect_loose_cards(data);
        resolve_paths();
        for (MochiDeck& deck : decks_) add_deck(deck);
        if (skipped_trashed_ > 0) {
            diagnostics_.note(
                "MOCHI033", at(""),
                "skipped " + std::to_string(skipped_trashed_) + " trashed card(s) or deck(s)");
        }
        return std::move(collection_);
    }

  private:
    SourceLocation at(const std::string& path) const {
        if (member_.empty()) return {file_, 0, 0, path};  // a data file read on its own
        return {file_, 0, 0, path.empty() ? member_ : member_ + "!" + path};
    }

    void check_version(const Value& data) {
        const Value* version = data.get("version");
        if (!version) {
            diagnostics_.warning("MOCHI020", at("version"),
                                 "no :version (Mochi's format is version 2); reading it as 2");
        } else if (version->kind != Value::Kind::integer || version->integer != 2) {
            diagnostics_.warning("MOCHI020", at("version"),
                                 ":version is not 2; reading it as version 2 anyway");
        }
    }

    void collect_templates(const Value& data) {
        const Value* templates = data.get("templates");
        if (!templates || templates->kind == Value::Kind::nil) return;
        if (!templates->is_sequence() && templates->kind != Value::Kind::map) {
            diagnostics_.error("MOCHI015", at("templates"),
                               ":templates must be a list, found " + describe(*templates));
            return;
        }
        for (const Value* tmpl : elements(*templates)) {
            if (auto id = tmpl->get_text("id")) templates_.emplace(*id, tmpl);
        }
    }

    void collect_decks(const Value& data) {
        const Value* decks = data.get("decks");
        if (!decks || decks->kind == Value::Kind::nil) return;
        if (!decks->is_sequence()) {
            throw InputError("MOCHI015", at("decks"),
                             ":decks must be a list of decks, found " + describe(*decks));
        }
        std::vector<const Value*> all = elements(*decks);
        for (std::size_t i = 0; i < all.size(); ++i) {
            const Value& value = *all[i];
            std::string locator = "decks[" + std::to_string(i) + "]";
            if (value.kind != Value::Kind::map) {
                diagnostics_.error("MOCHI015", at(locator),
                                   "a deck must be a map, found " + describe(value));
                continue;
            }
            if (is_truthy(value.get("trashed?"))) {
                ++skipped_trashed_;
                continue;
            }
            MochiDeck deck;
            deck.index = decks_.size();
            deck.file_index = i;
            deck.id = value.get_text("id").value_or("");
            deck.parent_id = value.get_text("parent-id").value_or("");
            if (auto name = value.get_text("name"); name && !name->empty()) {
                deck.name = *name;
            } else {
                deck.name = "Untitled";
                diagnostics_.warning("MOCHI021", at(locator),
                                     "deck has no :name; calling it 'Untitled'");
            }
            if (const Value* cards = value.get("cards"); cards && cards->kind != Value::Kind::nil) {
                add_cards(deck, *cards, locator + ".cards");
            }
            if (!deck.id.empty()) {
                auto [it, inserted] = deck_by_id_.emplace(deck.id, deck.index);
                if (!inserted) {
                    diagnostics_.warning("MOCHI031", at(locator),
                                         "deck id '" + deck.id + "' is also used by decks[" +
                                             std::to_string(decks_[it->second].index) +
                                             "]; sub-decks attach to the first");
                }
            }
            decks_.push_back(std::move(deck));
        }
    }

    void add_cards(MochiDeck& deck, const Value& cards, const std::string& locator) {
        if (!cards.is_sequence()) {
            diagnostics_.error("MOCHI015", at(locator),
                               ":cards must be a list of cards, found " + describe(cards));
            return;
        }
        for (std::size_t j = 0; j < cards.items.size(); ++j) {
            deck.cards.push_back(&cards.items[j]);
            deck.card_locators.push_back(locator + "[" + std::to_string(j) + "]");
        }
    }

    // A top-level :cards list whose cards name their deck with :deck-id.
    void collect_loose_cards(const Value& data) {
        const Value* cards = data.get("cards");
        if (!cards || cards->kind == Value::Kind::nil) return;
        if (!cards->is_sequence()) {
            diagnostics_.error("MOCHI015", at("cards"),
                               ":cards must be a list of cards, found " + describe(*cards));
            return;
        }
        for (std::size_t j = 0; j < cards->items.size(); ++j) {
            const Value& card = cards->items[j];
            std::string locator = "cards[" + std::to_string(j) + "]";
            auto deck_id = card.get_text("deck-id");
            auto it = deck_id ? deck_by_id_.find(*deck_id) : deck_by_id_.end();
            if (it == deck_by_id_.end()) {
                diagnostics_.warning(
                    "MOCHI027", at(locator),
                    "card names no known deck (:deck-id '" + deck_id.value_or("") + "'); skipped");
                continue;
            }
            decks_[it->second].cards.push_back(&card);
            decks_[it->second].card_locators.push_back(locator);
        }
    }

    void resolve_paths() {
        for (MochiDeck& deck : decks_) {
            // Walk up to the root, stopping at an unknown parent or a cycle.
            std::vector<std::size_t> chain{deck.index};
            while (true) {
                const MochiDeck& top = decks_[chain.back()];
                if (top.parent_id.empty()) break;
                auto parent = deck_by_id_.find(top.parent_id);
                if (parent == deck_by_id_.end()) {
                    if (chain.size() == 1) {
                        diagnostics_.warning("MOCHI022", at(locator_of(top)),
                                             "deck '" + top.name + "' names an unknown parent '" +
                                                 top.parent_id + "'; keeping it at the top level");
                    }
                    break;
                }
                if (std::find(chain.begin(), chain.end(), parent->second) != chain.end()) {
                    if (parent->second == deck.index) {
                        diagnostics_.warning("MOCHI023", at(locator_of(deck)),
                                             "deck '" + deck.name +
                                                 "' is its own ancestor through :parent-id; "
                                                 "cutting the cycle above it");
                    }
                    break;
                }
                chain.push_back(parent->second);
            }
            std::string path;
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
                path += (path.empty() ? "" : "::") + decks_[*it].name;
            }
            deck.path = path;
        }
    }

    static std::string locator_of(const MochiDeck& deck) {
        return "decks[" + std::to_string(deck.file_index) + "]";
    }

    void add_deck(MochiDeck& deck) {
        collection_.ensure_deck(deck.path);
        for (Deck& model : collection_.decks) {
            if (model.name == deck.path && !deck.id.empty() &&
                !model.extras.json().contains("mochi")) {
                model.extras.json()["mochi"] = {{"id", deck.id}};
            }
        }
        struct Positioned {
            std::string pos;
            std::size_t order;
        };
        std::vector<Positioned> order;
        for (std::size_t i = 0; i < deck.cards.size(); ++i) {
            const Value* pos = deck.cards[i]->get("pos");
            order.push_back({pos && pos->is_text() ? pos->text : std::string{}, i});
        }
        std::stable_sort(order.begin(), order.end(),
                         [](const Positioned& a, const Positioned& b) { return a.pos < b.pos; });
        for (const Positioned& p : order) {
            add_card(*deck.cards[p.order], deck.path, deck.card_locators[p.order]);
        }
    }

    void add_card(const Value& card, const std::string& deck_path, const std::string& locator) {
        if (card.kind != Value::Kind::map) {
            diagnostics_.error("MOCHI015", at(locator),
                               "a card must be a map, found " + describe(card));
            return;
        }
        if (is_truthy(card.get("trashed?"))) {
            ++skipped_trashed_;
            return;
        }
        const Value* content_value = card.get("content");
        if (!content_value) {
            diagnostics_.warning("MOCHI024", at(locator), "card has no :content; skipped");
            return;
        }
        if (content_value->kind != Value::Kind::string) {
            diagnostics_.error("MOCHI015", at(locator),
                               "card :content must be a string, found " + describe(*content_value));
            return;
        }
        std::string content = content_value->text;
        if (content.empty()) {
            if (auto template_id = card.get_text("template-id")) {
                content = render_template(card, *template_id, locator);
            }
        }
        if (const Value* reviews = card.get("reviews");
            reviews && reviews->is_sequence() && !reviews->items.empty() && !reported_reviews_) {
            reported_reviews_ = true;
            diagnostics_.note("MOCHI029", at(locator),
                              "review history is not carried (Mochi's pass/fail reviews have no "
                              "Anki equivalent)");
        }
        // A name the archive does not hold is reported after reading, as MEDIA001.
        content = media_links_from_mochi(content);
        CardNote shape = note_for_content(content);
        const NoteType& note_type = collection_.ensure_note_type(shape.note_type);
        Note note;
        note.guid = card.get_text("id").value_or("");
        note.note_type_id = note_type.id;
        note.fields = std::move(shape.fields);
        note.deck = deck_path;
        note.origin = at(locator);
        if (const Value* tags = card.get("tags"); tags && tags->is_sequence()) {
            std::vector<std::string> names;
            for (const Value& tag : tags->items) {
                if (tag.is_text()) names.push_back(tag.text);
            }
            note.set_tags(std::move(names));
        }
        collection_.notes.push_back(std::move(note));
    }

    // A template card: the template's content with every `<< Field >>` replaced by the card's
    // value for that field.
    std::string render_template(const Value& card, const std::string& template_id,
                                const std::string& locator) {
        auto it = templates_.find(template_id);
        if (it == templates_.end()) {
            diagnostics_.warning("MOCHI025", at(locator),
                                 "card uses template '" + template_id +
                                     "', which :templates does not define; its content is empty");
            return {};
        }
        const Value& tmpl = *it->second;
        std::string source = tmpl.get_text("content").value_or("");
        std::map<std::string, std::string> field_ids;  // field name -> field id
        if (const Value* fields = tmpl.get("fields"); fields && fields->kind == Value::Kind::map) {
            for (std::size_t i = 0; i + 1 < fields->items.size(); i += 2) {
                const Value& field = fields->items[i + 1];
                std::string id = field.get_text("id").value_or(fields->items[i].text);
                if (auto name = field.get_text("name")) field_ids.emplace(*name, id);
            }
        }
        std::string out;
        std::size_t pos = 0;
        while (true) {
            std::size_t open = source.find("<<", pos);
            std::size_t close = open == std::string::npos ? open : source.find(">>", open + 2);
            if (close == std::string::npos) break;
            out.append(source, pos, open - pos);
            std::string name = source.substr(open + 2, close - open - 2);
            name.erase(0, name.find_first_not_of(" \t"));
            name.erase(name.find_last_not_of(" \t") + 1);
            auto field = field_ids.find(name);
            if (field == field_ids.end()) {
                diagnostics_.warning("MOCHI026", at(locator),
                                     "template '" + template_id + "' has a placeholder << " + name +
                                         " >> that names none of its fields");
            } else {
                out += field_value(card, field->second);
            }
            pos = close + 2;
        }
        out.append(source, pos);
        return out;
    }

    static std::string field_value(const Value& card, const std::string& field_id) {
        const Value* fields = card.get("fields");
        if (!fields || fields->kind != Value::Kind::map) return {};
        for (std::size_t i = 0; i + 1 < fields->items.size(); i += 2) {
            const Value& entry = fields->items[i + 1];
            bool match = (fields->items[i].is_text() && fields->items[i].text == field_id) ||
                         entry.get_text("id") == field_id;
            if (!match) continue;
            const Value* value = entry.get("value");
            if (!value) return {};
            if (value->kind == Value::Kind::string) return value->text;
            if (value->kind == Value::Kind::boolean) return value->boolean ? "true" : "false";
            if (value->kind == Value::Kind::integer) return std::to_string(value->integer);
            return {};
        }
        return {};
    }

    std::string file_;
    std::string member_;
    Diagnostics& diagnostics_;
    Collection collection_;
    std::map<std::string, const Value*> templates_;
    std::vector<MochiDeck> decks_;
    std::map<std::string, std::size_t> deck_by_id_;
    std::size_t skipped_trashed_ = 0;
    bool reported_reviews_ = false;
};

}  // namespace

Collection build_collection(const Value& data, const std::string& file, const std::string& member,
                            Diagnostics& diagnostics) {
    Builder builder(file, member, diagnostics);
    return builder.build(data);
}

}  // namespace deckport::mochi
