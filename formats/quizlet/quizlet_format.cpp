#include "quizlet/quizlet_format.hpp"

#include "quizlet/reader.hpp"
#include "quizlet/separators.hpp"
#include "quizlet/writer.hpp"

namespace deckport {

Format make_quizlet_format() {
    Format format;
    format.info.name = "quizlet";
    format.info.extensions = {".quizlet.txt"};
    format.info.description =
        "Quizlet import/export text: a term and a definition per row, plain text, separators "
        "chosen in Quizlet's import box (no tags, decks, media or formatting)";
    format.info.options = quizlet::option_infos();
    format.info.media_beside = true;
    format.reader = std::make_unique<quizlet::QuizletReader>();
    format.writer = std::make_unique<quizlet::QuizletWriter>();
    return format;
}

}  // namespace deckport
