// The one list of built-in formats. Add a format here and nowhere else.
#include "apkg/apkg_format.hpp"
#include "crowdanki/crowdanki_format.hpp"
#include "csv/csv_format.hpp"
#include "deckport/format.hpp"
#include "json/json_format.hpp"
#include "markdown/markdown_format.hpp"
#include "mochi/mochi_format.hpp"
#include "quizlet/quizlet_format.hpp"

namespace deckport {

void register_builtin_formats(FormatRegistry& registry) {
    registry.add(make_markdown_format());
    registry.add(make_json_format());
    registry.add(make_apkg_format());
    registry.add(make_csv_format());
    registry.add(make_quizlet_format());
    registry.add(make_mochi_format());
    registry.add(make_crowdanki_format());
}

const FormatRegistry& builtin_formats() {
    static const FormatRegistry registry = [] {
        FormatRegistry r;
        register_builtin_formats(r);
        return r;
    }();
    return registry;
}

}  // namespace deckport
