#include "lint/discover.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace shipshape::lint {
namespace {
namespace fs = std::filesystem;

TEST(Discover, DockerfileNames) {
  for (const char* n : {"Dockerfile", "Containerfile", "Dockerfile.dev", "Containerfile.arm64",
                        "app.Dockerfile", "app.dockerfile", "app.containerfile"}) {
    EXPECT_TRUE(IsDockerfileName(n)) << n;
  }
  for (const char* n : {"Dockerfile.", "Dockerfile.dockerignore", "dockerfile", "Makefile",
                        ".Dockerfile", "Dockerfiles", "README.md", "Containerfile."}) {
    EXPECT_FALSE(IsDockerfileName(n)) << n;
  }
}

TEST(Discover, GitIgnoreRules) {
  GitIgnore g;
  g.Add("", "# comment\n\nbuild/\n*.tmp\n!keep.tmp\n/rootonly\ndocs/*.Dockerfile\n\\#hash\n");
  g.Add("sub", "local\n");
  EXPECT_TRUE(g.Ignored("build", true));
  EXPECT_FALSE(g.Ignored("build", false));  // dir-only pattern
  EXPECT_TRUE(g.Ignored("a/b/build", true));
  EXPECT_TRUE(g.Ignored("x.tmp", false));
  EXPECT_FALSE(g.Ignored("keep.tmp", false));
  EXPECT_TRUE(g.Ignored("rootonly", false));
  EXPECT_FALSE(g.Ignored("a/rootonly", false));
  EXPECT_TRUE(g.Ignored("docs/x.Dockerfile", false));
  EXPECT_FALSE(g.Ignored("other/docs/x.Dockerfile", false));
  EXPECT_TRUE(g.Ignored("#hash", false));
  EXPECT_TRUE(g.Ignored("sub/local", false));
  EXPECT_TRUE(g.Ignored("sub/deep/local", false));
  EXPECT_FALSE(g.Ignored("local", false));
}

class DiscoverTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("shipshape-discover-" + std::to_string(getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& rel, const std::string& text = "FROM scratch\n") {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << text;
  }
  fs::path root_;
};

TEST_F(DiscoverTree, FindsDockerfilesSkipsIgnoredAndSorts) {
  fs::create_directories(root_ / ".git");
  Write(".gitignore", "build/\n*.gen.Dockerfile\n");
  Write("Dockerfile");
  Write("b/Containerfile");
  Write("a/app.Dockerfile");
  Write("a/x.gen.Dockerfile");
  Write("build/Dockerfile");
  Write("node_modules/pkg/Dockerfile");
  Write(".git/Dockerfile");
  Write("c/.gitignore", "Dockerfile.*\n!Dockerfile.keep\n");
  Write("c/Dockerfile.dev");
  Write("c/Dockerfile.keep");
  Write("c/README.md");
  const DiscoverResult r = Discover(root_.string(), true);
  const std::string p = root_.string() + "/";
  EXPECT_EQ(r.files, (std::vector<std::string>{p + "Dockerfile", p + "a/app.Dockerfile",
                                               p + "b/Containerfile", p + "c/Dockerfile.keep"}));
  EXPECT_TRUE(r.errors.empty());
  // Without .gitignore: everything but .git and node_modules.
  const DiscoverResult all = Discover(root_.string(), false);
  EXPECT_EQ(all.files.size(), 7u);
}

TEST_F(DiscoverTree, ParentGitIgnoreAppliesToASubdirectory) {
  fs::create_directories(root_ / ".git");
  Write(".gitignore", "sub/gen/\n");
  Write("sub/Dockerfile");
  Write("sub/gen/Dockerfile");
  const DiscoverResult r = Discover((root_ / "sub").string(), true);
  EXPECT_EQ(r.files, (std::vector<std::string>{(root_ / "sub").string() + "/Dockerfile"}));
}

TEST_F(DiscoverTree, SymlinkLoopsAreNotFollowed) {
  Write("d/Dockerfile");
  fs::create_directory_symlink(root_ / "d", root_ / "d" / "loop");
  fs::create_symlink(root_ / "d" / "Dockerfile", root_ / "linked.Dockerfile");
  const DiscoverResult r = Discover(root_.string(), true);
  const std::string p = root_.string() + "/";
  EXPECT_EQ(r.files, (std::vector<std::string>{p + "d/Dockerfile", p + "linked.Dockerfile"}));
}

}  // namespace
}  // namespace shipshape::lint
