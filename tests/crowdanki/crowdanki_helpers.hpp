// Reading and writing CrowdAnki folders in tests, with rendered diagnostics.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "deckport/io.hpp"
#include "test_support.hpp"

namespace deckport::test {

struct CrowdAnkiRead {
    Collection collection;
    std::vector<std::string> diagnostics;  // rendered, in order
};

inline const Format& crowdanki_format() {
    const Format* format = builtin_formats().find("crowdanki");
    if (!format) throw std::runtime_error("the crowdanki format is not registered");
    return *format;
}

inline CrowdAnkiRead read_crowdanki(const std::filesystem::path& path, Limits limits = {}) {
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, limits, 1700000000};
    CrowdAnkiRead result;
    result.collection = read_collection(crowdanki_format(), read_input(path.string()), context);
    result.diagnostics = rendered(diagnostics.all());
    return result;
}

inline Output write_crowdanki(const Collection& collection,
                              std::vector<std::string>* diagnostics = nullptr,
                              FormatOptions options = {},
                              const std::string& output_name = "out/deck-folder") {
    Diagnostics sink;
    WriteContext context{sink, std::move(options), {}, 1700000000, output_name};
    Output output = write_to_memory(*crowdanki_format().writer, collection, context);
    if (diagnostics) *diagnostics = rendered(sink.all());
    return output;
}

inline const std::string& output_file(const Output& output, const std::string& name) {
    for (const OutputFile& file : output.files) {
        if (file.relative_path == name) return file.bytes;
    }
    throw std::runtime_error("no output file " + name);
}

// The fixtures' two real CrowdAnki exports.
inline std::filesystem::path kamaraju() {
    return fixtures_dir() / "crowdanki/kamaraju-anki_public_deck";
}
inline std::filesystem::path brainbrew() {
    return fixtures_dir() / "crowdanki/brainbrew-crowdanki_example_1";
}

inline Content html(std::string text) {
    return Content{Markup::html, std::move(text)};
}

// The rendered diagnostic of a read that fails, or "" when it succeeds.
inline std::string read_error(const std::filesystem::path& path, Limits limits = {}) {
    try {
        read_crowdanki(path, limits);
    } catch (const Error& e) {
        return format_diagnostic(e.diagnostic());
    }
    return {};
}

// Writes `output` to a fresh folder `dir/name` and returns its path.
inline std::filesystem::path materialize(const Output& output, const TempDir& dir,
                                         const std::string& name = "deck") {
    std::filesystem::path folder = dir / name;
    write_output(folder.string(), output, {});
    return folder;
}

}  // namespace deckport::test
