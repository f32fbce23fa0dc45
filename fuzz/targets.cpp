#include "targets.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "content/simple_html.hpp"
#include "deckport/content.hpp"
#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "deckport/io.hpp"
#include "deckport/roundtrip.hpp"

namespace deckport::fuzz {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kTimestamp = 1700000000;

// An empty folder of this process, removed at exit. In-memory inputs get a path inside it, so
// relative media references resolve there (and find nothing) instead of in the current folder.
const fs::path& scratch_dir() {
    static const fs::path dir = [] {
        fs::path path = fs::temp_directory_path() / ("deckport-fuzz-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(scratch_dir(), ec);
        });
        return path;
    }();
    return dir;
}

void write_bytes(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// `bytes` as the file `name` in the scratch folder would be read by the CLI (not written there).
Input memory_input(const std::string& name, std::string_view bytes) {
    Input input = input_from_memory(name, std::string(bytes));
    input.path = scratch_dir() / name;
    return input;
}

// CrowdAnki reads a folder. The input is split at each "\n--media--\n": the first part is
// deck.json, each further part is a media file, its name on its first line (kept to
// [A-Za-z0-9._-], so nothing lands outside the folder), its bytes after that line.
Input crowdanki_input(std::string_view bytes) {
    fs::path folder = scratch_dir() / "crowdanki";
    fs::remove_all(folder);
    fs::create_directories(folder / "media");
    constexpr std::string_view kSeparator = "\n--media--\n";
    std::size_t end = bytes.find(kSeparator);
    write_bytes(folder / "deck.json", bytes.substr(0, end));
    while (end != std::string_view::npos) {
        bytes.remove_prefix(end + kSeparator.size());
        end = bytes.find(kSeparator);
        std::string_view part = bytes.substr(0, end);
        std::size_t newline = std::min(part.find('\n'), part.size());
        std::string name;
        for (char c : part.substr(0, newline)) {
            if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-') {
                name += c;
            }
        }
        if (name.empty() || name == "." || name == "..") continue;
        write_bytes(folder / "media" / name, part.substr(std::min(newline + 1, part.size())));
    }
    return read_input(folder.string(), Limits{});
}

std::string rendered(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const Diagnostic& d : diagnostics) text += format_diagnostic(d) + "\n";
    return text;
}

// The writer's own findings for `collection`: a warning is a loss it declares (MD108: deck
// names written normalised, ...), so the round trip may differ there by design.
bool writer_declares_a_loss(const Format& format, const Collection& collection) {
    Diagnostics diagnostics;
    WriteContext context{diagnostics, {}, Limits{}, kTimestamp, "fuzz-output"};
    write_to_memory(*format.writer, collection, context);
    return diagnostics.count(Severity::warning) > 0 || diagnostics.has_errors();
}

// Whatever the reader accepts without errors, and the writer writes without declaring a loss,
// must come back from write -> read unchanged: the round-trip engine (lib/src/roundtrip) must
// find no difference, and writing again must give the same bytes.
Outcome check_roundtrip(const Format& format, const Collection& collection, const Input& input) {
    if (writer_declares_a_loss(format, collection)) return Outcome::read;
    RoundtripSettings settings;
    settings.via = {format.info.name};
    settings.timestamp = kTimestamp;
    RoundtripResult result =
        roundtrip({collection, input.display_name, input.bytes, input.base_dir()},
                  builtin_formats(), settings);
    if (!result.passed()) {
        throw OracleFailure(format.info.name + " round trip changed an accepted input:\n" +
                            rendered(result.diagnostics()));
    }
    return Outcome::round_trip;
}

// What `deckport convert FILE` does with the bytes: detection over every probe (which may
// refuse), then the read with the target's format, as with --from.
Outcome read_as(const std::string& format_name, const Input& input, bool roundtrip_oracle) {
    try {
        builtin_formats().detect_input(input, std::nullopt);
    } catch (const Error&) {
    }
    try {
        const Format& format = builtin_formats().detect_input(input, format_name);
        Diagnostics diagnostics;
        ReadContext context{diagnostics, {}, Limits{}, kTimestamp};
        Collection collection = read_collection(format, input, context);
        for (const MediaFile& file : collection.media) file.bytes();  // as a writer would
        if (roundtrip_oracle && !diagnostics.has_errors()) {
            return check_roundtrip(format, collection, input);
        }
        return Outcome::read;
    } catch (const Error&) {
        return Outcome::refused;  // with a diagnostic: an expected outcome
    }
}

// The content layer: every conversion accepts any bytes. markdown -> HTML -> markdown must
// render back to the same HTML (html_to_markdown's contract, after normalize_html_for_compare).
Outcome content(std::string_view bytes) {
    std::string html = markdown_to_html(bytes);
    std::string markdown = html_to_markdown(html);
    std::string expected = normalize_html_for_compare(html);
    std::string actual = normalize_html_for_compare(markdown_to_html(markdown));
    // HTML whose parsed tree does not survive being written out and parsed again (the parser's
    // recovery from misnested tags, such as a </p> inside <pre>) cannot be written back the same
    // by any converter: the HTML standard says so of its own serialisation. Outside the oracle.
    bool stable = normalize_html_for_compare(expected) == expected;
    if (stable && expected != actual) {
        throw OracleFailure("markdown -> HTML -> markdown renders differently:\nHTML: " + html +
                            "\nmarkdown: " + markdown + "\nexpected: " + expected +
                            "\nactual: " + actual);
    }
    // The fast HTML parser must build gumbo's tree for whatever it accepts.
    std::string difference;
    if (!content::simple_parser_agrees_with_gumbo(bytes, &difference)) {
        throw OracleFailure("the simple HTML parser and gumbo build different trees:\n" +
                            difference);
    }
    markdown_to_text(bytes);
    html_to_text(bytes);
    html_to_markdown(bytes);
    text_to_markdown(bytes);
    return stable ? Outcome::round_trip : Outcome::read;
}

}  // namespace

const std::vector<std::string>& target_names() {
    static const std::vector<std::string> names{"markdown", "json",  "csv",       "quizlet",
                                                "apkg",     "mochi", "crowdanki", "content"};
    return names;
}

Outcome run_target(std::string_view target, std::string_view bytes) {
    if (target == "markdown") return read_as("markdown", memory_input("deck.md", bytes), true);
    if (target == "json") return read_as("json", memory_input("deck.json", bytes), true);
    if (target == "csv") return read_as("csv", memory_input("deck.csv", bytes), false);
    if (target == "quizlet") {
        return read_as("quizlet", memory_input("deck.quizlet.txt", bytes), false);
    }
    if (target == "apkg") return read_as("apkg", memory_input("deck.apkg", bytes), false);
    if (target == "mochi") return read_as("mochi", memory_input("deck.mochi", bytes), false);
    if (target == "crowdanki") return read_as("crowdanki", crowdanki_input(bytes), false);
    if (target == "content") return content(bytes);
    throw std::invalid_argument("unknown fuzz target '" + std::string(target) + "'");
}

}  // namespace deckport::fuzz
