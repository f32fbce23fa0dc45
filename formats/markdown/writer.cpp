#include "markdown/writer.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"
#include "markdown/card_metadata.hpp"
#include "markdown/card_planner.hpp"
#include "markdown/loss_report.hpp"
#include "markdown/syntax.hpp"

namespace deckport::markdown {
namespace {

// What the front matter says, so that cards need metadata only where they differ.
struct Layout {
    std::string deck;
    std::vector<std::string> tags;  // on every card
    const NoteType* note_type;      // for cards without cloze
};

// The most common value, the earliest on a tie.
template <typename Key>
Key most_common(const std::vector<Key>& values) {
    std::map<Key, std::size_t> counts;
    for (const Key& value : values) ++counts[value];
    Key best = values.front();
    for (const Key& value : values) {
        if (counts[value] > counts[best]) best = value;
    }
    return best;
}

Layout choose_layout(const std::vector<PlannedCard>& cards, const Collection& collection) {
    Layout layout{std::string(kDefaultDeck), {}, &builtin_note_type(Builtin::basic)};
    if (cards.empty()) {
        if (!collection.decks.empty()) layout.deck = collection.decks.front().name;
        return layout;
    }
    std::vector<std::string> decks;
    for (const PlannedCard& card : cards) decks.push_back(card.deck);
    layout.deck = most_common(decks);

    layout.tags = cards.front().tags;
    for (const PlannedCard& card : cards) {
        std::vector<std::string> common;
        std::set_intersection(layout.tags.begin(), layout.tags.end(), card.tags.begin(),
                              card.tags.end(), std::back_inserter(common));
        layout.tags = std::move(common);
    }

    std::size_t basic = 0, reversed = 0;
    const NoteType* reversed_type = &builtin_note_type(Builtin::reversed);
    for (const PlannedCard& card : cards) {
        if (card.note_type == reversed_type) {
            ++reversed;
        } else if (card.note_type->kind == NoteTypeKind::standard) {
            ++basic;
        }
    }
    if (reversed > basic) layout.note_type = reversed_type;
    return layout;
}

std::string front_matter(const Layout& layout) {
    std::string out;
    if (layout.deck != kDefaultDeck) out += "Flashcard Deck: " + layout.deck + "\n";
    if (layout.note_type != &builtin_note_type(Builtin::basic)) {
        out += "Note Type: " + layout.note_type->name + "\n";
    }
    if (!layout.tags.empty()) {
        out += "Tags:";
        for (const std::string& tag : layout.tags) out += " " + tag;
        out += "\n";
    }
    return out.empty() ? out : "---\n" + out + "---\n\n";
}

// The metadata comment the card needs, or empty when the front matter says it all.
std::string metadata_line(const PlannedCard& card, const Layout& layout) {
    const NoteType* inferred = cloze_numbers(card.question).empty()
                                   ? layout.note_type
                                   : &builtin_note_type(Builtin::cloze);
    std::string parts;
    if (card.id && *card.id != derive_guid(card.deck, card.note_type->name, card.question)) {
        parts += " id: " + *card.id;
    }
    if (card.note_type != inferred) parts += " type: " + card.note_type->name;
    if (card.deck != layout.deck) parts += " deck: " + card.deck;
    std::string tags;
    for (const std::string& tag : card.tags) {
        if (!std::binary_search(layout.tags.begin(), layout.tags.end(), tag)) tags += " " + tag;
    }
    if (!tags.empty()) parts += " tags:" + tags;
    // A question that starts with a comment the reader would take as metadata gets one first.
    std::string_view first_line =
        std::string_view(card.question).substr(0, card.question.find('\n'));
    if (parts.empty() && is_metadata_comment(first_line)) parts = " tags:";
    return parts.empty() ? parts : "<!--" + parts + " -->\n";
}

std::string card_text(const PlannedCard& card, const Layout& layout) {
    std::string out = metadata_line(card, layout) + card.question;
    if (card.note_type->kind == NoteTypeKind::cloze && card.answer.empty()) return out;
    out += "\n\n---";
    if (!card.answer.empty()) out += "\n\n" + card.answer;
    return out;
}

// A value of a JSON object that is set to something other than zero or "".
bool is_set(const nlohmann::json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return false;
    if (it->is_number()) return it->get<double>() != 0;
    if (it->is_string()) return !it->get<std::string>().empty();
    return true;
}

// New cards lose nothing: markdown cards are new when imported again. Only review state,
// flags or card data are worth a warning.
bool has_review_state(const Card& card) {
    for (const char* key : {"type", "queue", "ivl", "reps", "lapses", "flags", "odid"}) {
        if (is_set(card.scheduling.json(), key)) return true;
    }
    auto data = card.scheduling.json().find("data");
    return data != card.scheduling.json().end() && data->is_string() &&
           !data->get<std::string>().empty() && *data != "{}";
}

// Ids and sync counters are Anki's bookkeeping; flags and data are what a user set.
bool has_note_data(const Note& note) {
    return is_set(note.extras.json(), "flags") ||
           (is_set(note.extras.json(), "data") && note.extras.json()["data"] != "{}");
}

void report_collection_losses(const Collection& collection, bool media_written,
                              LossReport& losses) {
    std::set<std::string> used_decks;
    for (const Note& note : collection.notes) {
        for (const std::string& path :
             deck_ancestry(note.deck.empty() ? kDefaultDeck : note.deck)) {
            used_decks.insert(path);
        }
        if (std::any_of(note.cards.begin(), note.cards.end(),
                        [](const Card& card) { return has_review_state(card); })) {
            losses.once("scheduling", "MD102", "notes[guid=" + note.guid + "].cards",
                        "review scheduling is dropped: markdown decks hold no cards' state");
        }
        if (has_note_data(note)) {
            losses.once("note-extras", "MD110", "notes[guid=" + note.guid + "]",
                        "note data that markdown cannot carry (such as flags) is dropped");
        }
    }
    for (const Deck& deck : collection.decks) {
        if (!deck.description.empty()) {
            losses.once("deck-description", "MD103", "decks[" + deck.name + "]",
                        "deck descriptions are dropped");
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
    cards.reserve(collection.notes.size());
    CardPlanner planner(collection, losses);
    for (const Note& note : collection.notes) cards.push_back(planner.plan(note));
    report_collection_losses(collection, context.media_written_beside, losses);

    Layout layout = choose_layout(cards, collection);
    std::string text = front_matter(layout);
    for (std::size_t i = 0; i < cards.size(); ++i) {
        if (i > 0) text += "\n\n. . .\n\n";
        text += card_text(cards[i], layout);
    }
    if (!cards.empty()) text += '\n';
    sink.write(text);
}

}  // namespace deckport::markdown
