#include "registry/auth.h"

#include <gtest/gtest.h>

namespace shipshape::registry {
namespace {

TEST(ChallengeTest, DockerHubBearer) {
  const std::vector<Challenge> c = ParseChallenges(
      R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",)"
      R"(scope="repository:library/alpine:pull")");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].scheme, "bearer");
  EXPECT_EQ(c[0].params.at("realm"), "https://auth.docker.io/token");
  EXPECT_EQ(c[0].params.at("service"), "registry.docker.io");
  EXPECT_EQ(c[0].params.at("scope"), "repository:library/alpine:pull");
}

TEST(ChallengeTest, SeveralSchemesTokensEscapesAndCase) {
  const std::vector<Challenge> c = ParseChallenges(
      R"(Basic realm="a \"quoted\" realm", BEARER Realm=https://x.io/t , error=invalid_token)");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].scheme, "basic");
  EXPECT_EQ(c[0].params.at("realm"), "a \"quoted\" realm");
  EXPECT_EQ(c[1].scheme, "bearer");
  EXPECT_EQ(c[1].params.at("realm"), "https://x.io/t");
  EXPECT_EQ(c[1].params.at("error"), "invalid_token");
}

TEST(ChallengeTest, MalformedNeverCrashes) {
  for (const char* s : {"", ",", "=", "Bearer realm=\"unterminated", "Bearer ,,, realm=",
                        "\x01\x02", "Bearer realm=\"x\\"}) {
    (void)ParseChallenges(s);
  }
  const std::vector<Challenge> c = ParseChallenges("Bearer realm=\"unterminated");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].params.at("realm"), "unterminated");
}

TEST(Base64Test, RoundTrip) {
  EXPECT_EQ(Base64Encode("user:secret"), "dXNlcjpzZWNyZXQ=");
  EXPECT_EQ(Base64Encode("ab"), "YWI=");
  EXPECT_EQ(Base64Encode("abc"), "YWJj");
  EXPECT_EQ(Base64Encode("a"), "YQ==");
  EXPECT_EQ(Base64Decode("dXNlcjpzZWNyZXQ="), "user:secret");
  EXPECT_EQ(Base64Decode("YQ"), "a");
  EXPECT_EQ(Base64Decode("not base64!"), std::nullopt);
}

TEST(CredentialsTest, AuthsByHostOrUrl) {
  const char* config = R"({"auths": {
      "https://index.docker.io/v1/": {"auth": "dXNlcjpzZWNyZXQ="},
      "ghcr.io": {"username": "me", "password": "tok"},
      "https://quay.io/v2/": {"auth": ""},
      "localhost:5000": {"auth": "YTpiOmM="}},
    "credsStore": "desktop"})";
  CredentialsResult hub = LookupCredentials(config, "docker.io");
  ASSERT_TRUE(hub.credentials);
  EXPECT_EQ(hub.credentials->username, "user");
  EXPECT_EQ(hub.credentials->password, "secret");
  CredentialsResult ghcr = LookupCredentials(config, "GHCR.io");
  ASSERT_TRUE(ghcr.credentials);
  EXPECT_EQ(ghcr.credentials->password, "tok");
  EXPECT_FALSE(LookupCredentials(config, "quay.io").credentials);  // a helper's entry
  EXPECT_FALSE(LookupCredentials(config, "example.com").credentials);
  CredentialsResult local = LookupCredentials(config, "localhost:5000");
  ASSERT_TRUE(local.credentials);
  EXPECT_EQ(local.credentials->password, "b:c");  // the first colon splits
}

TEST(CredentialsTest, BadConfigsAreErrors) {
  EXPECT_EQ(LookupCredentials("{", "x").error, "not a JSON object");
  EXPECT_EQ(LookupCredentials(R"({"auths": []})", "x").error, "`auths` is not an object");
  EXPECT_NE(LookupCredentials(R"({"auths": {"x": {"auth": "bm9jb2xvbg=="}}})", "x").error, "");
  EXPECT_EQ(LookupCredentials(R"({"auths": {}})", "x").error, "");
  EXPECT_EQ(LookupCredentials("{}", "x").error, "");
}

TEST(CredentialsTest, DockerConfigEnvironment) {
  const char* old = std::getenv("DOCKER_CONFIG");
  const std::string saved = old ? old : "";
  setenv("DOCKER_CONFIG", "/tmp/cfg", 1);
  EXPECT_EQ(DockerConfigPath(), "/tmp/cfg/config.json");
  if (old) setenv("DOCKER_CONFIG", saved.c_str(), 1); else unsetenv("DOCKER_CONFIG");
}

}  // namespace
}  // namespace shipshape::registry
