#include "deckport/cloze_limit.hpp"

#include <algorithm>

#include "deckport/notetypes.hpp"

namespace deckport {

std::vector<int> clozes_without_card(const NoteType& note_type, const Note& note) {
    std::vector<int> past;
    if (note_type.kind != NoteTypeKind::cloze) return past;
    for (int ord : generated_card_ords(note_type, note)) {
        if (ord > kMaxClozeCardOrd) past.push_back(ord + 1);
    }
    return past;
}

std::string clozes_without_card_message(const std::vector<int>& numbers) {
    std::string first = "c" + std::to_string(numbers.front());
    std::string which = numbers.size() == 1
                            ? "cloze " + first + " gets"
                            : "cloze numbers " + first + " to c" + std::to_string(numbers.back()) +
                                  " (" + std::to_string(numbers.size()) + " of them) get";
    return which +
           " no card in Anki: it makes at most 500 cloze cards, and shows c501 and above only as "
           "text on other cards";
}

}  // namespace deckport
