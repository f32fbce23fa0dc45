#include "markdown/yaml_text.hpp"

#include "markdown/syntax.hpp"

namespace deckport::markdown {
namespace {

// Whether `text` written with `style` comes back as itself, with a key after it (a literal
// block at the very end of a document would lose its last line break).
bool reads_back(std::string_view text, YAML::EMITTER_MANIP style) {
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "k" << YAML::Value << style << std::string(text)
        << YAML::Key << "z" << YAML::Value << "0" << YAML::EndMap;
    if (!out.good()) return false;
    try {
        YAML::Node node = YAML::Load(std::string(out.c_str()) + "\n");
        return node["k"].IsScalar() && node["k"].Scalar() == text;
    } catch (const YAML::Exception&) {
        return false;
    }
}

bool same_yaml(const YAML::Node& a, const YAML::Node& b) {
    if (a.Type() != b.Type()) return false;
    switch (a.Type()) {
        case YAML::NodeType::Scalar:
            return a.Scalar() == b.Scalar() && a.Tag() == b.Tag();
        case YAML::NodeType::Sequence:
            if (a.size() != b.size()) return false;
            for (std::size_t i = 0; i < a.size(); ++i) {
                if (!same_yaml(a[i], b[i])) return false;
            }
            return true;
        case YAML::NodeType::Map: {
            if (a.size() != b.size()) return false;
            auto x = a.begin();
            auto y = b.begin();
            for (; x != a.end(); ++x, ++y) {
                if (!same_yaml(x->first, y->first) || !same_yaml(x->second, y->second))
                    return false;
            }
            return true;
        }
        default:
            return true;
    }
}

}  // namespace

std::string without_blank_indentation(std::string yaml) {
    // The spaces only, or (tidier) the whole line, when that reads the same.
    for (bool drop_lines : {true, false}) {
        std::string tidy;
        std::size_t start = 0;
        while (start <= yaml.size()) {
            std::size_t end = yaml.find('\n', start);
            if (end == std::string::npos) end = yaml.size();
            std::string_view line = std::string_view(yaml).substr(start, end - start);
            bool blank = is_blank(line);
            if (!blank) tidy += line;
            if (end < yaml.size() && !(blank && drop_lines)) tidy += '\n';
            start = end + 1;
        }
        while (tidy.ends_with('\n')) tidy.pop_back();
        try {
            if (same_yaml(YAML::Load(yaml + "\n"), YAML::Load(tidy + "\n"))) return tidy;
        } catch (const YAML::Exception&) {
        }
    }
    return yaml;
}

std::optional<YAML::Node> parse_yaml(std::string_view text, YamlError& error) {
    try {
        return YAML::Load(std::string(text) + "\n");
    } catch (const YAML::ParserException& e) {
        error = {e.mark.line, e.mark.column, e.msg};
    } catch (const YAML::Exception& e) {
        error = {e.mark.line < 0 ? 0 : e.mark.line, e.mark.column < 0 ? 0 : e.mark.column, e.msg};
    }
    return std::nullopt;
}

std::string normalized_key(std::string_view key) {
    std::string out;
    for (std::string_view word : split_whitespace(key)) {
        if (!out.empty()) out += ' ';
        out += ascii_lower(word);
    }
    return out;
}

void emit_text(YAML::Emitter& out, std::string_view text) {
    bool lines = text.find('\n') != std::string_view::npos;
    if (!lines && !text.empty() && reads_back(text, YAML::Auto)) {
        out << std::string(text);
    } else if (lines && reads_back(text, YAML::Literal)) {
        out << YAML::Literal << std::string(text);
    } else {
        out << YAML::DoubleQuoted << std::string(text);
    }
}

}  // namespace deckport::markdown
