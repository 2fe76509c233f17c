// Writing a fixed file without ever leaving it half-written or overwriting someone else's
// change: a temporary file in the same folder, its permissions those of the original, then a
// rename over it.
#pragma once

#include <string>
#include <string_view>

namespace shipshape::fix {

/// For tests: make the write fail after this many bytes of the temporary file (simulating a
/// full disk); negative: never.
struct WriteOptions {
  long fail_after_bytes = -1;
};

/// Replaces the contents of `path` with `text`, provided the file still holds `expected` (what
/// was read and fixed). On any failure (the file changed on disk, cannot write the temporary
/// file, cannot rename) the original file is left exactly as it was and the error is returned;
/// empty on success. Permissions (mode bits) are kept.
std::string WriteAtomically(const std::string& path, std::string_view expected,
                            std::string_view text, const WriteOptions& options = {});

/// Creates `path` holding `text`, never replacing a file that exists (one that appeared since
/// the fixes were computed wins): a temporary file beside it, hard-linked into place. Empty on
/// success, else the error; nothing is left behind on failure.
std::string CreateExclusively(const std::string& path, std::string_view text);

}  // namespace shipshape::fix
