#include "context/dockerignore.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace shipshape::context {
namespace {

TEST(CleanPath, AsGoPathClean) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "."},           {".", "."},         {"a/", "a"},          {"./a", "a"},
      {"a//b", "a/b"},     {"a/./b/", "a/b"},  {"a/../b", "b"},      {"../a", "../a"},
      {"a/../../b", "../b"}, {"/../a", "/a"}, {"/", "/"},           {"//a//", "/a"},
      {"a/b/..", "a"},     {"..", ".."},       {"../..", "../.."},   {"!./a", "!./a"},
      {"a ", "a "},        {"a /", "a "},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(CleanPath(in), want) << in;
}

struct Case {
  std::string dockerignore;
  std::string path;
  bool excluded;
};

TEST(Dockerignore, MatchesAsBuildKit) {
  const std::vector<Case> cases = {
      // Plain names match at the context root only, and everything below them.
      {"foo", "foo", true},
      {"foo", "foo/bar", true},
      {"foo", "a/foo", false},
      {"foo", "foobar", false},
      {"foo/bar", "foo/bar/baz", true},
      {"foo/bar", "foo", false},
      // Leading `/`, `./` and trailing `/` are cleaned away.
      {"/foo", "foo", true},
      {"./foo", "foo", true},
      {"foo/", "foo/x", true},
      {"foo/../bar", "bar", true},
      // `*` and `?` stay within one segment; a parent matching excludes the children.
      {"*.md", "README.md", true},
      {"*.md", "docs/README.md", false},
      {"*/*.md", "docs/README.md", true},
      {"*", "anything", true},
      {"*", "a/b/c", true},  // through the parent `a`
      {"?.txt", "a.txt", true},
      {"?.txt", "ab.txt", false},
      {"?.txt", "é.txt", true},  // one character, not one byte
      {"a?b", "a/b", false},
      // `**` for any number of directories.
      {"**/foo", "foo", true},
      {"**/foo", "a/b/foo", true},
      {"**/foo", "a/foobar", false},
      {"**/*.log", "x.log", true},
      {"**/*.log", "a/b/x.log", true},
      {"a/**/b", "a/b", true},
      {"a/**/b", "a/x/y/b", true},
      {"a/**/b", "a/x/y/c", false},
      {"a/**", "a/b", true},
      {"a/**", "a", false},
      {"**", "anything/at/all", true},
      {"**foo", "xfoo", true},  // a leading `**` with a literal rest is a suffix match
      {"a**b", "a/x/b", true},
      {"a**b", "axb", false},  // `**` not before `/` still means `(.*/)?`
      {"*/**/*.go", "a/b/c.go", true},
      // `.`-prefixed patterns.
      {".git", ".git/config", true},
      {".env*", ".env", true},
      {".env*", ".env.local", true},
      {".*", ".hidden", true},
      {".*", "a/.hidden", false},
      {"**/.*", "a/.hidden", true},
      // Classes: ranges, `^` negation (`!` is a member), escapes.
      {"[a-c]x", "bx", true},
      {"[a-c]x", "dx", false},
      {"[^a-c]x", "dx", true},
      {"[^a-c]x", "bx", false},
      {"[!a]x", "!x", true},
      {"[!a]x", "bx", false},
      {"[\\]]", "]", true},
      {"[é-ê]", "ê", true},
      // Escapes.
      {"\\*", "*", true},
      {"\\*", "x", false},
      {"a\\?", "a?", true},
      // Letters after `\` are Go regexp escapes, as in BuildKit's compiled patterns.
      {"v\\d", "v1", true},
      {"v\\d", "vx", false},
      {"v\\D", "vx", true},
      {"a\\sb", "a b", true},
      {"\\w*", "abc_1", true},
      {"\\w*", "-ab", false},  // one word character, then the glob `*`
      {"x\\b*", "x", true},  // a word boundary at the end
      {"x\\b*", "xy", false},
      {"\\Ax\\z", "x", true},
      {"bin\\Debug", "bin/Debug", false},  // `\D` is "not a digit": Windows paths misfire
      {"bin\\Debug", "binxebug", true},
      // Regexp characters are literal; an unescaped `^` is a regexp anchor.
      {"a.b", "a.b", true},
      {"a.b", "axb", false},
      {"a+(b)", "a+(b)", true},
      {"^foo", "^foo", true},  // no wildcard: compared as is
      {"^fo?", "foo", true},   // with one: `^` anchors
      {"a^b*", "a^b", false},
      // Exceptions: the last match wins; an exception re-includes.
      {"*.md\n!README.md", "README.md", false},
      {"*.md\n!README.md", "CHANGES.md", true},
      {"*.md\n!README.md\nREADME.md", "README.md", true},
      {"**\n!Dockerfile", "Dockerfile", false},
      {"**\n!Dockerfile", "src/x", true},
      {"docs\n!docs/keep", "docs/keep", false},
      {"docs\n!docs/keep", "docs/keep/x", false},  // parents count for exceptions too
      {"docs\n!docs/keep", "docs/other", true},
      // Comments only at the start of a line; whitespace trimmed; CRLF; BOM.
      {"# foo\nbar", "foo", false},
      {" # foo", " # foo", false},
      {" # foo", "# foo", true},
      {"  foo  \r\n", "foo", true},
      {"\xEF\xBB\xBF" "foo", "foo", true},
      {"\xEF\xBB\xBF#foo", "#foo", false},
      {"! foo\n", "foo", false},
      {"foo\n! foo", "foo", false},
      // Paths are cleaned before matching; `.` is never excluded.
      {"foo", "./foo/", true},
      {"*", ".", false},
  };
  for (const Case& c : cases) {
    const Dockerignore d = Dockerignore::Parse(c.dockerignore);
    EXPECT_TRUE(d.errors().empty()) << c.dockerignore;
    EXPECT_EQ(d.Excludes(c.path), c.excluded) << "patterns:\n" << c.dockerignore << "\npath: " << c.path;
  }
}

TEST(Dockerignore, KeepsPositionsAndExclusions) {
  const Dockerignore d = Dockerignore::Parse("# c\n\n  /foo/  \n!bar\n");
  ASSERT_EQ(d.patterns().size(), 2u);
  EXPECT_EQ(d.patterns()[0].line, 3u);
  EXPECT_EQ(d.patterns()[0].column, 3u);
  EXPECT_EQ(d.patterns()[0].written, "/foo/");
  EXPECT_EQ(d.patterns()[0].cleaned, "foo");
  EXPECT_FALSE(d.patterns()[0].exclusion);
  EXPECT_TRUE(d.patterns()[1].exclusion);
  EXPECT_EQ(d.patterns()[1].cleaned, "bar");
  EXPECT_TRUE(d.has_exclusions());
  EXPECT_FALSE(Dockerignore::Parse("a\nb").has_exclusions());
}

TEST(Dockerignore, ReportsInvalidPatternsWhereTheyAre) {
  struct Bad {
    std::string text;
    std::uint32_t line, column;
    std::string substring;
  };
  const std::vector<Bad> cases = {
      {"[", 1, 1, "unclosed"},
      {"ok\n  a[b", 2, 3, "unclosed"},
      {"[]a]", 1, 1, "`]`"},
      {"[a-]", 1, 1, "`]`"},
      {"[-a]", 1, 1, "`-`"},
      {"[^]", 1, 1, "`]`"},
      {"a\\", 1, 1, "trailing"},
      {"[z-a]", 1, 1, "out of order"},
      {"!", 1, 1, "illegal exclusion"},
      {"!   ", 1, 1, "illegal exclusion"},
      {"x\n!/", 2, 1, "illegal exclusion"},
      {"[\xff]", 1, 1, "UTF-8"},
      {"[]]", 1, 1, "`]`"},
      {"obj\\e", 1, 1, "invalid escape `\\e`"},
      {"a\\\xc3\xa9", 1, 1, "invalid escape"},
      {"a\\x41", 1, 1, "not supported"},
      {std::string(70000, 'a'), 1, 1, "too long"},
  };
  for (const Bad& b : cases) {
    const Dockerignore d = Dockerignore::Parse(b.text);
    ASSERT_EQ(d.errors().size(), 1u) << b.text;
    EXPECT_EQ(d.errors()[0].line, b.line) << b.text;
    EXPECT_EQ(d.errors()[0].column, b.column) << b.text;
    EXPECT_NE(d.errors()[0].message.find(b.substring), std::string::npos)
        << b.text << ": " << d.errors()[0].message;
  }
  // An invalid pattern matches nothing; the valid ones still do.
  const Dockerignore d = Dockerignore::Parse("[\nfoo");
  EXPECT_TRUE(d.Excludes("foo"));
  EXPECT_FALSE(d.Excludes("["));
  // Valid corner cases.
  for (const std::string ok : {"[a]]", "]", "[\\-]", "a[*]b", "/", "."}) {
    EXPECT_TRUE(Dockerignore::Parse(ok).errors().empty()) << ok;
  }
}

TEST(Dockerignore, NeverCrashesAndStaysFast) {
  std::mt19937 rng(7);
  const std::string alphabet = "ab/*?[]^!\\-.# \n\r\xc3\xa9\xff";
  for (int i = 0; i < 3000; ++i) {
    std::string text, path;
    const int n = static_cast<int>(rng() % 40), m = static_cast<int>(rng() % 20);
    for (int k = 0; k < n; ++k) text += alphabet[rng() % alphabet.size()];
    for (int k = 0; k < m; ++k) path += alphabet[rng() % 6];
    const Dockerignore d = Dockerignore::Parse(text);
    (void)d.Excludes(path);
  }
  // Many wildcards against a long path: polynomial.
  std::string many;
  for (int i = 0; i < 30; ++i) many += "**/a*";
  std::string path;
  for (int i = 0; i < 300; ++i) path += "a/";
  path += "b";
  EXPECT_FALSE(Dockerignore::Parse(many + "c").Excludes(path));
}

}  // namespace
}  // namespace shipshape::context
