#include "quizlet/cards.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "deckport/media_refs.hpp"
#include "quizlet/cloze_text.hpp"

namespace deckport::quizlet {
namespace {

// Images and sounds, local or not, that flattening to plain text drops.
bool mentions_media(const Content& field) {
    if (field.kind == Markup::text) return false;
    return !find_media_refs(field, {.include_external = true}).empty();
}

class Losses {
  public:
    Losses(Diagnostics& diagnostics, std::string output_name)
        : diagnostics_(diagnostics), output_(std::move(output_name)) {}

    void once(const char* code, std::string message) {
        if (!reported_.insert(code).second) return;
        diagnostics_.warning(code, SourceLocation{output_, 0, 0, {}}, std::move(message));
    }

  private:
    Diagnostics& diagnostics_;
    std::string output_;
    std::set<std::string> reported_;
};

}  // namespace

std::vector<Card> cards_from(const Collection& collection, const TextRenderer& to_plain_text,
                             Diagnostics& diagnostics, const std::string& output_name) {
    Losses losses(diagnostics, output_name);
    bool media = !collection.media.empty();
    std::vector<Card> cards;
    for (const Note& note : collection.notes) {
        if (!note.tags.empty()) losses.once("QZ014", "Quizlet has no tags: the tags are dropped");
        if (!note.deck.empty()) {
            losses.once("QZ015", "Quizlet text has no decks: the deck names are dropped");
        }
        bool scheduled = std::any_of(note.cards.begin(), note.cards.end(),
                                     [](const deckport::Card& c) { return !c.scheduling.empty(); });
        if (scheduled) losses.once("QZ022", "review scheduling is dropped");
        for (const Content& field : note.fields) {
            media = media || mentions_media(field);
            if (field.kind != Markup::text) {
                losses.once("QZ017",
                            "Quizlet text is plain: formatting is dropped (code keeps its text)");
            }
        }
        const NoteType* nt = collection.find_note_type(note.note_type_id);
        Card card;
        card.origin = note.origin;
        std::vector<std::string> texts;
        for (const Content& field : note.fields) texts.push_back(to_plain_text(field));
        if (texts.empty()) texts.emplace_back();
        if (nt && nt->kind == NoteTypeKind::cloze) {
            losses.once("QZ019",
                        "cloze notes become cards whose term shows the text with [...] blanks and "
                        "whose definition shows it in full");
            card.term = blank_clozes(texts[0]);
            card.definition = reveal_clozes(texts[0]);
            for (std::size_t i = 1; i < texts.size(); ++i) {
                if (!texts[i].empty()) card.definition += "\n" + texts[i];
            }
        } else {
            card.term = texts[0];
            for (std::size_t i = 1; i < texts.size(); ++i) {
                if (texts[i].empty()) continue;
                if (!card.definition.empty()) card.definition += "\n";
                card.definition += texts[i];
                if (i >= 2) {
                    losses.once("QZ018",
                                "notes with more than two fields: the fields after the second "
                                "are added to the definition, one per line");
                }
            }
        }
        cards.push_back(std::move(card));
    }
    if (media) {
        losses.once("QZ016",
                    "Quizlet's import takes no images or sounds: media and its references are "
                    "dropped");
    }
    return cards;
}

}  // namespace deckport::quizlet
