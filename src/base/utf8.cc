#include "base/utf8.h"

#include <algorithm>

#include "base/unicode_tables.h"

namespace shipshape::base {

DecodedRune DecodeRune(std::string_view s, std::size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  const std::size_t n = s.size() - pos;
  const unsigned char c0 = p[0];
  if (c0 < 0x80) return {c0, 1};
  auto cont = [&](std::size_t i) { return i < n && (p[i] & 0xC0) == 0x80; };
  if (c0 >= 0xC2 && c0 <= 0xDF) {
    if (cont(1)) return {static_cast<char32_t>(((c0 & 0x1F) << 6) | (p[1] & 0x3F)), 2};
    return {kRuneError, 1};
  }
  if (c0 >= 0xE0 && c0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return {kRuneError, 1};
    if (c0 == 0xE0 && p[1] < 0xA0) return {kRuneError, 1};  // overlong
    if (c0 == 0xED && p[1] > 0x9F) return {kRuneError, 1};  // surrogate
    return {static_cast<char32_t>(((c0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F)), 3};
  }
  if (c0 >= 0xF0 && c0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return {kRuneError, 1};
    if (c0 == 0xF0 && p[1] < 0x90) return {kRuneError, 1};  // overlong
    if (c0 == 0xF4 && p[1] > 0x8F) return {kRuneError, 1};  // > U+10FFFF
    return {static_cast<char32_t>(((c0 & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
                                  ((p[2] & 0x3F) << 6) | (p[3] & 0x3F)),
            4};
  }
  return {kRuneError, 1};
}

void AppendRune(std::string& out, char32_t r) {
  if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = kRuneError;
  if (r < 0x80) {
    out.push_back(static_cast<char>(r));
  } else if (r < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (r >> 6)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else if (r < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (r >> 12)));
    out.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (r >> 18)));
    out.push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  }
}

namespace {

bool InRanges(const CodePointRange* ranges, std::size_t size, char32_t r) {
  const CodePointRange* end = ranges + size;
  const CodePointRange* it = std::upper_bound(
      ranges, end, r, [](char32_t v, const CodePointRange& range) { return v < range.first; });
  return it != ranges && r <= (it - 1)->last;
}

char32_t MapCase(const CaseMapping* table, std::size_t size, char32_t r) {
  const CaseMapping* end = table + size;
  const CaseMapping* it =
      std::lower_bound(table, end, r, [](const CaseMapping& m, char32_t v) { return m.from < v; });
  return it != end && it->from == r ? it->to : r;
}

template <typename Map>
std::string MapRunes(std::string_view s, Map map) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(map(c)));
      ++i;
      continue;
    }
    const DecodedRune d = DecodeRune(s, i);
    if (d.rune == kRuneError && d.width == 1) {
      out.push_back(s[i]);  // Go keeps invalid bytes as they are.
    } else {
      AppendRune(out, map(d.rune));
    }
    i += d.width;
  }
  return out;
}

}  // namespace

bool IsSpace(char32_t r) {
  if (r < 0x100) return IsSpaceByte(static_cast<unsigned char>(r));
  return r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F ||
         r == 0x205F || r == 0x3000;
}

bool IsLetter(char32_t r) {
  if (r < 0x80) return (r | 0x20) >= 'a' && (r | 0x20) <= 'z';
  return InRanges(kLetterRanges, kLetterRangesSize, r);
}

bool IsDigit(char32_t r) {
  if (r < 0x80) return r >= '0' && r <= '9';
  return InRanges(kDigitRanges, kDigitRangesSize, r);
}

std::string_view TrimLeftSpaceSlow(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;  // the usual indentation
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!IsSpaceByte(c)) break;
      ++i;
      continue;
    }
    const DecodedRune d = DecodeRune(s, i);
    if (!IsSpace(d.rune) || (d.rune == kRuneError && d.width == 1)) break;
    i += d.width;
  }
  return s.substr(i);
}

std::string_view TrimRightSpaceSlow(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0) {
    const auto c = static_cast<unsigned char>(s[end - 1]);
    if (c < 0x80) {
      if (!IsSpaceByte(c)) break;
      --end;
      continue;
    }
    // Find the start of the last (possibly invalid) sequence, as Go's DecodeLastRune does.
    std::size_t start = end - 1;
    const std::size_t limit = end >= 4 ? end - 4 : 0;
    while (start > limit && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    DecodedRune d = DecodeRune(s, start);
    if (start + d.width != end) d = {kRuneError, 1};
    if (d.rune == kRuneError && d.width == 1) break;
    if (!IsSpace(d.rune)) break;
    end = start;
  }
  return s.substr(0, end);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

/// Go's strings.ToLower rune by rune.
std::string ToLowerRunes(std::string_view s) {
  return MapRunes(s, [](char32_t r) -> char32_t {
    if (r < 0x80) return r >= 'A' && r <= 'Z' ? r + 32 : r;
    if (r == 0x130) return 'i';  // Go's simple mapping; the full mapping has two code points
    return MapCase(kToLower, kToLowerSize, r);
  });
}

}  // namespace

std::string ToLower(std::string_view s) {
  // ASCII (nearly every input) maps byte by byte.
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) >= 0x80) return ToLowerRunes(s);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string ToUpper(std::string_view s) {
  return MapRunes(s, [](char32_t r) -> char32_t {
    if (r < 0x80) return r >= 'a' && r <= 'z' ? r - 32 : r;
    return MapCase(kToUpper, kToUpperSize, r);
  });
}

std::size_t CountRunes(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    const auto c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : DecodeRune(s, i).width;
  }
  return n;
}

}  // namespace shipshape::base
