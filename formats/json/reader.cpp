#include "json/reader.hpp"

#include <algorithm>
#include <charconv>
#include <future>
#include <optional>
#include <system_error>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "deckport/error.hpp"
#include "deckport/threads.hpp"
#include "json/json_document.hpp"
#include "json/json_scan.hpp"
#include "json/model_reader.hpp"

namespace deckport::json_format {
namespace {

using nlohmann::json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr const char* kEnvelopeHint =
    "a deckport JSON document starts with "
    "{\"format\": \"deckport\", \"version\": \"1.0\", ...}";

std::string_view skip_whitespace(std::string_view text) {
    std::size_t start = text.find_first_not_of(" \t\r\n");
    return start == std::string_view::npos ? std::string_view{} : text.substr(start);
}

// True when `text` starts with `{"format": "deckport"` (any whitespace between tokens).
bool has_canonical_opening(std::string_view text) {
    for (std::string_view token : {"{", "\"format\"", ":", "\"deckport\""}) {
        text = skip_whitespace(text);
        if (!text.starts_with(token)) return false;
        text.remove_prefix(token.size());
    }
    return true;
}

SourceLocation location(const std::string& file, TextPosition at, std::string locator = {}) {
    SourceLocation origin;
    origin.file = file;
    origin.line = at.line;
    origin.column = at.column;
    origin.locator = std::move(locator);
    return origin;
}

// Where `pointer` starts in `text` (0:0 when it is not there).
TextPosition position_of(std::string_view text, const std::string& pointer) {
    auto found = locate(text, {pointer});
    auto it = found.find(pointer);
    return it == found.end() ? TextPosition{} : it->second;
}

// nlohmann's message without its prefix (which has its own position) and without the echo of
// the last bytes read (which may be invalid UTF-8): "syntax error while parsing value: ...".
std::string syntax_message(const json::parse_error& error) {
    std::string text = error.what();
    std::size_t column = text.find(", column ");
    if (column != std::string::npos) {
        std::size_t start = text.find(": ", column);
        if (start != std::string::npos) text = text.substr(start + 2);
    }
    std::size_t echo = text.find("; last read: '");
    if (echo != std::string::npos) {
        std::size_t end = text.rfind("'; expected");
        text = end != std::string::npos && end > echo ? text.erase(echo, end + 1 - echo)
                                                      : text.substr(0, echo);
    }
    std::size_t dash = text.find(" - ");
    if (dash != std::string::npos) text.replace(dash, 3, ": ");
    return text;
}

json parse_document(const Input& input, const json::parser_callback_t& callback = nullptr) {
    try {
        return json::parse(input.bytes, callback);
    } catch (const json::parse_error& error) {
        std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        throw InputError("JSON001",
                         location(input.display_name, position_of_offset(input.bytes, offset)),
                         syntax_message(error));
    } catch (const json::exception& error) {
        // Other parser refusals carry no position (the scan before parsing finds the known ones).
        std::string text = error.what();
        std::size_t end_of_id = text.find("] ");
        throw InputError("JSON001", location(input.display_name, TextPosition{}),
                         end_of_id == std::string::npos ? text : text.substr(end_of_id + 2));
    }
}

struct Version {
    int major = 0;
    int minor = 0;
};

// "MAJOR.MINOR": decimal numbers without sign or leading zeros.
std::optional<Version> parse_version(const std::string& text) {
    std::size_t dot = text.find('.');
    if (dot == std::string::npos) return std::nullopt;
    for (std::string_view part :
         {std::string_view(text).substr(0, dot), std::string_view(text).substr(dot + 1)}) {
        if (part.empty() || part.size() > 6 || (part.size() > 1 && part[0] == '0')) {
            return std::nullopt;
        }
        for (char c : part) {
            if (c < '0' || c > '9') return std::nullopt;
        }
    }
    Version version;
    // At most 6 digits each: these cannot fail or overflow.
    std::from_chars(text.data(), text.data() + dot, version.major);
    std::from_chars(text.data() + dot + 1, text.data() + text.size(), version.minor);
    return version;
}

// A value as it appears in messages: its JSON text, cut short when long.
std::string shown(const json& value) {
    constexpr std::size_t kMax = 40;
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() > kMax) text = text.substr(0, kMax) + "...";
    return text;
}

// Checks "format" and "version"; returns true when the document is a newer minor version.
bool check_envelope(const json& root, const Input& input, Diagnostics& diagnostics) {
    const std::string& file = input.display_name;
    if (!root.is_object()) {
        throw InputError("JSON002", location(file, position_of(input.bytes, "")),
                         "not a deckport JSON document: the top level is no object", kEnvelopeHint);
    }
    auto format = root.find("format");
    if (format == root.end()) {
        throw InputError("JSON002", location(file, position_of(input.bytes, "")),
                         "not a deckport JSON document: \"format\" is missing", kEnvelopeHint);
    }
    if (!format->is_string() || format->get<std::string>() != kFormatName) {
        throw InputError("JSON002", location(file, position_of(input.bytes, "/format"), "/format"),
                         "not a deckport JSON document: \"format\" is " + shown(*format) +
                             ", not \"" + kFormatName + "\"",
                         kEnvelopeHint);
    }
    auto version_value = root.find("version");
    if (version_value == root.end()) {
        throw InputError("JSON003", location(file, position_of(input.bytes, "")),
                         "\"version\" is missing", kEnvelopeHint);
    }
    SourceLocation version_at = location(file, position_of(input.bytes, "/version"), "/version");
    std::optional<Version> version;
    if (version_value->is_string()) version = parse_version(version_value->get<std::string>());
    if (!version) {
        throw InputError("JSON003", version_at,
                         "\"version\" is " + shown(*version_value) +
                             ", not a string \"MAJOR.MINOR\" such as \"" + current_version() +
                             "\"");
    }
    std::string found = version_value->get<std::string>();
    if (version->major != kVersionMajor) {
        throw InputError("JSON004", version_at,
                         "unsupported version \"" + found + "\": this deckport reads version " +
                             std::to_string(kVersionMajor) + ".x (up to " + current_version() + ")",
                         version->major > kVersionMajor ? "read it with a newer deckport" : "");
    }
    if (version->minor > kVersionMinor) {
        diagnostics.warning("JSON005", version_at,
                            "version \"" + found + "\" is newer than " + current_version() +
                                ", the newest this deckport knows: unknown keys are ignored",
                            "read it with a newer deckport to keep everything");
        return true;
    }
    return false;
}

// The version of a document that opens as deckport writes it, `{"format": "deckport",
// "version": "MAJOR.MINOR"`, when this deckport reads that major version.
std::optional<Version> canonical_version(std::string_view text) {
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    if (!has_canonical_opening(text)) return std::nullopt;
    text.remove_prefix(text.find("\"deckport\"") + std::string_view("\"deckport\"").size());
    for (std::string_view token : {",", "\"version\"", ":", "\""}) {
        text = skip_whitespace(text);
        if (!text.starts_with(token)) return std::nullopt;
        text.remove_prefix(token.size());
    }
    std::size_t end = text.find('"');
    if (end == std::string_view::npos || end > 16) return std::nullopt;
    std::optional<Version> version = parse_version(std::string(text.substr(0, end)));
    if (!version || version->major != kVersionMajor) return std::nullopt;
    return version;
}

// Reads the notes as the parser finishes each one, so that the document's tree never holds them
// all: the tree of a 100,000-note file is several times the file's size. The note types must come
// first (deckport writes them first); when "notes" starts before "note_types" has ended, the
// notes stay in the tree and are read from it.
class NoteStream {
  public:
    explicit NoteStream(bool newer_minor) : streamed_(newer_minor), scratch_(newer_minor) {}

    // nlohmann's parser callback: false drops the value from the tree.
    bool see(int depth, json::parse_event_t event, json& parsed) {
        using Event = json::parse_event_t;
        if (depth == 1) {
            if (event == Event::key) {
                member_ = parsed.get<std::string>();
            } else if (event == Event::array_start && member_ == "notes" && note_types_) {
                reader_.emplace(streamed_.notes, *note_types_, streamed_.problems);
            } else if (event == Event::array_end && member_ == "notes") {
                notes_ended_ = reader_.has_value();
            } else if (event == Event::array_end && member_ == "note_types") {
                // Read again by model_from_json, which reports their problems.
                note_types_ = note_types_from_json(parsed, scratch_);
            }
            return true;
        }
        bool element_ends =
            event == Event::object_end || event == Event::array_end || event == Event::value;
        if (depth == 2 && element_ends && member_ == "notes" && reader_ && !notes_ended_) {
            reader_->read(parsed);
            return false;
        }
        return true;
    }
    // The notes read, or null when they were left in the tree.
    StreamedNotes* notes() { return reader_ ? &streamed_ : nullptr; }

  private:
    StreamedNotes streamed_;
    Problems scratch_;
    std::string member_;  // the top-level member being parsed
    std::optional<Collection> note_types_;
    std::optional<NoteReader> reader_;
    bool notes_ended_ = false;
};

// Turns the pending diagnostics into reported ones with line:col, in the order of the text.
void report(const std::vector<PendingDiagnostic>& pending,
            const std::unordered_map<std::string, TextPosition>& positions,
            std::vector<Diagnostic> known, const std::string& file, Diagnostics& diagnostics) {
    for (const PendingDiagnostic& item : pending) {
        auto it = positions.find(item.pointer);
        TextPosition at = it == positions.end() ? TextPosition{} : it->second;
        known.push_back(
            {item.severity, item.code, item.message, location(file, at, item.pointer), item.hint});
    }
    std::stable_sort(known.begin(), known.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.origin.line, a.origin.column) <
               std::pair(b.origin.line, b.origin.column);
    });
    for (Diagnostic& diagnostic : known) diagnostics.report(std::move(diagnostic));
}

}  // namespace

int JsonReader::probe(const Input& input) const {
    if (input.is_directory) return 0;
    std::string_view text = input.bytes;
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    if (has_canonical_opening(text)) return 100;
    if (!skip_whitespace(text).starts_with("{")) return 0;
    // Keep only the top-level members' scalars: enough to read "format", cheap on big files.
    auto top_level_only = [](int depth, json::parse_event_t, json&) { return depth <= 1; };
    json root = json::parse(text, top_level_only, false);
    if (!root.is_object()) return 1;  // broken, but an object: reading says what is wrong
    auto format = root.find("format");
    if (format != root.end() && format->is_string() && format->get<std::string>() == kFormatName) {
        return 90;
    }
    return 1;
}

Collection JsonReader::read(const Input& input, ReadContext& context) const {
    const std::string& file = input.display_name;
    if (input.is_directory) {
        throw InputError("JSON002", location(file, TextPosition{}),
                         "a folder is no deckport JSON file");
    }
    if (skip_whitespace(input.bytes).empty()) {
        throw InputError("JSON001", location(file, TextPosition{}),
                         "the file is empty: a deckport JSON file holds one object");
    }
    if (input.bytes.size() > context.limits.max_input_bytes) {
        throw InputError("JSON006", location(file, TextPosition{}),
                         "input is larger than the limit of " +
                             std::to_string(context.limits.max_input_bytes) + " bytes");
    }
    PrescanResult scan = prescan(input.bytes, context.limits.max_nesting);
    if (scan.too_deep) {
        throw InputError(
            "JSON007", location(file, *scan.too_deep),
            "nesting is deeper than " + std::to_string(context.limits.max_nesting) + " levels");
    }
    if (scan.number_overflow) {
        std::string token = scan.number_overflow->first.substr(0, 40);
        throw InputError("JSON001", location(file, scan.number_overflow->second),
                         "number " + token + " is too large");
    }
    // A document that repeats "format", "version", "notes" or "note_types" is read from its
    // tree: the parser keeps the last of the two (JSON008), and the notes must be read against
    // that one.
    std::optional<NoteStream> stream;
    bool repeated = std::any_of(
        scan.duplicate_keys.begin(), scan.duplicate_keys.end(), [](const DuplicateKey& duplicate) {
            return duplicate.pointer == "/notes" || duplicate.pointer == "/note_types" ||
                   duplicate.pointer == "/version" || duplicate.pointer == "/format";
        });
    if (std::optional<Version> version = canonical_version(input.bytes); version && !repeated) {
        stream.emplace(version->minor > kVersionMinor);
    }
    // The walk that finds where notes and fields start runs beside the parser when it can.
    std::future<NotePositions> note_walk;
    if (threads_per_input() > 1) {
        try {
            note_walk =
                std::async(std::launch::async, [&input] { return locate_notes(input.bytes); });
        } catch (const std::system_error&) {
            // No thread to be had: the walk runs after the parse, on this one.
        }
    }
    json root = stream
                    ? parse_document(input,
                                     [&stream](int depth, json::parse_event_t event, json& parsed) {
                                         return stream->see(depth, event, parsed);
                                     })
                    : parse_document(input);
    bool newer_minor = check_envelope(root, input, context.diagnostics);

    Problems problems(newer_minor);
    Members root_members(root, "", problems);
    root_members.get("format", true);
    root_members.get("version", true);
    ModelFromJson model =
        model_from_json(root_members, media_root_of(input, context, {".json"}), context.strict,
                        problems, stream ? stream->notes() : nullptr);

    std::vector<Diagnostic> known;
    for (const DuplicateKey& duplicate : scan.duplicate_keys) {
        known.push_back(
            {Severity::error, "JSON008", "duplicate key: the parser keeps only the last value",
             location(file, duplicate.position, duplicate.pointer), "remove one of the two"});
    }
    // The notes' and fields' positions come from their own walk (every pointer a note or field
    // is read at has one of its shapes); `locate` finds the rest.
    NotePositions note_positions = note_walk.valid() ? note_walk.get() : locate_notes(input.bytes);
    std::unordered_set<std::string> wanted(model.media_pointers.begin(),
                                           model.media_pointers.end());
    for (const PendingDiagnostic& item : problems.items()) wanted.insert(item.pointer);
    auto positions = locate(input.bytes, wanted);
    report(problems.items(), positions, std::move(known), file, context.diagnostics);
    auto position = [&](const std::string& pointer) {
        return note_positions.of(pointer).value_or(TextPosition{});
    };

    Collection& collection = model.collection;
    for (std::size_t i = 0; i < collection.notes.size(); ++i) {
        const std::string& pointer = model.note_pointers[i];
        Note& note = collection.notes[i];
        note.origin = location(file, position(pointer), pointer);
        note.field_origins.clear();
        for (const std::string& field_pointer : model.field_pointers[i]) {
            // In the note's file (Note::field_origin): one copy of the path per note.
            note.field_origins.push_back(location({}, position(field_pointer), field_pointer));
        }
    }
    for (std::size_t i = 0; i < collection.media.size(); ++i) {
        const std::string& pointer = model.media_pointers[i];
        collection.media[i].origin = location(file, positions[pointer], pointer);
    }
    return std::move(collection);
}

}  // namespace deckport::json_format
