#include "deckport/note_media.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "deckport/lint.hpp"
#include "deckport/media_refs.hpp"
#include "deckport/parallel.hpp"
#include "lint/source_index.hpp"

namespace deckport {
namespace {
namespace fs = std::filesystem;

// Reported targets per code before the rest are summed up in one note.
constexpr std::size_t kMaxReported = 100;

const CodeInfo& missing_code() {
    static const CodeInfo info{
        "MEDIA001", Severity::warning, "a referenced media file is missing",
        "A field refers to an image, sound or video that is neither in the deck's package nor "
        "in its media root. The note is written as it is (Anki imports it and shows a broken "
        "image or a silent sound); `--strict` makes this an error. Put the file beside the deck "
        "(or in `<deck stem>.media/` beside it), or fix the name."};
    return info;
}

const CodeInfo& refused_code() {
    static const CodeInfo info{
        "MEDIA002", Severity::error, "a media path leaves the media root",
        "Media paths are relative to the deck and stay inside its media root (the deck's "
        "folder, or the folder given with --media-root): an absolute path, a path whose .. "
        "climbs out, or a symbolic link that leads out is not read, so that converting a deck "
        "never packages a file from elsewhere on the machine. Move the file next to the deck, "
        "or widen the root with --media-root DIR."};
    return info;
}

// A path for messages: relative to the current folder when it lies below it.
std::string shown(const fs::path& path) {
    std::error_code ec;
    fs::path here = fs::current_path(ec);
    if (!ec) {
        fs::path relative = path.lexically_relative(here);
        if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
    }
    return path.generic_string();
}

std::string tried_text(const std::vector<fs::path>& tried) {
    std::string out;
    for (std::size_t i = 0; i < tried.size(); ++i) {
        if (i > 0) out += i + 1 == tried.size() ? " and " : ", ";
        out += shown(tried[i]);
    }
    return out;
}

struct Finding {
    const Note* note = nullptr;  // null for a note type's CSS or template
    SourceLocation where;        // without a note: the note type's locator
    std::size_t field = 0;
    MediaRef ref;
    std::string message;
    std::string hint;
    std::size_t count = 0;  // references to the same target
};

// Findings by target, in the order the targets were first seen.
class Findings {
  public:
    Finding& at(const std::string& target, const Note* note, const SourceLocation& where,
                std::size_t field, const MediaRef& ref, bool& is_new) {
        auto [it, inserted] = by_target_.emplace(target, items_.size());
        is_new = inserted;
        if (inserted) items_.push_back({note, where, field, ref, {}, {}, 0});
        Finding& finding = items_[it->second];
        ++finding.count;
        return finding;
    }
    std::vector<Finding>& items() { return items_; }

  private:
    std::unordered_map<std::string, std::size_t> by_target_;
    std::vector<Finding> items_;
};

void report(Findings& findings, CodeInfo code, const LintSubject& subject, const SourceIndex& index,
            Diagnostics& diagnostics) {
    std::vector<Diagnostic> out;
    LintReport report(subject, index, code, out);
    std::size_t shown_count = 0;
    for (Finding& finding : findings.items()) {
        if (shown_count++ == kMaxReported) break;
        std::string message = finding.message;
        if (finding.count > 1) {
            message += " (and " + std::to_string(finding.count - 1) + " more " +
                       (finding.count == 2 ? "reference" : "references") + ")";
        }
        if (!finding.note) {
            out.push_back(
                {code.severity, code.code, std::move(message), finding.where, finding.hint});
            continue;
        }
        const std::string& source = finding.note->fields[finding.field].source;
        std::string_view needle =
            finding.ref.located
                ? std::string_view(source).substr(finding.ref.target_begin,
                                                  finding.ref.target_end - finding.ref.target_begin)
                : std::string_view(finding.ref.target);
        report.on_field_at(*finding.note, finding.field, finding.ref.target_begin,
                           std::move(message), needle, finding.hint);
    }
    for (Diagnostic& d : out) diagnostics.report(std::move(d));
    if (findings.items().size() > kMaxReported) {
        diagnostics.note(code.code, SourceLocation{subject.file},
                         std::to_string(findings.items().size() - kMaxReported) +
                             " more media targets with the same problem are not listed");
    }
}

}  // namespace

std::vector<CodeInfo> media_codes() {
    return {
        missing_code(),
        refused_code(),
        {"MEDIA003", Severity::warning, "media files were not written",
         "The output refers to media files by name (markdown, CSV, Quizlet, JSON with "
         "media=list) and `convert` writes them to `<output stem>.media/` beside it; with "
         "--no-media, or when the output goes to stdout without --media-dir, they are not "
         "written and the output's references point at nothing until the files are copied "
         "beside it."},
        {"MEDIA004", Severity::warning, "a media file cannot be written into the media folder",
         "Its name is not a relative path that stays inside the folder (`../x.png`, an "
         "absolute path, a backslash or a control character), so the file is left out; the "
         "references to it keep their name."},
    };
}

void resolve_note_media(Collection& collection, const Input& input, const MediaRoot& root,
                        const NoteMediaSettings& settings, Diagnostics& diagnostics) {
    bool from_files = root.deck_inside_root();
    if (!from_files && settings.beside_deck) {
        diagnostics.error(refused_code().code, SourceLocation{input.display_name},
                          "the deck's folder is outside the media root " + shown(root.root()) +
                              ": no media file is read",
                          "give a --media-root that contains the deck");
    }

    MediaIndex media(collection.media);
    std::unordered_map<std::string, MediaLookup> failed;  // targets looked up in vain
    const MediaLookup not_looked_up{};                    // the root is not usable
    Findings missing, refused;
    // Looks a target the collection lacks up in the root: null when found (then added), else
    // why not.
    auto look_up = [&](const std::string& target,
                       const SourceLocation& origin) -> const MediaLookup* {
        if (!from_files) return &not_looked_up;
        if (auto known = failed.find(target); known != failed.end()) return &known->second;
        MediaLookup lookup = root.resolve(target);
        if (lookup.outcome != MediaLookup::Outcome::found) {
            return &failed.emplace(target, std::move(lookup)).first->second;
        }
        MediaFile file;
        file.name = lookup.name;
        file.source_path = lookup.path;
        file.origin = origin;
        if (file.origin.file.empty()) file.origin.file = input.display_name;
        std::size_t at = collection.media.size();
        media.add(file.name, at);
        media.add(target, at);
        collection.media.push_back(std::move(file));
        return nullptr;
    };
    auto record = [&](const MediaRef& ref, const MediaLookup& lookup, const Note* note,
                      const SourceLocation& where, std::size_t field) {
        // A deck outside the root was reported once, above.
        if (&lookup == &not_looked_up && settings.beside_deck) return;
        std::string what = std::string(media_ref_kind_name(ref.kind)) + " '" + ref.target + "'";
        bool is_new = false;
        if (lookup.outcome == MediaLookup::Outcome::refused && settings.beside_deck) {
            Finding& f = refused.at(ref.target, note, where, field, ref, is_new);
            if (!is_new) return;
            f.message = what + " " + media_refusal_text(*lookup.refusal) +
                        ": it is not read (media root: " + shown(root.root()) + ")";
            f.hint =
                "move the file into the deck's folder, or widen the media root with "
                "--media-root DIR";
            return;
        }
        Finding& f = missing.at(ref.target, note, where, field, ref, is_new);
        if (!is_new) return;
        if (settings.beside_deck) {
            f.message = what + " " + lookup.problem;
            if (!lookup.tried.empty()) f.message += ": looked for " + tried_text(lookup.tried);
            f.hint =
                "the note is kept as written; put the file beside the deck or in <deck "
                "stem>.media/, or fix the name";
        } else {
            // A package's own media: what is outside the root was not even looked for.
            f.message = what + " is not in the deck's media";
            if (lookup.outcome == MediaLookup::Outcome::missing && !lookup.tried.empty())
                f.message += " (nor at " + tried_text(lookup.tried) + ")";
            f.hint = "the note is kept as written; Anki shows a broken image";
        }
    };

    // Each note's references (one list per field) are found on every core, a slice of notes at a
    // time, and looked up in the notes' order.
    constexpr std::size_t kSliceSize = 2048;
    SlicePipeline<std::vector<std::vector<MediaRef>>> refs_of(
        collection.notes.size(), kSliceSize, [&](std::size_t i) {
            std::vector<std::vector<MediaRef>> by_field;
            by_field.reserve(collection.notes[i].fields.size());
            for (const Content& field : collection.notes[i].fields) {
                by_field.push_back(find_media_refs(field));
            }
            return by_field;
        });
    for (std::size_t i = 0; i < collection.notes.size(); ++i) {
        const std::vector<std::vector<MediaRef>>& by_field = refs_of.at(i);
        const Note& note = collection.notes[i];
        for (std::size_t field = 0; field < by_field.size(); ++field) {
            for (const MediaRef& ref : by_field[field]) {
                if (media.find(ref.target)) continue;
                SourceLocation field_origin = note.field_origin(field);
                const SourceLocation& origin =
                    field_origin.has_position() ? field_origin : note.origin;
                if (const MediaLookup* lookup = look_up(ref.target, origin)) {
                    record(ref, *lookup, &note, {}, field);
                }
            }
        }
    }
    // Note types: url() in their CSS, media tags in their templates (`{{Field}}` is no file).
    for (const NoteType& note_type : collection.note_types) {
        std::vector<std::pair<std::string, std::vector<MediaRef>>> parts;
        parts.emplace_back("css", find_css_media_refs(note_type.css));
        for (const CardTemplate& card : note_type.templates) {
            parts.emplace_back("templates[" + card.name + "].front",
                               find_media_refs(card.front, Markup::html));
            parts.emplace_back("templates[" + card.name + "].back",
                               find_media_refs(card.back, Markup::html));
        }
        for (const auto& [part, refs] : parts) {
            SourceLocation where{input.display_name, 0, 0,
                                 "note_types[" + note_type.name + "]." + part};
            for (const MediaRef& ref : refs) {
                if (ref.target.find("{{") != std::string::npos || media.find(ref.target)) continue;
                if (const MediaLookup* lookup = look_up(ref.target, where)) {
                    record(ref, *lookup, nullptr, where, 0);
                }
            }
        }
    }
    // Files whose names start with `_` are kept by Anki whether or not a field names them
    // (templates may load them, and its media check never removes them): those in the deck's
    // `<stem>.media/` folder travel with it, as writing that folder put them there.
    if (from_files && settings.beside_deck && root.dirs().size() > 1) {
        std::error_code ec;
        std::vector<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(root.dirs()[1], ec)) {
            std::string name = entry.path().filename().string();
            if (name.starts_with('_') && !media.find(name)) names.push_back(name);
        }
        std::sort(names.begin(), names.end());
        SourceLocation where{input.display_name};
        for (const std::string& name : names) look_up(name, where);  // adds what it finds
    }
    if (missing.items().empty() && refused.items().empty()) return;
    // Positions: the input's text, indexed only when there is something to point at.
    std::string_view text = lintable_text(input);
    std::vector<SourceLocation> origins;
    origins.reserve(collection.notes.size());
    for (const Note& note : collection.notes) origins.push_back(note.origin);
    SourceIndex index(input.display_name, text, origins);
    LintSubject subject{collection, input.display_name, text, input.base_dir()};
    CodeInfo missing_info = missing_code();
    if (settings.strict) missing_info.severity = Severity::error;
    report(refused, refused_code(), subject, index, diagnostics);
    report(missing, missing_info, subject, index, diagnostics);
}

}  // namespace deckport
