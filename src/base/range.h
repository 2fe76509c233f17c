// Byte ranges into a source text: every node and diagnostic carries one.
#pragma once

#include <cstdint>
#include <string_view>

namespace shipshape::base {

/// Half-open byte range [begin, end) into the original text of a file.
struct Range {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  constexpr std::uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  constexpr bool Contains(const Range& other) const {
    return begin <= other.begin && other.end <= end;
  }
  friend constexpr bool operator==(const Range&, const Range&) = default;
};

/// The bytes of `text` that `range` covers.
inline std::string_view Slice(std::string_view text, Range range) {
  return text.substr(range.begin, range.end - range.begin);
}

}  // namespace shipshape::base
