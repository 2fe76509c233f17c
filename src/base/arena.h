// Stable storage for strings derived from a source text (joined continuation lines, decoded
// JSON, unquoted flags), so that AST nodes can hold string_views into it.
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace shipshape::base {

/// Append-only string storage; views returned by Store stay valid for the arena's lifetime,
/// also across moves of the arena.
class Arena {
 public:
  Arena() = default;
  Arena(Arena&&) = default;
  Arena& operator=(Arena&&) = default;

  /// Copies `s` into the arena and returns a view of the copy.
  std::string_view Store(std::string_view s) {
    if (s.empty()) return {};
    char* p = Allocate(s.size());
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

 private:
  char* Allocate(std::size_t n) {
    if (n > kBlockSize / 4) {
      big_.push_back(std::make_unique<char[]>(n));
      return big_.back().get();
    }
    if (blocks_.empty() || used_ + n > kBlockSize) {
      blocks_.push_back(std::make_unique<char[]>(kBlockSize));
      used_ = 0;
    }
    char* p = blocks_.back().get() + used_;
    used_ += n;
    return p;
  }

  static constexpr std::size_t kBlockSize = 16 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::unique_ptr<char[]>> big_;
  std::size_t used_ = 0;
};

}  // namespace shipshape::base
