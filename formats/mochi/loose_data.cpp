#include "mochi/loose_data.hpp"

#include "deckport/error.hpp"
#include "mochi/decoders.hpp"
#include "mochi/mochi_format.hpp"

namespace deckport::mochi {
namespace {

constexpr std::size_t kProbeBytes = 64 * 1024;

std::string_view without_bom_and_space(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::size_t first = text.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view{} : text.substr(first);
}

}  // namespace

LooseData loose_data_kind(std::string_view bytes) {
    std::string_view head = without_bom_and_space(bytes.substr(0, kProbeBytes));
    if (head.empty() || (head[0] != '{' && head[0] != '[')) return LooseData::none;
    std::string_view inside = without_bom_and_space(head.substr(1));
    // Transit-JSON: a map with `"~:` keywords (verbose) or `["^ ", …]` (compact).
    if ((head[0] == '{' && inside.starts_with("\"~:")) ||
        (head[0] == '[' && inside.starts_with("\"^ \""))) {
        if (head.find("\"~:decks\"") != std::string_view::npos ||
            head.find("\"~:version\"") != std::string_view::npos) {
            return LooseData::transit_json;
        }
        return LooseData::none;
    }
    // EDN: a map whose first key is a keyword, holding `:decks`.
    if (head[0] == '{' && inside.starts_with(":") &&
        head.find(":decks") != std::string_view::npos) {
        return LooseData::edn;
    }
    return LooseData::none;
}

Collection read_loose_data(const Input& input, LooseData kind, ReadContext& context) {
    std::string_view text = input.bytes;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    bool json = kind == LooseData::transit_json;
    std::string shape = json ? "data.json" : "data.edn";
    context.diagnostics.warning(
        "MOCHI034", SourceLocation{input.display_name},
        "read as a Mochi " + shape + " given on its own, outside a .mochi package",
        "attachments it names are taken from its folder; `deckport convert` to .mochi makes a "
        "package");
    Value data = json ? decode_transit_json(text, input.display_name, "", context.limits)
                      : parse_edn(text, input.display_name, context.limits);
    // Attachments are found beside the file by the media check after reading (media root).
    return build_collection(data, input.display_name, "", context.diagnostics);
}

}  // namespace deckport::mochi
