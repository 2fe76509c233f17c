#include "cli/option_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace shipshape::cli {
namespace {

TEST(OptionSet, WantsWhatTheCommandLineNames) {
  CLI::App app;
  const std::vector<std::string> args = {"-f", "json", "--select=DL3008", "-Vj2", "Dockerfile",
                                         "--", "--fix"};
  const OptionSet o(app, args);
  EXPECT_TRUE(o.Wants("-f,--format"));
  EXPECT_TRUE(o.Wants("--select"));
  EXPECT_TRUE(o.Wants("-V,--verbose"));  // letters of a cluster
  EXPECT_TRUE(o.Wants("-j,--jobs"));
  EXPECT_TRUE(o.Wants("paths"));   // positionals always
  EXPECT_FALSE(o.Wants("--fix"));  // after `--`: a path
  EXPECT_FALSE(o.Wants("-c,--config"));
  EXPECT_FALSE(o.Wants("--selection"));
  EXPECT_FALSE(o.Wants("--sel"));
}

TEST(OptionSet, HelpWantsEverything) {
  CLI::App app;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"Dockerfile", "--help"}, std::vector<std::string>{"-h"},
        std::vector<std::string>{"-Vh"}}) {
    const OptionSet o(app, args);
    EXPECT_TRUE(o.Wants("-c,--config"));
    EXPECT_TRUE(o.Wants("--anything"));
  }
  const OptionSet every(app);
  EXPECT_TRUE(every.Wants("--fix"));
}

// A command line parses the same with the options it names as with all of them.
struct Parsed {
  std::vector<std::string> paths;
  std::vector<std::string> formats;
  unsigned jobs = 0;
  bool fix = false;
  std::string config;
  int added = 0;
};

Parsed Parse(std::vector<std::string> args, bool all, std::string* error = nullptr) {
  Parsed p;
  CLI::App app;
  OptionSet o = all ? OptionSet(app) : OptionSet(app, args);
  o.Option("paths", p.paths, "files")->required();
  if (CLI::Option* f = o.Option("-f,--format", p.formats, "format")) f->allow_extra_args(false);
  o.Option("-j,--jobs", p.jobs, "jobs");
  o.Flag("--fix", p.fix, "fix");
  o.Option("-c,--config", p.config, "config");
  p.added = static_cast<int>(app.get_options().size());
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    if (error) *error = e.what();
  }
  return p;
}

TEST(OptionSet, ParsesAsWithEveryOption) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"-fjson", "a", "--jobs=3", "b"},
        std::vector<std::string>{"--fix", "-f", "sarif", "-f", "json", "a"},
        std::vector<std::string>{"a", "--", "--fix"}, std::vector<std::string>{"-j2", "a"}}) {
    const Parsed some = Parse(args, false);
    const Parsed all = Parse(args, true);
    EXPECT_EQ(some.paths, all.paths);
    EXPECT_EQ(some.formats, all.formats);
    EXPECT_EQ(some.jobs, all.jobs);
    EXPECT_EQ(some.fix, all.fix);
    EXPECT_EQ(some.config, all.config);
    EXPECT_LT(some.added, all.added);
  }
  const Parsed p = Parse({"-fjson", "a", "--jobs=3", "b"}, false);
  EXPECT_EQ(p.paths, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(p.jobs, 3u);
}

TEST(OptionSet, UnknownOptionIsTheSameError) {
  std::string some, all;
  Parse({"--fixx", "a"}, false, &some);
  Parse({"--fixx", "a"}, true, &all);
  EXPECT_FALSE(some.empty());
  EXPECT_EQ(some, all);
}

}  // namespace
}  // namespace shipshape::cli
