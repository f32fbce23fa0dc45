#include "markdown/reader.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "common/utf8.hpp"
#include "deckport/error.hpp"
#include "deckport/parallel.hpp"
#include "markdown/card_reader.hpp"
#include "markdown/card_splitter.hpp"
#include "markdown/front_matter.hpp"
#include "markdown/source_text.hpp"
#include "markdown/syntax.hpp"

namespace deckport::markdown {
namespace {

constexpr std::size_t kProbeBytes = 1 << 20;

bool is_valid_utf8_prefix(std::string_view bytes, bool truncated) {
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::size_t length = utf8::sequence_length(bytes, pos);
        if (length == 0) return truncated && bytes.size() - pos < 4;  // cut mid-character
        pos += length;
    }
    return true;
}

bool has_markdown_extension(const std::string& name) {
    std::string lower = ascii_lower(name);
    return lower.ends_with(".md") || lower.ends_with(".markdown");
}

// True when the file opens with front matter holding one of `keys` (lower case).
bool front_matter_has(const std::vector<std::string_view>& lines,
                      std::initializer_list<std::string_view> keys) {
    if (lines.empty() || !is_side_separator(lines.front())) return false;
    for (std::size_t i = 1; i < lines.size() && !is_side_separator(lines[i]); ++i) {
        std::size_t colon = lines[i].find(':');
        if (colon == std::string_view::npos) continue;
        std::string key;
        for (std::string_view word : split_whitespace(lines[i].substr(0, colon))) {
            key += (key.empty() ? "" : " ") + ascii_lower(word);
        }
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) return true;
    }
    return false;
}

bool names_flashcard_deck(const std::vector<std::string_view>& lines) {
    return front_matter_has(lines, {"flashcard deck"});
}

std::string_view probe_window(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    return bytes.substr(0, kProbeBytes);
}

// Files in other tools' syntaxes (one note per heading, `---` between cards) have no `. . .`
// line: say so where the first sign of a second card shows, unless the front matter shows that
// the file is written in our syntax.
void warn_if_one_card_looks_like_many(const SplitBody& body, const FrontMatter& front,
                                      const SourceText& source, Diagnostics& diagnostics) {
    if (front.names_flashcard_deck || body.has_card_separator || body.cards.size() != 1) return;
    const RawCard& card = body.cards.front();
    std::optional<std::size_t> sign;
    if (!card.later_rules.empty()) sign = card.later_rules.front();
    if (card.headings.size() >= 2)
        sign = std::min(sign.value_or(card.headings[1]), card.headings[1]);
    if (!sign) return;
    diagnostics.warning("MD020", source.location(*sign),
                        "the file has no card separator `. . .`, so it was read as one card",
                        "separate cards with a line `. . .` (see docs/deck-format.md); files "
                        "in other tools' markdown syntaxes are not read");
}

}  // namespace

std::string MarkdownReader::why_not_a_deck(const Input& input) const {
    if (input.is_directory) return {};
    // Bytes are not checked here: a deck with a bad byte is still a deck (MD001 says where).
    std::vector<std::string_view> lines = text_lines(probe_window(input.bytes));
    if (front_matter_has(lines, {"flashcard deck", "deck"})) return {};
    if (std::any_of(lines.begin(), lines.end(), is_card_separator)) return {};
    return "no front matter naming a deck (`Flashcard Deck:` or `Deck:`) and no card separator "
           "`. . .`";
}

int MarkdownReader::probe(const Input& input) const {
    if (input.is_directory) return 0;
    bool truncated =
        input.bytes.size() > kProbeBytes + (input.bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0);
    std::string_view bytes = probe_window(input.bytes);
    if (bytes.find('\0') != std::string_view::npos || !is_valid_utf8_prefix(bytes, truncated)) {
        return 0;
    }
    std::vector<std::string_view> lines = text_lines(bytes);
    if (names_flashcard_deck(lines)) return 95;
    if (std::any_of(lines.begin(), lines.end(), is_card_separator)) return 80;
    return has_markdown_extension(input.display_name) ? 10 : 0;
}

Collection MarkdownReader::read(const Input& input, ReadContext& context) const {
    if (input.is_directory) {
        throw InputError("MD023", SourceLocation{input.display_name, 0, 0, {}},
                         "is a folder, not a markdown deck");
    }
    Diagnostics& diagnostics = context.diagnostics;
    SourceText source(input.bytes, input.display_name, diagnostics);
    FrontMatter front = read_front_matter(source, input.base_dir(), diagnostics);
    SplitBody body = split_cards(source, front.body_start, diagnostics);
    DeckSource deck{source, body, front};

    Collection collection;
    if (front.deck) collection.ensure_deck(*front.deck);
    if (front.description) {
        std::string name = front.deck.value_or(std::string(kDefaultDeck));
        collection.ensure_deck(name);
        for (Deck& deck_entry : collection.decks) {
            if (deck_entry.name == name) deck_entry.description = *front.description;
        }
    }
    // Where each explicit id was first used (line, column), to report a second use.
    std::unordered_map<std::string, std::pair<int, int>> ids;
    ids.reserve(body.cards.size());
    collection.notes.reserve(collection.notes.size() + body.cards.size());
    std::unordered_set<std::string> ensured_decks;  // ensure_deck once per deck, not per note
    // Cards are read on every core, a slice at a time, each with diagnostics of its own that are
    // then reported in the cards' order: the output is the one a single thread gives.
    struct CardRead {
        std::optional<ReadCard> card;
        std::vector<Diagnostic> diagnostics;
    };
    constexpr std::size_t kSliceSize = 2048;
    SlicePipeline<CardRead> reads(body.cards.size(), kSliceSize, [&](std::size_t i) {
        Diagnostics found;
        CardRead read{read_card(body.cards[i], deck, found), {}};
        read.diagnostics = found.take_all();
        return read;
    });
    for (std::size_t i = 0; i < body.cards.size(); ++i) {
        CardRead& read = reads.at(i);
        for (Diagnostic& found : read.diagnostics) diagnostics.report(std::move(found));
        const RawCard& raw = body.cards[i];
        std::optional<ReadCard>& card = read.card;
        if (!card) {
            if (raw.closing_separator) {
                diagnostics.warning("MD010", source.location(*raw.closing_separator),
                                    "empty card before this separator is skipped",
                                    "remove the extra `. . .` line");
            }
            continue;
        }
        if (card->explicit_id) {
            auto [first, inserted] =
                ids.emplace(*card->explicit_id, std::pair{card->id_at.line, card->id_at.column});
            if (inserted) {
                card->note.guid = *card->explicit_id;
            } else {
                diagnostics.error("MD016", card->id_at,
                                  "id '" + *card->explicit_id +
                                      "' is already used by the card at " +
                                      std::to_string(first->second.first) + ":" +
                                      std::to_string(first->second.second),
                                  "give each card its own id");
            }
        }
        collection.ensure_note_type(*card->note_type);
        if (ensured_decks.insert(card->note.deck).second) collection.ensure_deck(card->note.deck);
        collection.notes.push_back(std::move(card->note));
    }
    if (collection.notes.empty()) {
        diagnostics.warning("MD021", source.location(front.body_start), "the deck has no cards",
                            "write a question, a line `---` and an answer");
    }
    warn_if_one_card_looks_like_many(body, front, source, diagnostics);
    return collection;
}

}  // namespace deckport::markdown
