// The lock file (`shipshape.lock`): which digest each image tag resolved to, so that `pin
// --offline` and `pin --check --offline` give the same answer without a network. Versioned
// JSON, keys sorted, written atomically.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace shipshape::registry {

inline constexpr std::string_view kLockFileName = "shipshape.lock";
inline constexpr int kLockVersion = 1;

/// Digests by LockKey (`docker.io/library/alpine:3.19` -> `sha256:...`).
using Lock = std::map<std::string, std::string>;

/// A lock file as read.
struct LockRead {
  Lock lock;
  /// The file's text; nullopt when there is no such file (an empty lock).
  std::optional<std::string> text;
  /// What is wrong with it (naming the file), empty when it is fine or missing.
  std::string error;
  bool ok() const { return error.empty(); }
};

/// Parses a lock file's text: `{"version": 1, "images": {"<name>:<tag>": "sha256:..."}}`.
/// Every key must be a normalized reference with a tag and no digest, every value a sha256
/// digest. Returns the error (without the path), empty on success.
std::string ParseLock(std::string_view text, Lock& lock);

/// Reads the lock file at `path` (missing is not an error).
LockRead ReadLock(const std::string& path);

/// The text of a lock file holding `lock`: two-space JSON, keys sorted, a final newline.
std::string FormatLock(const Lock& lock);

}  // namespace shipshape::registry
