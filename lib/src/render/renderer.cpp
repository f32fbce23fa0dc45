// render_card and the template checks (rslib template.rs: render_into, render_card).
#include <charconv>
#include <set>

#include "anki_text.hpp"
#include "cloze.hpp"
#include "deckport/render.hpp"
#include "filters.hpp"
#include "render_support.hpp"

namespace deckport {

using namespace render_detail;

namespace {

constexpr std::string_view kSyntaxErrorLink =
    "https://docs.ankiweb.net/templates/errors.html#template-syntax-error";
constexpr std::string_view kBlankFrontLink =
    "https://docs.ankiweb.net/templates/errors.html#front-of-card-is-blank";
constexpr std::string_view kNoClozeLink =
    "https://docs.ankiweb.net/templates/errors.html#no-cloze-filter-on-cloze-note-type";

const char* const kSpecialFields[] = {"Tags",     "Type", "Deck",  "Subdeck",
                                      "CardFlag", "Card", "CardID"};

struct SideContext {
    std::string_view template_text;
    const FieldMap& fields;
    const NonEmptyFields& nonempty;
    FilterContext filter;
    const std::string* frontside = nullptr;  // the rendered question, on the answer side
};

std::optional<TemplateError> render_nodes(const std::vector<TemplateNode>& nodes,
                                          const SideContext& context, std::string& out) {
    for (const TemplateNode& node : nodes) {
        switch (node.kind) {
            case TemplateNode::Kind::text:
                out += node.text;
                break;
            case TemplateNode::Kind::comment:
                out += "<!--" + node.text + "-->";
                break;
            case TemplateNode::Kind::replacement: {
                if (node.key == "FrontSide") {  // its filters are ignored
                    if (context.frontside) out += *context.frontside;
                    break;
                }
                if (node.key.empty() && !node.filters.empty()) break;  // {{tts-voices:}}
                auto field = context.fields.find(node.key);
                if (field == context.fields.end()) {
                    return make_template_error(
                        context.template_text, TemplateErrorKind::field_not_found,
                        "Found '" + replacement_as_written(node) +
                            "', but there is no field called '" + node.key + "'",
                        node.offset, node.length);
                }
                out += apply_filters(field->second, node.filters, node.key, context.filter);
                break;
            }
            case TemplateNode::Kind::section:
            case TemplateNode::Kind::inverted: {
                bool inverted = node.kind == TemplateNode::Kind::inverted;
                bool show;
                if (context.nonempty.count(node.key)) {
                    show = !inverted;
                } else if (context.fields.count(node.key) || is_card_number_name(node.key)) {
                    show = inverted;
                } else {
                    std::string tag = (inverted ? "^" : "#") + node.key;
                    return make_template_error(
                        context.template_text, TemplateErrorKind::no_such_conditional,
                        "Found '{{" + tag + "}}', but there is no field called '" + node.key + "'",
                        node.offset, node.length);
                }
                // A hidden section is still rendered (and discarded): its errors count.
                std::string discarded;
                if (auto error = render_nodes(node.children, context, show ? out : discarded))
                    return error;
                break;
            }
        }
    }
    return std::nullopt;
}

std::string error_html(const TemplateError& error, bool back) {
    return std::string(back ? "Back" : "Front") + " template has a problem:<br>" +
           encode_minimal(error.message) + "<br><a href='" + std::string(kSyntaxErrorLink) +
           "'>More information</a>";
}

RenderedCard failed(TemplateError error, bool back) {
    RenderedCard card;
    card.question = card.answer = error_html(error, back);
    card.error = std::move(error);
    card.error_in_back = back;
    return card;
}

// Parses and renders one side; a syntax or field error comes back as the error.
std::optional<TemplateError> render_side(std::string_view text, SideContext context,
                                         std::string& out,
                                         std::vector<TemplateNode>* nodes_out = nullptr) {
    ParsedTemplate parsed = parse_template(text);
    if (parsed.error) return parsed.error;
    context.template_text = text;
    auto error = render_nodes(parsed.nodes, context, out);
    if (nodes_out) *nodes_out = std::move(parsed.nodes);
    return error;
}

// Finds the first unknown name in document order, as rendering would.
std::optional<TemplateError> first_unknown_name(const std::vector<TemplateNode>& nodes,
                                                std::string_view text,
                                                const std::set<std::string, std::less<>>& known) {
    for (const TemplateNode& node : nodes) {
        if (node.kind == TemplateNode::Kind::replacement) {
            bool ok = node.key == "FrontSide" || (node.key.empty() && !node.filters.empty()) ||
                      known.count(node.key) || is_card_number_name(node.key);
            if (!ok) {
                return make_template_error(text, TemplateErrorKind::field_not_found,
                                           "Found '" + replacement_as_written(node) +
                                               "', but there is no field called '" + node.key + "'",
                                           node.offset, node.length);
            }
        } else if (node.kind == TemplateNode::Kind::section ||
                   node.kind == TemplateNode::Kind::inverted) {
            if (!known.count(node.key) && !is_card_number_name(node.key)) {
                bool inverted = node.kind == TemplateNode::Kind::inverted;
                return make_template_error(text, TemplateErrorKind::no_such_conditional,
                                           std::string("Found '{{") + (inverted ? "^" : "#") +
                                               node.key + "}}', but there is no field called '" +
                                               node.key + "'",
                                           node.offset, node.length);
            }
            if (auto error = first_unknown_name(node.children, text, known)) return error;
        }
    }
    return std::nullopt;
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

}  // namespace

namespace render_detail {

bool renders_with(const std::vector<TemplateNode>& nodes, const NonEmptyFields& nonempty) {
    for (const TemplateNode& node : nodes) {
        switch (node.kind) {
            case TemplateNode::Kind::replacement:
                if (nonempty.count(node.key)) return true;
                break;
            case TemplateNode::Kind::section:
                if (nonempty.count(node.key) && renders_with(node.children, nonempty)) return true;
                break;
            case TemplateNode::Kind::inverted:
                if (!nonempty.count(node.key) && renders_with(node.children, nonempty)) return true;
                break;
            default:
                break;
        }
    }
    return false;
}

bool is_card_number_name(std::string_view name) {
    if (name.size() < 2 || name[0] != 'c') return false;
    std::string_view digits = name.substr(1);
    if (digits[0] == '+') digits.remove_prefix(1);  // Rust's u32 parser accepts a plus sign
    if (digits.empty()) return false;
    std::uint32_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return ec == std::errc() && end == digits.data() + digits.size();
}

}  // namespace render_detail

bool field_is_empty(std::string_view html) {
    std::size_t i = 0;
    while (i < html.size()) {
        if (is_ascii_space(html[i])) {
            ++i;
            continue;
        }
        if (html[i] != '<') return false;
        std::size_t j = i + 1;
        if (j < html.size() && html[j] == '/') ++j;
        if (starts_with_ignoring_case(html, j, "br"))
            j += 2;
        else if (starts_with_ignoring_case(html, j, "div"))
            j += 3;
        else
            return false;
        if (j < html.size() && html[j] == ' ') ++j;
        if (j < html.size() && html[j] == '/') ++j;
        if (j >= html.size() || html[j] != '>') return false;
        i = j + 1;
    }
    return true;
}

RenderedCard render_card(std::string_view qfmt, std::string_view afmt, const FieldMap& given,
                         int card_ord, bool is_cloze) {
    FieldMap fields = given;
    fields.emplace("c" + std::to_string(card_ord + 1), "1");
    NonEmptyFields nonempty;
    for (const auto& [name, value] : fields) {
        if (!field_is_empty(value)) nonempty.insert(name);
    }
    SideContext context{{}, fields, nonempty, {card_ord, true}, nullptr};

    RenderedCard card;
    std::vector<TemplateNode> question_nodes;
    if (auto error = render_side(qfmt, context, card.question, &question_nodes))
        return failed(std::move(*error), false);

    std::string message;
    if (is_cloze) {
        std::set<int> numbers;
        for (const auto& [name, value] : fields) add_cloze_numbers(value, numbers);
        if (!numbers.count(card_ord + 1)) {
            message = "<div>No cloze " + std::to_string(card_ord + 1) +
                      " found on card.\nPlease either add a cloze deletion, or use the Empty "
                      "Cards tool.<br><a href='" +
                      std::string(kNoClozeLink) + "'>More information</a></div>";
        }
    } else if (!renders_with(question_nodes, nonempty)) {
        message = "<div>The front of this card is blank.<br><a href='" +
                  std::string(kBlankFrontLink) + "'>More information</a></div>";
    }
    if (!message.empty()) {
        card.question += message;
        card.answer = message;
        card.is_empty = true;
        return card;
    }

    context.filter.question = false;
    context.frontside = &card.question;
    if (auto error = render_side(afmt, context, card.answer))
        return failed(std::move(*error), true);
    return card;
}

std::optional<TemplateError> template_syntax_error(std::string_view text) {
    return parse_template(text).error;
}

std::optional<TemplateError> check_template(std::string_view text,
                                            const std::vector<std::string>& field_names) {
    ParsedTemplate parsed = parse_template(text);
    if (parsed.error) return parsed.error;
    std::set<std::string, std::less<>> known(field_names.begin(), field_names.end());
    for (const char* special : kSpecialFields) known.insert(special);
    return first_unknown_name(parsed.nodes, text, known);
}

}  // namespace deckport
