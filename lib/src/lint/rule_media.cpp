// LINT005 missing media, LINT006 unused media, LINT007 media paths that leave the deck folder.
#include <filesystem>
#include <set>

#include "lint/lint_support.hpp"

namespace deckport::lint_detail {
namespace {
namespace fs = std::filesystem;

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Markdown and HTML may percent-encode a file name (`my%20image.png`).
std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
            hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string normal_name(std::string_view name) {
    return fs::path(std::string(name)).lexically_normal().generic_string();
}

bool leaves_folder(std::string_view target) {
    fs::path path = fs::path(percent_decoded(target));
    if (path.is_absolute() || path.has_root_name() || path.has_root_directory()) return true;
    fs::path normal = path.lexically_normal();
    return !normal.empty() && *normal.begin() == "..";
}

const MediaFile* find_media(const Collection& collection, std::string_view target) {
    for (const std::string& name : {std::string(target), percent_decoded(target)}) {
        if (const MediaFile* file = collection.find_media(name)) return file;
        std::string normal = normal_name(name);
        for (const MediaFile& file : collection.media) {
            if (normal_name(file.name) == normal) return &file;
        }
    }
    return nullptr;
}

bool available(const LintSubject& subject, std::string_view target) {
    std::error_code ec;
    if (const MediaFile* file = find_media(subject.collection, target)) {
        return file->data.has_value() || fs::is_regular_file(file->source_path, ec);
    }
    // Readers of text decks may leave media on disk, to be read by the writer.
    if (subject.base_dir.empty()) return false;
    return fs::is_regular_file(subject.base_dir / percent_decoded(target), ec);
}

template <typename Visit>
void each_reference(const Collection& collection, Visit visit) {
    for (const Note& note : collection.notes) {
        for (std::size_t i = 0; i < note.fields.size(); ++i) {
            for (const MediaReference& reference : media_references(note.fields[i])) {
                visit(note, i, reference);
            }
        }
    }
}

}  // namespace

void missing_media(const LintSubject& subject, const LintSettings&, LintReport& report) {
    each_reference(subject.collection, [&](const Note& note, std::size_t field,
                                           const MediaReference& reference) {
        if (leaves_folder(reference.target)) return;  // LINT007's finding
        if (available(subject, reference.target)) return;
        report.on_field(note, field,
                        reference.kind + " '" + reference.target + "' is not in the deck's media",
                        reference.target);
    });
}

void media_outside_deck(const LintSubject& subject, const LintSettings&, LintReport& report) {
    each_reference(subject.collection,
                   [&](const Note& note, std::size_t field, const MediaReference& reference) {
                       if (!leaves_folder(reference.target)) return;
                       report.on_field(note, field,
                                       reference.kind + " path '" + reference.target +
                                           "' leaves the deck's folder",
                                       reference.target);
                   });
}

void unused_media(const LintSubject& subject, const LintSettings&, LintReport& report) {
    std::set<std::string> used;
    auto use = [&](const MediaReference& reference) {
        used.insert(normal_name(reference.target));
        used.insert(normal_name(percent_decoded(reference.target)));
    };
    each_reference(subject.collection, [&](const Note&, std::size_t,
                                           const MediaReference& reference) { use(reference); });
    for (const NoteType& note_type : subject.collection.note_types) {
        for (const CardTemplate& card : note_type.templates) {
            for (const auto& side : {card.front, card.back}) {
                for (const MediaReference& r : media_references({Markup::html, side})) use(r);
            }
        }
    }
    for (const MediaFile& file : subject.collection.media) {
        // Anki keeps files starting with `_` for templates and CSS (fonts, scripts).
        if (file.name.starts_with("_") || used.contains(normal_name(file.name))) continue;
        SourceLocation where = file.origin;
        if (where.file.empty()) where.file = subject.file;
        report.at(where, "media file '" + file.name + "' is not used by any note");
    }
}

}  // namespace deckport::lint_detail
