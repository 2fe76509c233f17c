#include "base/glob.h"

#include <gtest/gtest.h>

#include <string>

namespace shipshape::base {
namespace {

TEST(Glob, AsGitWildmatch) {
  EXPECT_TRUE(GlobMatch("*.log", "a.log"));
  EXPECT_FALSE(GlobMatch("*.log", "dir/a.log"));  // `*` stops at `/`
  EXPECT_TRUE(GlobMatch("dir/*.log", "dir/a.log"));
  EXPECT_TRUE(GlobMatch("**/x", "x"));
  EXPECT_TRUE(GlobMatch("**/x", "a/b/x"));
  EXPECT_TRUE(GlobMatch("a/**", "a/b/c"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/b"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(GlobMatch("a/**/b", "a/x/y/c"));
  EXPECT_TRUE(GlobMatch("file?.txt", "file1.txt"));
  EXPECT_FALSE(GlobMatch("file?.txt", "file/.txt"));
  EXPECT_TRUE(GlobMatch("[a-c]x", "bx"));
  EXPECT_FALSE(GlobMatch("[!a-c]x", "bx"));
  EXPECT_TRUE(GlobMatch("[!a-c]x", "dx"));
  EXPECT_TRUE(GlobMatch("\\*x", "*x"));
  EXPECT_FALSE(GlobMatch("\\*x", "ax"));
  EXPECT_TRUE(GlobMatch("[x", "[x"));  // unclosed class: literal
  // Many stars against a long text finish quickly (memoised).
  const std::string text(3000, 'a');
  EXPECT_FALSE(GlobMatch("*a*a*a*a*a*a*a*a*a*a*a*a*b", text));
}

TEST(Glob, StarStaysInOneSegment) {
  EXPECT_TRUE(GlobMatch("*.Dockerfile", "dev.Dockerfile"));
  EXPECT_FALSE(GlobMatch("*.Dockerfile", "a/dev.Dockerfile"));
  EXPECT_TRUE(GlobMatch("docker/*", "docker/Dockerfile"));
  EXPECT_FALSE(GlobMatch("docker/*", "docker/x/Dockerfile"));
  EXPECT_TRUE(GlobMatch("*", ".hidden"));
}

TEST(Glob, QuestionMarkAndClasses) {
  EXPECT_TRUE(GlobMatch("Dockerfile.?", "Dockerfile.a"));
  EXPECT_FALSE(GlobMatch("Dockerfile.?", "Dockerfile.ab"));
  EXPECT_TRUE(GlobMatch("v[0-9]/Dockerfile", "v3/Dockerfile"));
  EXPECT_FALSE(GlobMatch("v[0-9]/Dockerfile", "vx/Dockerfile"));
  EXPECT_TRUE(GlobMatch("v[!0-9]/Dockerfile", "vx/Dockerfile"));
  EXPECT_TRUE(GlobMatch("a\\*b", "a*b"));
  EXPECT_FALSE(GlobMatch("a\\*b", "axb"));
}

TEST(Glob, DoubleStarMatchesAnyNumberOfSegments) {
  EXPECT_TRUE(GlobMatch("**/Dockerfile", "Dockerfile"));
  EXPECT_TRUE(GlobMatch("**/Dockerfile", "a/b/c/Dockerfile"));
  EXPECT_FALSE(GlobMatch("**/Dockerfile", "a/b/Dockerfile.dev"));
  EXPECT_TRUE(GlobMatch("legacy/**", "legacy/a/b/Dockerfile"));
  EXPECT_TRUE(GlobMatch("a/**/b/*.df", "a/b/x.df"));
  EXPECT_TRUE(GlobMatch("a/**/b/*.df", "a/1/2/b/x.df"));
  EXPECT_FALSE(GlobMatch("a/**/b/*.df", "c/a/b/x.df"));
  EXPECT_TRUE(GlobMatch("/abs/**/Dockerfile", "/abs/x/Dockerfile"));
}

TEST(Glob, ManyDoubleStarsStayCheap) {
  // Backtracking would be exponential here; the table is quadratic.
  std::string pattern, path;
  for (int i = 0; i < 40; ++i) pattern += "**/";
  pattern += "z";
  for (int i = 0; i < 200; ++i) path += "a/";
  path += "y";
  EXPECT_FALSE(GlobMatch(pattern, path));
}

}  // namespace
}  // namespace shipshape::base
