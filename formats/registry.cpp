// The one list of built-in formats. Add a format here and nowhere else.
#include "apkg/apkg_format.hpp"
#include "crowdanki/crowdanki_format.hpp"
#include "csv/csv_format.hpp"
#include "deckport/format.hpp"
#include "format_codes.hpp"
#include "json/json_format.hpp"
#include "markdown/markdown_format.hpp"
#include "mochi/mochi_format.hpp"
#include "quizlet/quizlet_format.hpp"

namespace deckport {
namespace {

// The codes of the format's README table join the codes the format declares itself.
Format with_documented_codes(Format format) {
    for (const ReadmeCode& code : readme_format_codes()) {
        if (code.format == format.info.name) format.info.codes.push_back(code.info);
    }
    return format;
}

}  // namespace

void register_builtin_formats(FormatRegistry& registry) {
    registry.add(with_documented_codes(make_markdown_format()));
    registry.add(with_documented_codes(make_json_format()));
    registry.add(with_documented_codes(make_apkg_format()));
    registry.add(with_documented_codes(make_csv_format()));
    registry.add(with_documented_codes(make_quizlet_format()));
    registry.add(with_documented_codes(make_mochi_format()));
    registry.add(with_documented_codes(make_crowdanki_format()));
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
