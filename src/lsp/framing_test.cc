#include "lsp/framing.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace shipshape::lsp {
namespace {

using Status = FrameReader::Status;

TEST(FrameReader, SplitsMessagesFedByteByByte) {
  const std::string stream = Frame(R"({"a":1})") + Frame(R"({"b":"é"})");
  FrameReader reader;
  std::string body, error;
  std::vector<std::string> bodies;
  for (char c : stream) {
    reader.Feed(std::string_view(&c, 1));
    while (true) {
      const Status s = reader.Next(body, error);
      if (s == Status::kNeedMore) break;
      ASSERT_EQ(s, Status::kMessage) << error;
      bodies.push_back(body);
    }
  }
  ASSERT_EQ(bodies.size(), 2u);
  EXPECT_EQ(bodies[0], R"({"a":1})");
  // Content-Length counts bytes, not characters.
  EXPECT_EQ(bodies[1], R"({"b":"é"})");
}

TEST(FrameReader, AcceptsOtherHeadersAnyCaseAndBareNewlines) {
  FrameReader reader;
  reader.Feed(
      "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  reader.Feed("Content-Length:  3 \n\n[1]");
  std::string body, error;
  ASSERT_EQ(reader.Next(body, error), Status::kMessage);
  EXPECT_EQ(body, "{}");
  ASSERT_EQ(reader.Next(body, error), Status::kMessage);
  EXPECT_EQ(body, "[1]");
  EXPECT_EQ(reader.Next(body, error), Status::kNeedMore);
}

TEST(FrameReader, SkipsABadHeaderAndGoesOn) {
  FrameReader reader;
  reader.Feed("Content-Type: x\r\n\r\n" + Frame("{}"));
  std::string body, error;
  ASSERT_EQ(reader.Next(body, error), Status::kError);
  EXPECT_EQ(error, "a header block without Content-Length");
  ASSERT_EQ(reader.Next(body, error), Status::kMessage);
  EXPECT_EQ(body, "{}");

  reader.Feed("Content-Length: 12x\r\n\r\n" + Frame("[]"));
  ASSERT_EQ(reader.Next(body, error), Status::kError);
  EXPECT_NE(error.find("not a number"), std::string::npos) << error;
  ASSERT_EQ(reader.Next(body, error), Status::kMessage);
  EXPECT_EQ(body, "[]");
}

TEST(FrameReader, SkipsAnOverLargeBody) {
  FrameReader reader;
  const std::size_t big = kMaxMessageBytes + 10;
  reader.Feed(fmt::format("Content-Length: {}\r\n\r\n", big));
  std::string body, error;
  ASSERT_EQ(reader.Next(body, error), Status::kError);
  EXPECT_NE(error.find("limit"), std::string::npos);
  // Its bytes are dropped as they come, then framing resumes.
  const std::string chunk(1 << 20, 'x');
  std::size_t fed = 0;
  while (fed + chunk.size() <= big) {
    reader.Feed(chunk);
    fed += chunk.size();
    ASSERT_EQ(reader.Next(body, error), Status::kNeedMore);
  }
  reader.Feed(std::string(big - fed, 'x') + Frame("{}"));
  ASSERT_EQ(reader.Next(body, error), Status::kMessage);
  EXPECT_EQ(body, "{}");
}

TEST(FrameReader, AnEndlessHeaderIsAnError) {
  FrameReader reader;
  reader.Feed(std::string(kMaxHeaderBytes + 100, 'h'));
  std::string body, error;
  EXPECT_EQ(reader.Next(body, error), Status::kError);
  reader.Feed("\r\n" + Frame("{}"));
  Status s;
  while ((s = reader.Next(body, error)) == Status::kError) {
  }
  ASSERT_EQ(s, Status::kMessage);
  EXPECT_EQ(body, "{}");
}

TEST(Frame, WritesTheByteLength) { EXPECT_EQ(Frame("ü"), "Content-Length: 2\r\n\r\nü"); }

}  // namespace
}  // namespace shipshape::lsp
