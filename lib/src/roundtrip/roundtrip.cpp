// The round-trip driver: for each format, write in memory, read back, compare, write again.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>

#include "deckport/error.hpp"
#include "roundtrip/roundtrip_internal.hpp"

namespace deckport {
namespace {
namespace fs = std::filesystem;
using roundtrip_detail::Comparison;

std::vector<const Format*> chosen_formats(const FormatRegistry& registry,
                                          const std::vector<std::string>& via) {
    std::vector<const Format*> formats;
    if (via.empty()) {
        for (const Format* format : registry.all()) {
            if (format->reader && format->writer) formats.push_back(format);
        }
        return formats;
    }
    for (const std::string& name : via) {
        const Format* format = registry.find(name);
        if (!format) throw UsageError("unknown format '" + name + "' in --via");
        if (!format->reader || !format->writer) {
            throw UsageError("format '" + format->info.name + "' cannot both write and read",
                             "a round trip needs a format that does both");
        }
        formats.push_back(format);
    }
    return formats;
}

// A folder that is removed when the round trip of one format is over.
class ScratchFolder {
  public:
    explicit ScratchFolder(const std::string& format) {
        static std::atomic<unsigned> counter{0};
        path_ = fs::temp_directory_path() / ("deckport-roundtrip-" + std::to_string(::getpid()) +
                                             "-" + std::to_string(counter++) + "-" + format);
    }
    ~ScratchFolder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

std::string stem_of(const std::string& file) {
    std::string stem = fs::path(file).filename().string();
    auto dot = stem.find('.');
    if (dot != std::string::npos && dot > 0) stem = stem.substr(0, dot);
    return stem.empty() ? "deck" : stem;
}

std::string extension_of(const Format& format) {
    return format.info.directory || format.info.extensions.empty() ? std::string{}
                                                                   : format.info.extensions.front();
}

// The writer's and reader's own findings: errors stay errors (and fail the round trip), the
// rest becomes notes, since losses are summarised by RT001 already.
void relay(const Diagnostics& from, const std::string& stage, FormatRoundtrip& result) {
    for (Diagnostic d : from.all()) {
        if (d.severity == Severity::error) {
            ++result.unexpected;
            d.message = result.format + " " + stage + ": " + d.message;
        } else {
            d.severity = Severity::note;
        }
        result.diagnostics.push_back(std::move(d));
    }
}

void failed(FormatRoundtrip& result, const std::string& stage, const Error& error,
            const std::string& file) {
    Diagnostic d = error.diagnostic();
    ++result.unexpected;
    result.diagnostics.push_back({Severity::error, "RT007",
                                  result.format + " could not " + stage + ": " + d.message +
                                      (d.code.empty() ? "" : " [" + d.code + "]"),
                                  SourceLocation{file}, d.hint});
}

void empty_deck_lost(FormatRoundtrip& result, const Error& error, const std::string& file,
                     bool strict) {
    Diagnostic d = error.diagnostic();
    result.losses.push_back("decks without notes");
    result.fixpoint = true;  // nothing was read back to write again
    result.diagnostics.push_back(
        {strict ? Severity::error : Severity::warning,
         "RT001",
         result.format +
             " does not carry decks without notes (its reader refuses the empty "
             "output: " +
             d.message + (d.code.empty() ? "" : " [" + d.code + "]") + "; lost by design" +
             (strict ? "; an error with --strict" : "") + ")",
         SourceLocation{file},
         {}});
}

Output write_with(const Format& format, const Collection& collection,
                  const RoundtripSettings& settings, const std::string& name,
                  Diagnostics& diagnostics) {
    WriteContext context{diagnostics,
                         options_for(format.info, OptionDirection::write, settings.options),
                         settings.limits, settings.timestamp, name};
    return write_to_memory(*format.writer, collection, context);
}

// Reads an output back: from memory for a single file, through a scratch folder for a folder.
Collection read_back(const Format& format, const Output& output, const RoundtripSubject& subject,
                     const RoundtripSettings& settings, const std::string& name,
                     Diagnostics& diagnostics) {
    // The options are filtered by read_collection.
    ReadContext context{diagnostics, settings.options, settings.limits, settings.timestamp};
    context.media_root = settings.media_root;
    if (!output.is_directory && output.files.size() == 1) {
        Input input = input_from_memory(name, output.files.front().bytes);
        // Relative media paths resolve where the original's did.
        input.path =
            subject.base_dir / (stem_of(subject.file) + ".roundtrip" + extension_of(format));
        return read_collection(format, input, context);
    }
    ScratchFolder scratch(format.info.name);
    write_output(scratch.path().string(), output, WritePolicy{false, {}, {}, {}});
    Input input = read_input(scratch.path().string(), settings.limits);
    input.display_name = name;
    Collection collection = read_collection(format, input, context);
    // Media read from the folder are loaded lazily: load them before the folder goes.
    for (MediaFile& file : collection.media) {
        if (!file.data) file.data = file.bytes();
    }
    return collection;
}

// The files of an output by path: a folder's files are the same whatever order the writer
// listed them in (CrowdAnki lists media in the collection's order, which a read changes).
std::map<std::string, const OutputFile*> files_by_path(const Output& output) {
    std::map<std::string, const OutputFile*> files;
    for (const OutputFile& file : output.files) files.emplace(file.relative_path, &file);
    return files;
}

std::string fixpoint_difference(const Output& first, const Output& second) {
    if (first.is_directory != second.is_directory) {
        return "the second write is " + std::string(second.is_directory ? "a folder" : "a file");
    }
    std::map<std::string, const OutputFile*> before = files_by_path(first);
    std::map<std::string, const OutputFile*> after = files_by_path(second);
    for (const auto& [path, file] : before) {
        if (!after.contains(path)) return "the second write has no file '" + path + "'";
    }
    for (const auto& [path, file] : after) {
        if (!before.contains(path)) return "the second write has a new file '" + path + "'";
    }
    for (const auto& [path, file] : before) {
        const OutputFile& a = *file;
        const OutputFile& b = *after.at(path);
        std::string which = path.empty() ? "the output" : "'" + path + "'";
        if (a.bytes != b.bytes) {
            std::size_t at = 0;
            while (at < a.bytes.size() && at < b.bytes.size() && a.bytes[at] == b.bytes[at]) ++at;
            return which + " differs from byte " + std::to_string(at) + " on (" +
                   std::to_string(a.bytes.size()) + " bytes, then " +
                   std::to_string(b.bytes.size()) + ")";
        }
    }
    return {};
}

void keep(const Format& format, const Output& output, const RoundtripSubject& subject,
          const fs::path& dir) {
    fs::create_directories(dir);
    fs::path target = dir / (stem_of(subject.file) + "." + format.info.name + extension_of(format));
    write_output(target.string(), output, WritePolicy{true, {}, format.info.folder_entries, {}});
}

std::string counted(std::size_t count, const std::string& unit) {
    std::string shown = unit;
    if (count == 1 && shown.ends_with("s")) shown.pop_back();  // "notes" -> "note"
    return std::to_string(count) + " " + shown;
}

// One warning per aspect the format does not carry (errors with --strict), and one note for
// what it changed by rule.
void report_losses(const Comparison& comparison, bool strict) {
    FormatRoundtrip& result = comparison.result;
    const std::string& name = comparison.format.info.name;
    const std::string& file = comparison.subject.file;
    for (const auto& [aspect, tally] : comparison.losses) {
        result.losses.push_back(aspect);
        result.diagnostics.push_back({strict ? Severity::error : Severity::warning,
                                      "RT001",
                                      name + " does not carry " + aspect + " (" +
                                          counted(tally.count, tally.unit) + ", lost by design" +
                                          (strict ? "; an error with --strict" : "") + ")",
                                      SourceLocation{file},
                                      {}});
    }
    if (comparison.normalised.empty()) return;
    std::string rules;
    for (const auto& [rule, count] : comparison.normalised) {
        result.normalised.push_back(rule);
        rules += (rules.empty() ? "" : "; ") + rule + " (" + std::to_string(count) + ")";
    }
    result.diagnostics.push_back({Severity::note,
                                  "RT009",
                                  name + " changes by rule, not counted as differences: " + rules,
                                  SourceLocation{file},
                                  {}});
}

FormatRoundtrip roundtrip_one(const Format& format, const RoundtripSubject& subject,
                              const SourceIndex& index, const RoundtripSettings& settings) {
    FormatRoundtrip result;
    result.format = format.info.name;
    result.strict = settings.strict;
    std::string name = subject.file + " (via " + format.info.name + ")";
    Output first;
    Collection readback;
    try {
        Diagnostics written;
        first = write_with(format, subject.collection, settings, name, written);
        relay(written, "write", result);
        // The writer refused part of the deck (reported above): its output proves nothing.
        if (written.has_errors()) return result;
        if (settings.keep_dir) keep(format, first, subject, *settings.keep_dir);
    } catch (const Error& e) {
        failed(result, "write the deck", e, subject.file);
        return result;
    }
    try {
        Diagnostics read;
        readback = read_back(format, first, subject, settings, name, read);
        relay(read, "read back", result);
    } catch (const Error& e) {
        if (subject.collection.notes.empty() && dynamic_cast<const InputError*>(&e)) {
            // A format whose files cannot be empty (a Quizlet set) cannot hold a deck without
            // notes: what it cannot carry, not a defect.
            empty_deck_lost(result, e, subject.file, settings.strict);
            return result;
        }
        failed(result, "read its own output back", e, subject.file);
        return result;
    }

    Comparison comparison{format, subject, index, result, {}, {}, {}, {}};
    roundtrip_detail::compare_collections(subject.collection, readback, comparison);
    report_losses(comparison, settings.strict);

    try {
        Diagnostics again;
        Output second = write_with(format, readback, settings, name, again);
        std::string difference = fixpoint_difference(first, second);
        result.fixpoint = difference.empty();
        if (!result.fixpoint) {
            result.diagnostics.push_back(
                {Severity::error,
                 "RT006",
                 format.info.name + " is not a fixpoint: writing the read-back deck again " +
                     "changes it: " + difference,
                 SourceLocation{subject.file},
                 {}});
        }
    } catch (const Error& e) {
        failed(result, "write the read-back deck", e, subject.file);
    }
    return result;
}

}  // namespace

bool RoundtripResult::passed() const {
    for (const FormatRoundtrip& format : formats) {
        if (!format.passed()) return false;
    }
    return true;
}

std::vector<Diagnostic> RoundtripResult::diagnostics() const {
    std::vector<Diagnostic> all;
    for (const FormatRoundtrip& format : formats) {
        all.insert(all.end(), format.diagnostics.begin(), format.diagnostics.end());
    }
    return all;
}

RoundtripResult roundtrip(const RoundtripSubject& subject, const FormatRegistry& registry,
                          const RoundtripSettings& settings) {
    std::vector<SourceLocation> origins;
    for (const Note& note : subject.collection.notes) origins.push_back(note.origin);
    SourceIndex index(subject.file, subject.source_text, origins);
    RoundtripResult result;
    for (const Format* format : chosen_formats(registry, settings.via)) {
        result.formats.push_back(roundtrip_one(*format, subject, index, settings));
    }
    return result;
}

std::vector<CodeInfo> roundtrip_codes() {
    using enum Severity;
    return {
        {"RT001", warning, "a format does not carry part of the deck (lost by design)",
         "The format cannot represent this (Quizlet has no tags, decks, media or formatting; "
         "markdown has no card templates...). Reported once per format and aspect, with how "
         "many notes, cards or files it concerns; it does not fail the round trip unless "
         "--strict is given (then it is an error). Choose a format that carries it if you "
         "need it."},
        {"RT002", error, "a note is missing after the round trip",
         "The format's writer or reader dropped a note it should carry. This is a defect in "
         "that format: report it with the deck."},
        {"RT003", error, "a note appeared in the round trip",
         "Reading the written deck back gave a note that the original does not have (a "
         "field split into two notes, a separator inside a field...)."},
        {"RT004", error, "a field changed in the round trip",
         "The format carries this field but it came back different; the message names the "
         "note (its question and GUID) and the field, and shows the text before → after from "
         "the first difference."},
        {"RT005", error, "a note's tags, deck, id, note type or cards changed",
         "The format carries this part of the note but it came back different; the message "
         "says what changed: tags lost or gained, the deck moved from and to, a card's "
         "scheduling key by key (interval, due, ease...), a note type's fields, templates or "
         "styling."},
        {"RT006", error, "writing is not a fixpoint",
         "Writing the read-back deck again gave other bytes than the first write, so repeated "
         "conversions keep changing the file (and its git diff)."},
        {"RT007", error, "a format could not write the deck or read its own output",
         "The writer failed on this deck, or the reader refused what the writer produced."},
        {"RT008", error, "a media file is lost or changed in the round trip",
         "The format carries media but a file is missing or has other bytes after the "
         "round trip. Files are matched by name, then by their bytes."},
        {"RT009", note, "what a format changes by rule, not counted as a difference",
         "Each format declares what its writer sets by rule (`deckport formats` lists it): "
         "Anki packages send the cards of filtered decks home; Mochi derives card ids from "
         "GUIDs; CrowdAnki puts decks without a common parent under one root deck (CA030); "
         "Anki, Mochi and CrowdAnki store media under flat, sanitised names. The round trip "
         "does not count these; this note (shown with -v) says how often each applied."},
    };
}

}  // namespace deckport
