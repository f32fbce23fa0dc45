// Reading and writing Mochi packages in tests, with rendered diagnostics.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/zip_archive.hpp"
#include "deckport/error.hpp"
#include "deckport/format.hpp"
#include "deckport/io.hpp"
#include "test_support.hpp"

namespace deckport {
// Readable failures: `markdown "text"` instead of the object's bytes.
inline void PrintTo(const Content& content, std::ostream* os) {
    *os << markup_name(content.kind) << " \"" << content.source << "\"";
}
}  // namespace deckport

namespace deckport::test {

// A markdown field, as Mochi reads every side.
inline Content md(std::string text) {
    return Content{Markup::markdown, std::move(text)};
}

struct MochiRead {
    Collection collection;
    std::vector<std::string> diagnostics;  // rendered, in order
};

inline const Format& mochi_format() {
    const Format* format = builtin_formats().find("mochi");
    if (!format) throw std::runtime_error("the mochi format is not registered");
    return *format;
}

inline MochiRead read_mochi_input(const Input& input, Limits limits = {}) {
    Diagnostics diagnostics;
    ReadContext context{diagnostics, {}, limits, 1700000000};
    MochiRead result;
    result.collection = read_collection(mochi_format(), input, context);
    result.diagnostics = rendered(diagnostics.all());
    return result;
}

// A .mochi package in memory holding `members` (name, bytes) in order.
inline std::string make_package(const std::vector<std::pair<std::string, std::string>>& members) {
    ZipWriter zip;
    for (const auto& [name, bytes] : members) zip.add(name, bytes);
    return zip.finish();
}

inline MochiRead read_package(const std::vector<std::pair<std::string, std::string>>& members,
                              Limits limits = {}) {
    return read_mochi_input(input_from_memory("deck.mochi", make_package(members)), limits);
}

inline MochiRead read_data_json(const std::string& json) {
    return read_package({{"data.json", json}});
}

inline MochiRead read_data_edn(const std::string& edn) {
    return read_package({{"data.edn", edn}});
}

// The rendered diagnostic of the InputError that reading throws, or "" when it reads.
inline std::string read_error(const std::string& package_bytes, Limits limits = {}) {
    try {
        read_mochi_input(input_from_memory("deck.mochi", package_bytes), limits);
    } catch (const Error& e) {
        return format_diagnostic(e.diagnostic());
    }
    return {};
}

inline std::string write_mochi(const Collection& collection,
                               std::vector<std::string>* diagnostics = nullptr) {
    Diagnostics sink;
    WriteContext context{sink, {}, {}, 1700000000, "out.mochi"};
    Output output = write_to_memory(*mochi_format().writer, collection, context);
    if (diagnostics) *diagnostics = rendered(sink.all());
    return output.files.at(0).bytes;
}

// A member of a zip held in memory.
inline std::string zip_member(const std::string& package, const std::string& name) {
    ZipReader zip(package, "package", "TEST");
    return zip.read(name).value();
}

inline std::vector<std::string> zip_names(const std::string& package) {
    ZipReader zip(package, "package", "TEST");
    return zip.names();
}

}  // namespace deckport::test
