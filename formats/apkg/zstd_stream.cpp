#include "apkg/zstd_stream.hpp"

#include <zstd.h>

#include <memory>

#include "deckport/error.hpp"

namespace deckport::apkg {
namespace {

struct DctxDeleter {
    void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

}  // namespace

bool looks_like_zstd(std::string_view bytes) {
    return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("\x28\xB5\x2F\xFD", 4);
}

std::string zstd_decompress(std::string_view compressed, InflateBudget& budget,
                            const SourceLocation& at) {
    if (compressed.empty()) throw InputError("APKG008", at, "empty zstd data");
    unsigned long long declared = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
    std::uint64_t max_member = budget.limits().max_member_bytes;
    if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != ZSTD_CONTENTSIZE_ERROR &&
        declared > max_member) {
        throw InputError("APKG003", at,
                         "the zstd frame declares " + std::to_string(declared) +
                             " bytes, more than the limit of " + std::to_string(max_member) +
                             " bytes (a zstd bomb?)",
                         "if the file is trusted, raise the limit with --limit member=SIZE");
    }
    InflateBudget::Member counter = budget.member(compressed.size(), at, "zstd");
    std::unique_ptr<ZSTD_DCtx, DctxDeleter> context(ZSTD_createDCtx());
    if (!context) throw InputError("APKG008", at, "cannot create a zstd decoder (out of memory)");
    std::string output;
    std::string chunk(ZSTD_DStreamOutSize(), '\0');
    ZSTD_inBuffer in{compressed.data(), compressed.size(), 0};
    std::size_t hint = 0;
    while (true) {
        ZSTD_outBuffer out{chunk.data(), chunk.size(), 0};
        hint = ZSTD_decompressStream(context.get(), &out, &in);
        if (ZSTD_isError(hint)) {
            throw InputError("APKG008", at,
                             std::string("invalid zstd data: ") + ZSTD_getErrorName(hint));
        }
        counter.add(out.pos);  // throws APKG003 over a bound, before the bytes are kept
        output.append(chunk.data(), out.pos);
        // A full output buffer may mean the decoder holds more bytes back: go round again,
        // unless the frame is done (0): asked again, zstd would wait for another frame.
        if (in.pos == in.size && (hint == 0 || out.pos < out.size)) break;
    }
    // A non-zero hint once the input is used up means a frame was cut short.
    if (hint != 0) throw InputError("APKG008", at, "truncated zstd data");
    return output;
}

}  // namespace deckport::apkg
