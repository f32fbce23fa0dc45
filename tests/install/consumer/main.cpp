// A program built against an installed deckport, with its public headers only: every format is
// reached through the registry of built-in formats.
//   md2json                   a markdown deck on stdin, its canonical JSON on stdout
//   md2json every-format DIR  the deck on stdin written in every format that reads and writes
//                             (DIR/<format><extension>, or DIR/<format>/ for a folder format),
//                             each read back: prints "<format> <notes read back>" per format
#include <deckport/error.hpp>
#include <deckport/format.hpp>
#include <deckport/io.hpp>
#include <filesystem>
#include <iostream>
#include <string>

namespace {

using namespace deckport;

const std::int64_t kTimestamp = 1577836800;  // 2020-01-01, what the CLI uses for stdin

Collection read_markdown_from_stdin(Diagnostics& diagnostics) {
    Input input = read_input("-");
    ReadContext context{diagnostics, {}, Limits{}, kTimestamp};
    return read_collection(builtin_formats().detect_input(input, "markdown"), input, context);
}

Output write(const Format& format, const Collection& deck, Diagnostics& diagnostics,
             const std::string& name) {
    WriteContext context{diagnostics, {}, Limits{}, kTimestamp, name};
    return write_to_memory(*format.writer, deck, context);
}

int markdown_to_json() {
    Diagnostics diagnostics;
    Collection deck = read_markdown_from_stdin(diagnostics);
    Output output =
        write(builtin_formats().detect_output("-", "json"), deck, diagnostics, "<stdout>");
    for (const Diagnostic& d : diagnostics.all()) std::cerr << format_diagnostic(d) << '\n';
    if (diagnostics.has_errors()) return 1;
    std::cout << output.files.at(0).bytes;
    return 0;
}

int every_format(const std::filesystem::path& dir) {
    Diagnostics diagnostics;
    Collection deck = read_markdown_from_stdin(diagnostics);
    for (const Format* format : builtin_formats().all()) {
        if (!format->reader || !format->writer) continue;
        const FormatInfo& info = format->info;
        std::string path = (dir / info.name).string();
        if (!info.directory && !info.extensions.empty()) path += info.extensions.front();
        write_output(path, write(*format, deck, diagnostics, path), WritePolicy{});

        Input input = read_input(path);
        ReadContext context{diagnostics, {}, Limits{}, kTimestamp};
        Collection back =
            read_collection(builtin_formats().detect_input(input, info.name), input, context);
        std::cout << info.name << ' ' << back.notes.size() << '\n';
    }
    if (diagnostics.has_errors()) {
        for (const Diagnostic& d : diagnostics.all()) std::cerr << format_diagnostic(d) << '\n';
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc == 1) return markdown_to_json();
        if (argc == 3 && std::string(argv[1]) == "every-format") return every_format(argv[2]);
        std::cerr << "usage: md2json [every-format DIR] <deck.md\n";
        return 2;
    } catch (const Error& e) {
        std::cerr << format_diagnostic(e.diagnostic()) << '\n';
        return static_cast<int>(e.exit_code());
    }
}
