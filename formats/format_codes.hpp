// Every format's diagnostic codes as its README lists them (generated at build time by
// cmake/format_codes.py), for `deckport explain`.
#pragma once

#include <string>
#include <vector>

#include "deckport/codes.hpp"

namespace deckport {

struct ReadmeCode {
    std::string format;  // the folder under formats/, which is the format's name
    CodeInfo info;
};

const std::vector<ReadmeCode>& readme_format_codes();

}  // namespace deckport
