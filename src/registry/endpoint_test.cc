#include "registry/endpoint.h"

#include <gtest/gtest.h>

#include "registry/digest.h"

namespace shipshape::registry {
namespace {

TEST(EndpointTest, DockerHub) {
  const model::ImageRef ref = model::ParseNormalizedNamed("alpine:3.19");
  const Endpoint e = EndpointFor(ref.domain, {});
  EXPECT_EQ(e.host, "registry-1.docker.io");
  EXPECT_FALSE(e.plain_http);
  EXPECT_EQ(ManifestUrl(e, ref.path, TagOf(ref)),
            "https://registry-1.docker.io/v2/library/alpine/manifests/3.19");
  EXPECT_EQ(LockKey(ref), "docker.io/library/alpine:3.19");
  EXPECT_EQ(LockKey(model::ParseNormalizedNamed("org/app")), "docker.io/org/app:latest");
}

TEST(EndpointTest, PortsAndDigests) {
  const model::ImageRef ref = model::ParseNormalizedNamed(
      "registry.example.com:8443/team/app:v1@sha256:"
      "7cc4b5aefd1d0cadf8d97d4350462ba51c694ebca145b08d7d41b41acc8db5aa");
  const Endpoint e = EndpointFor(ref.domain, {});
  EXPECT_EQ(ManifestUrl(e, ref.path, TagOf(ref)),
            "https://registry.example.com:8443/v2/team/app/manifests/v1");
  EXPECT_EQ(LockKey(ref), "registry.example.com:8443/team/app:v1");
}

TEST(EndpointTest, PlainHttpOnlyForLoopbackAndInsecure) {
  for (const char* d : {"localhost", "localhost:5000", "127.0.0.1:5000", "127.1.2.3", "[::1]:5000",
                        "reg.localhost:80"}) {
    EXPECT_TRUE(IsLoopback(d)) << d;
    EXPECT_TRUE(EndpointFor(d, {}).plain_http) << d;
  }
  for (const char* d : {"ghcr.io", "127.0.0.1.nip.io", "128.0.0.1", "localhost.example.com",
                        "10.0.0.1:5000", "127.0.0.1000", "[::2]:5000"}) {
    EXPECT_FALSE(IsLoopback(d)) << d;
    EXPECT_FALSE(EndpointFor(d, {}).plain_http) << d;
  }
  EXPECT_TRUE(EndpointFor("reg.lan:5000", {"reg.lan:5000"}).plain_http);
  EXPECT_TRUE(EndpointFor("reg.lan:5000", {"REG.lan"}).plain_http);  // every port
  EXPECT_FALSE(EndpointFor("reg.lan:5000", {"reg.lan:6000"}).plain_http);
  EXPECT_FALSE(EndpointFor("docker.io", {"docker.io"}).plain_http);  // Docker Hub: always TLS
  EXPECT_EQ(HostName("[::1]:5000"), "::1");
  EXPECT_EQ(HostName("Reg.IO:443"), "reg.io");
}

TEST(DigestTest, Sha256) {
  EXPECT_EQ(Sha256Digest(""),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Digest("abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(IsSha256Digest(Sha256Digest("x")));
  EXPECT_FALSE(IsSha256Digest("sha256:ABC"));
  EXPECT_FALSE(IsSha256Digest("sha512:" + std::string(64, 'a')));
}

}  // namespace
}  // namespace shipshape::registry
