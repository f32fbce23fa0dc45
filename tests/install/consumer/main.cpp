// A program built against an installed deckport: a markdown deck on stdin, its canonical JSON on
// stdout, through the registry of built-in formats, with the public headers only.
#include <deckport/error.hpp>
#include <deckport/format.hpp>
#include <iostream>
#include <string>

int main() {
    using namespace deckport;
    const std::int64_t timestamp = 1577836800;  // 2020-01-01, what the CLI uses for stdin
    try {
        const FormatRegistry& formats = builtin_formats();
        Input input = read_input("-");
        Diagnostics diagnostics;
        ReadContext read{diagnostics, {}, Limits{}, timestamp};
        Collection deck = read_collection(formats.detect_input(input, "markdown"), input, read);

        WriteContext write{diagnostics, {}, Limits{}, timestamp, "<stdout>"};
        Output output = formats.detect_output("-", "json").writer->write(deck, write);
        for (const Diagnostic& d : diagnostics.all()) std::cerr << format_diagnostic(d) << '\n';
        if (diagnostics.has_errors()) return 1;
        std::cout << output.files.at(0).bytes;
        return 0;
    } catch (const Error& e) {
        std::cerr << format_diagnostic(e.diagnostic()) << '\n';
        return static_cast<int>(e.exit_code());
    }
}
