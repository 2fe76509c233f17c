#include "base/hash.h"

#include <gtest/gtest.h>

#include <string>

namespace shipshape::base {
namespace {

TEST(Hash, KnownDigests) {
  ASSERT_EQ(HashUnavailable(), "");
  EXPECT_EQ(Digest(""), "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Digest("abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Digest("abc", "sha512"),
            "sha512:ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a8"
            "36ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  // An unknown algorithm hashes as sha256, so that the digest it is compared with never matches.
  EXPECT_EQ(Digest("abc", "md5"), Digest("abc"));
}

TEST(Hash, StreamingEqualsOneShot) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += static_cast<char>(i * 7);
  Hash h;
  for (std::size_t at = 0; at < text.size(); at += 4093) {
    h.Update(text.data() + at, std::min<std::size_t>(4093, text.size() - at));
  }
  h.Update(nullptr, 0);
  EXPECT_EQ(h.Finish(), Digest(text));
}

}  // namespace
}  // namespace shipshape::base
