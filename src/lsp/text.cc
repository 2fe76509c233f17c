#include "lsp/text.h"

#include <algorithm>

#include "base/utf8.h"

namespace shipshape::lsp {
namespace {

/// UTF-16 code units of a decoded code point (an invalid byte is one U+FFFD).
std::uint32_t Units(const base::DecodedRune& d) { return d.rune > 0xFFFF ? 2 : 1; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

TextIndex::TextIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

std::uint32_t TextIndex::ContentEnd(std::uint32_t line) const {
  std::uint32_t end =
      line + 1 < starts_.size() ? starts_[line + 1] : static_cast<std::uint32_t>(text_.size());
  if (line + 1 < starts_.size()) {
    if (end > starts_[line] && text_[end - 1] == '\n') --end;
    if (end > starts_[line] && text_[end - 1] == '\r') --end;
  }
  return end;
}

Position TextIndex::PositionOf(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const std::uint32_t line = static_cast<std::uint32_t>(it - starts_.begin()) - 1;
  // An offset inside a line break is the end of the line's content.
  const std::uint32_t stop = std::min(offset, ContentEnd(line));
  std::uint32_t character = 0;
  for (std::size_t pos = starts_[line]; pos < stop;) {
    const base::DecodedRune d = base::DecodeRune(text_, pos);
    if (pos + d.width > stop) break;  // `offset` is inside this character
    character += Units(d);
    pos += d.width;
  }
  return {line, character};
}

std::uint32_t TextIndex::OffsetOf(Position p) const {
  if (p.line >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
  const std::uint32_t end = ContentEnd(p.line);
  std::uint32_t pos = starts_[p.line];
  std::uint32_t character = 0;
  while (pos < end && character < p.character) {
    const base::DecodedRune d = base::DecodeRune(text_, pos);
    character += Units(d);
    pos += static_cast<std::uint32_t>(d.width);
  }
  return pos;
}

void ApplyChange(std::string& text, const Change& change) {
  if (!change.range) {
    text = change.text;
    return;
  }
  const TextIndex index(text);
  const std::uint32_t begin = index.OffsetOf(change.range->start);
  const std::uint32_t end = std::max(begin, index.OffsetOf(change.range->end));
  text.replace(begin, end - begin, change.text);
}

std::optional<std::string> PathOfUri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size() || !std::equal(kScheme.begin(), kScheme.end(), uri.begin(),
                                                 [](char a, char b) { return a == (b | 0x20); })) {
    return std::nullopt;
  }
  uri.remove_prefix(kScheme.size());
  // `file://host/path`: only the local host (empty or `localhost`) names a path here.
  const std::size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view host = uri.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  uri.remove_prefix(slash);
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && HexValue(uri[i + 1]) >= 0 &&
        HexValue(uri[i + 2]) >= 0) {
      path += static_cast<char>(HexValue(uri[i + 1]) * 16 + HexValue(uri[i + 2]));
      i += 2;
    } else if (uri[i] == '?' || uri[i] == '#') {
      break;
    } else {
      path += uri[i];
    }
  }
  if (path.find('\0') != std::string::npos) return std::nullopt;
  return path;
}

std::string UriOfPath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (const char c : path) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '/' ||
        c == '-' || c == '.' || c == '_' || c == '~') {
      uri += c;
    } else {
      uri += '%';
      uri += kHex[u >> 4];
      uri += kHex[u & 15];
    }
  }
  return uri;
}

}  // namespace shipshape::lsp
