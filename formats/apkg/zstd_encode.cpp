#include "apkg/zstd_encode.hpp"

#include <zstd.h>

#include <memory>
#include <stdexcept>

namespace deckport::apkg {
namespace {

struct CctxDeleter {
    void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};

std::size_t check(std::size_t result) {
    if (ZSTD_isError(result)) {
        throw std::runtime_error(std::string("zstd compression failed: ") +
                                 ZSTD_getErrorName(result));
    }
    return result;
}

// One frame, fed a piece at a time.
class FrameWriter {
  public:
    FrameWriter() : context_(ZSTD_createCCtx()) {
        if (!context_) throw std::runtime_error("cannot create a zstd encoder (out of memory)");
        check(ZSTD_CCtx_setParameter(context_.get(), ZSTD_c_compressionLevel, ZSTD_CLEVEL_DEFAULT));
        // Anki's streaming encoder never knows the size up front: its frames carry none.
        check(ZSTD_CCtx_setParameter(context_.get(), ZSTD_c_contentSizeFlag, 0));
        check(ZSTD_CCtx_setParameter(context_.get(), ZSTD_c_checksumFlag, 0));
    }

    void add(std::string_view piece, bool last) {
        ZSTD_inBuffer in{piece.data(), piece.size(), 0};
        ZSTD_EndDirective mode = last ? ZSTD_e_end : ZSTD_e_continue;
        std::size_t step = ZSTD_CStreamOutSize();
        for (;;) {
            std::size_t used = out_.size();
            out_.resize(used + step);
            ZSTD_outBuffer out{out_.data() + used, step, 0};
            std::size_t left = check(ZSTD_compressStream2(context_.get(), &out, &in, mode));
            out_.resize(used + out.pos);
            // Done with the piece when zstd took all of it (and, at the end, flushed all).
            if (last ? left == 0 : in.pos == in.size) break;
        }
    }

    std::string take() { return std::move(out_); }

  private:
    std::unique_ptr<ZSTD_CCtx, CctxDeleter> context_;
    std::string out_;
};

}  // namespace

std::string zstd_compress(std::string_view bytes) {
    FrameWriter frame;
    frame.add(bytes, true);
    return frame.take();
}

std::string zstd_compress_from(std::uint64_t size, const PieceReader& read) {
    FrameWriter frame;
    read_in_pieces(size, read, [&](std::string_view piece, bool last) { frame.add(piece, last); });
    return frame.take();
}

}  // namespace deckport::apkg
