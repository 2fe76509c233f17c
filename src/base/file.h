// Reading whole files and stdin without exceptions.
#pragma once

#include <cstddef>
#include <string>

namespace shipshape::base {

/// A file's bytes, or why they could not be read.
struct ReadResult {
  std::string text;
  /// Empty on success, else e.g. `No such file or directory`.
  std::string error;
  bool ok() const { return error.empty(); }
};

/// Files larger than this are not read (a Dockerfile is kilobytes; this guards memory).
inline constexpr std::size_t kMaxFileBytes = 64u << 20;

/// Reads `path` entirely; "-" reads standard input.
ReadResult ReadFile(const std::string& path);

}  // namespace shipshape::base
