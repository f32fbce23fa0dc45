#include "quizlet/detection.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <vector>

#include "quizlet/splitting.hpp"

namespace deckport::quizlet {
namespace {

// Rows looked at: enough to see the shape of any real set, bounded for huge files.
constexpr std::size_t kSampleRows = 2000;
// Candidates from the first row, and the longest run taken as one: a hostile first row of runs
// of every length must not make detection quadratic.
constexpr std::size_t kMaxCandidates = 32;
constexpr std::size_t kMaxRun = 16;

// How unlikely a candidate is inside ordinary text: a tab or a run like `/////` is almost
// certainly a separator, `|` or ` - ` probably, a comma or a hyphen only when nothing better fits.
enum class Strength { weak = 1, marked = 2, strong = 3 };

struct TermCandidate {
    std::string text;
    Strength strength;
};

// Characters that form separator runs (`/////`, `:::`, `~~~~`). Not `.`, `*`, `_`, `!`, `?`,
// `<`, `>`: ellipses, markdown emphasis and quotes, arrows.
constexpr std::string_view kRunCharacters = "/|:~@#%^=+\\-";
// Characters whose line alone may separate rows (`@@@`, `---`, `===`).
constexpr std::string_view kRowLineCharacters = "@%^~=#*_+/|:-";

bool is_blank(std::string_view s) {
    return trim_space(s).empty();
}

std::vector<TermCandidate> term_candidates_in(std::string_view first_row, const std::string& row) {
    std::vector<TermCandidate> out;
    auto add = [&](std::string text, Strength strength) {
        if (out.size() == kMaxCandidates) return;
        if (text.find(row) != std::string::npos || row.find(text) != std::string::npos) return;
        if (first_row.find(text) == std::string_view::npos) return;
        for (const TermCandidate& seen : out) {
            if (seen.text == text) return;
        }
        out.push_back({std::move(text), strength});
    };
    add("\t", Strength::strong);
    add("|", Strength::marked);
    add(",", Strength::weak);
    add(";", Strength::weak);
    add("-", Strength::weak);
    for (std::size_t i = 0; i < first_row.size();) {
        if (kRunCharacters.find(first_row[i]) == std::string_view::npos) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < first_row.size() && first_row[end] == first_row[i]) ++end;
        std::size_t length = end - i;
        if (length > kMaxRun) {
            i = end;
            continue;
        }
        std::string run(first_row.substr(i, length));
        bool padded =
            i > 0 && first_row[i - 1] == ' ' && end < first_row.size() && first_row[end] == ' ';
        if (length >= 3) add(run, Strength::strong);
        if (padded && length == 1 && (run == "-" || run == "|"))
            add(" " + run + " ", Strength::marked);
        if (padded && length >= 2 && run[0] != '-') add(" " + run + " ", Strength::strong);
        i = end;
    }
    return out;
}

// How a term candidate fits the rows of one row separator.
struct Fit {
    TermCandidate term;
    std::size_t starts = 0;  // rows that hold it: cards
    std::size_t once = 0;    // rows that hold it exactly once
    std::size_t noise = 0;   // rows without it, terms over several lines, lines inside a row
                             // that hold it again (a card hidden in a definition)
};

std::size_t count_of(std::string_view text, std::string_view part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string_view::npos;
         at = text.find(part, at + part.size())) {
        ++count;
    }
    return count;
}

Fit fit_of(const TermCandidate& term, const std::vector<Piece>& rows) {
    Fit fit{term};
    for (const Piece& row : rows) {
        std::size_t at = row.text.find(term.text);
        if (at == std::string_view::npos) {
            ++fit.noise;
            continue;
        }
        ++fit.starts;
        if (count_of(row.text, term.text) == 1) ++fit.once;
        if (row.text.substr(0, at).find('\n') != std::string_view::npos) ++fit.noise;
        std::size_t line_end = row.text.find('\n', at);
        while (line_end != std::string_view::npos) {
            std::size_t next = row.text.find('\n', line_end + 1);
            std::string_view line = row.text.substr(line_end + 1, next == std::string_view::npos
                                                                      ? std::string_view::npos
                                                                      : next - line_end - 1);
            if (line.find(term.text) != std::string_view::npos) ++fit.noise;
            line_end = next;
        }
    }
    return fit;
}

// Better first: a candidate that every row holds, then the stronger, the more cards, the more
// rows holding it once, the longer (` ::: ` rather than `:::`).
auto rank(const Fit& f) {
    return std::make_tuple(f.noise == 0, static_cast<int>(f.term.strength), f.starts, f.once,
                           f.term.text.size());
}

bool tied(const Fit& a, const Fit& b) {
    return a.noise == 0 && b.noise == 0
               ? a.term.strength == b.term.strength && a.starts == b.starts && a.once == b.once
               : rank(a) == rank(b);
}

struct RowChoice {
    std::string row;
    std::vector<Piece> rows;  // the non-blank rows of the sample
    std::vector<Fit> fits;    // best first
};

std::vector<Piece> sample_rows(std::string_view text, const std::string& row) {
    std::vector<Piece> out;
    for (const Piece& piece : split_rows(text, row)) {
        if (is_blank(piece.text)) continue;
        out.push_back(piece);
        if (out.size() == kSampleRows) break;
    }
    return out;
}

RowChoice evaluate(std::string_view text, const std::string& row, const Options& options) {
    RowChoice choice{row, sample_rows(text, row), {}};
    if (choice.rows.empty()) return choice;
    std::vector<TermCandidate> candidates;
    if (options.term_given) {
        candidates.push_back({options.separators.term, Strength::strong});
    } else {
        candidates = term_candidates_in(choice.rows.front().text, row);
    }
    std::size_t most = 0;
    for (const TermCandidate& candidate : candidates) {
        Fit fit = fit_of(candidate, choice.rows);
        if (fit.starts == 0) continue;  // the given separator is not in the first row
        most = std::max(most, fit.starts);
        choice.fits.push_back(std::move(fit));
    }
    // A candidate in a quarter of the rows only is text, not a separator (a multi-line set has
    // fewer cards than rows, but not that few).
    std::erase_if(choice.fits, [&](const Fit& f) { return f.starts * 4 < most; });
    std::stable_sort(choice.fits.begin(), choice.fits.end(),
                     [](const Fit& a, const Fit& b) { return rank(a) > rank(b); });
    return choice;
}

// Lines made only of one repeated character (`@@@`), as custom row separators are typed.
std::vector<std::string> separator_lines(std::string_view text) {
    std::map<std::string, std::size_t> counts;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        std::string_view bare = trim_space(line);
        if (bare.size() >= 3 && kRowLineCharacters.find(bare[0]) != std::string_view::npos &&
            bare.find_first_not_of(bare[0]) == std::string_view::npos) {
            ++counts[std::string(line)];
        }
        start = end + 1;
    }
    std::vector<std::pair<std::size_t, std::string>> by_count;
    for (auto& [line, count] : counts) by_count.emplace_back(count, line);
    std::sort(by_count.begin(), by_count.end(), std::greater<>());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < by_count.size() && i < 3; ++i) {
        out.push_back("\n" + by_count[i].second + "\n");
    }
    return out;
}

std::vector<std::string> row_candidates(std::string_view text, const Options& options) {
    if (options.row_given) return {options.separators.row};
    std::vector<std::string> out = {"\n"};
    // Semicolon rows put many cards on a line: only when there are more of them than lines.
    if (sample_rows(text, ";").size() > sample_rows(text, "\n").size()) out.push_back(";");
    for (std::string& line : separator_lines(text)) out.push_back(std::move(line));
    return out;
}

std::string quoted(const std::string& separator) {
    std::string shown = describe(separator);
    return shown.starts_with("custom ") ? shown.substr(7) : shown;
}

}  // namespace

bool is_header_row(std::string_view term, std::string_view definition) {
    auto lower = [](std::string_view s) {
        std::string out(trim_space(s));
        for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    static const std::array<std::pair<std::string_view, std::string_view>, 5> kHeaders = {{
        {"term", "definition"},
        {"front", "back"},
        {"question", "answer"},
        {"word", "definition"},
        {"word", "meaning"},
    }};
    std::pair<std::string, std::string> row{lower(term), lower(definition)};
    return std::any_of(kHeaders.begin(), kHeaders.end(), [&](const auto& header) {
        return row.first == header.first && row.second == header.second;
    });
}

std::optional<Detection> detect_separators(std::string_view text, const Options& options,
                                           DetectionFailure& failure) {
    std::optional<RowChoice> best;
    std::size_t first_row = 0;
    for (const std::string& row : row_candidates(text, options)) {
        RowChoice choice = evaluate(text, row, options);
        if (!choice.rows.empty() && row == "\n") first_row = choice.rows.front().offset;
        if (choice.fits.empty()) continue;
        const Fit& fit = choice.fits.front();
        if (best) {
            const Fit& held = best->fits.front();
            if (std::make_pair(fit.noise, held.starts) >= std::make_pair(held.noise, fit.starts)) {
                continue;  // not fewer noisy rows, nor as few with more cards: keep the earlier
            }
        }
        best = std::move(choice);
    }
    failure.offset = first_row;
    if (!best) {
        failure.message =
            options.term_given
                ? "the separator between term and definition (" +
                      describe(options.separators.term) + ") is not in the first row"
                : "no separator between term and definition found in the first row (looked for "
                  "Tab, |, comma, semicolon, -, ' - ' and runs such as '/////' or ' ::: ')";
        failure.hint = "name the separators: -O term-separator=... -O row-separator=...";
        return std::nullopt;
    }
    const std::vector<Fit>& fits = best->fits;
    if (fits.size() > 1 && tied(fits[0], fits[1]) &&
        fits[0].term.text.find(fits[1].term.text) == std::string::npos &&
        fits[1].term.text.find(fits[0].term.text) == std::string::npos) {
        failure.offset = best->rows.front().offset;
        failure.message =
            "the separator between term and definition is ambiguous: " + quoted(fits[0].term.text) +
            " and " + quoted(fits[1].term.text) + " each split " + std::to_string(fits[0].starts) +
            " of " + std::to_string(best->rows.size()) + " rows";
        failure.hint = "name it: -O 'term-separator=" + option_value(fits[0].term.text, true) +
                       "' or -O 'term-separator=" + option_value(fits[1].term.text, true) + "'";
        return std::nullopt;
    }
    Detection detection;
    detection.separators = {fits[0].term.text, best->row};
    // A set of one card `front | back` is a card: a header names the columns of cards below it.
    if (auto parts = split_row(best->rows.front(), detection.separators.term);
        parts && fits[0].starts > 1 && is_header_row(parts->term.text, parts->definition.text)) {
        detection.header_offset = best->rows.front().offset;
    }
    return detection;
}

}  // namespace deckport::quizlet
