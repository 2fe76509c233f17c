#include "base/source.h"

#include <algorithm>

#include "base/utf8.h"

namespace shipshape::base {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos && i + 1 < text.size();
       i = text.find('\n', i + 1)) {
    starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

std::uint32_t LineIndex::LineOf(std::uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<std::uint32_t>(it - starts_.begin());
}

Position LineIndex::PositionOf(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const std::uint32_t line = LineOf(offset);
  const std::uint32_t start = starts_[line - 1];
  const auto column = CountRunes(text_.substr(start, offset - start)) + 1;
  return {line, static_cast<std::uint32_t>(column)};
}

std::uint32_t LineIndex::LineStart(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > starts_.size()) return static_cast<std::uint32_t>(text_.size());
  return starts_[line - 1];
}

}  // namespace shipshape::base
