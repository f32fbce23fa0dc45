#include "common/pieces.hpp"

#include <algorithm>
#include <vector>

namespace deckport {

void read_in_pieces(std::uint64_t size, const PieceReader& read,
                    const std::function<void(std::string_view, bool)>& take) {
    constexpr std::size_t kPiece = 1 << 20;
    std::vector<char> piece(static_cast<std::size_t>(std::min<std::uint64_t>(size, kPiece)));
    std::uint64_t offset = 0;
    do {
        auto n = static_cast<std::size_t>(std::min<std::uint64_t>(size - offset, kPiece));
        read(offset, std::span<char>(piece.data(), n));
        offset += n;
        take(std::string_view(piece.data(), n), offset == size);
    } while (offset < size);
}

}  // namespace deckport
