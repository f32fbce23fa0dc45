// Pieces shared by the renderer and card generation.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "template_parser.hpp"

namespace deckport::render_detail {

using NonEmptyFields = std::set<std::string, std::less<>>;

// Anki's renders_with_fields: some replacement of a non-empty field (FrontSide never counts),
// or a section whose condition holds and whose children render one. Text never counts.
bool renders_with(const std::vector<TemplateNode>& nodes, const NonEmptyFields& nonempty);

// `c` + digits that parse as u32: a card-number section such as {{#c2}}, known on every card.
bool is_card_number_name(std::string_view name);

}  // namespace deckport::render_detail
