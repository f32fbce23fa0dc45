#include "apkg/note_rows.hpp"

#include <algorithm>

#include "apkg/field_text.hpp"
#include "common/utf8.hpp"
#include "deckport/content.hpp"
#include "deckport/media_refs.hpp"

namespace deckport::apkg {
using namespace writing;
namespace {

constexpr char kFieldSeparator = '\x1f';

// Unicode White_Space, which Anki's tag splitting honours.
bool is_white_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

// The field's normalised HTML with its media references rewritten to their packaged names.
std::string rewrite_references(const std::string& html, const MediaPackager& media) {
    std::vector<MediaRef> references = find_media_refs(html, Markup::html);
    if (references.empty()) return html;
    return rewrite_media_refs(html, references, [&](const MediaRef& reference) {
        std::optional<std::string> name = media.packaged_name(reference.target);
        if (name && *name == reference.target) return std::optional<std::string>{};
        return name;
    });
}

}  // namespace

std::vector<std::string> field_html(const Note& note) {
    std::vector<std::string> html;
    html.reserve(note.fields.size());
    for (const Content& field : note.fields) html.push_back(to_html(field));
    return html;
}

std::vector<std::string> package_field_media(const Note& note, const std::vector<std::string>& html,
                                             const NoteType& note_type,
                                             const SourceLocation& origin, MediaPackager& media,
                                             WriteContext& context) {
    std::size_t count = note_type.fields.size();
    for (std::size_t i = count; i < note.fields.size(); ++i) {
        if (note.fields[i].source.empty()) continue;
        context.diagnostics.error("APKG206", origin,
                                  "the note has " + std::to_string(note.fields.size()) +
                                      " field values, but note type '" + note_type.name + "' has " +
                                      std::to_string(count) + " fields");
        break;
    }
    std::vector<std::string> fields(count);
    for (std::size_t i = 0; i < count && i < html.size(); ++i) {
        fields[i] = normalize_field(html[i]);
        std::vector<MediaRef> references = find_media_refs(fields[i], Markup::html);
        if (references.empty()) continue;
        SourceLocation at = i < note.field_origins.size() ? note.field_origin(i) : origin;
        for (const MediaRef& reference : references) {
            media.package_reference(reference.target, at, context);
        }
    }
    return fields;
}

NoteText note_text_from_fields(std::vector<std::string> fields, int sort_field,
                               const MediaPackager& media) {
    NoteText text;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        fields[i] = rewrite_references(fields[i], media);
        if (i > 0) text.fields += kFieldSeparator;
        text.fields += fields[i];
    }
    std::string first =
        fields.empty() ? std::string{} : strip_html_preserving_media_filenames(fields[0]);
    text.checksum = field_checksum(first);
    auto sort_index = static_cast<std::size_t>(std::max(sort_field, 0));
    if (sort_index == 0 || sort_index >= fields.size()) {
        text.sort_field = std::move(first);
    } else {
        text.sort_field = strip_html_preserving_media_filenames(fields[sort_index]);
    }
    return text;
}

NoteText note_text(const Note& note, int field_count, int sort_field, const MediaPackager& media) {
    std::vector<std::string> html = field_html(note);
    std::vector<std::string> fields(static_cast<std::size_t>(std::max(field_count, 0)));
    for (std::size_t i = 0; i < fields.size() && i < html.size(); ++i) {
        fields[i] = normalize_field(html[i]);
    }
    return note_text_from_fields(std::move(fields), sort_field, media);
}

std::string tags_column(const std::vector<std::string>& tags, const SourceLocation& origin,
                        WriteContext& context) {
    std::vector<std::string> written;
    for (const std::string& tag : tags) {
        std::string clean = normalize_field(tag);
        std::string out;
        bool replaced = false;
        for (std::size_t pos = 0; pos < clean.size();) {
            std::size_t start = pos;
            char32_t c = utf8::next_code_point(clean, pos);
            if (is_white_space(c)) {
                out += '_';
                replaced = true;
            } else {
                out.append(clean, start, pos - start);
            }
        }
        if (replaced) {
            context.diagnostics.warning(
                "APKG210", origin,
                "tag '" + tag + "' is written as '" + out + "': Anki tags cannot contain spaces");
        }
        if (!out.empty()) written.push_back(std::move(out));
    }
    std::sort(written.begin(), written.end());
    written.erase(std::unique(written.begin(), written.end()), written.end());
    if (written.empty()) return {};
    std::string column = " ";
    for (const std::string& tag : written) column += tag + " ";
    return column;
}

}  // namespace deckport::apkg
