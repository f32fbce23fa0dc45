#include "markdown/writer.hpp"

#include <algorithm>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"
#include "deckport/parallel.hpp"
#include "deckport/threads.hpp"
#include "markdown/card_metadata.hpp"
#include "markdown/card_planner.hpp"
#include "markdown/loss_report.hpp"
#include "markdown/note_type_catalog.hpp"
#include "markdown/note_type_plan.hpp"
#include "markdown/note_type_yaml.hpp"
#include "markdown/syntax.hpp"
#include "markdown/yaml_text.hpp"

namespace deckport::markdown {
namespace {

// What the front matter says, so that cards need metadata only where they differ.
struct Layout {
    std::string deck;
    std::string description;              // of that deck
    std::vector<std::string> tags;        // on every card
    const NoteType* note_type = nullptr;  // `Note Type:`, or null for Basic
    NoteTypeCatalog note_types;           // what the reader will know: the definitions written
};

// The most common of the values added, the earliest (by first addition) on a tie. Counts views:
// a deck of 100,000 cards is not copied into a list to find its most common deck.
class Tally {
  public:
    void add(std::string_view value) {
        auto [it, inserted] = counts_.try_emplace(value, Count{0, added_});
        ++it->second.times;
        ++added_;
    }
    std::string most_common() const {
        const std::pair<const std::string_view, Count>* best = nullptr;
        for (const auto& entry : counts_) {
            if (!best || entry.second.times > best->second.times ||
                (entry.second.times == best->second.times &&
                 entry.second.first < best->second.first))
                best = &entry;
        }
        return best ? std::string(best->first) : std::string();
    }
    bool empty() const { return counts_.empty(); }

  private:
    struct Count {
        std::size_t times;
        std::size_t first;  // when the value was first added
    };
    std::map<std::string_view, Count> counts_;
    std::size_t added_ = 0;
};

bool same_name(const NoteType& a, const NoteType& b) {
    return normalized_key(a.name) == normalized_key(b.name);
}

// Note types that need a definition, in the order their notes come.
void define_note_types(const std::vector<PlannedCard>& cards, Layout& layout, LossReport& losses) {
    std::set<const NoteType*> seen;
    for (const PlannedCard& card : cards) {
        if (!seen.insert(card.note_type).second) continue;
        if (auto option = dropped_option(*card.note_type)) {
            losses.once("note-type-options", "MD111", "note_types[" + card.note_type->name + "]",
                        "note type options that markdown cannot carry are dropped, such as " +
                            *option + " of '" + card.note_type->name + "'",
                        "markdown keeps a note type's fields, templates, CSS, sort field and id");
        }
        if (needs_definition(*card.note_type)) layout.note_types.define(*card.note_type);
    }
}

Layout choose_layout(const std::vector<PlannedCard>& cards, const Collection& collection,
                     LossReport& losses) {
    Layout layout;
    layout.deck = kDefaultDeck;
    define_note_types(cards, layout, losses);
    if (cards.empty()) {
        if (!collection.decks.empty()) layout.deck = collection.decks.front().name;
    } else {
        Tally decks;
        for (const PlannedCard& card : cards) decks.add(card.deck);
        layout.deck = decks.most_common();

        layout.tags = cards.front().tags;
        for (const PlannedCard& card : cards) {
            std::vector<std::string> common;
            std::set_intersection(layout.tags.begin(), layout.tags.end(), card.tags.begin(),
                                  card.tags.end(), std::back_inserter(common));
            layout.tags = std::move(common);
        }

        // `Note Type:` names the most common type of cards without cloze, unless it is Basic.
        // Names normalised once per note type (the views point into this map).
        std::map<const NoteType*, std::string> keys;
        Tally standard;
        for (const PlannedCard& card : cards) {
            if (card.note_type->kind != NoteTypeKind::standard) continue;
            auto key = keys.find(card.note_type);
            if (key == keys.end())
                key = keys.emplace(card.note_type, normalized_key(card.note_type->name)).first;
            standard.add(key->second);
        }
        if (!standard.empty()) {
            const NoteType* common = layout.note_types.find(standard.most_common());
            if (common && !same_name(*common, *layout.note_types.find("Basic")))
                layout.note_type = common;
        }
    }
    if (const Deck* deck = collection.find_deck(layout.deck))
        layout.description = deck->description;
    return layout;
}

std::string front_matter(const Layout& layout) {
    bool any = layout.deck != kDefaultDeck || !layout.description.empty() || layout.note_type ||
               !layout.tags.empty() || !layout.note_types.definitions().empty();
    if (!any) return {};
    YAML::Emitter out;
    out << YAML::BeginMap;
    if (layout.deck != kDefaultDeck) {
        out << YAML::Key << "Flashcard Deck" << YAML::Value;
        emit_text(out, layout.deck);
    }
    if (!layout.description.empty()) {
        out << YAML::Key << "Description" << YAML::Value;
        emit_text(out, layout.description);
    }
    if (layout.note_type) {
        out << YAML::Key << "Note Type" << YAML::Value;
        emit_text(out, layout.note_type->name);
    }
    if (!layout.tags.empty()) {
        std::string tags;
        for (const std::string& tag : layout.tags) tags += (tags.empty() ? "" : " ") + tag;
        out << YAML::Key << "Tags" << YAML::Value;
        emit_text(out, tags);
    }
    if (!layout.note_types.definitions().empty()) {
        out << YAML::Key << "Note Types" << YAML::Value << YAML::BeginSeq;
        for (const NoteType& note_type : layout.note_types.definitions())
            emit_note_type_definition(out, note_type, builtin_named(note_type.name));
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
    return "---\n" + without_blank_indentation(out.c_str()) + "\n---\n\n";
}

// The metadata comment the card needs, or empty when the front matter says it all.
std::string metadata_line(const PlannedCard& card, const std::string& question,
                          const Layout& layout) {
    const NoteType& inferred =
        layout.note_types.default_type(layout.note_type, !cloze_numbers(question).empty());
    std::string parts;
    if (card.id && *card.id != derive_guid(card.deck, card.note_type->name, question)) {
        parts += " id: " + *card.id;
    }
    if (!same_name(*card.note_type, inferred)) parts += " type: " + card.note_type->name;
    if (card.deck != layout.deck) parts += " deck: " + card.deck;
    std::string tags;
    for (const std::string& tag : card.tags) {
        if (!std::binary_search(layout.tags.begin(), layout.tags.end(), tag)) tags += " " + tag;
    }
    if (!tags.empty()) parts += " tags:" + tags;
    // A question that starts with a comment the reader would take as metadata gets one first.
    std::string_view first_line = std::string_view(question).substr(0, question.find('\n'));
    if (parts.empty() && is_metadata_comment(first_line)) parts = " tags:";
    return parts.empty() ? parts : "<!--" + parts + " -->\n";
}

// The fields in order: the first, then `---` and the second, then `--- Name` and each further
// field that is not empty. A standard card always has its `---`; a cloze card only when its
// second field holds something.
// `fields`: written_fields(card, ...).
std::string card_text(const PlannedCard& card, const std::vector<std::string>& fields,
                      const Layout& layout) {
    std::string out = metadata_line(card, fields.front(), layout) + fields.front();
    const NoteType& note_type = *card.note_type;
    if (fields.size() >= 2 && (note_type.kind == NoteTypeKind::standard || !fields[1].empty())) {
        out += "\n\n---";
        if (!fields[1].empty()) out += "\n\n" + fields[1];
    }
    for (std::size_t i = 2; i < fields.size(); ++i) {
        if (fields[i].empty()) continue;
        out += "\n\n--- " + note_type.fields[i] + "\n\n" + fields[i];
    }
    return out;
}

// A value that is set to something other than zero or "".
bool is_set(const nlohmann::json& value) {
    if (value.is_null()) return false;
    if (value.is_number()) return value.get<double>() != 0;
    if (value.is_string()) return !value.get_ref<const std::string&>().empty();
    return true;
}

// Card or note data, set and not an empty object.
bool is_data_set(const nlohmann::json& value) {
    return is_set(value) && value != "{}";
}

// New cards lose nothing: markdown cards are new when imported again. Only review state,
// flags or card data are worth a warning.
bool has_review_state(const Card& card) {
    if (card.scheduling.empty()) return false;
    return card.scheduling.any_member(
        {"data", "flags", "ivl", "lapses", "odid", "queue", "reps", "type"},
        [](std::string_view key, const nlohmann::json& value) {
            return key == "data" ? value.is_string() && is_data_set(value) : is_set(value);
        });
}

// Ids and sync counters are Anki's bookkeeping; flags and data are what a user set.
bool has_note_data(const Note& note) {
    if (note.extras.empty()) return false;
    return note.extras.any_member({"data", "flags"},
                                  [](std::string_view key, const nlohmann::json& value) {
                                      return key == "data" ? is_data_set(value) : is_set(value);
                                  });
}

enum : std::uint8_t { kReviewState = 1, kNoteData = 2 };

// What each note loses (kReviewState | kNoteData), found on every core: each card's scheduling
// is read to tell.
std::vector<std::uint8_t> find_note_losses(const Collection& collection) {
    std::vector<std::uint8_t> note_losses(collection.notes.size());
    parallel_for(collection.notes.size(), [&](std::size_t i) {
        const Note& note = collection.notes[i];
        bool review = std::any_of(note.cards.begin(), note.cards.end(),
                                  [](const Card& card) { return has_review_state(card); });
        note_losses[i] = (review ? kReviewState : 0) | (has_note_data(note) ? kNoteData : 0);
    });
    return note_losses;
}

// `note_losses`: find_note_losses(collection).
void report_collection_losses(const Collection& collection, const Layout& layout,
                              bool media_written, const std::vector<std::uint8_t>& note_losses,
                              LossReport& losses) {
    std::set<std::string> used_decks;
    std::unordered_set<std::string_view> seen;  // decks whose ancestry is in used_decks
    for (std::size_t i = 0; i < collection.notes.size(); ++i) {
        const Note& note = collection.notes[i];
        if (seen.insert(note.deck).second) {
            for (const std::string& path :
                 deck_ancestry(note.deck.empty() ? kDefaultDeck : note.deck)) {
                used_decks.insert(path);
            }
        }
        if (note_losses[i] & kReviewState) {
            losses.once("scheduling", "MD102", "notes[guid=" + note.guid + "].cards",
                        "review scheduling is dropped: markdown decks hold no cards' state");
        }
        if (note_losses[i] & kNoteData) {
            losses.once("note-extras", "MD110", "notes[guid=" + note.guid + "]",
                        "note data that markdown cannot carry (such as flags) is dropped");
        }
    }
    for (const Deck& deck : collection.decks) {
        if (!deck.description.empty() && deck.name != layout.deck) {
            losses.once("deck-description", "MD103", "decks[" + deck.name + "]",
                        "deck descriptions are dropped, except the front matter deck's (such "
                        "as '" +
                            deck.name + "')");
        }
        // Every Anki collection has an empty "Default" deck: not worth a warning.
        bool kept = used_decks.count(deck.name) || deck.name == kDefaultDeck ||
                    (collection.notes.empty() && &deck == &collection.decks.front());
        if (!kept) {
            losses.once("empty-deck", "MD104", "decks[" + deck.name + "]",
                        "decks without notes, such as '" + deck.name + "', are dropped");
        }
    }
    for (const MediaFile& media : collection.media) {
        if (media.data && !media_written) {
            losses.once("media", "MD105", "media[" + media.name + "]",
                        "media files are not written: a markdown deck refers to them by path",
                        "copy the media files next to the deck");
        }
    }
}

}  // namespace

void MarkdownWriter::write(const Collection& collection, OutputSink& sink,
                           WriteContext& context) const {
    LossReport losses(context.diagnostics, context.output_name);
    std::vector<PlannedCard> cards;
    // What notes lose is looked for meanwhile, on the threads the planning leaves free.
    std::future<std::vector<std::uint8_t>> note_losses =
        std::async(threads_per_input() > 1 ? std::launch::async : std::launch::deferred,
                   [&] { return find_note_losses(collection); });
    // Each note's deck, tags and id are looked at on every core; what they lose is reported
    // here, in the notes' order.
    cards.resize(collection.notes.size());
    std::vector<std::unique_ptr<MetadataChanges>> changes(collection.notes.size());
    parallel_for(collection.notes.size(), [&](std::size_t i) {
        cards[i] = CardPlanner::describe(collection.notes[i], changes[i]);
    });
    CardPlanner planner(collection, losses);
    for (std::size_t i = 0; i < collection.notes.size(); ++i) {
        planner.plan(cards[i], collection.notes[i], changes[i].get());
    }
    std::vector<std::unique_ptr<MetadataChanges>>().swap(changes);

    Layout layout = choose_layout(cards, collection, losses);
    report_collection_losses(collection, layout, context.media_written_beside, note_losses.get(),
                             losses);
    // The text goes to the sink in pieces of about a megabyte, so the file is never whole in
    // memory; each card is let go once written.
    constexpr std::size_t kPiece = 1 << 20;
    std::string text = front_matter(layout);
    bool started = false;
    auto flush = [&](bool last) {
        if (!last && text.size() < kPiece) return;
        // A question that starts with U+FEFF would open the file, where readers take it for a
        // byte order mark and drop it; a blank line first keeps it part of the question.
        if (!started && text.starts_with("\xEF\xBB\xBF")) text.insert(0, "\n");
        if (!text.empty() || !started) sink.write(text);
        started = true;
        text.clear();
    };
    // Cards' text is made a slice of the deck at a time (on every core, the next slice while
    // this one is written), written, and let go.
    struct CardText {
        std::string text;
        bool empty_question = false;
    };
    constexpr std::size_t kSlice = 2048;
    SlicePipeline<CardText> texts(cards.size(), kSlice, [&](std::size_t i) {
        std::vector<std::string> fields =
            written_fields(cards[i], fields_as_markdown(collection.notes[i]));
        return CardText{card_text(cards[i], fields, layout), fields.front().empty()};
    });
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const CardText& card = texts.at(i);
        if (card.empty_question) planner.report_empty_question(collection.notes[i]);
        if (i > 0) text += "\n\n. . .\n\n";
        text += card.text;
        cards[i] = PlannedCard{};
        flush(false);
    }
    if (!cards.empty()) text += '\n';
    flush(true);
}

}  // namespace deckport::markdown
