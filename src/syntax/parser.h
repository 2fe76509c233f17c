// The Dockerfile parser: BuildKit's grammar (directives, comments, continuations, heredocs,
// flags, per-instruction argument shapes) and its instruction-level checks. It never fails:
// whatever BuildKit would reject becomes a SyntaxError and parsing goes on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "syntax/ast.h"

namespace shipshape::syntax {

/// BuildKit's limit on one physical line (bytes, line end excluded).
inline constexpr std::size_t kMaxLineBytes = 65535;

/// Parses `text`; `path` is only recorded. Both layers of BuildKit's checks run: the parser's
/// and the instruction parser's.
Dockerfile Parse(std::string path, std::string text);

/// A directive found by BuildKit's separate directive lookup.
struct DirectiveLookup {
  /// The value cut at its first space (what BuildKit uses).
  std::string value;
  /// The whole value.
  std::string cmdline;
  /// 1-based line.
  std::uint32_t line = 0;
};

/// BuildKit's `check` (or `syntax`) directive lookup, which differs from the parser's: a
/// shebang first line is skipped, leading whitespace is not, and the value is cut at the
/// first space. `prefix` is the comment marker (`#`, or `//` for the syntax fallback).
std::optional<DirectiveLookup> LookupDirective(std::string_view text, std::string_view name,
                                               std::string_view prefix = "#");

/// BuildKit's DetectSyntax: `# syntax=`, else `//syntax=`, else a JSON object's "syntax".
std::optional<DirectiveLookup> DetectSyntax(std::string_view text);

}  // namespace shipshape::syntax
