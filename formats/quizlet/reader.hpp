// Reads Quizlet's export text: rows split at the row separator, each at its first term separator.
#pragma once

#include "deckport/format.hpp"

namespace deckport::quizlet {

class QuizletReader final : public Reader {
  public:
    int probe(const Input& input) const override;
    Collection read(const Input& input, ReadContext& context) const override;
};

}  // namespace deckport::quizlet
