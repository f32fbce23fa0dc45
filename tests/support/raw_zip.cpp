#include "raw_zip.hpp"

#include <zlib.h>

#include <stdexcept>

namespace deckport::test {
namespace {

constexpr std::uint32_t kMax32 = 0xFFFFFFFFu;

void put16(std::string& out, std::uint64_t value) {
    for (int i = 0; i < 2; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}
void put32(std::string& out, std::uint64_t value) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}
void put64(std::string& out, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

// Raw deflate (no zlib header) of `bytes`; `finish` false ends on a sync flush instead of a
// final block, so that copies of the result can follow one another.
std::string deflate_raw(std::string_view bytes, bool finish) {
    z_stream stream{};
    if (deflateInit2(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    std::string out(deflateBound(&stream, bytes.size()) + 16, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&stream, finish ? Z_FINISH : Z_SYNC_FLUSH);
    if (rc != (finish ? Z_STREAM_END : Z_OK)) throw std::runtime_error("deflate failed");
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

std::uint32_t crc_of(std::string_view bytes) {
    return static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

}  // namespace

RawMember stored_member(std::string name, std::string bytes) {
    RawMember member;
    member.name = std::move(name);
    member.crc = crc_of(bytes);
    member.inflated_size = bytes.size();
    member.data = std::move(bytes);
    return member;
}

RawMember deflated_member(std::string name, std::string_view bytes) {
    RawMember member;
    member.name = std::move(name);
    member.method = 8;
    member.crc = crc_of(bytes);
    member.inflated_size = bytes.size();
    member.data = deflate_raw(bytes, true);
    return member;
}

RawMember zero_bomb_member(std::string name, std::uint64_t mebibytes) {
    static const std::string zeros(1u << 20, '\0');
    // A fresh stream starts with a literal, then copies at distance 1: each copy of the chunk
    // inflates to one more MiB of zeros whatever came before it.
    static const std::string chunk = deflate_raw(zeros, false);
    static const uLong chunk_crc =
        crc32(0, reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uInt>(zeros.size()));
    RawMember member;
    member.name = std::move(name);
    member.method = 8;
    uLong crc = 0;
    member.data.reserve(chunk.size() * mebibytes + 2);
    for (std::uint64_t i = 0; i < mebibytes; ++i) {
        member.data += chunk;
        crc = crc32_combine(crc, chunk_crc, static_cast<z_off_t>(zeros.size()));
    }
    member.data += std::string("\x03\x00", 2);  // a final empty fixed-Huffman block
    member.crc = static_cast<std::uint32_t>(crc);
    member.inflated_size = mebibytes << 20;
    return member;
}

std::string raw_zip(const std::vector<RawMember>& members, std::uint64_t claimed_entries) {
    std::string out, central;
    for (const RawMember& m : members) {
        bool zip64 = m.inflated_size >= kMax32 || m.data.size() >= kMax32;
        std::uint64_t offset = out.size();
        std::string extra;
        if (zip64) {
            put16(extra, 0x0001);
            put16(extra, 16);
            put64(extra, m.inflated_size);
            put64(extra, m.data.size());
        }
        put32(out, 0x04034b50);
        put16(out, zip64 ? 45 : 20);
        put16(out, 0x0800);  // names are UTF-8
        put16(out, m.method);
        put16(out, 0);             // time 00:00
        put16(out, (1 << 5) | 1);  // date 1980-01-01
        put32(out, m.crc);
        put32(out, zip64 ? kMax32 : m.data.size());
        put32(out, zip64 ? kMax32 : m.inflated_size);
        put16(out, m.name.size());
        put16(out, extra.size());
        out += m.name;
        out += extra;
        out += m.data;

        put32(central, 0x02014b50);
        put16(central, (3 << 8) | 45);  // made by Unix, so the mode in the attributes counts
        put16(central, zip64 ? 45 : 20);
        put16(central, 0x0800);
        put16(central, m.method);
        put16(central, 0);
        put16(central, (1 << 5) | 1);
        put32(central, m.crc);
        put32(central, zip64 ? kMax32 : m.data.size());
        put32(central, zip64 ? kMax32 : m.inflated_size);
        put16(central, m.name.size());
        put16(central, extra.size());
        put16(central, 0);  // comment
        put16(central, 0);  // disk
        put16(central, 0);  // internal attributes
        put32(central, std::uint64_t{m.unix_mode} << 16);
        put32(central, offset);
        central += m.name;
        central += extra;
    }
    std::uint64_t entries = claimed_entries != 0 ? claimed_entries : members.size();
    std::uint64_t central_offset = out.size();
    out += central;
    if (entries > 0xFFFF) {
        std::uint64_t record_offset = out.size();
        put32(out, 0x06064b50);
        put64(out, 44);
        put16(out, (3 << 8) | 45);
        put16(out, 45);
        put32(out, 0);
        put32(out, 0);
        put64(out, entries);
        put64(out, entries);
        put64(out, central.size());
        put64(out, central_offset);
        put32(out, 0x07064b50);
        put32(out, 0);
        put64(out, record_offset);
        put32(out, 1);
    }
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, entries > 0xFFFF ? 0xFFFF : entries);
    put16(out, entries > 0xFFFF ? 0xFFFF : entries);
    put32(out, central.size());
    put32(out, central_offset);
    put16(out, 0);
    return out;
}

}  // namespace deckport::test
