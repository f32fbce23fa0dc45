// The format plug-in interface: each format is data (FormatInfo) plus a reader and a writer.
// Readers and writers are stateless (const methods), so one instance serves many threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/codes.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/io.hpp"
#include "deckport/media_root.hpp"
#include "deckport/model.hpp"
#include "deckport/output.hpp"

namespace deckport {

// What a format can carry; round-trip checks compare only what both sides carry.
struct Capabilities {
    bool note_types = false;   // custom fields, templates and CSS
    bool deck_tree = false;    // deck names with `::` hierarchy
    bool tags = false;
    bool guids = false;        // stable note identity survives a round trip
    bool media = false;
    bool scheduling = false;   // cards with review state
    bool formatting = false;   // markup (markdown or HTML) survives
    bool cloze = false;
    bool multiple_decks = false;
    // The output holds the media files themselves, not only references to files beside it (a
    // markdown deck refers to images by path).
    bool media_files = false;
};

// What a format's writer changes by rule, every time, as its documentation says. A round trip
// does not count these as differences; it reports them once, as a note (RT009).
struct Normalisations {
    // Card scheduling keys every write sets itself (apkg: `usn` is -1 and `mod` the write's
    // time: sync bookkeeping, not the card's learning state).
    std::vector<std::string> card_keys{};
    // Cards in filtered decks go back to their home deck (apkg: `odid` and `odue` cleared, `due`
    // is the original due).
    bool filtered_cards_go_home = false;
    // Note GUIDs the format cannot hold come back as ids derived from them, the same on every
    // write (mochi card ids).
    bool derived_note_ids = false;
    // Decks without a common parent are written under one root deck (crowdanki, CA030).
    bool root_deck = false;
    // Media files are stored under other names (folders flattened, names sanitised) and the
    // field references follow them (apkg, mochi, crowdanki).
    bool media_names = false;
};

// Which side of a conversion uses an option: the reader, the writer, or both.
enum class OptionDirection { read, write, both };

// What an option's value may be; the CLI checks every `-O key=value` against it.
enum class OptionType {
    boolean,    // true/false (also yes/no, 1/0)
    choice,     // one of `values`
    list,       // comma-separated words, each one of `values`
    character,  // one character, or one of the names in `values`
    text,       // any non-empty text; `values` lists names with a meaning of their own
};

struct OptionInfo {
    // Every member has an initializer, so that designated initializers may leave any out.
    std::string name{};  // as given to `-O name=value`
    OptionDirection direction = OptionDirection::write;
    OptionType type = OptionType::text;
    std::vector<std::string> values{};  // the accepted words (case-insensitive), see OptionType
    std::string default_value{};        // as `deckport formats` shows it
    std::string description{};
    // A command-line flag that sets this option to true (`--quizlet-safe`), or empty.
    std::string flag{};
    // Codes the CLI prints even without -v when the option is set (the user asked for them).
    std::vector<std::string> shown_codes{};

    bool reads() const { return direction != OptionDirection::write; }
    bool writes() const { return direction != OptionDirection::read; }
};

const char* option_direction_name(OptionDirection direction);
const char* option_type_name(OptionType type);

struct FormatInfo {
    std::string name;  // canonical, as given to --from/--to
    std::vector<std::string> aliases;
    std::vector<std::string> extensions;  // with the dot, lower case: ".apkg"
    std::string description;
    Capabilities capabilities;
    Normalisations normalises;
    bool directory = false;  // the input/output is a folder (CrowdAnki)
    // Fields name media files that live beside the deck (markdown, CSV, Quizlet): the reader
    // takes them from the media root, and convert writes them to `<stem>.media/`.
    bool media_beside = false;
    // `key=value` that makes the writer put media beside its output rather than inside it
    // (JSON's `media=list`); empty for none.
    std::string media_beside_option;
    // What the writer puts in an output folder, and all that --force may replace there:
    // "deck.json", "media/" (a trailing '/' is a folder of regular files).
    std::vector<std::string> folder_entries;
    std::vector<OptionInfo> options;
    std::vector<CodeInfo> codes;  // the format's diagnostic codes, for `deckport explain`
};

// Format options from the command line (`-O key=value` and the sugar flags).
using FormatOptions = std::map<std::string, std::string>;

struct ReadContext {
    Diagnostics& diagnostics;
    FormatOptions options;
    Limits limits;
    std::int64_t timestamp = 0;  // seconds; for notes without their own modification time
    std::filesystem::path media_root = {};  // --media-root; empty: the deck's own folder
    bool strict = false;                    // --strict: a missing media file is an error
};

struct WriteContext {
    Diagnostics& diagnostics;
    FormatOptions options;
    Limits limits;
    std::int64_t timestamp = 0;  // seconds; creation and modification times in the output
    std::string output_name;     // the output path as given, or "<stdout>"
    // The caller writes the collection's media beside the output, or says why not (convert's
    // `<stem>.media/`), so writers of formats that refer to media files by name do not report
    // the media as lost.
    bool media_written_beside = false;
    bool strict = false;  // --strict: a reference to a file the collection lacks is an error
};

class Reader {
public:
    virtual ~Reader() = default;
    // 0 = certainly not this format, 100 = certain (magic bytes); in between: plausible.
    virtual int probe(const Input& input) const = 0;
    // Reports recoverable problems to the context; throws InputError when it cannot go on.
    virtual Collection read(const Input& input, ReadContext& context) const = 0;
    // Format-specific invariants that `deckport check` verifies beyond what read() needs (for
    // apkg: what Anki's importer relies on). Reports to the context. Most formats have none.
    virtual void check(const Input& input, ReadContext& context) const {
        (void)input;
        (void)context;
    }
    // Why a file with this format's extension is clearly not a deck (a README.md beside
    // markdown decks), judged from its first bytes (input.bytes may hold only a prefix); empty
    // when it may be one. Folder searches skip such files with a note; a file named on the
    // command line is always read.
    virtual std::string why_not_a_deck(const Input& input) const {
        (void)input;
        return {};
    }
};

class Writer {
public:
    virtual ~Writer() = default;
    // Writes the collection into `sink` (write() for a single file, write_file() for each file
    // of a folder format). Reports losses (what this format cannot carry) as warnings, once per
    // kind of loss. The caller commits the sink only when no error was reported.
    virtual void write(const Collection& collection, OutputSink& sink,
                       WriteContext& context) const = 0;
};

// Runs `writer` into a MemorySink: the Output value (tests, the round-trip engine).
Output write_to_memory(const Writer& writer, const Collection& collection, WriteContext& context);

struct Format {
    FormatInfo info;
    std::unique_ptr<Reader> reader;  // null when the format cannot be read
    std::unique_ptr<Writer> writer;  // null when the format cannot be written
};

class FormatRegistry {
public:
    void add(Format format);

    const Format* find(std::string_view name_or_alias) const;
    const Format* find_by_extension(const std::string& path) const;
    std::vector<const Format*> all() const;

    // --from wins; else the extension, unless another format is certain of the content (probe
    // 100) and the extension's format is not; else (no known extension: stdin, a bare name) the
    // best probe; else InputError FMT001 listing the formats.
    const Format& detect_input(const Input& input, const std::optional<std::string>& from) const;
    // --to wins; else the output's extension; else UsageError.
    const Format& detect_output(const std::string& output_path,
                                const std::optional<std::string>& to) const;

private:
    std::vector<Format> formats_;
};

// The registry with every built-in format (defined in the formats library).
const FormatRegistry& builtin_formats();
void register_builtin_formats(FormatRegistry& registry);

// Reads `input` with the format's reader, then normalizes it (GUIDs, decks, tags) and records
// where it came from. context.options keeps only the options the format reads (options_for).
// Problems go to the context's diagnostics; fatal ones throw InputError.
Collection read_collection(const Format& format, const Input& input, ReadContext& context);

// The media root of `input` under the context's --media-root, with `<stem>.media/` named after
// the file without the format's extension (see deckport/media_root.hpp).
MediaRoot media_root_of(const Input& input, const ReadContext& context,
                        const std::vector<std::string>& extensions);

// Whether writing `format` with `options` refers to media files beside the output.
bool writes_media_beside(const FormatInfo& format, const FormatOptions& options);

// The options of `given` that `format` uses in `direction` (a reader gets only read options, a
// writer only write options). Throws UsageError naming the accepted values when a value does
// not fit the option's type. Keys the format does not declare are left out: check them first
// with check_option_keys.
FormatOptions options_for(const FormatInfo& format, OptionDirection direction,
                          const FormatOptions& given);

// Who uses the options of one command: a format in a direction.
struct OptionUser {
    const FormatInfo* format;
    OptionDirection direction;
};

// Throws UsageError for a key that no user declares in its direction, with a did-you-mean
// among the users' keys (or the format that does declare it).
void check_option_keys(const FormatOptions& given, const std::vector<OptionUser>& users,
                       const FormatRegistry& registry);

// The value of option `name`, or `fallback` when it was not given.
std::string option_value(const FormatOptions& options, const std::string& name,
                         const std::string& fallback);

}  // namespace deckport
