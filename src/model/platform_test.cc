#include "model/platform.h"

#include <gtest/gtest.h>

namespace shipshape::model {
namespace {

Platform P(std::string os, std::string arch, std::string variant = "", std::string version = "") {
  return Platform{std::move(os), std::move(arch), std::move(variant), std::move(version)};
}

TEST(PlatformTest, ParsesCommonSpecifiers) {
  EXPECT_EQ(ParsePlatform("linux/amd64").platform, P("linux", "amd64"));
  EXPECT_EQ(ParsePlatform("linux/arm64/v8").platform, P("linux", "arm64", "v8"));
  EXPECT_EQ(ParsePlatform("linux/arm64").platform, P("linux", "arm64"));
  EXPECT_EQ(ParsePlatform("linux/arm/v7").platform, P("linux", "arm", "v7"));
  EXPECT_EQ(ParsePlatform("linux/arm").platform, P("linux", "arm"));
  EXPECT_EQ(ParsePlatform("windows/amd64").platform, P("windows", "amd64"));
  EXPECT_EQ(ParsePlatform("windows(10.0.17763)/amd64").platform,
            P("windows", "amd64", "", "10.0.17763"));
}

TEST(PlatformTest, NormalisesAliases) {
  EXPECT_EQ(ParsePlatform("Linux/x86_64").platform, P("linux", "amd64"));
  EXPECT_EQ(ParsePlatform("linux/x86-64/v1").platform, P("linux", "amd64"));
  EXPECT_EQ(ParsePlatform("linux/aarch64").platform, P("linux", "arm64"));
  EXPECT_EQ(ParsePlatform("linux/aarch64/8").platform, P("linux", "arm64", "v8"));
  EXPECT_EQ(ParsePlatform("linux/arm64/9.0").platform, P("linux", "arm64", "v9"));
  EXPECT_EQ(ParsePlatform("linux/armhf").platform, P("linux", "arm"));
  EXPECT_EQ(ParsePlatform("linux/armel").platform, P("linux", "arm", "v6"));
  EXPECT_EQ(ParsePlatform("linux/arm/6").platform, P("linux", "arm", "v6"));
  EXPECT_EQ(ParsePlatform("linux/i386").platform, P("linux", "386"));
  EXPECT_EQ(ParsePlatform("macos/arm64").platform, P("darwin", "arm64"));
}

TEST(PlatformTest, SingleComponentUsesHost) {
  const Platform host = P("linux", "arm64");
  EXPECT_EQ(ParsePlatform("linux", host).platform, P("linux", "arm64"));
  EXPECT_EQ(ParsePlatform("windows", host).platform, P("windows", "arm64"));
  EXPECT_EQ(ParsePlatform("amd64", host).platform, P("linux", "amd64"));
  EXPECT_EQ(ParsePlatform("armhf", host).platform, P("linux", "arm"));
  EXPECT_EQ(ParsePlatform("linux", P("linux", "arm", "v6")).platform, P("linux", "arm", "v6"));
}

TEST(PlatformTest, Errors) {
  EXPECT_EQ(ParsePlatform("foo").error,
            "\"foo\": unknown operating system or architecture: invalid argument");
  EXPECT_EQ(ParsePlatform("linux/amd64/v2/x").error,
            "\"linux/amd64/v2/x\": cannot parse platform specifier: invalid argument");
  EXPECT_EQ(ParsePlatform("linux/*").error,
            "\"linux/*\": wildcards not yet supported: invalid argument");
  EXPECT_EQ(ParsePlatform("linux/am d64").error,
            "\"am d64\" is an invalid component of \"linux/am d64\": platform specifier "
            "component must match \"^[A-Za-z0-9_.-]+$\": invalid argument");
  EXPECT_EQ(ParsePlatform("lin.ux/amd64").error,
            "\"lin.ux\" is an invalid OS component of \"lin.ux/amd64\": OSAndVersion specifier "
            "component must match \"^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$\": "
            "invalid argument");
  EXPECT_EQ(ParsePlatform("linux//").error,
            "\"\" is an invalid component of \"linux//\": platform specifier component must "
            "match \"^[A-Za-z0-9_.-]+$\": invalid argument");
  // The fourth part keeps its slashes and fails the component check first.
  EXPECT_EQ(ParsePlatform("a/b/c/d/e").error,
            "\"d/e\" is an invalid component of \"a/b/c/d/e\": platform specifier component "
            "must match \"^[A-Za-z0-9_.-]+$\": invalid argument");
}

TEST(PlatformTest, FromPlatformMessages) {
  EXPECT_EQ(ParseFromPlatform("$TARGETPLATFORM", "").error,
            "empty platform value from expression $TARGETPLATFORM");
  EXPECT_EQ(ParseFromPlatform("${P}", "bogus").error,
            "failed to parse platform ${P}: \"bogus\": unknown operating system or "
            "architecture: invalid argument");
  EXPECT_TRUE(ParseFromPlatform("$BUILDPLATFORM", "linux/amd64").ok());
}

TEST(PlatformTest, NormaliseAndFormat) {
  EXPECT_EQ(NormalizePlatform(P("linux", "arm64", "v8")), P("linux", "arm64"));
  EXPECT_EQ(NormalizePlatform(P("linux", "arm")), P("linux", "arm", "v7"));
  EXPECT_EQ(NormalizePlatform(P("", "AMD64", "v1")), P("linux", "amd64"));
  EXPECT_EQ(FormatPlatform(P("linux", "arm64", "v8")), "linux/arm64/v8");
  EXPECT_EQ(FormatPlatform(P("linux", "amd64")), "linux/amd64");
  EXPECT_EQ(FormatPlatform(P("", "amd64")), "unknown");
  EXPECT_EQ(FormatPlatform(P("linux", "amd64", "..")), "linux");
}

}  // namespace
}  // namespace shipshape::model
