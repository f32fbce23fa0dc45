// The documented diagnostic codes: what each one means and how to fix it, for
// `deckport explain CODE` and docs/diagnostics.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "deckport/diagnostics.hpp"

namespace deckport {

class FormatRegistry;

struct CodeInfo {
    std::string code;                     // e.g. "LINT003"
    Severity severity = Severity::error;  // the severity it is reported with by default
    std::string summary;                  // one line: what was found
    std::string explanation;              // why it matters and how to fix it
};

// One table of codes. Codes are unique: adding a code twice keeps the first entry.
class CodeRegistry {
  public:
    void add(CodeInfo info);
    void add_all(const std::vector<CodeInfo>& infos);
    const CodeInfo* find(std::string_view code) const;  // case-insensitive; null when unknown
    const std::vector<CodeInfo>& all() const { return codes_; }

  private:
    std::vector<CodeInfo> codes_;
};

// The codes of the core library: reading, writing and normalising (IO, FMT, DUP).
std::vector<CodeInfo> core_codes();

// Every documented code: core, lint rules, roundtrip, and each format's FormatInfo::codes.
CodeRegistry documented_codes(const FormatRegistry& formats);

}  // namespace deckport
