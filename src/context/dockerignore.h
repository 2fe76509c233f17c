// `.dockerignore` files read and matched exactly as BuildKit does (moby/patternmatcher and its
// ignorefile reader), with invalid patterns reported by line and column instead of failing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape::context {

/// Go's path.Clean for `/`-separated paths (`a//b/../c/` -> `a/c`, `` -> `.`).
std::string CleanPath(std::string_view path);

/// A pattern BuildKit rejects (the whole build fails on it), or a line it cannot read.
struct IgnoreError {
  /// 1-based line and byte column of the pattern in the file.
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
};

/// One pattern line, as patternmatcher keeps it.
struct IgnorePattern {
  /// 1-based line and byte column of the pattern in the file.
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  /// The line as written, trimmed.
  std::string written;
  /// After `filepath.Clean`, leading `/` and `!` removed: what is matched.
  std::string cleaned;
  /// A `!` pattern: it re-includes what earlier patterns excluded.
  bool exclusion = false;
  /// Whether `path` (clean, relative, `/`-separated) matches this pattern alone.
  bool Matches(std::string_view path) const;

  // The compiled form (see dockerignore.cc).
  enum class Kind : std::uint8_t { kExact, kPrefix, kSuffix, kTokens };
  Kind kind = Kind::kExact;
  struct Token {
    enum class Op : std::uint8_t {
      kLiteral,    ///< one byte
      kStar,       ///< `*`: any run of non-`/` characters
      kQuestion,   ///< `?`: one character other than `/`
      kClass,      ///< `[...]`: one character in (or, negated, not in) the ranges
      kAnyDirs,    ///< `**/` (or `**` before more pattern): nothing, or anything ending in `/`
      kAnything,   ///< a trailing `**` after other wildcards: anything
      kTextStart,  ///< an unescaped `^` outside a class (or `\A`): a regexp anchor in BuildKit
      kTextEnd,    ///< `\z`
      kWordBoundary,     ///< `\b`
      kNotWordBoundary,  ///< `\B`
    };
    Op op = Op::kLiteral;
    char byte = 0;
    bool negated = false;
    std::vector<std::pair<char32_t, char32_t>> ranges;
  };
  std::vector<Token> tokens;
};

/// A parsed `.dockerignore`.
class Dockerignore {
 public:
  /// Reads `text` as BuildKit does: UTF-8 BOM dropped, lines split on `\n` (a `\r` before it
  /// dropped), a line starting with `#` is a comment (only at the very start), whitespace
  /// trimmed, `!` marks an exception, each pattern `filepath.Clean`ed and a leading `/`
  /// dropped. Never fails: invalid patterns are `errors()` and match nothing.
  static Dockerignore Parse(std::string_view text);

  /// BuildKit's `MatchesOrParentMatches`: whether `path` (relative to the context, `/`-separated;
  /// cleaned here) is excluded: the last pattern that matches it, or one of its parent
  /// directories, decides; `!` patterns re-include. `.` is never excluded.
  bool Excludes(std::string_view path) const;

  /// Whether any `!` pattern exists (BuildKit's CopyIgnoredFile check gives up then).
  bool has_exclusions() const { return has_exclusions_; }
  const std::vector<IgnorePattern>& patterns() const { return patterns_; }
  /// Invalid patterns; BuildKit fails the build on the first one.
  const std::vector<IgnoreError>& errors() const { return errors_; }

 private:
  std::vector<IgnorePattern> patterns_;
  std::vector<IgnoreError> errors_;
  bool has_exclusions_ = false;
};

}  // namespace shipshape::context
