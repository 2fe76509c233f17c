#include "lsp/text.h"

#include <gtest/gtest.h>

#include <string>

#include "base/utf8.h"

namespace shipshape::lsp {
namespace {

TEST(TextIndex, CountsUtf16CodeUnits) {
  // é: 2 bytes, 1 unit; 😀: 4 bytes, 2 units (a surrogate pair); 漢: 3 bytes, 1 unit.
  const std::string text = "é😀漢x\nab";
  const TextIndex index(text);
  EXPECT_EQ(index.PositionOf(0), (Position{0, 0}));
  EXPECT_EQ(index.PositionOf(2), (Position{0, 1}));
  EXPECT_EQ(index.PositionOf(6), (Position{0, 3}));
  EXPECT_EQ(index.PositionOf(9), (Position{0, 4}));
  EXPECT_EQ(index.PositionOf(10), (Position{0, 5}));  // the line break
  EXPECT_EQ(index.PositionOf(11), (Position{1, 0}));
  EXPECT_EQ(index.PositionOf(13), (Position{1, 2}));
  EXPECT_EQ(index.PositionOf(99), (Position{1, 2}));
  // Inside a character: its start.
  EXPECT_EQ(index.PositionOf(1), (Position{0, 0}));
  EXPECT_EQ(index.PositionOf(4), (Position{0, 1}));

  EXPECT_EQ(index.OffsetOf({0, 0}), 0u);
  EXPECT_EQ(index.OffsetOf({0, 1}), 2u);
  EXPECT_EQ(index.OffsetOf({0, 3}), 6u);
  EXPECT_EQ(index.OffsetOf({0, 4}), 9u);
  EXPECT_EQ(index.OffsetOf({1, 1}), 12u);
  // Between the halves of the pair: after the character.
  EXPECT_EQ(index.OffsetOf({0, 2}), 6u);
  // Past the line's end: the line's end; past the last line: the text's end.
  EXPECT_EQ(index.OffsetOf({0, 40}), 10u);
  EXPECT_EQ(index.OffsetOf({7, 0}), 13u);
}

TEST(TextIndex, RoundTripsEveryCharacterBoundary) {
  const std::string text = "FROM alpine\r\nLABEL a=\"ça 😀\"\rRUN x\n\xff\xfe y\n";
  const TextIndex index(text);
  std::uint32_t checked = 0;
  for (std::uint32_t i = 0; i <= text.size();) {
    EXPECT_EQ(index.OffsetOf(index.PositionOf(i)), i) << "offset " << i;
    ++checked;
    if (i == text.size()) break;
    // The next character boundary ("\r\n" is one line break).
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      i += 2;
    } else {
      i += static_cast<std::uint32_t>(base::DecodeRune(text, i).width);
    }
  }
  EXPECT_EQ(checked, 39u);
}

TEST(TextIndex, LineBreaksAsTheProtocolDefinesThem) {
  const TextIndex index("a\r\nb\rc\nd");
  EXPECT_EQ(index.line_count(), 4u);
  EXPECT_EQ(index.PositionOf(3), (Position{1, 0}));
  EXPECT_EQ(index.PositionOf(5), (Position{2, 0}));
  EXPECT_EQ(index.PositionOf(7), (Position{3, 0}));
  // The end of line 0 is before "\r\n".
  EXPECT_EQ(index.OffsetOf({0, 9}), 1u);
}

TEST(TextIndex, InvalidBytesCountOneUnitEach) {
  const TextIndex index(
      "\xff\xfe"
      "a");
  EXPECT_EQ(index.PositionOf(2), (Position{0, 2}));
  EXPECT_EQ(index.OffsetOf({0, 2}), 2u);
}

TEST(ApplyChange, IncrementalEditsInUtf16) {
  std::string text = "RUN echo \"😀\" && apt-get install x\n";
  // Replace `x` (after the emoji: 2 units for 4 bytes).
  ApplyChange(text, {TextRange{{0, 33}, {0, 34}}, "curl"});
  EXPECT_EQ(text, "RUN echo \"😀\" && apt-get install curl\n");
  ApplyChange(text, {TextRange{{1, 0}, {1, 0}}, "USER app\n"});
  EXPECT_EQ(text, "RUN echo \"😀\" && apt-get install curl\nUSER app\n");
  // An end before its start is the start: an insertion.
  ApplyChange(text, {TextRange{{0, 3}, {0, 1}}, "!"});
  EXPECT_EQ(text, "RUN! echo \"😀\" && apt-get install curl\nUSER app\n");
  ApplyChange(text, {std::nullopt, "FROM scratch\n"});
  EXPECT_EQ(text, "FROM scratch\n");
}

TEST(Uri, FilePathsBothWays) {
  EXPECT_EQ(PathOfUri("file:///home/me/My%20Project/Dockerfile"), "/home/me/My Project/Dockerfile");
  EXPECT_EQ(PathOfUri("FILE://localhost/tmp/a"), "/tmp/a");
  EXPECT_EQ(PathOfUri("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(PathOfUri("file://server/share/x"), std::nullopt);
  EXPECT_EQ(PathOfUri("file:///a%00b"), std::nullopt);
  EXPECT_EQ(UriOfPath("/home/me/My Project/Dockerfile.é"),
            "file:///home/me/My%20Project/Dockerfile.%C3%A9");
  EXPECT_EQ(PathOfUri(UriOfPath("/a b/c#d?e%f")), "/a b/c#d?e%f");
}

}  // namespace
}  // namespace shipshape::lsp
