#include "apkg/cards.hpp"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>

#include "deckport/cloze_limit.hpp"
#include "deckport/identity.hpp"
#include "deckport/notetypes.hpp"

namespace deckport::apkg {
namespace {

std::int64_t integer(const nlohmann::json& object, const char* key, std::int64_t fallback) {
    if (!object.is_object()) return fallback;
    auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

std::int64_t card_id_key(const std::string& guid, int ord) {
    return derive_id("card", guid + "\x1f" + std::to_string(ord));
}

// The queue of a card taken out of a filtered deck, as Anki sets it
// (rslib/src/scheduler/filtered/card.rs restore_queue_from_type): filtered decks can hold cards
// in the preview queue, which a normal deck has no use for.
void restore_queue_from_type(CardRow& card) {
    switch (card.type) {
        case 0:
            card.queue = 0;
            break;
        case 1:
        case 3:
            card.queue = card.due > 1'000'000'000 ? 1 : 3;  // intraday or interday learning
            break;
        case 2:
            card.queue = 2;
            break;
        default:
            break;
    }
}

bool valid_type_and_queue(std::int64_t type, std::int64_t queue) {
    return type >= 0 && type <= 3 && queue >= -3 && queue <= 4;
}

// How many distinct cloze numbers the note's fields hold: about the cards a cloze note makes.
std::size_t cloze_number_count(const Note& note) {
    std::vector<int> numbers;
    for (const Content& field : note.fields) {
        std::vector<int> in_field = cloze_numbers(field.source);
        numbers.insert(numbers.end(), in_field.begin(), in_field.end());
    }
    std::sort(numbers.begin(), numbers.end());
    return static_cast<std::size_t>(std::unique(numbers.begin(), numbers.end()) - numbers.begin());
}

}  // namespace

std::size_t card_rows_hint(const Collection& collection) {
    std::size_t rows = 0;
    for (const Note& note : collection.notes) {
        if (!note.cards.empty()) {
            rows += note.cards.size();
            continue;
        }
        const NoteType* type = collection.find_note_type(note.note_type_id);
        if (type && type->kind == NoteTypeKind::cloze) {
            rows += std::clamp<std::size_t>(cloze_number_count(note), 1, kMaxClozeCardOrd + 1);
        } else {
            rows += type ? std::max<std::size_t>(type->templates.size(), 1) : 1;
        }
    }
    return rows;
}

void CardBuilder::add_cards(const Note& note, const std::vector<std::string>& field_html,
                            const NoteType& note_type, const NoteRow& row,
                            const SourceLocation& origin, WriteContext& context,
                            std::vector<CardRow>& out) {
    if (note.cards.empty()) {
        add_generated(note, field_html, note_type, row, origin, context, out);
    } else {
        add_carried(note, note_type, row, origin, context, out);
    }
}

void CardBuilder::add_generated(const Note& note, const std::vector<std::string>& field_html,
                                const NoteType& note_type, const NoteRow& row,
                                const SourceLocation& origin, WriteContext& context,
                                std::vector<CardRow>& out) {
    if (std::vector<int> past = clozes_without_card(note_type, note); !past.empty()) {
        context.diagnostics.warning("APKG218", origin, clozes_without_card_message(past),
                                    "split the note: Anki makes at most 500 cloze cards");
    }
    std::vector<int> ords = anki_card_ords(note_type, note, field_html);
    std::int64_t deck_id = decks.id_for(note.deck);
    // Anki gives the cards of one note the same new-card position.
    std::int64_t position = next_position++;
    for (int ord : ords) {
        CardRow card;
        card.id = card_ids.take(card_id_key(row.guid, ord));
        card.note_id = row.id;
        card.deck_id = deck_id;
        card.ord = ord;
        card.modified = row.modified;
        card.due = position;
        out.push_back(std::move(card));
    }
}

void CardBuilder::add_carried(const Note& note, const NoteType& note_type, const NoteRow& row,
                              const SourceLocation& origin, WriteContext& context,
                              std::vector<CardRow>& out) {
    int max_ord = note_type.kind == NoteTypeKind::cloze
                      ? kMaxClozeCardOrd
                      : static_cast<int>(note_type.templates.size()) - 1;
    std::set<int> written_ords;
    for (const Card& source : note.cards) {
        if (source.ord < 0 || source.ord > max_ord || !written_ords.insert(source.ord).second) {
            context.diagnostics.warning(
                "APKG211", origin,
                "card " + std::to_string(source.ord + 1) + " of the note is left out: " +
                    (source.ord < 0 || source.ord > max_ord
                         ? "note type '" + note_type.name + "' has no such card"
                         : std::string("the note has it twice")));
            continue;
        }
        const nlohmann::json s = source.scheduling.parsed();  // no tree left behind per card
        CardRow card;
        std::int64_t source_id = integer(s, "id", 0);
        card.id = card_ids.take(source_id > 0 ? source_id : card_id_key(row.guid, source.ord));
        if (source_id > 0) written_card_id.emplace(source_id, card.id);
        card.note_id = row.id;
        card.ord = source.ord;
        card.modified = integer(s, "mod", row.modified);
        // Sync bookkeeping: kept as it is (every importer sets its own), -1 when there is none.
        card.usn = integer(s, "usn", -1);
        if (card.usn < INT32_MIN || card.usn > INT32_MAX) card.usn = -1;  // Anki reads an i32
        card.type = integer(s, "type", 0);
        card.queue = integer(s, "queue", 0);
        card.due = integer(s, "due", 0);
        card.interval = integer(s, "ivl", 0);
        card.factor = integer(s, "factor", 0);
        card.reps = integer(s, "reps", 0);
        card.lapses = integer(s, "lapses", 0);
        card.left = integer(s, "left", 0);
        card.original_due = integer(s, "odue", 0);
        card.original_deck_id = integer(s, "odid", 0);
        card.flags = integer(s, "flags", 0);
        if (s.is_object()) {
            auto data = s.find("data");
            if (data != s.end())
                card.data = data->is_string() ? data->get<std::string>() : data->dump();
        }
        // A card in a filtered deck goes home, to the deck of its odid, with its original due
        // (filtered decks are not written: APKG214).
        std::int64_t home =
            card.original_deck_id != 0 ? decks.id_for_source(card.original_deck_id) : 0;
        card.deck_id = home ? home : decks.id_for(source.deck.empty() ? note.deck : source.deck);
        if (card.original_deck_id != 0) {
            if (card.original_due != 0) card.due = card.original_due;
            if (card.queue >= 0) restore_queue_from_type(card);
            card.original_due = 0;
            card.original_deck_id = 0;
        }
        if (!valid_type_and_queue(card.type, card.queue)) {
            context.diagnostics.warning(
                "APKG212", origin,
                "card " + std::to_string(source.ord + 1) +
                    " has scheduling Anki does not know (type " + std::to_string(card.type) +
                    ", queue " + std::to_string(card.queue) + "); it is written as a new card");
            card.type = card.queue = card.interval = card.factor = card.left = 0;
            card.due = next_position;
        }
        if (card.type == 0 && card.queue == 0)
            next_position = std::max(next_position, card.due + 1);
        out.push_back(std::move(card));
    }
}

}  // namespace deckport::apkg
