// Path globs as git's wildmatch reads them (`.gitignore` patterns, `per-path` configuration).
#pragma once

#include <string_view>

namespace shipshape::base {

/// Whether `path` (`/`-separated) matches `glob`: `*` and `?` stay within one segment, `**` as
/// a whole segment matches any number of segments (`**/Dockerfile`, `docker/**`, `a/**/b`),
/// `[...]` / `[!...]` / `[^...]` classes with ranges, `\` escapes the next character, an
/// unclosed `[` is literal. O(glob x path) steps whatever the pattern.
bool GlobMatch(std::string_view glob, std::string_view path);

}  // namespace shipshape::base
