#include "registry/lock.h"

#include <gtest/gtest.h>

namespace shipshape::registry {
namespace {

const std::string kA = "sha256:" + std::string(64, 'a');
const std::string kB = "sha256:" + std::string(64, 'b');

TEST(LockTest, FormatIsSortedAndParsesBack) {
  const Lock lock = {{"ghcr.io/org/app:1", kB}, {"docker.io/library/alpine:3.19", kA}};
  const std::string text = FormatLock(lock);
  EXPECT_EQ(text,
            "{\n  \"version\": 1,\n  \"images\": {\n"
            "    \"docker.io/library/alpine:3.19\": \"" + kA + "\",\n"
            "    \"ghcr.io/org/app:1\": \"" + kB + "\"\n  }\n}\n");
  Lock back;
  EXPECT_EQ(ParseLock(text, back), "");
  EXPECT_EQ(back, lock);
}

TEST(LockTest, Errors) {
  Lock lock;
  EXPECT_NE(ParseLock("{", lock).find("not JSON"), std::string::npos);
  EXPECT_EQ(ParseLock("[]", lock), "not a JSON object");
  EXPECT_NE(ParseLock(R"({"version": 1e400})", lock).find("not JSON"), std::string::npos);
  EXPECT_EQ(ParseLock("{}", lock), "no integer `version`");
  EXPECT_NE(ParseLock(R"({"version": 2})", lock).find("version 2"), std::string::npos);
  EXPECT_EQ(ParseLock(R"({"version": 1})", lock), "");
  EXPECT_NE(ParseLock(R"({"version": 1, "images": {"alpine:3": ")" + kA + "\"}}", lock), "")
      << "keys are normalized";
  EXPECT_NE(ParseLock(R"({"version": 1, "images": {"docker.io/library/alpine": ")" + kA + "\"}}",
                      lock),
            "")
      << "keys have a tag";
  EXPECT_NE(ParseLock(R"({"version": 1, "images": {"docker.io/library/alpine:3": "sha256:1"}})",
                      lock),
            "");
}

TEST(LockTest, MissingFileIsEmpty) {
  const LockRead r = ReadLock("/nonexistent/shipshape.lock");
  EXPECT_TRUE(r.ok());
  EXPECT_FALSE(r.text);
  EXPECT_TRUE(r.lock.empty());
}

}  // namespace
}  // namespace shipshape::registry
