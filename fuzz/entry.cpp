// The libFuzzer entry point of one target; DECKPORT_FUZZ_TARGET names it (fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    deckport::fuzz::run_target(DECKPORT_FUZZ_TARGET,
                               std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
