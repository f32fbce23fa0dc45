// Shared by the apkg reader tests: reading a file or bytes through make_apkg_reader().
#pragma once

#include <string>
#include <vector>

#include "apkg/apkg_format.hpp"
#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "test_support.hpp"

namespace deckport::test {

struct ReadResult {
    Collection collection;
    std::vector<Diagnostic> diagnostics;
};

inline ReadResult read_apkg_bytes(const std::string& name, std::string bytes, Limits limits = {}) {
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, limits, 0};
    Input input = input_from_memory(name, std::move(bytes));
    ReadResult result;
    result.collection = make_apkg_reader()->read(input, context);
    result.diagnostics = diagnostics.all();
    return result;
}

inline std::string fixture_bytes(const std::string& relative) {
    return read_text(fixtures_dir() / "anki" / relative);
}

inline ReadResult read_fixture(const std::string& relative) {
    return read_apkg_bytes(relative, fixture_bytes(relative));
}

inline std::vector<Diagnostic> check_apkg_bytes(const std::string& name, std::string bytes) {
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, Limits{}, 0};
    Input input = input_from_memory(name, std::move(bytes));
    make_apkg_reader()->check(input, context);
    return diagnostics.all();
}

inline std::vector<std::string> codes(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) out.push_back(d.code);
    return out;
}

inline std::vector<std::string> note_type_names(const Collection& c) {
    std::vector<std::string> names;
    for (const NoteType& nt : c.note_types) names.push_back(nt.name);
    return names;
}

inline std::vector<std::string> deck_names(const Collection& c) {
    std::vector<std::string> names;
    for (const Deck& d : c.decks) names.push_back(d.name);
    return names;
}

inline std::size_t card_count(const Collection& c) {
    std::size_t cards = 0;
    for (const Note& n : c.notes) cards += n.cards.size();
    return cards;
}

}  // namespace deckport::test
