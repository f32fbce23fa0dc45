// LINT006 unused media. Missing media and paths that leave the media root are MEDIA001 and
// MEDIA002, reported while reading (deckport/note_media.hpp), the same in check and convert.
#include <vector>

#include "deckport/media_refs.hpp"
#include "lint/lint_support.hpp"

namespace deckport::lint_detail {

void unused_media(const LintSubject& subject, const LintSettings&, LintReport& report) {
    const Collection& collection = subject.collection;
    MediaIndex index(collection.media);
    std::vector<bool> used(collection.media.size(), false);
    auto use = [&](const std::vector<MediaRef>& refs) {
        for (const MediaRef& ref : refs) {
            if (auto at = index.find(ref.target)) used[*at] = true;
        }
    };
    for (const Note& note : collection.notes) {
        for (const Content& field : note.fields) use(find_media_refs(field));
    }
    for (const NoteType& note_type : collection.note_types) {
        for (const CardTemplate& card : note_type.templates) {
            use(find_media_refs(card.front, Markup::html));
            use(find_media_refs(card.back, Markup::html));
        }
        use(find_css_media_refs(note_type.css));
    }
    for (std::size_t i = 0; i < collection.media.size(); ++i) {
        const MediaFile& file = collection.media[i];
        // Anki keeps files starting with `_` for templates and CSS (fonts, scripts).
        if (used[i] || file.name.starts_with("_")) continue;
        SourceLocation where = file.origin;
        if (where.file.empty()) where.file = subject.file;
        report.at(where, "media file '" + file.name + "' is not used by any note");
    }
}

}  // namespace deckport::lint_detail
