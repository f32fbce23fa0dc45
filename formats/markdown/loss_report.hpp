// Warnings about what the markdown writer cannot carry, each kind reported once.
#pragma once

#include <set>
#include <string>

#include "deckport/diagnostics.hpp"

namespace deckport::markdown {

class LossReport {
  public:
    LossReport(Diagnostics& diagnostics, std::string output)
        : diagnostics_(diagnostics), output_(std::move(output)) {}

    // Reports a warning unless one with the same `kind` was already reported.
    void once(const std::string& kind, const std::string& code, const std::string& locator,
              const std::string& message, const std::string& hint = {}) {
        if (!kinds_.insert(kind).second) return;
        diagnostics_.warning(code, SourceLocation{output_, 0, 0, locator}, message, hint);
    }

  private:
    Diagnostics& diagnostics_;
    std::string output_;
    std::set<std::string> kinds_;
};

}  // namespace deckport::markdown
