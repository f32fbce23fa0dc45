#include "markdown/card_splitter.hpp"

#include <set>

#include "markdown/syntax.hpp"

namespace deckport::markdown {
namespace {

// Each unclosed fence costs one more pass; past this many, later ones run to the end.
constexpr int kMaxFenceRecoveries = 50;

bool is_heading(std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && indent < 3 && line[indent] == ' ') ++indent;
    std::string_view rest = line.substr(indent);
    std::size_t hashes = 0;
    while (hashes < rest.size() && rest[hashes] == '#') ++hashes;
    if (hashes < 1 || hashes > 2) return false;
    return hashes == rest.size() || rest[hashes] == ' ' || rest[hashes] == '\t';
}

struct Pass {
    SplitBody body;
    std::optional<std::size_t> open_fence_line;  // a fence still open at the end
};

Pass split_once(const SourceText& source, std::size_t body_start,
                const std::set<std::size_t>& unclosed) {
    Pass pass;
    SplitBody& body = pass.body;
    body.in_fence.assign(source.line_count(), false);
    // Room for every card at once: separator lines (some may be in code) bound their number,
    // and a vector of 100,000 cards grown by doubling would hold a third of it spare.
    std::size_t separators = 0;
    for (std::size_t i = body_start; i < source.line_count(); ++i) {
        separators += is_card_separator(source.line(i)) ? 1 : 0;
    }
    body.cards.reserve(separators + 1);
    RawCard card;
    card.begin = body_start;
    std::optional<Fence> fence;
    std::size_t opener = 0;
    for (std::size_t i = body_start; i < source.line_count(); ++i) {
        std::string_view line = source.line(i);
        if (fence) {
            if (closes_fence(line, *fence)) {
                body.in_fence[i] = true;
                fence.reset();
                continue;
            }
            if (!(unclosed.count(opener) && is_card_separator(line))) {
                body.in_fence[i] = true;
                continue;
            }
            fence.reset();  // recovery: the unclosed fence ends before this `. . .`
        } else if (auto opening = fence_opening(line)) {
            fence = opening;
            opener = i;
            body.in_fence[i] = true;
            continue;
        }
        if (is_card_separator(line)) {
            body.has_card_separator = true;
            card.end = i;
            card.closing_separator = i;
            body.cards.push_back(card);
            card = RawCard{};
            card.begin = i + 1;
        } else if (is_side_separator(line)) {
            if (card.side_separator) {
                card.later_rules.push_back(i);
            } else {
                card.side_separator = i;
            }
        } else if (field_separator_name(line)) {
            card.field_separators.push_back(i);
        } else if (is_heading(line)) {
            card.headings.push_back(i);
        }
    }
    card.end = source.line_count();
    if (card.begin < card.end || body.cards.empty()) body.cards.push_back(card);
    if (fence) pass.open_fence_line = opener;
    return pass;
}

}  // namespace

SplitBody split_cards(const SourceText& source, std::size_t body_start, Diagnostics& diagnostics) {
    std::set<std::size_t> unclosed;
    while (true) {
        Pass pass = split_once(source, body_start, unclosed);
        if (!pass.open_fence_line || unclosed.count(*pass.open_fence_line)) {
            return std::move(pass.body);
        }
        std::size_t line = *pass.open_fence_line;
        std::string_view text = source.line(line);
        auto fence = fence_opening(text);
        std::size_t marker_at = text.find(fence->marker);
        diagnostics.error("MD009", source.location(line, marker_at), "code fence is never closed",
                          "close it with a line of " + std::to_string(fence->length) + " or more " +
                              (fence->marker == '`' ? "backticks" : "tildes"));
        if (static_cast<int>(unclosed.size()) >= kMaxFenceRecoveries) return std::move(pass.body);
        unclosed.insert(line);
    }
}

}  // namespace deckport::markdown
