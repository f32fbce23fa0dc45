#include "json/writer.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "common/utf8.hpp"
#include "deckport/error.hpp"
#include "json/json_scan.hpp"
#include "json/model_writer.hpp"

namespace deckport::json_format {
namespace {

using ojson = nlohmann::ordered_json;

constexpr int kMaxValueWarnings = 10;

MediaMode media_mode(const FormatOptions& options) {
    std::string value = option_value(options, "media", "inline");
    if (value == "inline") return MediaMode::inline_bytes;
    if (value == "list") return MediaMode::list;
    throw UsageError("json option media=" + value + " is unknown",
                     "use media=inline or media=list");
}

// Reports what JSON cannot hold as it is: strings that are not UTF-8 (written with U+FFFD, when
// `check_utf8`) and NaN or infinite numbers (written as null).
class ValueChecker {
  public:
    ValueChecker(bool check_utf8, const std::string& output_name, Diagnostics& diagnostics)
        : check_utf8_(check_utf8), output_name_(output_name), diagnostics_(diagnostics) {}

    void check(const ojson& value, const std::string& pointer) {
        if (value.is_object()) {
            for (const auto& [key, member] : value.items()) {
                std::string member_pointer = pointer + "/" + pointer_token(key);
                if (check_utf8_ && !utf8::is_valid(key)) {
                    warn(member_pointer, "key is not UTF-8: invalid bytes written as U+FFFD");
                }
                check(member, member_pointer);
            }
        } else if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                check(value[i], pointer + "/" + std::to_string(i));
            }
        } else if (value.is_string()) {
            if (check_utf8_ && !utf8::is_valid(value.get_ref<const std::string&>())) {
                warn(pointer, "text is not UTF-8: invalid bytes written as U+FFFD");
            }
        } else if (value.is_number_float() && !std::isfinite(value.get<double>())) {
            warn(pointer, "number " + std::to_string(value.get<double>()) +
                              " cannot be written in JSON: written as null");
        }
    }

    void finish() {
        if (count_ > kMaxValueWarnings) {
            SourceLocation at;
            at.file = output_name_;
            diagnostics_.warning("JSON040", at,
                                 std::to_string(count_ - kMaxValueWarnings) +
                                     " more values were changed the same way");
        }
    }

  private:
    void warn(const std::string& pointer, const std::string& message) {
        if (++count_ > kMaxValueWarnings) return;
        SourceLocation at;
        at.file = output_name_;
        at.locator = pointer;
        diagnostics_.warning("JSON040", at, message);
    }

    bool check_utf8_;
    const std::string& output_name_;
    Diagnostics& diagnostics_;
    int count_ = 0;
};

}  // namespace

void JsonWriter::write(const Collection& collection, OutputSink& sink,
                       WriteContext& context) const {
    MediaMode media = media_mode(context.options);
    ojson doc = collection_to_json(collection, media, context.output_name, context.diagnostics);
    std::string text;
    bool utf8 = true;
    try {
        text = doc.dump(2, ' ', false, ojson::error_handler_t::strict);
    } catch (const ojson::type_error&) {
        utf8 = false;
        text = doc.dump(2, ' ', false, ojson::error_handler_t::replace);
    }
    ValueChecker checker(!utf8, context.output_name, context.diagnostics);
    checker.check(doc, "");
    checker.finish();
    text += '\n';
    sink.write(text);
}

}  // namespace deckport::json_format
