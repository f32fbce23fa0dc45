// Row ids that are unique within one table of a package.
#pragma once

#include <cstdint>
#include <vector>

namespace deckport::apkg {

class UniqueIds {
  public:
    // `preferred` if it is free, else the next free id after it (deterministic).
    std::int64_t take(std::int64_t preferred) {
        if (preferred <= 0) preferred = 1;
        while (!insert(preferred)) ++preferred;
        return preferred;
    }
    // Room for `count` ids without growing as they come.
    void reserve(std::size_t count) {
        if (count * 2 > slots_.size()) grow(count * 2);
    }

  private:
    // Open addressing in one array: a set of 100,000 ids is one allocation and a probe or two
    // per id, where a node-based set allocates per id and misses the cache on every lookup.
    // Ids are positive, so 0 marks a free slot.
    static constexpr std::int64_t kEmpty = 0;

    std::size_t mask() const { return slots_.size() - 1; }
    std::size_t slot_of(std::int64_t id) const {
        // Fibonacci hashing: derived ids are hashes already, counted ones are sequential.
        return static_cast<std::size_t>((static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ull) >>
                                        shift_);
    }
    bool insert(std::int64_t id) {
        if ((size_ + 1) * 2 > slots_.size()) grow(slots_.size() * 2);
        std::size_t i = slot_of(id);
        for (; slots_[i] != kEmpty; i = (i + 1) & mask()) {
            if (slots_[i] == id) return false;
        }
        slots_[i] = id;
        ++size_;
        return true;
    }
    void grow(std::size_t wanted) {
        std::size_t capacity = 16;
        int bits = 4;
        while (capacity < wanted) {
            capacity *= 2;
            ++bits;
        }
        std::vector<std::int64_t> old(capacity, kEmpty);
        old.swap(slots_);
        shift_ = 64 - bits;
        size_ = 0;
        for (std::int64_t id : old) {
            if (id != kEmpty) insert(id);
        }
    }

    std::vector<std::int64_t> slots_;
    std::size_t size_ = 0;
    int shift_ = 64;
};

}  // namespace deckport::apkg
