// UTF-8 decoding and character classes with Go's semantics (BuildKit is written in Go, and
// conformance depends on how it treats invalid bytes and Unicode spaces, letters and digits).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace shipshape::base {

inline constexpr char32_t kRuneError = 0xFFFD;

/// One decoded code point and the number of bytes it took.
struct DecodedRune {
  char32_t rune;
  std::size_t width;
};

/// Decodes the code point at `s[pos]` as Go's utf8.DecodeRuneInString does: an invalid or
/// truncated sequence yields U+FFFD with width 1. `pos` must be < s.size().
DecodedRune DecodeRune(std::string_view s, std::size_t pos);

/// Appends the UTF-8 encoding of `r` (U+FFFD for surrogates and out-of-range values).
void AppendRune(std::string& out, char32_t r);

/// Go's unicode.IsSpace.
bool IsSpace(char32_t r);
/// Go's unicode.IsLetter (general category L).
bool IsLetter(char32_t r);
/// Go's unicode.IsDigit (general category Nd).
bool IsDigit(char32_t r);

/// Whether byte `c`, taken as a code point (as Go's `rune(line[i])` does), is a Go space.
inline bool IsSpaceByte(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
}

/// Whether `c` is one of Go's regexp `[\t\v\f\r ]`.
inline bool IsBlankNoNewline(char c) {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view TrimLeftSpaceSlow(std::string_view s);
std::string_view TrimRightSpaceSlow(std::string_view s);

/// Go's strings.TrimLeftFunc(s, unicode.IsSpace).
inline std::string_view TrimLeftSpace(std::string_view s) {
  // Most lines start with a printable ASCII character: nothing to trim.
  if (!s.empty() && static_cast<unsigned char>(s.front()) < 0x80 &&
      !IsSpaceByte(static_cast<unsigned char>(s.front()))) {
    return s;
  }
  return TrimLeftSpaceSlow(s);
}
/// Go's strings.TrimRightFunc(s, unicode.IsSpace).
inline std::string_view TrimRightSpace(std::string_view s) {
  if (!s.empty() && static_cast<unsigned char>(s.back()) < 0x80 &&
      !IsSpaceByte(static_cast<unsigned char>(s.back()))) {
    return s;
  }
  return TrimRightSpaceSlow(s);
}
/// Go's strings.TrimSpace.
inline std::string_view TrimSpace(std::string_view s) { return TrimRightSpace(TrimLeftSpace(s)); }

/// ASCII-only lower-casing, as used for keywords.
std::string AsciiLower(std::string_view s);
/// Go's strings.ToLower: Unicode simple case mapping; invalid bytes are kept.
std::string ToLower(std::string_view s);
/// Go's strings.ToUpper: Unicode simple case mapping; invalid bytes are kept.
std::string ToUpper(std::string_view s);
/// Case-insensitive ASCII comparison.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

/// Whether `s` contains `lower` (lower-case ASCII) in any ASCII case.
inline bool ContainsIgnoreCase(std::string_view s, std::string_view lower) {
  if (lower.size() > s.size()) return false;
  for (std::size_t i = 0; i + lower.size() <= s.size(); ++i) {
    if (EqualsIgnoreCase(s.substr(i, lower.size()), lower)) return true;
  }
  return false;
}

/// Number of code points in `s` (invalid bytes count one each).
std::size_t CountRunes(std::string_view s);

}  // namespace shipshape::base
