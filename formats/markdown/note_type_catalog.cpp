#include "markdown/note_type_catalog.hpp"

#include "deckport/notetypes.hpp"
#include "markdown/syntax.hpp"
#include "markdown/yaml_text.hpp"

namespace deckport::markdown {
namespace {

// Names compare without regard to ASCII case (as Anki's do) or to runs of spaces (a card's
// `type:` is read word by word).
std::string comparable_name(std::string_view name) {
    return normalized_key(name);
}

}  // namespace

const NoteType* builtin_named(std::string_view name) {
    std::string wanted = comparable_name(name);
    for (const NoteType& note_type : stock_note_types()) {
        if (comparable_name(note_type.name) == wanted) return &note_type;
    }
    return nullptr;
}

std::string builtin_names() {
    std::string names;
    for (const NoteType& note_type : stock_note_types()) {
        if (!names.empty()) names += ", ";
        names += note_type.name;
    }
    return names;
}

bool NoteTypeCatalog::define(NoteType note_type) {
    if (defined(note_type.name)) return false;
    defined_.push_back(std::move(note_type));
    return true;
}

const NoteType* NoteTypeCatalog::defined(std::string_view name) const {
    std::string wanted = comparable_name(name);
    for (const NoteType& note_type : defined_) {
        if (comparable_name(note_type.name) == wanted) return &note_type;
    }
    return nullptr;
}

const NoteType* NoteTypeCatalog::find(std::string_view name) const {
    if (const NoteType* own = defined(name)) return own;
    return builtin_named(name);
}

const NoteType& NoteTypeCatalog::default_type(const NoteType* front,
                                              bool question_has_cloze) const {
    if (question_has_cloze) {
        if (front && front->kind == NoteTypeKind::cloze) return *front;
        const NoteType* cloze = find("Cloze");
        if (cloze && cloze->kind == NoteTypeKind::cloze) return *cloze;
        return *builtin_named("Cloze");
    }
    if (front) return *front;
    return *find("Basic");
}

}  // namespace deckport::markdown
