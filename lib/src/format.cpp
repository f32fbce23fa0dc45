#include "deckport/format.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "deckport/error.hpp"
#include "deckport/normalize.hpp"
#include "deckport/note_media.hpp"

namespace deckport {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string format_names(const std::vector<const Format*>& formats) {
    std::string names;
    for (const Format* f : formats) names += (names.empty() ? "" : ", ") + f->info.name;
    return names;
}

}  // namespace

void FormatRegistry::add(Format format) { formats_.push_back(std::move(format)); }

const Format* FormatRegistry::find(std::string_view name_or_alias) const {
    std::string wanted = lower(std::string(name_or_alias));
    for (const Format& f : formats_) {
        if (f.info.name == wanted) return &f;
        for (const auto& alias : f.info.aliases) {
            if (alias == wanted) return &f;
        }
    }
    return nullptr;
}

const Format* FormatRegistry::find_by_extension(const std::string& path) const {
    std::string name = lower(std::filesystem::path(path).filename().string());
    const Format* best = nullptr;
    std::size_t best_length = 0;
    // The longest matching extension wins (".deck.json" over ".json").
    for (const Format& f : formats_) {
        for (const auto& ext : f.info.extensions) {
            if (name.size() > ext.size() && name.ends_with(ext) && ext.size() > best_length) {
                best = &f;
                best_length = ext.size();
            }
        }
    }
    return best;
}

std::vector<const Format*> FormatRegistry::all() const {
    std::vector<const Format*> out;
    for (const Format& f : formats_) out.push_back(&f);
    return out;
}

const Format& FormatRegistry::detect_input(const Input& input,
                                           const std::optional<std::string>& from) const {
    if (from) {
        const Format* f = find(*from);
        if (!f) throw UsageError("unknown format '" + *from + "'", "formats: " + format_names(all()));
        if (!f->reader) throw UsageError("format '" + f->info.name + "' cannot be read");
        return *f;
    }
    // A folder can only be read by a folder format (whose reader looks inside it).
    std::vector<const Format*> readable;
    for (const Format& f : formats_) {
        if (f.reader && (!input.is_directory || f.info.directory)) readable.push_back(&f);
    }
    const Format* by_ext = input.is_directory ? nullptr : find_by_extension(input.display_name);
    if (by_ext && !by_ext->reader) by_ext = nullptr;
    int ext_score = by_ext ? by_ext->reader->probe(input) : 0;
    const Format* best = nullptr;
    int best_score = 0;
    for (const Format* f : readable) {
        int score = f == by_ext ? ext_score : f->reader->probe(input);
        if (score > best_score) {
            best = f;
            best_score = score;
        }
    }
    // The extension names the format unless another format is certain (100) of content the
    // extension's format is unsure of (a CrowdAnki deck.json or a Mochi data.json are also .json
    // files). A file its format cannot read still goes to that format's reader, whose error
    // says what is wrong where (an empty .apkg, a markdown file with a bad byte).
    if (by_ext && !(best_score == 100 && ext_score < 100)) return *by_ext;
    // No extension (stdin, a bare name): the content decides.
    if (best) return *best;
    throw InputError("FMT001", SourceLocation{input.display_name}, "cannot tell the input's format",
                     "name it with --from; formats: " + format_names(readable));
}

const Format& FormatRegistry::detect_output(const std::string& output_path,
                                            const std::optional<std::string>& to) const {
    const Format* f = nullptr;
    if (to) {
        f = find(*to);
        if (!f) throw UsageError("unknown format '" + *to + "'", "formats: " + format_names(all()));
    } else {
        f = find_by_extension(output_path);
        if (!f) {
            throw UsageError("cannot tell the output format of '" + output_path + "'",
                             "name it with --to; formats: " + format_names(all()));
        }
    }
    if (!f->writer) throw UsageError("format '" + f->info.name + "' cannot be written");
    return *f;
}

namespace {

// A field above Limits::max_field_bytes stops the read: no output carries it.
void check_field_sizes(const Collection& collection, const Input& input, const Limits& limits) {
    for (const Note& note : collection.notes) {
        for (std::size_t i = 0; i < note.fields.size(); ++i) {
            std::size_t size = note.fields[i].source.size();
            if (size <= limits.max_field_bytes) continue;
            SourceLocation at = note.origin;
            if (at.file.empty()) at.file = input.display_name;
            throw InputError("LIMIT001", at,
                             "field " + std::to_string(i + 1) + " of this note has " +
                                 std::to_string(size) +
                                 " bytes, which is larger than the limit of " +
                                 std::to_string(limits.max_field_bytes) + " bytes for one field",
                             "if the file is trusted, raise the limit with --limit field=SIZE");
        }
    }
}

}  // namespace

Collection read_collection(const Format& format, const Input& input, ReadContext& context) {
    // The reader sees only the options it reads (a writer's `safe` is not its business).
    context.options = options_for(format.info, OptionDirection::read, context.options);
    Collection collection = format.reader->read(input, context);
    check_field_sizes(collection, input, context.limits);
    normalize_collection(collection, context.diagnostics);
    resolve_note_media(collection, input, media_root_of(input, context, format.info.extensions),
                       {format.info.media_beside, context.strict}, context.diagnostics);
    collection.meta.source_format = format.info.name;
    collection.meta.source_name = input.display_name;
    if (collection.meta.created == 0) collection.meta.created = context.timestamp;
    if (collection.meta.modified == 0) collection.meta.modified = context.timestamp;
    return collection;
}

MediaRoot media_root_of(const Input& input, const ReadContext& context,
                        const std::vector<std::string>& extensions) {
    // A folder format's media live in its own folder; a file's in `<stem>.media/` beside it.
    std::string media_folder = input.is_directory || input.path.empty()
                                   ? std::string{}
                                   : media_folder_name(input.path, extensions);
    return MediaRoot::for_deck(input.base_dir(), media_folder, context.media_root,
                               context.limits.max_member_bytes);
}

bool writes_media_beside(const FormatInfo& format, const FormatOptions& options) {
    if (format.media_beside) return true;
    std::size_t eq = format.media_beside_option.find('=');
    if (eq == std::string::npos) return false;
    auto it = options.find(format.media_beside_option.substr(0, eq));
    return it != options.end() && it->second == format.media_beside_option.substr(eq + 1);
}

std::string option_value(const FormatOptions& options, const std::string& name,
                         const std::string& fallback) {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
}

Output write_to_memory(const Writer& writer, const Collection& collection, WriteContext& context) {
    MemorySink sink;
    writer.write(collection, sink, context);
    return sink.take();
}

}  // namespace deckport
