#include "markdown/note_type_plan.hpp"

#include <nlohmann/json.hpp>

#include "markdown/note_type_catalog.hpp"
#include "markdown/note_type_yaml.hpp"

namespace deckport::markdown {
namespace {

using nlohmann::json;

// Anki's defaults (what a new note type has), for the options a definition leaves out: the
// LaTeX header of Anki 2.1+ and of Anki 2.0 (without inputenc).
constexpr const char* kLatexPre =
    "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
    "\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n"
    "\\setlength{\\parindent}{0in}\n\\begin{document}\n";
constexpr const char* kLatexPre20 =
    "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
    "\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n"
    "\\setlength{\\parindent}{0in}\n\\begin{document}\n";

// The first key of `object` whose value is set and differs from `defaults`.
std::optional<std::string> differing(const json& object, const json& defaults) {
    if (!object.is_object()) return std::nullopt;
    for (const auto& [key, fallback] : defaults.items()) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null() || *it == fallback) continue;
        return key;
    }
    return std::nullopt;
}

}  // namespace

bool needs_definition(const NoteType& note_type) {
    const NoteType* builtin = builtin_named(note_type.name);
    return !(builtin && builtin->name == note_type.name && same_shape(note_type, *builtin) &&
             note_type.css == builtin->css && note_type.sort_field == builtin->sort_field &&
             note_type.id == builtin->id);
}

std::optional<std::string> dropped_option(const NoteType& note_type) {
    const json& extras = note_type.extras.json();
    if (!extras.is_object()) return std::nullopt;
    static const json kFieldDefaults = {{"sticky", false},    {"rtl", false},
                                        {"font", "Arial"},    {"size", 20},
                                        {"description", ""},  {"plainText", false},
                                        {"collapsed", false}, {"excludeFromSearch", false}};
    if (auto fields = extras.find("flds"); fields != extras.end() && fields->is_array()) {
        for (std::size_t i = 0; i < fields->size() && i < note_type.fields.size(); ++i) {
            if (auto key = differing((*fields)[i], kFieldDefaults))
                return "the `" + *key + "` of field '" + note_type.fields[i] + "'";
        }
    }
    static const json kTemplateDefaults = {
        {"bqfmt", ""}, {"bafmt", ""}, {"bfont", ""}, {"bsize", 0}};
    for (const CardTemplate& card_template : note_type.templates) {
        if (auto key = differing(card_template.extras.json(), kTemplateDefaults))
            return "the `" + *key + "` of card template '" + card_template.name + "'";
        auto deck = card_template.extras.json().find("did");
        if (card_template.extras.json().is_object() && deck != card_template.extras.json().end() &&
            deck->is_number() && *deck != 0)
            return "the deck of card template '" + card_template.name + "'";
    }
    static const json kTypeDefaults = {{"latexPost", "\\end{document}"}, {"latexsvg", false}};
    if (auto key = differing(extras, kTypeDefaults)) return "its `" + *key + "`";
    auto latex = extras.find("latexPre");
    if (latex != extras.end() && latex->is_string() && *latex != kLatexPre && *latex != kLatexPre20)
        return "its `latexPre`";
    return std::nullopt;
}

}  // namespace deckport::markdown
