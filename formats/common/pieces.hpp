// Large inputs handed on a piece at a time (a package's collection, read back from its file and
// compressed as it goes), so that memory never holds them whole.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

namespace deckport {

// Fills `into` with the input's bytes from `offset`.
using PieceReader = std::function<void(std::uint64_t offset, std::span<char> into)>;

// Reads `size` bytes with `read`, a megabyte at a time, and hands each piece to
// `take(piece, last)`: one empty, last piece when `size` is 0.
void read_in_pieces(std::uint64_t size, const PieceReader& read,
                    const std::function<void(std::string_view, bool)>& take);

}  // namespace deckport
