#include "base/source.h"

#include <gtest/gtest.h>

namespace shipshape::base {
namespace {

TEST(LineIndex, LinesAndColumnsAreOneBased) {
  const std::string text = "FROM a\nRUN b\r\n\nCMD c";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 4u);
  EXPECT_EQ(index.PositionOf(0), (Position{1, 1}));
  EXPECT_EQ(index.PositionOf(5), (Position{1, 6}));
  EXPECT_EQ(index.PositionOf(7), (Position{2, 1}));
  EXPECT_EQ(index.PositionOf(12), (Position{2, 6}));  // the '\r' is part of line 2
  EXPECT_EQ(index.PositionOf(14), (Position{3, 1}));
  EXPECT_EQ(index.PositionOf(15), (Position{4, 1}));
  EXPECT_EQ(index.LineStart(4), 15u);
}

TEST(LineIndex, ColumnsCountCodePoints) {
  const std::string text = "LABEL a=\"h\xC3\xA9llo \xE4\xB8\x96\xF0\x9F\x98\x80\" b=c";
  LineIndex index(text);
  // é is 2 bytes, 世 3, the emoji 4: each one column.
  const auto b = static_cast<std::uint32_t>(text.find("b=c"));
  EXPECT_EQ(index.PositionOf(b).column, 1u + 8 + 1 + 5 + 1 + 1 + 1 + 1 + 1);
}

TEST(LineIndex, InvalidUtf8CountsOneColumnPerByte) {
  const std::string text = "RUN \xFF\xFE\xC3 x";
  LineIndex index(text);
  EXPECT_EQ(index.PositionOf(static_cast<std::uint32_t>(text.find('x'))).column, 9u);
}

TEST(LineIndex, OffsetsPastTheEndAreClamped) {
  LineIndex empty("");
  EXPECT_EQ(empty.PositionOf(0), (Position{1, 1}));
  EXPECT_EQ(empty.PositionOf(100), (Position{1, 1}));
  LineIndex index("a\n");
  EXPECT_EQ(index.PositionOf(2), (Position{1, 3}));
}

}  // namespace
}  // namespace shipshape::base
