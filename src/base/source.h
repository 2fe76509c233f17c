// A file's text and the index that turns byte offsets into 1-based line and column.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/range.h"

namespace shipshape::base {

/// 1-based line and column; the column counts Unicode code points (an invalid byte counts one).
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(const Position&, const Position&) = default;
};

/// Maps byte offsets to positions. Lines end at '\n'; a '\r' before it belongs to the line.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  /// Position of byte `offset` (clamped to the text's size).
  Position PositionOf(std::uint32_t offset) const;
  /// 1-based line holding byte `offset`.
  std::uint32_t LineOf(std::uint32_t offset) const;
  /// Byte offset where 1-based `line` starts (the text's size past the last line).
  std::uint32_t LineStart(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
};

/// A file as read from disk or stdin; `path` is what messages show ("-" is shown as "<stdin>").
struct SourceFile {
  std::string path;
  std::string text;
};

}  // namespace shipshape::base
