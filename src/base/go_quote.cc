#include "base/go_quote.h"

#include <algorithm>

#include "base/unicode_tables.h"
#include "base/utf8.h"

namespace shipshape::base {

bool IsGoPrint(char32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7F;
  const CodePointRange* end = kPrintRanges + kPrintRangesSize;
  const CodePointRange* it =
      std::upper_bound(kPrintRanges, end, r,
                       [](char32_t v, const CodePointRange& range) { return v < range.first; });
  return it != kPrintRanges && r <= (it - 1)->last;
}

void AppendGoQuoted(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    const DecodedRune d = c < 0x80 ? DecodedRune{c, 1} : DecodeRune(s, i);
    if (d.rune == kRuneError && d.width == 1) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
      ++i;
      continue;
    }
    i += d.width;
    const char32_t r = d.rune;
    if (IsGoPrint(r)) {
      AppendRune(out, r);
      continue;
    }
    switch (r) {
      case '\a':
        out += "\\a";
        continue;
      case '\b':
        out += "\\b";
        continue;
      case '\f':
        out += "\\f";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\v':
        out += "\\v";
        continue;
      default:
        break;
    }
    if (r < ' ' || r == 0x7F) {
      out += "\\x";
      out.push_back(kHex[(r >> 4) & 0xF]);
      out.push_back(kHex[r & 0xF]);
    } else if (r < 0x10000) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(r >> shift) & 0xF]);
    } else {
      out += "\\U";
      for (int shift = 28; shift >= 0; shift -= 4) out.push_back(kHex[(r >> shift) & 0xF]);
    }
  }
  out.push_back('"');
}

std::string GoQuote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendGoQuoted(out, s);
  return out;
}

}  // namespace shipshape::base
