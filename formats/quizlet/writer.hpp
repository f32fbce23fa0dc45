// Writes Quizlet import text: one card per note, plain text, between the chosen separators.
#pragma once

#include "deckport/format.hpp"

namespace deckport::quizlet {

class QuizletWriter final : public Writer {
  public:
    void write(const Collection& collection, OutputSink& sink,
               WriteContext& context) const override;
};

}  // namespace deckport::quizlet
