// Row ids that are unique within one table of a package.
#pragma once

#include <cstdint>
#include <unordered_set>

namespace deckport::apkg {

class UniqueIds {
  public:
    // `preferred` if it is free, else the next free id after it (deterministic).
    std::int64_t take(std::int64_t preferred) {
        if (preferred <= 0) preferred = 1;
        while (!used_.insert(preferred).second) ++preferred;
        return preferred;
    }
    bool contains(std::int64_t id) const { return used_.count(id) > 0; }
    // Room for `count` ids without rehashing as they come.
    void reserve(std::size_t count) { used_.reserve(count); }

  private:
    std::unordered_set<std::int64_t> used_;
};

}  // namespace deckport::apkg
