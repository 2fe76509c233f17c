#include "syntax/line_parsers.h"

#include <vector>

#include "base/utf8.h"
#include "model/expand.h"

namespace shipshape::syntax {
namespace {

using base::DecodeRune;
using base::IsBlankNoNewline;
using base::IsSpaceByte;

/// Appends byte `c` the way Go's `word += string(rune(line[pos]))` does: bytes >= 0x80 are
/// taken as Latin-1 code points and re-encoded.
void AppendByteAsRune(std::string& out, unsigned char c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else {
    base::AppendRune(out, c);
  }
}

/// Finalises `word` for input[begin, end): keep it only when it differs from the raw bytes.
void PushWord(std::string_view input, std::uint32_t begin, std::uint32_t end, std::string& word,
              std::vector<LexedWord>& out) {
  LexedWord w;
  w.begin = begin;
  w.end = end;
  if (input.substr(begin, end - begin) != word) {
    w.rewritten = true;
    w.text = word;
  }
  out.push_back(std::move(w));
}

/// Go's strings.TrimSpace as offsets into `s`.
void TrimSpaceOffsets(std::string_view s, std::uint32_t& begin, std::uint32_t& end) {
  std::string_view inner = s.substr(begin, end - begin);
  std::string_view left = base::TrimLeftSpace(inner);
  begin += static_cast<std::uint32_t>(inner.size() - left.size());
  std::string_view both = base::TrimRightSpace(left);
  end = begin + static_cast<std::uint32_t>(both.size());
}

/// BuildKit's extractBuilderFlags over line[begin, end): flags go to `split.flags`, the
/// argument text (untrimmed) to split.rest_*.
void ExtractBuilderFlags(std::string_view line, std::uint32_t begin, std::uint32_t end,
                         SplitLine& split) {
  enum { kInSpaces, kInWord, kInQuote } phase = kInSpaces;
  std::string word;
  bool blank_ok = false;
  unsigned char quote = 0;
  std::uint32_t word_start = begin;
  split.rest_begin = split.rest_end = end;
  for (std::uint32_t pos = begin; pos <= end; ++pos) {
    unsigned char ch = pos != end ? static_cast<unsigned char>(line[pos]) : 0;
    if (phase == kInSpaces) {
      if (pos == end) break;
      if (IsSpaceByte(ch)) continue;
      if (ch != '-' || pos + 1 == end || line[pos + 1] != '-') {
        split.rest_begin = pos;
        return;
      }
      phase = kInWord;
      word_start = pos;
    }
    if (pos == end) {  // phase is kInWord or kInQuote
      if (word != "--" && (blank_ok || !word.empty())) {
        PushWord(line, word_start, end, word, split.flags);
      }
      break;
    }
    if (phase == kInWord) {
      if (IsSpaceByte(ch)) {
        phase = kInSpaces;
        if (word == "--") {
          split.rest_begin = pos;
          return;
        }
        if (blank_ok || !word.empty()) PushWord(line, word_start, pos, word, split.flags);
        word.clear();
        blank_ok = false;
        continue;
      }
      if (ch == '\'' || ch == '"') {
        quote = ch;
        blank_ok = true;
        phase = kInQuote;
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == end) continue;
        ++pos;
        ch = static_cast<unsigned char>(line[pos]);
      }
      AppendByteAsRune(word, ch);
      continue;
    }
    // kInQuote
    if (ch == quote) {
      phase = kInWord;
      continue;
    }
    if (ch == '\\') {
      if (pos + 1 == end) {
        phase = kInWord;
        continue;
      }
      ++pos;
      ch = static_cast<unsigned char>(line[pos]);
    }
    AppendByteAsRune(word, ch);
  }
}

/// JSON whitespace.
bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Reads 4 hex digits at s[i]; -1 when they are not there.
long ReadU4(std::string_view s, std::size_t i) {
  if (i + 4 > s.size()) return -1;
  long v = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    int h = HexValue(s[i + k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

/// Scans the JSON string starting at s[i] == '"'. On success moves i past the closing quote
/// and, when `decoded` is given, stores the value as Go's encoding/json decodes it.
bool ScanJsonString(std::string_view s, std::size_t& i, std::string* decoded) {
  ++i;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"') {
      ++i;
      return true;
    }
    if (c < 0x20) return false;
    if (c == '\\') {
      if (i + 1 >= s.size()) return false;
      const char e = s[i + 1];
      char out = 0;
      switch (e) {
        case '"':
          out = '"';
          break;
        case '\\':
          out = '\\';
          break;
        case '/':
          out = '/';
          break;
        case 'b':
          out = '\b';
          break;
        case 'f':
          out = '\f';
          break;
        case 'n':
          out = '\n';
          break;
        case 'r':
          out = '\r';
          break;
        case 't':
          out = '\t';
          break;
        case 'u': {
          long r = ReadU4(s, i + 2);
          if (r < 0) return false;
          i += 6;
          if (r >= 0xD800 && r < 0xE000) {
            // A surrogate pair decodes to one code point; a lone surrogate becomes U+FFFD.
            long r2 = -1;
            if (r < 0xDC00 && i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
              r2 = ReadU4(s, i + 2);
            }
            if (r2 >= 0xDC00 && r2 < 0xE000) {
              r = 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00);
              i += 6;
            } else {
              r = base::kRuneError;
            }
          }
          if (decoded) base::AppendRune(*decoded, static_cast<char32_t>(r));
          continue;
        }
        default:
          return false;
      }
      if (decoded) decoded->push_back(out);
      i += 2;
      continue;
    }
    if (c < 0x80) {
      if (decoded) decoded->push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    const base::DecodedRune d = DecodeRune(s, i);
    if (decoded) {
      if (d.rune == base::kRuneError && d.width == 1) {
        base::AppendRune(*decoded, base::kRuneError);
      } else {
        decoded->append(s.substr(i, d.width));
      }
    }
    i += d.width;
  }
  return false;
}

bool ScanJsonNumber(std::string_view s, std::size_t& i) {
  auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  if (i < s.size() && s[i] == '-') ++i;
  if (!digit(i)) return false;
  if (s[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return true;
}

void SkipJsonSpace(std::string_view s, std::size_t& i) {
  while (i < s.size() && IsJsonSpace(s[i])) ++i;
}

/// Go's encoding/json nesting limit.
constexpr std::size_t kMaxJsonDepth = 10000;

/// Validates one JSON value at s[i] (any type), iteratively; `depth` is the nesting already
/// open around it.
bool ScanJsonValue(std::string_view s, std::size_t& i, std::size_t depth) {
  std::vector<char> stack;
  for (;;) {
    SkipJsonSpace(s, i);
    if (i >= s.size()) return false;
    const char c = s[i];
    bool closed_empty = false;
    if (c == '{' || c == '[') {
      if (depth + stack.size() + 1 > kMaxJsonDepth) return false;
      stack.push_back(c == '{' ? '}' : ']');
      ++i;
      SkipJsonSpace(s, i);
      if (i < s.size() && s[i] == stack.back()) {
        ++i;
        stack.pop_back();
        closed_empty = true;
      } else if (c == '{') {
        if (i >= s.size() || s[i] != '"' || !ScanJsonString(s, i, nullptr)) return false;
        SkipJsonSpace(s, i);
        if (i >= s.size() || s[i] != ':') return false;
        ++i;
        continue;
      } else {
        continue;
      }
    } else if (c == '"') {
      if (!ScanJsonString(s, i, nullptr)) return false;
    } else if (c == 't' || c == 'f' || c == 'n') {
      std::string_view lit = c == 't' ? "true" : c == 'f' ? "false" : "null";
      if (s.substr(i, lit.size()) != lit) return false;
      i += lit.size();
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      if (!ScanJsonNumber(s, i)) return false;
    } else {
      return false;
    }
    (void)closed_empty;
    // After a complete value: close containers or move to the next element.
    for (;;) {
      if (stack.empty()) return true;
      SkipJsonSpace(s, i);
      if (i >= s.size()) return false;
      if (s[i] == ',') {
        ++i;
        if (stack.back() == '}') {
          SkipJsonSpace(s, i);
          if (i >= s.size() || s[i] != '"' || !ScanJsonString(s, i, nullptr)) return false;
          SkipJsonSpace(s, i);
          if (i >= s.size() || s[i] != ':') return false;
          ++i;
        }
        break;
      }
      if (s[i] != stack.back()) return false;
      ++i;
      stack.pop_back();
    }
  }
}

}  // namespace

void SplitCommand(std::string_view line, SplitLine& split) {
  split.flags.clear();
  std::uint32_t begin = 0;
  auto end = static_cast<std::uint32_t>(line.size());
  TrimSpaceOffsets(line, begin, end);
  std::uint32_t i = begin;
  while (i < end && !IsBlankNoNewline(line[i])) ++i;
  split.word_begin = begin;
  split.word_end = i;
  split.rest_begin = split.rest_end = end;
  if (i == end) return;
  while (i < end && IsBlankNoNewline(line[i])) ++i;
  ExtractBuilderFlags(line, i, end, split);
  split.rest_end = end;
  TrimSpaceOffsets(line, split.rest_begin, split.rest_end);
}

void ParseWords(std::string_view rest, char escape, std::vector<LexedWord>& out) {
  // The words are the input's bytes, except that an escape as the very last character is
  // dropped and invalid UTF-8 becomes U+FFFD; so only offsets are tracked while scanning.
  enum { kInSpaces, kInWord, kInQuote } phase = kInSpaces;
  bool blank_ok = false;
  bool invalid_utf8 = false;
  char quote = 0;
  std::uint32_t start = 0;
  const auto len = static_cast<std::uint32_t>(rest.size());
  const auto esc = static_cast<unsigned char>(escape);
  auto push = [&](std::uint32_t end, bool drop_last) {
    if (!blank_ok && end - start == (drop_last ? 1u : 0u)) return;
    LexedWord w;
    w.begin = start;
    w.end = end;
    if (invalid_utf8 || drop_last) {
      w.rewritten = true;
      const std::string_view raw = rest.substr(start, end - start - (drop_last ? 1 : 0));
      for (std::size_t i = 0; i < raw.size();) {
        const base::DecodedRune d = DecodeRune(raw, i);
        if (d.rune == base::kRuneError && d.width == 1) {
          base::AppendRune(w.text, base::kRuneError);
        } else {
          w.text.append(raw.substr(i, d.width));
        }
        i += d.width;
      }
    }
    out.push_back(std::move(w));
  };
  // Bytes that need a look: ASCII spaces, quotes, the escape and non-ASCII bytes.
  bool special[256] = {};
  for (unsigned char c : {' ', '\t', '\n', '\v', '\f', '\r', '\'', '"'}) special[c] = true;
  for (int c = 0x80; c < 256; ++c) special[c] = true;
  special[esc] = true;
  std::uint32_t pos = 0;
  while (pos < len) {
    if (phase != kInSpaces) {
      while (pos < len && !special[static_cast<unsigned char>(rest[pos])]) ++pos;
      if (pos == len) break;
    }
    const auto c = static_cast<unsigned char>(rest[pos]);
    char32_t ch = c;
    std::uint32_t width = 1;
    if (c >= 0x80) {
      const base::DecodedRune d = DecodeRune(rest, pos);
      ch = d.rune;
      width = static_cast<std::uint32_t>(d.width);
    }
    const bool space = c < 0x80 ? base::IsSpaceByte(c) : base::IsSpace(ch);
    if (phase == kInSpaces) {
      if (space) {
        pos += width;
        continue;
      }
      phase = kInWord;
      start = pos;
      blank_ok = false;
      invalid_utf8 = false;
    }
    if (ch == base::kRuneError && width == 1) invalid_utf8 = true;
    if (phase == kInWord) {
      if (space) {
        push(pos, false);
        phase = kInSpaces;
        pos += width;
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = static_cast<char>(c);
        blank_ok = true;
        phase = kInQuote;
      } else if (c == esc) {
        if (pos + 1 == len) {
          push(len, true);  // an escape at the very end is dropped
          return;
        }
        pos += 1;  // the escaped character is kept as it is
        const base::DecodedRune d = DecodeRune(rest, pos);
        if (d.rune == base::kRuneError && d.width == 1) invalid_utf8 = true;
        pos += static_cast<std::uint32_t>(d.width);
        continue;
      }
      pos += width;
      continue;
    }
    // kInQuote
    if (c == static_cast<unsigned char>(quote)) {
      phase = kInWord;
    } else if (c == esc && quote != '\'') {
      if (pos + 1 == len) {
        push(len, true);
        return;
      }
      pos += 1;
      const base::DecodedRune d = DecodeRune(rest, pos);
      if (d.rune == base::kRuneError && d.width == 1) invalid_utf8 = true;
      pos += static_cast<std::uint32_t>(d.width);
      continue;
    }
    pos += width;
  }
  if (phase != kInSpaces) push(len, false);
}

void SplitWhitespace(std::string_view s, std::size_t limit, std::vector<LexedWord>& out) {
  // Go's regexp.Split: pieces between matches, including empty leading/trailing pieces.
  std::uint32_t start = 0;
  std::uint32_t i = 0;
  const auto n = static_cast<std::uint32_t>(s.size());
  std::size_t count = 0;
  while (i < n) {
    if (limit != 0 && count + 1 == limit) break;
    if (!IsBlankNoNewline(s[i])) {
      ++i;
      continue;
    }
    std::uint32_t j = i;
    while (j < n && IsBlankNoNewline(s[j])) ++j;
    LexedWord w;
    w.begin = start;
    w.end = i;
    out.push_back(std::move(w));
    ++count;
    start = i = j;
  }
  LexedWord w;
  w.begin = start;
  w.end = n;
  out.push_back(std::move(w));
}

JsonArray ParseJsonArray(std::string_view rest, std::vector<LexedWord>& out) {
  const std::string_view s = base::TrimLeftSpace(rest);
  const auto base_offset = static_cast<std::uint32_t>(rest.size() - s.size());
  if (s.empty() || s[0] != '[') return JsonArray::kNotJson;
  bool all_strings = true;
  std::size_t i = 1;
  const std::size_t first = out.size();
  SkipJsonSpace(s, i);
  if (i < s.size() && s[i] == ']') {
    ++i;
  } else {
    for (;;) {
      SkipJsonSpace(s, i);
      if (i >= s.size()) {
        out.resize(first);
        return JsonArray::kNotJson;
      }
      const std::size_t element_begin = i;
      if (s[i] == '"') {
        LexedWord w;
        w.rewritten = true;
        if (!ScanJsonString(s, i, &w.text)) {
          out.resize(first);
          return JsonArray::kNotJson;
        }
        w.begin = base_offset + static_cast<std::uint32_t>(element_begin);
        w.end = base_offset + static_cast<std::uint32_t>(i);
        out.push_back(std::move(w));
      } else {
        all_strings = false;
        if (!ScanJsonValue(s, i, 1)) {
          out.resize(first);
          return JsonArray::kNotJson;
        }
      }
      SkipJsonSpace(s, i);
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == ']') {
        ++i;
        break;
      }
      out.resize(first);
      return JsonArray::kNotJson;
    }
  }
  SkipJsonSpace(s, i);
  if (i != s.size()) {
    out.resize(first);
    return JsonArray::kNotJson;
  }
  if (!all_strings) {
    out.resize(first);
    return JsonArray::kNotStrings;
  }
  return JsonArray::kStrings;
}

std::optional<HeredocWord> ParseHeredocWord(std::string_view word, std::string* error) {
  // ^(\d*)<<(-?)([^<]*)$
  std::size_t i = 0;
  while (i < word.size() && word[i] >= '0' && word[i] <= '9') ++i;
  const std::string_view digits = word.substr(0, i);
  if (word.substr(i, 2) != "<<") return std::nullopt;
  i += 2;
  bool chomp = false;
  if (i < word.size() && word[i] == '-') {
    chomp = true;
    ++i;
  }
  const std::string_view rest = word.substr(i);
  if (rest.find('<') != std::string_view::npos || rest.empty()) return std::nullopt;

  model::Environment empty;
  model::ExpandOptions options;
  options.skip_unset_env = true;
  model::ExpandResult plain = model::Expand(rest, empty, options);
  if (!plain.ok()) {
    if (error) *error = plain.error;
    return std::nullopt;
  }
  if (plain.words.size() != 1) return std::nullopt;
  options.raw_quotes = true;
  model::ExpandResult raw = model::Expand(rest, empty, options);
  if (!raw.ok()) {
    if (error) *error = raw.error;
    return std::nullopt;
  }
  if (raw.words.size() != plain.words.size()) {
    if (error) {
      *error = "internal lexing of heredoc produced inconsistent results: " + std::string(rest);
    }
    return std::nullopt;
  }
  auto quotes = [](std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (c == '\'' || c == '"');
    return n;
  };
  HeredocWord h;
  h.name = plain.words[0];
  h.expand = quotes(plain.words[0]) == quotes(raw.words[0]);
  h.chomp = chomp;
  std::uint64_t fd = 0;
  for (char c : digits) {
    fd = fd * 10 + static_cast<std::uint64_t>(c - '0');
    if (fd > 0xFFFFFFFFu) {
      fd = 0xFFFFFFFFu;
      break;
    }
  }
  h.fd = static_cast<std::uint32_t>(fd);
  return h;
}

std::string ChompHeredocContent(std::string_view content) {
  std::string out;
  out.reserve(content.size());
  bool line_start = true;
  for (char c : content) {
    if (line_start && c == '\t') continue;
    line_start = c == '\n';
    out.push_back(c);
  }
  return out;
}

}  // namespace shipshape::syntax
