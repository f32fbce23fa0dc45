// Which read-back note is which original note. Formats reorder notes (Mochi groups cards by
// deck), so position proves nothing: identity first, then content.
#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <unordered_map>

#include "roundtrip/roundtrip_internal.hpp"

namespace deckport::roundtrip_detail {
namespace {

// The note id an Anki package keeps beside the GUID (extras "id"), or 0.
std::int64_t note_id(const Note& note) {
    if (note.extras.empty()) return 0;
    const nlohmann::json extras = note.extras.parsed();  // no tree left behind per note
    if (!extras.is_object()) return 0;
    auto it = extras.find("id");
    return it != extras.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

std::string first_field_key(const Note& note) {
    return note.fields.empty() ? std::string{} : comparable_text(note.fields.front());
}

// The words of every field, lower case, with cloze markers taken apart so that a cloze note and
// its flattened card (`The [...] is` / `The sky is`) share them.
std::set<std::string> words_of(const Note& note) {
    std::set<std::string> words;
    for (const Content& field : note.fields) {
        std::string word;
        for (char c : comparable_text(field)) {
            unsigned char u = static_cast<unsigned char>(c);
            if (std::isalnum(u) || u >= 0x80) {
                word += static_cast<char>(std::tolower(u));
            } else if (!word.empty()) {
                words.insert(std::move(word));
                word.clear();
            }
        }
        if (!word.empty()) words.insert(std::move(word));
    }
    // `{{c1::x}}` leaves the word "c1": not content.
    std::erase_if(words, [](const std::string& w) {
        return w.size() >= 2 && w[0] == 'c' &&
               w.find_first_not_of("0123456789", 1) == std::string::npos;
    });
    return words;
}

double similarity(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() && b.empty()) return 1.0;
    std::size_t shared = 0;
    for (const std::string& word : a) shared += b.count(word);
    return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

class Matcher {
  public:
    Matcher(const Collection& original, const Collection& readback)
        : original_(original),
          readback_(readback),
          taken_(readback.notes.size(), false),
          partner_(original.notes.size(), nullptr) {}

    NoteMatches run() {
        by_key([](const Note& n) { return n.guid; }, false);
        by_key(
            [](const Note& n) { return note_id(n) ? std::to_string(note_id(n)) : std::string{}; },
            false);
        by_key(first_field_key, true);
        by_words();
        NoteMatches out;
        for (std::size_t i = 0; i < original_.notes.size(); ++i) {
            if (partner_[i]) {
                out.pairs.emplace_back(&original_.notes[i], partner_[i]);
            } else {
                out.lost.push_back(&original_.notes[i]);
            }
        }
        for (std::size_t i = 0; i < readback_.notes.size(); ++i) {
            if (!taken_[i]) out.added.push_back(&readback_.notes[i]);
        }
        return out;
    }

  private:
    void pair(std::size_t original, std::size_t readback) {
        partner_[original] = &readback_.notes[readback];
        taken_[readback] = true;
    }

    // Pairs the notes not paired yet whose keys are equal (and not empty), in order; with
    // `same_deck_first`, a candidate in the same deck wins over an earlier one elsewhere.
    template <typename Key>
    void by_key(Key key, bool same_deck_first) {
        std::unordered_map<std::string, std::vector<std::size_t>> candidates;
        for (std::size_t i = 0; i < readback_.notes.size(); ++i) {
            if (taken_[i]) continue;
            std::string k = key(readback_.notes[i]);
            if (!k.empty()) candidates[k].push_back(i);
        }
        for (std::size_t i = 0; i < original_.notes.size(); ++i) {
            if (partner_[i]) continue;
            std::string k = key(original_.notes[i]);
            if (k.empty()) continue;
            auto it = candidates.find(k);
            if (it == candidates.end()) continue;
            std::vector<std::size_t>& list = it->second;
            std::erase_if(list, [&](std::size_t j) { return taken_[j]; });
            if (list.empty()) continue;
            auto chosen = list.begin();
            if (same_deck_first) {
                auto same = std::find_if(list.begin(), list.end(), [&](std::size_t j) {
                    return ends_with_deck(readback_.notes[j].deck, original_.notes[i].deck);
                });
                if (same != list.end()) chosen = same;
            }
            pair(i, *chosen);
            list.erase(chosen);
        }
    }

    // The same deck, or the same deck under a root deck the format added.
    static bool ends_with_deck(const std::string& readback, const std::string& original) {
        return readback == original ||
               (readback.size() > original.size() + 2 && readback.ends_with("::" + original));
    }

    // What is left: the read-back note sharing most words with the original (at least half of
    // them), found through the original's rarest words so that big decks stay fast.
    static constexpr std::size_t kCommonWord = 64;      // notes sharing a word that names none
    static constexpr std::size_t kMaxCandidates = 256;  // notes one word adds, at most
    static constexpr std::size_t kMaxWords = 8;         // words tried while nothing is found

    void by_words() {
        std::vector<std::size_t> left_originals;
        for (std::size_t i = 0; i < original_.notes.size(); ++i) {
            if (!partner_[i]) left_originals.push_back(i);
        }
        if (left_originals.empty()) return;
        std::vector<std::set<std::string>> readback_words(readback_.notes.size());
        std::unordered_map<std::string, std::vector<std::size_t>> postings;
        // Read-back notes by their exact set of words, in order (and how many of those are
        // taken): an identical set scores 1.0, which no other note beats, and the first such
        // note is the one a search through every candidate would choose.
        std::unordered_map<std::string, std::pair<std::vector<std::size_t>, std::size_t>> by_set;
        for (std::size_t j = 0; j < readback_.notes.size(); ++j) {
            if (taken_[j]) continue;
            readback_words[j] = words_of(readback_.notes[j]);
            for (const std::string& word : readback_words[j]) postings[word].push_back(j);
            if (!readback_words[j].empty()) by_set[set_key(readback_words[j])].first.push_back(j);
        }
        for (std::size_t i : left_originals) {
            std::set<std::string> words = words_of(original_.notes[i]);
            if (words.empty()) continue;  // nothing to match by
            if (auto same = by_set.find(set_key(words)); same != by_set.end()) {
                auto& [notes, skipped] = same->second;
                while (skipped < notes.size() && taken_[notes[skipped]]) ++skipped;
                if (skipped < notes.size()) {
                    pair(i, notes[skipped]);
                    continue;
                }
            }
            // The original's words the read-back notes have, rarest first.
            std::vector<std::pair<std::size_t, const std::vector<std::size_t>*>> rarest;
            for (const std::string& word : words) {
                auto posting = postings.find(word);
                if (posting != postings.end())
                    rarest.emplace_back(posting->second.size(), &posting->second);
            }
            std::stable_sort(rarest.begin(), rarest.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            // Candidates: the notes holding the three rarest words, the best one sharing at least
            // half of the words, the first on a tie. A word that thousands of notes share (every
            // cloze note of a deck saying "The … rejects data race number …") names none of them:
            // once a candidate is found, such a word adds no more, and no word adds more than
            // kMaxCandidates (taking them all made this quadratic: 9,000 such notes took a
            // minute and a half). While nothing is found, rarer-first words go on being tried.
            std::set<std::size_t> seen;
            double best = 0.5;
            std::optional<std::size_t> chosen;
            for (std::size_t k = 0; k < rarest.size() && k < kMaxWords; ++k) {
                if (chosen && (k >= 3 || rarest[k].first > kCommonWord)) break;
                std::size_t added = 0;
                for (std::size_t j : *rarest[k].second) {
                    if (taken_[j] || !seen.insert(j).second) continue;
                    if (++added > kMaxCandidates) break;
                    double score = similarity(words, readback_words[j]);
                    if (score > best || (score == best && (!chosen || j < *chosen))) {
                        best = score;
                        chosen = j;
                    }
                }
            }
            if (chosen) pair(i, *chosen);
        }
    }

    static std::string set_key(const std::set<std::string>& words) {
        std::string key;
        for (const std::string& word : words) (key += word) += '\x1f';
        return key;
    }

    const Collection& original_;
    const Collection& readback_;
    std::vector<bool> taken_;
    std::vector<const Note*> partner_;
};

}  // namespace

NoteMatches match_notes(const Collection& original, const Collection& readback) {
    return Matcher(original, readback).run();
}

}  // namespace deckport::roundtrip_detail
