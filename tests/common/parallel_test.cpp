#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/parallel.hpp"

using namespace deckport;

TEST(ParallelFor, CallsEveryIndexOnce) {
    for (std::size_t count :
         {std::size_t{0}, std::size_t{1}, std::size_t{255}, std::size_t{10'000}}) {
        std::vector<std::atomic<int>> calls(count);
        parallel_for(count, [&](std::size_t i) { ++calls[i]; });
        for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(calls[i], 1) << i << " of " << count;
    }
}

TEST(ParallelFor, ResultsByIndexDoNotDependOnThreads) {
    std::vector<std::string> parallel(5000), inline_(5000);
    auto work = [](std::size_t i) { return std::to_string(i * i) + "!"; };
    parallel_for(parallel.size(), [&](std::size_t i) { parallel[i] = work(i); });
    parallel_for(
        inline_.size(), [&](std::size_t i) { inline_[i] = work(i); }, inline_.size() + 1);
    EXPECT_EQ(parallel, inline_);
}

TEST(ParallelFor, RethrowsTheExceptionOfTheLowestIndex) {
    // Indexes 700, 3000 and 9000 throw; one thread would meet 700 first, whatever the timing.
    for (int run = 0; run < 20; ++run) {
        try {
            parallel_for(10'000, [](std::size_t i) {
                if (i == 700 || i == 3000 || i == 9000)
                    throw std::runtime_error("index " + std::to_string(i));
            });
            FAIL() << "expected an exception";
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "index 700");
        }
    }
}
