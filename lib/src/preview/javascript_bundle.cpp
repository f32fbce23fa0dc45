#include "javascript_bundle.hpp"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "assets.hpp"
#include "deckport/error.hpp"
#include "deckport/io.hpp"
#include "deckport/preview.hpp"
#include "media_links.hpp"

namespace deckport::preview_detail {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMaxScriptBytes = 16u << 20;

// MathJax's CommonHTML output with the TeX input: the combined configuration, then the files
// it loads on demand (fonts, autoloaded output pieces, TeX extensions).
constexpr const char* kMathJaxConfig = "config/TeX-AMS_CHTML-full.js";
constexpr const char* kMathJaxFolders[] = {"jax/output/CommonHTML/fonts/TeX",
                                           "jax/output/CommonHTML/autoload", "extensions/TeX"};
constexpr const char* kMathJaxWoff = "fonts/HTML-CSS/TeX/woff";

std::vector<fs::path> files_under(const fs::path& dir, const std::string& extension) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == extension)
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// `</script` inside a script element would end it.
std::string inline_script(std::string text) {
    for (std::size_t at = text.find("</script"); at != std::string::npos;
         at = text.find("</script", at))
        text.replace(at, 2, "<\\/");
    return "<script>" + text + "</script>";
}

}  // namespace

std::string script_json(const std::string& text) {
    std::string json =
        nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (json[i] == '<') {
            out += "\\u003c";
        } else if (json.compare(i, 3, "\xE2\x80\xA8") == 0 ||
                   json.compare(i, 3, "\xE2\x80\xA9") == 0) {
            out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += json[i];
        }
    }
    return out;
}

std::optional<std::string> mathjax_scripts(const fs::path& javascript_dir, std::string& problem) {
    fs::path root = javascript_dir / "mathjax";
    std::error_code ec;
    if (!fs::is_regular_file(root / "MathJax.js", ec) ||
        !fs::is_regular_file(root / kMathJaxConfig, ec)) {
        problem = (root / "MathJax.js").string() + " not found (Debian package libjs-mathjax)";
        return std::nullopt;
    }
    try {
        std::vector<fs::path> files{root / kMathJaxConfig};
        for (const char* folder : kMathJaxFolders) {
            std::vector<fs::path> found = files_under(root / folder, ".js");
            files.insert(files.end(), found.begin(), found.end());
        }
        std::string store = "window.__mjFiles = {";
        for (std::size_t i = 0; i < files.size(); ++i) {
            std::string name = "[MathJax]/" + fs::relative(files[i], root).generic_string();
            store += (i ? ",\n" : "\n") + script_json(name) + ":" +
                     script_json(read_file(files[i], kMaxScriptBytes));
        }
        store += "};\nwindow.__mjWoff = {";
        std::vector<fs::path> fonts = files_under(root / kMathJaxWoff, ".woff");
        for (std::size_t i = 0; i < fonts.size(); ++i) {
            std::string base64 = data_uri("", read_file(fonts[i], kMaxScriptBytes));
            base64 = base64.substr(base64.find(',') + 1);
            store +=
                (i ? ",\n" : "\n") + script_json(fonts[i].stem().string()) + ":\"" + base64 + "\"";
        }
        store += "};\n";
        return inline_script(store + std::string(preview_asset("mathjax_config.js"))) + "\n" +
               inline_script(read_file(root / "MathJax.js", kMaxScriptBytes));
    } catch (const Error& e) {
        problem = e.diagnostic().message;
        return std::nullopt;
    }
}

std::optional<Highlighting> highlight_js(const fs::path& javascript_dir, std::string& problem) {
    fs::path root = javascript_dir / "highlight.js";
    fs::path script = root / "highlight.min.js";
    std::error_code ec;
    if (!fs::is_regular_file(script, ec)) {
        problem = script.string() + " not found (Debian package libjs-highlight.js)";
        return std::nullopt;
    }
    try {
        Highlighting h;
        h.script = inline_script(read_file(script, kMaxScriptBytes));
        CssResources none;
        for (auto [theme, scope] :
             {std::pair{"github.css", ":where(html:not([data-theme=\"dark\"]))"},
              std::pair{"atom-one-dark.css", ":where(html[data-theme=\"dark\"])"}}) {
            fs::path css = root / "styles" / theme;
            if (fs::is_regular_file(css, ec))
                h.css += scope_css(read_file(css, kMaxScriptBytes), scope, none).css + "\n";
        }
        return h;
    } catch (const Error& e) {
        problem = e.diagnostic().message;
        return std::nullopt;
    }
}

}  // namespace deckport::preview_detail
