// Zip archives in memory through libzip, with the bounds that hostile input needs.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deckport/io.hpp"
#include "deckport/media_refs.hpp"  // is_safe_relative_path, for member names

struct zip;
struct zip_source;

namespace deckport {

// Reads members of a zip held in memory. Decompressed sizes are bounded per member and in
// total (Limits), whatever the archive's headers claim. Errors throw InputError with `code_prefix`
// codes: <prefix>001 not a zip, <prefix>002 damaged member, <prefix>003 over a size bound.
// `bytes` must outlive the reader (it is not copied).
class ZipReader {
public:
    ZipReader(std::string_view bytes, std::string display_name, std::string code_prefix,
              Limits limits = {});
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    const std::vector<std::string>& names() const { return names_; }
    bool contains(std::string_view name) const;
    // The member's bytes, or nullopt when there is no such member.
    std::optional<std::string> read(std::string_view name);

private:
    zip* archive_ = nullptr;
    std::string display_name_;
    std::string code_prefix_;
    Limits limits_;
    std::uint64_t total_read_ = 0;
    std::vector<std::string> names_;
};

// Builds a zip in memory. Deterministic: members in the order added, one fixed modification
// time (1980-01-01 00:00, the zip epoch), no extra fields.
class ZipWriter {
public:
    ZipWriter();
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // `compress`: deflate at `level` (1 fastest ... 9 smallest); otherwise stored.
    void add(std::string name, std::string bytes, bool compress = true, int level = 6);
    // Closes the archive and returns its bytes; the writer cannot be used afterwards.
    std::string finish();

private:
    zip_source* buffer_ = nullptr;
    zip* archive_ = nullptr;
    std::deque<std::string> contents_;  // libzip reads them at finish(); deque keeps them in place
};

}  // namespace deckport
