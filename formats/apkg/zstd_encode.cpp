#include "apkg/zstd_encode.hpp"

#include <zstd.h>

#include <memory>
#include <stdexcept>

namespace deckport::apkg {
namespace {

struct CctxDeleter {
    void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};

void check(std::size_t result) {
    if (ZSTD_isError(result)) {
        throw std::runtime_error(std::string("zstd compression failed: ") +
                                 ZSTD_getErrorName(result));
    }
}

}  // namespace

std::string zstd_compress(std::string_view bytes) {
    std::unique_ptr<ZSTD_CCtx, CctxDeleter> context(ZSTD_createCCtx());
    if (!context) throw std::runtime_error("cannot create a zstd encoder (out of memory)");
    check(ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, ZSTD_CLEVEL_DEFAULT));
    // Anki's streaming encoder never knows the size up front: its frames carry none.
    check(ZSTD_CCtx_setParameter(context.get(), ZSTD_c_contentSizeFlag, 0));
    check(ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 0));
    std::string out(ZSTD_compressBound(bytes.size()), '\0');
    std::size_t written =
        ZSTD_compress2(context.get(), out.data(), out.size(), bytes.data(), bytes.size());
    check(written);
    out.resize(written);
    return out;
}

}  // namespace deckport::apkg
