#include "lsp/framing.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace shipshape::lsp {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

FrameReader::Status FrameReader::Next(std::string& body, std::string& error) {
  // Keep the buffer from growing with consumed bytes.
  if (pos_ > 0 && pos_ * 2 >= buffer_.size()) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  if (skip_ > 0) {
    const std::size_t n = std::min(skip_, buffer_.size() - pos_);
    pos_ += n;
    skip_ -= n;
    if (skip_ > 0) return Status::kNeedMore;
  }
  const std::string_view rest = std::string_view(buffer_).substr(pos_);
  // The header block ends at an empty line; "\r\n\r\n" as the spec says, "\n\n" accepted.
  std::size_t end = std::string_view::npos;
  std::size_t sep = 0;
  for (std::size_t i = 0; i < rest.size() && i <= kMaxHeaderBytes; ++i) {
    if (rest[i] != '\n') continue;
    if (i + 1 < rest.size() && rest[i + 1] == '\n') {
      end = i + 1;
      sep = 1;
      break;
    }
    if (i + 2 < rest.size() && rest[i + 1] == '\r' && rest[i + 2] == '\n') {
      end = i + 1;
      sep = 2;
      break;
    }
  }
  if (end == std::string_view::npos) {
    if (rest.size() > kMaxHeaderBytes) {
      // No header block ends here: drop up to the last newline seen and look again.
      const std::size_t nl = rest.substr(0, kMaxHeaderBytes).rfind('\n');
      pos_ += nl == std::string_view::npos ? kMaxHeaderBytes : nl + 1;
      error = fmt::format("a header block longer than {} bytes", kMaxHeaderBytes);
      return Status::kError;
    }
    return Status::kNeedMore;
  }
  const std::string_view headers = rest.substr(0, end);
  bool have_length = false;
  std::size_t length = 0;
  std::string bad;
  std::size_t start = 0;
  while (start < headers.size()) {
    std::size_t nl = headers.find('\n', start);
    if (nl == std::string_view::npos) nl = headers.size();
    const std::string_view line = Trim(headers.substr(start, nl - start));
    start = nl + 1;
    if (line.empty()) continue;
    const std::size_t colon = line.find(':');
    // Not a header (garbage before one): skipped, so framing recovers at the next header.
    if (colon == std::string_view::npos) continue;
    const std::string_view name = Trim(line.substr(0, colon));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (!EqualsIgnoreCase(name, "Content-Length")) continue;
    std::size_t n = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || ptr != value.data() + value.size()) {
      bad = fmt::format("Content-Length is not a number: `{}`", value.substr(0, 80));
      continue;
    }
    have_length = true;
    length = n;
  }
  if (!have_length || !bad.empty()) {
    pos_ += end + sep;
    error = bad.empty() ? std::string("a header block without Content-Length") : bad;
    return Status::kError;
  }
  const std::size_t body_start = end + sep;
  if (length > kMaxMessageBytes) {
    pos_ += body_start;
    skip_ = length;
    error = fmt::format("a message of {} bytes (the limit is {})", length, kMaxMessageBytes);
    return Status::kError;
  }
  if (rest.size() - body_start < length) return Status::kNeedMore;
  body.assign(rest.substr(body_start, length));
  pos_ += body_start + length;
  return Status::kMessage;
}

std::string Frame(std::string_view body) {
  std::string out = fmt::format("Content-Length: {}\r\n\r\n", body.size());
  out += body;
  return out;
}

}  // namespace shipshape::lsp
