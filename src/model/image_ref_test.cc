#include "model/image_ref.h"

#include <gtest/gtest.h>

#include <string>

namespace shipshape::model {
namespace {

constexpr char kDigest[] =
    "sha256:7cc4b5aefd1d0cadf8d97d4350462ba51c694ebca145b08d7d41b41acc8db5aa";

TEST(ImageRefTest, OfficialImages) {
  const ImageRef r = ParseNormalizedNamed("alpine");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.domain, "docker.io");
  EXPECT_EQ(r.path, "library/alpine");
  EXPECT_EQ(r.tag, "");
  EXPECT_EQ(r.name, "docker.io/library/alpine");
  EXPECT_EQ(r.normalized, "docker.io/library/alpine");
  EXPECT_EQ(r.familiar, "alpine");
  EXPECT_EQ(DockerRefString(r), "docker.io/library/alpine:latest");

  const ImageRef tagged = ParseNormalizedNamed("ubuntu:22.04");
  EXPECT_EQ(tagged.tag, "22.04");
  EXPECT_EQ(tagged.normalized, "docker.io/library/ubuntu:22.04");
  EXPECT_EQ(tagged.familiar, "ubuntu:22.04");
}

TEST(ImageRefTest, Domains) {
  EXPECT_EQ(ParseNormalizedNamed("org/app").normalized, "docker.io/org/app");
  EXPECT_EQ(ParseNormalizedNamed("org/app").familiar, "org/app");
  EXPECT_EQ(ParseNormalizedNamed("docker.io/alpine").path, "library/alpine");
  EXPECT_EQ(ParseNormalizedNamed("index.docker.io/org/app").domain, "docker.io");
  EXPECT_EQ(ParseNormalizedNamed("localhost/app").domain, "localhost");
  const ImageRef port = ParseNormalizedNamed("localhost:5000/app:1");
  EXPECT_EQ(port.domain, "localhost:5000");
  EXPECT_EQ(port.path, "app");
  EXPECT_EQ(port.tag, "1");
  EXPECT_EQ(port.familiar, "localhost:5000/app:1");
  const ImageRef ghcr = ParseNormalizedNamed("ghcr.io/org/team/app");
  EXPECT_EQ(ghcr.domain, "ghcr.io");
  EXPECT_EQ(ghcr.path, "org/team/app");
  EXPECT_EQ(ParseNormalizedNamed("[::1]:5000/app").domain, "[::1]:5000");
  EXPECT_EQ(ParseNormalizedNamed("Registry/app").domain, "Registry");
  // library/ is only dropped from familiar names with a single component after it.
  EXPECT_EQ(ParseNormalizedNamed("library/a/b").familiar, "library/a/b");
}

TEST(ImageRefTest, Digests) {
  const ImageRef r = ParseNormalizedNamed(std::string("busybox:latest@") + kDigest);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.tag, "latest");
  EXPECT_EQ(r.digest, kDigest);
  EXPECT_EQ(DockerRefString(r), std::string("docker.io/library/busybox@") + kDigest);
  EXPECT_EQ(ParseNormalizedNamed("busybox@sha256:abc").error, "invalid reference format");
  EXPECT_EQ(ParseNormalizedNamed("busybox@sha256:" + std::string(63, 'a') + "b0").error,
            "invalid checksum digest length");
  EXPECT_EQ(ParseNormalizedNamed("busybox@sha256:" + std::string(64, 'A')).error,
            "invalid checksum digest format");
  EXPECT_EQ(ParseNormalizedNamed("busybox@md5:" + std::string(32, 'a')).error,
            "unsupported digest algorithm");
}

TEST(ImageRefTest, Errors) {
  EXPECT_EQ(ParseNormalizedNamed("Foo").error,
            "invalid reference format: repository name (library/Foo) must be lowercase");
  EXPECT_EQ(ParseNormalizedNamed("org/App:1").error,
            "invalid reference format: repository name (org/App) must be lowercase");
  EXPECT_EQ(ParseNormalizedNamed(std::string(64, 'a')).error,
            "invalid repository name (" + std::string(64, 'a') +
                "), cannot specify 64-byte hexadecimal strings");
  EXPECT_EQ(ParseNormalizedNamed("alpine:").error, "invalid reference format");
  EXPECT_EQ(ParseNormalizedNamed("alpine:-1").error, "invalid reference format");
  EXPECT_EQ(ParseNormalizedNamed("alpine:" + std::string(129, 'a')).error,
            "invalid reference format");
  EXPECT_TRUE(ParseNormalizedNamed("alpine:" + std::string(128, 'a')).ok());
  EXPECT_EQ(ParseNormalizedNamed("a//b").error, "invalid reference format");
  EXPECT_EQ(ParseNormalizedNamed("a/b-").error, "invalid reference format");
  EXPECT_EQ(ParseNormalizedNamed("a/b___c").error, "invalid reference format");
  EXPECT_TRUE(ParseNormalizedNamed("a/b__c.d--e").ok());
  EXPECT_EQ(ParseNormalizedNamed("").error, "invalid reference format");
  EXPECT_EQ(ParseNormalizedNamed("ghcr.io/" + std::string(250, 'a')).error,
            "repository name must not be more than 255 characters");
}

TEST(ImageRefTest, PlainParse) {
  EXPECT_EQ(ParseReference("").error, "repository name must have at least one component");
  EXPECT_EQ(ParseReference("Foo").error, "repository name must be lowercase");
  const ImageRef r = ParseReference("foo/bar");
  EXPECT_EQ(r.domain, "foo");  // The domain group is greedy.
  EXPECT_EQ(r.path, "bar");
  const ImageRef no_domain = ParseReference("a_b.c/d");
  EXPECT_EQ(no_domain.domain, "");
  EXPECT_EQ(no_domain.path, "a_b.c/d");
}

}  // namespace
}  // namespace shipshape::model
