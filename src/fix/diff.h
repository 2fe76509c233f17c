// Unified diffs of a file before and after fixing, as `git apply` and `patch -p1` read them.
#pragma once

#include <string>
#include <string_view>

namespace shipshape::fix {

/// The unified diff (3 lines of context) turning `before` into `after`, with headers
/// `--- a/<path>` and `+++ b/<path>`; empty when they are equal. Lines keep their own endings
/// (CRLF stays CRLF); a last line without a newline gets `\ No newline at end of file`.
/// `created`: the file is new (`before` empty), and the old side is `/dev/null`.
std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after,
                        bool created = false);

}  // namespace shipshape::fix
