#include "context/build_context.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fmt/format.h>
#include <unistd.h>

#include <fstream>

namespace shipshape::context {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

TEST(BuildContext, ReadsTheDockerignoreInForceAndAnswersAboutFiles) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("shipshape-ctx-{}", ::getpid());
  fs::remove_all(dir);
  Write(dir / "app.py", "x");
  Write(dir / "src/main.py", "x");
  Write(dir / ".dockerignore", "*.log\n");
  Write(dir / "docker/Dockerfile", "FROM x\n");
  Write(dir / "docker/Dockerfile.dockerignore", "src\n");

  const auto plain = BuildContext::Open(dir.string(), (dir / "Dockerfile").string());
  EXPECT_EQ(plain->dockerignore_path(), (dir / ".dockerignore").string());
  ASSERT_NE(plain->dockerignore(), nullptr);
  EXPECT_TRUE(plain->dockerignore()->Excludes("a.log"));
  EXPECT_TRUE(plain->Exists("app.py"));
  EXPECT_TRUE(plain->Exists("./src/main.py"));
  EXPECT_TRUE(plain->Exists("/src"));
  EXPECT_FALSE(plain->Exists("missing"));
  EXPECT_FALSE(plain->Exists("../etc/passwd"));
  EXPECT_EQ(plain->TopLevel(), (std::vector<std::string>{".dockerignore", "app.py", "docker", "src"}));

  // `<Dockerfile>.dockerignore` beside the Dockerfile wins.
  const auto own = BuildContext::Open(dir.string(), (dir / "docker/Dockerfile").string());
  EXPECT_EQ(own->dockerignore_path(), (dir / "docker/Dockerfile.dockerignore").string());
  EXPECT_TRUE(own->dockerignore()->Excludes("src/main.py"));
  EXPECT_FALSE(own->dockerignore()->Excludes("a.log"));

  // No `.dockerignore`: where one would be created.
  fs::remove(dir / ".dockerignore");
  const auto none = BuildContext::Open(dir.string(), "-");
  EXPECT_FALSE(none->dockerignore_text().has_value());
  EXPECT_EQ(none->dockerignore(), nullptr);
  EXPECT_EQ(none->dockerignore_path(), (dir / ".dockerignore").string());
  const auto edited = none->WithDockerignore("app.py\n");
  EXPECT_TRUE(edited->dockerignore()->Excludes("app.py"));
  EXPECT_EQ(edited->dockerignore_path(), none->dockerignore_path());
  fs::remove_all(dir);
}

TEST(BuildContext, AGuessedContextLooksForADockerignoreUpToTheRepositoryRoot) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("shipshape-up-{}", ::getpid());
  fs::remove_all(dir);
  Write(dir / ".dockerignore", ".git\n");
  Write(dir / "repo/.dockerignore", ".git\n");
  fs::create_directories(dir / "repo/.git");
  Write(dir / "repo/a/b/Dockerfile", "FROM x\n");
  const std::string b = (dir / "repo/a/b").string();
  EXPECT_EQ(BuildContext::Open(b, "", true)->parent_dockerignore(),
            (dir / "repo/.dockerignore").string());
  EXPECT_EQ(BuildContext::Open(b, "", false)->parent_dockerignore(), "");
  // The repository root stops the search: the `.dockerignore` above it is not the project's.
  fs::remove(dir / "repo/.dockerignore");
  EXPECT_EQ(BuildContext::Open(b, "", true)->parent_dockerignore(), "");
  fs::remove_all(dir);
}

TEST(BuildContext, TheSearchAboveRemembersEachFolderItLookedIn) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("shipshape-memo-{}", ::getpid());
  fs::remove_all(dir);
  Write(dir / "repo/.dockerignore", ".git\n");
  fs::create_directories(dir / "repo/.git");
  for (const char* d : {"repo/a/b", "repo/a/c", "repo/d", "repo/a/e/f"}) {
    Write(dir / d / "Dockerfile", "FROM x\n");
  }
  std::map<std::string, std::string> parents;
  const std::string found = (dir / "repo/.dockerignore").string();
  EXPECT_EQ(BuildContext::Open((dir / "repo/a/b").string(), "", true, &parents)
                ->parent_dockerignore(),
            found);
  EXPECT_EQ(parents.size(), 2u);  // repo/a/b and repo/a (its parent, repo, held the file)
  EXPECT_EQ(parents[(dir / "repo/a").string()], found);
  // Siblings stop at the folder already searched; what they find is the same.
  for (const char* d : {"repo/a/c", "repo/d", "repo/a/e/f/"}) {
    EXPECT_EQ(BuildContext::Open((dir / d).string(), "", true, &parents)->parent_dockerignore(),
              found)
        << d;
  }
  // Remembered: with the file gone, the same walk answers from memory; a fresh one does not.
  fs::remove(dir / "repo/.dockerignore");
  EXPECT_EQ(BuildContext::Open((dir / "repo/a/c").string(), "", true, &parents)
                ->parent_dockerignore(),
            found);
  EXPECT_EQ(BuildContext::Open((dir / "repo/a/c").string(), "", true)->parent_dockerignore(), "");
  fs::remove_all(dir);
}

TEST(BuildContext, TheCacheSharesAContextPerFolderAndDockerignore) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("shipshape-cache-{}", ::getpid());
  fs::remove_all(dir);
  Write(dir / "Dockerfile", "FROM x\n");
  Write(dir / "Dockerfile.dev", "FROM x\n");
  Write(dir / "Dockerfile.dev.dockerignore", "x\n");
  ContextCache cache;
  const std::string d = dir.string();
  const auto a = cache.Open(d, (dir / "Dockerfile").string(), true);
  EXPECT_EQ(cache.Open(d, (dir / "Dockerfile.other").string(), true), a);
  EXPECT_NE(cache.Open(d, (dir / "Dockerfile.dev").string(), true), a);
  EXPECT_NE(cache.Open(d, (dir / "Dockerfile").string(), false), a);
  // The Dockerfiles at its top and those opened with it.
  Write(dir / "sub/app.Dockerfile", "FROM sub\n");
  const auto b = cache.Open(d, (dir / "sub/app.Dockerfile").string(), false);
  const std::string sub = (dir / "sub/app.Dockerfile").string();
  EXPECT_EQ(b->ReadDockerfileText(sub), std::nullopt);  // not read yet
  EXPECT_EQ(b->DockerfileTexts(),
            (std::vector<std::string>{"FROM x\n", "FROM x\n", "FROM sub\n"}));
  // Once read, the lint of each of those files takes its text from there.
  EXPECT_EQ(b->ReadDockerfileText(sub), "FROM sub\n");
  EXPECT_EQ(b->ReadDockerfileText((dir / "Dockerfile").string()), "FROM x\n");
  EXPECT_EQ(b->ReadDockerfileText((dir / "Dockerfile.none").string()), std::nullopt);
  fs::remove_all(dir);
}

TEST(BuildContext, InMemory) {
  const auto c = BuildContext::InMemory({"a/b/c", ".env"}, "x\n");
  EXPECT_TRUE(c->Exists("a"));
  EXPECT_TRUE(c->Exists("a/b"));
  EXPECT_TRUE(c->Exists("a/b/c"));
  EXPECT_FALSE(c->Exists("b"));
  EXPECT_EQ(c->TopLevel(), (std::vector<std::string>{".dockerignore", ".env", "a"}));
  EXPECT_TRUE(c->dockerignore()->Excludes("x/y"));
}

}  // namespace
}  // namespace shipshape::context
