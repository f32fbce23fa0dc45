// The format plug-in interface: each format is data (FormatInfo) plus a reader and a writer.
// Readers and writers are stateless (const methods), so one instance serves many threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/codes.hpp"
#include "deckport/diagnostics.hpp"
#include "deckport/io.hpp"
#include "deckport/model.hpp"

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
};

struct OptionInfo {
    std::string name;  // as given to `-O name=value`
    std::string default_value;
    std::string description;
};

struct FormatInfo {
    std::string name;  // canonical, as given to --from/--to
    std::vector<std::string> aliases;
    std::vector<std::string> extensions;  // with the dot, lower case: ".apkg"
    std::string description;
    Capabilities capabilities;
    bool directory = false;  // the input/output is a folder (CrowdAnki)
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
};

struct WriteContext {
    Diagnostics& diagnostics;
    FormatOptions options;
    Limits limits;
    std::int64_t timestamp = 0;  // seconds; creation and modification times in the output
    std::string output_name;     // the output path as given, or "<stdout>"
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
};

class Writer {
public:
    virtual ~Writer() = default;
    // Reports losses (what this format cannot carry) as warnings, once per kind of loss.
    virtual Output write(const Collection& collection, WriteContext& context) const = 0;
};

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

    // --from wins; else the extension, confirmed by probe; else the best probe; else
    // InputError listing the formats.
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
// where it came from. Problems go to the context's diagnostics; fatal ones throw InputError.
Collection read_collection(const Format& format, const Input& input, ReadContext& context);

// The value of option `name`, or `fallback` when it was not given.
std::string option_value(const FormatOptions& options, const std::string& name,
                         const std::string& fallback);

}  // namespace deckport
