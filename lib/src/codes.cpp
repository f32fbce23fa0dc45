#include "deckport/codes.hpp"

#include <algorithm>
#include <cctype>

#include "deckport/format.hpp"
#include "deckport/lint.hpp"
#include "deckport/note_media.hpp"
#include "deckport/project.hpp"
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
        {"IO006", error, "--force would lose what deckport did not write",
         "--force replaces an output folder only when it holds nothing but what deckport writes "
         "there (for CrowdAnki: deck.json and media/ with files in it), and never replaces a "
         "folder with a file. The message lists what is in the way; move it, or choose another "
         "output."},
        {"LIMIT001", error, "a field is larger than the field limit",
         "A note's field is larger than --limit field (64 MiB by default); nothing is written. "
         "Raise the limit if the file is trusted."},
        {"FMT001", error, "the input's format cannot be told",
         "Neither the extension nor the content identifies a format. Name it with --from; "
         "`deckport formats` lists them."},
        {"FMT002", note, "a file in a searched folder is not a deck; skipped",
         "`deckport check` and `roundtrip` walk folders for every deck extension, and leave out "
         "files whose content shows they are no deck: a markdown file without front matter "
         "naming a deck (`Flashcard Deck:` or `Deck:`) and without a card separator `. . .`, "
         "such as a README.md. Shown with -v. Name the file on the command line to read it "
         "anyway, or give it front matter."},
        {"DUP001", warning, "two notes share one id; the later one got a new id",
         "Every note needs its own id (GUID): Anki would merge the two notes into one on "
         "import. The first note keeps the id; each later copy gets a new id derived from it "
         "(the same on every read), named in the message. Give each note its own id, or remove "
         "the copy, so that the id no longer depends on the order of the notes."},
    };
}

CodeRegistry documented_codes(const FormatRegistry& formats) {
    CodeRegistry registry;
    registry.add_all(core_codes());
    registry.add_all(media_codes());
    registry.add_all(lint_codes());
    registry.add_all(roundtrip_codes());
    registry.add_all(project_codes());
    registry.add_all(preview_codes());
    for (const Format* format : formats.all()) registry.add_all(format->info.codes);
    return registry;
}

}  // namespace deckport
