#include "config/lookup.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace shipshape::config {
namespace {

namespace fs = std::filesystem;

class ConfigLookup : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            fmt::format("shipshape-cfg-{}-{}", ::getpid(),
                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "home");
    fs::create_directories(root_ / "work");
    roots_.cwd = root_ / "work";
    roots_.home = root_ / "home";
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const fs::path& rel, std::string_view text) {
    const fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }
  std::string Found(Loader& loader, const std::string& dockerfile) {
    Result<std::pair<fs::path, Dialect>> r = loader.FindFor(dockerfile);
    if (!r) return "error: " + r.error().ToString();
    if (r->first.empty()) return "(none)";
    return fmt::format("{}{}", r->first.lexically_relative(root_).generic_string(),
                       r->second == Dialect::kHadolint ? " [hadolint]" : "");
  }

  fs::path root_;
  Roots roots_;
};

TEST_F(ConfigLookup, NearestOwnFileUpToTheRepositoryRoot) {
  fs::create_directories(root_ / "work/repo/.git");
  Write("work/repo/.shipshape.yaml", "ignore: [DL3008]\n");
  Write("work/repo/svc/a/.shipshape.yaml", "ignore: [DL3007]\n");
  Write("work/.shipshape.yaml", "ignore: [DL3006]\n");  // above the repository: not used
  Loader loader(roots_);
  EXPECT_EQ(Found(loader, (root_ / "work/repo/svc/a/b/Dockerfile").string()),
            "work/repo/svc/a/.shipshape.yaml");
  EXPECT_EQ(Found(loader, (root_ / "work/repo/svc/Dockerfile").string()),
            "work/repo/.shipshape.yaml");
  // Relative Dockerfile paths start from the cwd.
  EXPECT_EQ(Found(loader, "repo/Dockerfile"), "work/repo/.shipshape.yaml");
  // Outside the repository the walk goes on up.
  EXPECT_EQ(Found(loader, (root_ / "work/other/Dockerfile").string()), "work/.shipshape.yaml");
}

TEST_F(ConfigLookup, RepositoryRootStopsTheWalk) {
  fs::create_directories(root_ / "work/repo/.git");
  Write("work/.shipshape.yaml", "ignore: [DL3006]\n");
  Loader loader(roots_);
  EXPECT_EQ(Found(loader, (root_ / "work/repo/Dockerfile").string()), "(none)");
  // A `.git` file (worktrees, submodules) counts too.
  Write("work/repo2/.git", "gitdir: elsewhere\n");
  EXPECT_EQ(Found(loader, (root_ / "work/repo2/x/Dockerfile").string()), "(none)");
}

TEST_F(ConfigLookup, UserConfigDirThenHadolintFiles) {
  fs::create_directories(root_ / "work/repo/.git");
  Write("work/.hadolint.yaml", "ignored: [DL3008]\n");
  Write("home/.config/shipshape/config.yaml", "ignore: [DL3007]\n");
  {
    Loader loader(roots_);
    EXPECT_EQ(Found(loader, (root_ / "work/repo/Dockerfile").string()),
              "home/.config/shipshape/config.yaml");
  }
  roots_.xdg_config_home = root_ / "xdg";
  Write("xdg/shipshape/config.yaml", "ignore: [DL3006]\n");
  {
    Loader loader(roots_);
    EXPECT_EQ(Found(loader, (root_ / "work/repo/Dockerfile").string()),
              "xdg/shipshape/config.yaml");
  }
  fs::remove_all(root_ / "xdg");
  fs::remove_all(root_ / "home/.config");
  {
    // No own file anywhere: hadolint's, from the current directory.
    Loader loader(roots_);
    EXPECT_EQ(Found(loader, (root_ / "work/repo/Dockerfile").string()),
              "work/.hadolint.yaml [hadolint]");
    Result<Settings> s = loader.SettingsFor((root_ / "work/repo/Dockerfile").string(), {}, {});
    ASSERT_TRUE(s) << s.error().ToString();
    ASSERT_EQ(s->ignore.size(), 1u);
    EXPECT_EQ(s->ignore[0].value, "DL3008");
  }
  {
    // An own file wins over hadolint's.
    Write("work/repo/.shipshape.yaml", "ignore: [DL3009]\n");
    Loader loader(roots_);
    Result<Settings> s = loader.SettingsFor((root_ / "work/repo/Dockerfile").string(), {}, {});
    ASSERT_TRUE(s) << s.error().ToString();
    ASSERT_EQ(s->ignore.size(), 1u);
    EXPECT_EQ(s->ignore[0].value, "DL3009");
  }
}

TEST_F(ConfigLookup, HadolintLocationsInHadolintsOrder) {
  fs::create_directories(root_ / "work/repo/.git");
  Loader none(roots_);
  EXPECT_EQ(Found(none, (root_ / "work/repo/Dockerfile").string()), "(none)");
  const char* const files[] = {"home/.hadolint.yml",           "home/.hadolint.yaml",
                               "home/.hadolint/config.yml",    "home/.hadolint/config.yaml",
                               "home/.hadolint/hadolint.yml",  "home/.hadolint/hadolint.yaml",
                               "home/.config/hadolint.yml",    "home/.config/hadolint.yaml",
                               "work/.hadolint.yml",           "work/.hadolint.yaml"};
  for (const char* f : files) {
    Write(f, "ignored: [DL3008]\n");
    Loader loader(roots_);  // a fresh loader: the global lookup is cached per loader
    EXPECT_EQ(Found(loader, (root_ / "work/repo/Dockerfile").string()),
              fmt::format("{} [hadolint]", f));
  }
}

TEST_F(ConfigLookup, ExplicitConfigSkipsLookup) {
  Write("work/.shipshape.yaml", "ignore: [DL3006]\n");
  Write("ci/.hadolint.yaml", "ignored: [DL3008]\n");
  Write("ci/lint.yaml", "ignore: [DL3007]\n");
  Loader hado(roots_, root_ / "ci/.hadolint.yaml");
  EXPECT_EQ(Found(hado, (root_ / "work/Dockerfile").string()), "ci/.hadolint.yaml [hadolint]");
  Loader own(roots_, fs::path("../ci/lint.yaml"));  // relative to the cwd
  EXPECT_EQ(Found(own, (root_ / "work/Dockerfile").string()), "ci/lint.yaml");
  Loader missing(roots_, root_ / "ci/nope.yaml");
  Result<std::shared_ptr<const Layer>> r = missing.FileLayerFor("Dockerfile");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().ToString().find("nope.yaml"), std::string::npos);
}

TEST_F(ConfigLookup, ErrorsAreNotFallbacks) {
  Write("work/.shipshape.yaml", "ignore: [DL3008\n");
  Write("work/.hadolint.yaml", "ignored: [DL3008]\n");
  Loader loader(roots_);
  Result<Settings> s = loader.SettingsFor((root_ / "work/Dockerfile").string(), {}, {});
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().ToString().find(".shipshape.yaml:2:1: invalid YAML"), std::string::npos)
      << s.error().ToString();
  // Both spellings in one directory are ambiguous.
  Write("work/b/.shipshape.yaml", "{}\n");
  Write("work/b/.shipshape.yml", "{}\n");
  EXPECT_NE(Found(loader, (root_ / "work/b/Dockerfile").string()).find("both .shipshape.yaml and "
                                                                       ".shipshape.yml exist"),
            std::string::npos);
  // A directory where the file should be.
  fs::create_directories(root_ / "work/c/.shipshape.yaml");
  Result<std::shared_ptr<const Layer>> dir = loader.FileLayerFor((root_ / "work/c/Dockerfile").string());
  ASSERT_FALSE(dir);
  EXPECT_NE(dir.error().ToString().find("is a directory"), std::string::npos);
}

TEST_F(ConfigLookup, CachesPerDirectoryAndPerFile) {
  fs::create_directories(root_ / "work/repo/.git");
  Write("work/repo/.shipshape.yaml", "ignore: [DL3008]\n");
  Loader loader(roots_);
  Result<std::shared_ptr<const Layer>> a = loader.FileLayerFor((root_ / "work/repo/a/Dockerfile").string());
  ASSERT_TRUE(a);
  // Changing the files now does not change the answers: both the directory walk and the parsed
  // file were cached.
  fs::remove(root_ / "work/repo/.shipshape.yaml");
  Result<std::shared_ptr<const Layer>> b = loader.FileLayerFor((root_ / "work/repo/a/x.Dockerfile").string());
  ASSERT_TRUE(b);
  EXPECT_EQ(a->get(), b->get());
  EXPECT_EQ((*b)->ignore.size(), 1u);
}

TEST_F(ConfigLookup, RootsFromEnvironment) {
  const Roots r = Roots::From({{"HOME", "/h"}, {"XDG_CONFIG_HOME", "relative"}});
  EXPECT_EQ(r.home, "/h");
  EXPECT_EQ(r.ConfigHome(), "/h/.config");  // a relative XDG_CONFIG_HOME is ignored
  EXPECT_EQ(Roots::From({{"HOME", "/h"}, {"XDG_CONFIG_HOME", "/x"}}).ConfigHome(), "/x");
  EXPECT_FALSE(r.cwd.empty());
}

}  // namespace
}  // namespace shipshape::config
