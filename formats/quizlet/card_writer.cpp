#include "quizlet/card_writer.hpp"

#include <cctype>

#include "quizlet/flatten.hpp"
#include "quizlet/splitting.hpp"

namespace deckport::quizlet {
namespace {

constexpr int kNumberedCandidates = 50;

std::string join(const std::vector<Card>& cards, const Separators& s) {
    std::string out;
    for (std::size_t i = 0; i < cards.size(); ++i) {
        if (i > 0) out += s.row;
        out += cards[i].term + s.term + cards[i].definition;
    }
    return out;
}

// The index of the first card that the joined text does not split back into, if any.
std::optional<std::size_t> first_mismatch(const std::vector<Card>& cards, const Separators& s) {
    std::string text = join(cards, s);
    std::vector<Piece> rows = split_rows(text, s.row);
    for (std::size_t i = 0; i < cards.size(); ++i) {
        if (i >= rows.size()) return i;
        auto parts = split_row(rows[i], s.term);
        if (!parts || parts->term.text != cards[i].term ||
            parts->definition.text != cards[i].definition) {
            return i;
        }
    }
    if (rows.size() != cards.size() && !cards.empty()) return cards.size() - 1;
    return std::nullopt;
}

bool occurs_in_any(const std::vector<Card>& cards, const std::string& separator) {
    for (const Card& card : cards) {
        if (card.term.find(separator) != std::string::npos ||
            card.definition.find(separator) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> term_candidates(const Options& options) {
    std::vector<std::string> out;
    if (options.term_given) out.push_back(options.separators.term);
    for (const char* s : {"\t", "/////", "|||", "::::", "~~~~"}) out.push_back(s);
    for (int n = 1; n <= kNumberedCandidates; ++n) out.push_back("<<" + std::to_string(n) + ">>");
    return out;
}

std::vector<std::string> row_candidates(const Options& options) {
    std::vector<std::string> out;
    if (options.row_given) out.push_back(options.separators.row);
    for (const char* s : {"\n", "@@@", "%%%", "^^^", "~~~"}) out.push_back(s);
    for (int n = 1; n <= kNumberedCandidates; ++n) out.push_back("@@" + std::to_string(n) + "@@");
    return out;
}

SourceLocation where(const Card& card, std::size_t index) {
    SourceLocation at = card.origin;
    if (at.file.empty()) at.locator = "cards[" + std::to_string(index + 1) + "]";
    return at;
}

}  // namespace

std::optional<Separators> pick_safe_separators(const std::vector<Card>& cards,
                                               const Options& options) {
    std::vector<std::string> terms = term_candidates(options);
    for (const std::string& row : row_candidates(options)) {
        if (occurs_in_any(cards, row)) continue;
        for (const std::string& term : terms) {
            if (term == row || term.find(row) != std::string::npos) continue;
            if (occurs_in_any(cards, term)) continue;
            Separators candidate{term, row};
            if (!first_mismatch(cards, candidate)) return candidate;
        }
    }
    return std::nullopt;
}

std::string write_cards(const std::vector<Card>& input, const Options& options,
                        Diagnostics& diagnostics, const std::string& output_name) {
    std::vector<Card> cards = input;
    for (Card& card : cards) {
        card.term = std::string(trim_space(card.term));
        card.definition = std::string(trim_space(card.definition));
    }
    Separators separators = options.separators;
    bool flatten_cards = true;
    if (options.safe) {
        if (auto safe = pick_safe_separators(cards, options)) {
            separators = *safe;
            flatten_cards = false;
            diagnostics.note(
                "QZ020", SourceLocation{output_name, 0, 0, {}},
                "quizlet-safe: between term and definition: " + describe(separators.term) +
                    "; between rows: " + describe(separators.row),
                "choose these in Quizlet's import box (Custom, then type the text)");
        } else {
            diagnostics.error("QZ021", SourceLocation{output_name, 0, 0, {}},
                              "quizlet-safe: every candidate separator occurs in the cards; the "
                              "cards are flattened instead");
        }
    }
    for (std::size_t i = 0; i < cards.size(); ++i) {
        Card& card = cards[i];
        if (flatten_cards) {
            Flattened term = flatten(card.term, separators, true);
            Flattened definition = flatten(card.definition, separators, false);
            std::vector<std::string> changes = term.changes;
            changes.insert(changes.end(), definition.changes.begin(), definition.changes.end());
            if (!changes.empty()) {
                std::string list;
                for (const std::string& change : changes)
                    list += (list.empty() ? "" : "; ") + change;
                diagnostics.warning("QZ011", where(input[i], i),
                                    "the card '" + term.text +
                                        "' is flattened to fit the "
                                        "separators: " +
                                        list,
                                    "--quizlet-safe keeps line breaks and punctuation");
            }
            card.term = std::move(term.text);
            card.definition = std::move(definition.text);
        }
        if (card.term.empty() || card.definition.empty()) {
            diagnostics.warning("QZ013", where(input[i], i),
                                std::string("the card has an empty ") +
                                    (card.term.empty() ? "term" : "definition") +
                                    ": Quizlet may refuse it");
        }
    }
    if (auto bad = first_mismatch(cards, separators)) {
        diagnostics.error("QZ012", where(input[*bad], *bad),
                          "the card '" + cards[*bad].term +
                              "' would not read back with the "
                              "separators " +
                              describe(separators.term) + " and " + describe(separators.row),
                          "choose other separators, or use --quizlet-safe");
    }
    std::string out = join(cards, separators);
    if (!out.empty() && !out.ends_with('\n')) out += '\n';
    return out;
}

}  // namespace deckport::quizlet
