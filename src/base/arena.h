// Stable storage for what is derived from one source text (joined continuation lines, decoded
// JSON, unquoted flags, the syntax tree's lists): allocation is a pointer bump and everything
// is freed at once with the arena.
#pragma once

#include <cstring>
#include <memory>
#include <memory_resource>
#include <string_view>

namespace shipshape::base {

/// Append-only storage; what it hands out stays valid for the arena's lifetime, also across
/// moves of the arena.
class Arena {
 public:
  /// `initial_size`: the first block's size (later blocks grow geometrically).
  explicit Arena(std::size_t initial_size = 4096)
      : resource_(std::make_unique<std::pmr::monotonic_buffer_resource>(initial_size)) {}
  Arena(Arena&&) = default;
  Arena& operator=(Arena&&) = default;

  /// Copies `s` into the arena and returns a view of the copy.
  std::string_view Store(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(resource_->allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  /// The arena as a memory resource, for std::pmr containers.
  std::pmr::memory_resource* resource() const { return resource_.get(); }

 private:
  std::unique_ptr<std::pmr::monotonic_buffer_resource> resource_;
};

}  // namespace shipshape::base
