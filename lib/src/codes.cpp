#include "deckport/codes.hpp"

#include <algorithm>
#include <cctype>

#include "deckport/format.hpp"
#include "deckport/lint.hpp"
#include "deckport/preview.hpp"
#include "deckport/roundtrip.hpp"

namespace deckport {

void CodeRegistry::add(CodeInfo info) {
    if (find(info.code)) return;
    codes_.push_back(std::move(info));
}

void CodeRegistry::add_all(const std::vector<CodeInfo>& infos) {
    for (const CodeInfo& info : infos) add(info);
}

const CodeInfo* CodeRegistry::find(std::string_view code) const {
    auto same = [&](const CodeInfo& info) {
        return std::equal(info.code.begin(), info.code.end(), code.begin(), code.end(),
                          [](char a, char b) {
                              return std::toupper(static_cast<unsigned char>(a)) ==
                                     std::toupper(static_cast<unsigned char>(b));
                          });
    };
    auto it = std::find_if(codes_.begin(), codes_.end(), same);
    return it == codes_.end() ? nullptr : &*it;
}

std::vector<CodeInfo> core_codes() {
    using enum Severity;
    return {
        {"IO001", error, "an input cannot be read",
         "The file or folder does not exist or cannot be opened. Check the path and its "
         "permissions."},
        {"IO002", error, "an output cannot be written",
         "The output or a temporary file next to it could not be created, written or renamed "
         "into place. Check that the folder exists and is writable, and that the disk is not "
         "full."},
        {"IO003", error, "an input is larger than the size limit",
         "deckport refuses inputs above its limit so that a hostile file cannot exhaust "
         "memory."},
        {"IO004", error, "the output already exists",
         "deckport does not replace files unless asked. Give --force, or choose another "
         "output."},
        {"IO005", error, "an output file would land outside the output folder",
         "A writer produced a path that is absolute or climbs out with ..; nothing was "
         "written."},
        {"FMT001", error, "the input's format cannot be told",
         "Neither the extension nor the content identifies a format. Name it with --from; "
         "`deckport formats` lists them."},
        {"DUP001", error, "two notes share one id",
         "Every note needs its own id (GUID): Anki would merge the two notes into one on "
         "import. Give each note its own id, or remove the copy."},
    };
}

CodeRegistry documented_codes(const FormatRegistry& formats) {
    CodeRegistry registry;
    registry.add_all(core_codes());
    registry.add_all(lint_codes());
    registry.add_all(roundtrip_codes());
    registry.add_all(preview_codes());
    for (const Format* format : formats.all()) registry.add_all(format->info.codes);
    return registry;
}

}  // namespace deckport
