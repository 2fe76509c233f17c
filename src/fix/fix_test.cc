#include "fix/fix.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "fix/diff.h"
#include "fix/write.h"

namespace shipshape::fix {
namespace {

namespace fs = std::filesystem;

base::Diagnostic Finding(std::string code, base::Applicability a,
                         std::vector<base::Edit> edits) {
  base::Diagnostic d;
  d.code = std::move(code);
  d.fix = base::Fix{"fix it", a, std::move(edits)};
  return d;
}

TEST(ApplyOnce, AppliesNonOverlappingFixesAndLeavesTheRestForLater) {
  const std::string text = "0123456789";
  const std::vector<base::Diagnostic> d = {
      Finding("A", base::Applicability::kSafe, {{{1, 3}, "x"}}),
      Finding("B", base::Applicability::kSafe, {{{2, 4}, "y"}}),  // overlaps A: next pass
      Finding("C", base::Applicability::kSafe, {{{5, 5}, "<"}, {{7, 8}, ">"}}),
      Finding("D", base::Applicability::kUnsafe, {{{9, 10}, "!"}}),
      Finding("E", base::Applicability::kDisplayOnly, {{{0, 1}, "?"}}),
  };
  Pass safe = ApplyOnce(text, d, Level::kSafe);
  EXPECT_EQ(safe.text, "0x34<56>89");
  EXPECT_EQ(safe.fixed, (std::vector<std::string>{"A", "C"}));
  Pass unsafe = ApplyOnce(text, d, Level::kUnsafe);
  EXPECT_EQ(unsafe.text, "0x34<56>8!");
  // An edit past the end of the text (a stale finding) is never applied.
  Pass stale = ApplyOnce("abc", {Finding("A", base::Applicability::kSafe, {{{2, 9}, "x"}})},
                         Level::kSafe);
  EXPECT_EQ(stale.text, "abc");
  EXPECT_TRUE(stale.fixed.empty());
}

/// A linter whose only rule asks for an `x` to become `y`, one at a time.
lint::FileResult OneAtATime(std::string text, const FileChanges&) {
  lint::FileResult r = lint::LintText("Dockerfile", text);
  r.diagnostics.clear();
  const std::size_t x = text.find('x');
  if (x != std::string::npos) {
    r.diagnostics.push_back(Finding(
        "T1", base::Applicability::kSafe,
        {{{static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(x + 1)}, "y"}}));
  }
  return r;
}

TEST(FixLoop, RepeatsUntilNothingIsLeft) {
  const Outcome out = FixLoop("FROM x:1\nRUN x x x\n", Level::kSafe, OneAtATime);
  EXPECT_EQ(out.text, "FROM y:1\nRUN y y y\n");
  EXPECT_EQ(out.passes, 4);
  EXPECT_EQ(out.fixed.at("T1"), 4);
  EXPECT_TRUE(out.converged);
  EXPECT_FALSE(out.reverted);
}

TEST(FixLoop, ReportsFixesThatDoNotConverge) {
  const Outcome out = FixLoop("FROM x:1\nRUN " + std::string(20, 'x') + "\n", Level::kSafe,
                              OneAtATime);
  EXPECT_EQ(out.passes, kMaxPasses);
  EXPECT_FALSE(out.converged);
  EXPECT_EQ(out.unstable, (std::set<std::string>{"T1"}));
}

TEST(FixLoop, DropsEveryEditWhenAFixAddsASyntaxError) {
  // The first pass is fine, the second turns `FROM` into an unknown instruction.
  auto breaking = [](std::string text, const FileChanges&) {
    lint::FileResult r = lint::LintText("Dockerfile", text);
    std::erase_if(r.diagnostics, [](const base::Diagnostic& d) { return !d.code.empty(); });
    if (text.find("RUN a") != std::string::npos) {
      r.diagnostics.push_back(
          Finding("T1", base::Applicability::kSafe, {{{static_cast<std::uint32_t>(text.find("RUN a") + 4), static_cast<std::uint32_t>(text.find("RUN a") + 5)}, "b"}}));
    } else if (text.rfind("FROM", 0) == 0) {
      r.diagnostics.push_back(Finding("T2", base::Applicability::kSafe, {{{0, 4}, "FRUM"}}));
    }
    return r;
  };
  const std::string original = "FROM debian:12\nRUN a\n";
  const Outcome out = FixLoop(original, Level::kSafe, breaking);
  EXPECT_TRUE(out.reverted);
  EXPECT_EQ(out.text, original);
  EXPECT_TRUE(out.fixed.empty());
}

TEST(FixLoop, RealRulesConvergeAndAreIdempotent) {
  const std::string text =
      "FROM debian:12\nMAINTAINER me\nRUN apt-get update && apt-get install curl\n"
      "ADD app.py /app/\n";
  auto lint = [](std::string t, const FileChanges&) {
    return lint::LintText("Dockerfile", std::move(t));
  };
  const Outcome once = FixLoop(text, Level::kUnsafe, lint);
  EXPECT_TRUE(once.converged);
  EXPECT_FALSE(once.reverted);
  EXPECT_NE(once.text, text);
  EXPECT_NE(once.text.find("COPY app.py /app/"), std::string::npos) << once.text;
  const Outcome twice = FixLoop(once.text, Level::kUnsafe, lint);
  EXPECT_EQ(twice.text, once.text);
  EXPECT_EQ(twice.passes, 0);
}

/// Applies `diff` to `before` with `git apply` in a scratch repository; the result.
std::string GitApply(const std::string& before, const std::string& diff) {
  const fs::path dir = fs::temp_directory_path() / ("shipshape-diff-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "Dockerfile", std::ios::binary) << before;
  std::ofstream(dir / "p.diff", std::ios::binary) << diff;
  const std::string cmd = "cd '" + dir.string() + "' && git apply p.diff 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << diff;
  std::ifstream in(dir / "Dockerfile", std::ios::binary);
  std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove_all(dir);
  return after;
}

TEST(UnifiedDiff, IsEmptyForEqualTextsAndAppliesWithGit) {
  EXPECT_EQ(UnifiedDiff("Dockerfile", "a\n", "a\n"), "");
  std::string big;
  for (int i = 0; i < 40; ++i) big += "RUN echo " + std::to_string(i) + "\n";
  std::string changed = big;
  changed.replace(changed.find("echo 3\n"), 7, "echo three\n");
  changed.replace(changed.find("echo 30\n"), 8, "echo thirty\nRUN added\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"FROM a\nRUN b\n", "FROM a\nRUN c\n"},
      {"FROM a\nRUN b", "FROM a\nRUN c"},                  // no newline at the end
      {"FROM a\r\nRUN b\r\n", "FROM a\r\nRUN c && d\r\n"},  // CRLF kept
      {"FROM a\n", "FROM a\nUSER app\n"},
      {"FROM a\nMAINTAINER x\nRUN b\n", "FROM a\nRUN b\n"},
      {big, changed},  // two hunks
  };
  for (const auto& [before, after] : cases) {
    const std::string diff = UnifiedDiff("Dockerfile", before, after);
    ASSERT_EQ(diff.rfind("--- a/Dockerfile\n+++ b/Dockerfile\n@@ ", 0), 0u) << diff;
    EXPECT_EQ(GitApply(before, diff), after) << diff;
  }
  const std::string two = UnifiedDiff("Dockerfile", big, changed);
  std::size_t hunks = 0;
  for (std::size_t at = 0; (at = two.find("@@ -", at)) != std::string::npos; ++at) ++hunks;
  EXPECT_EQ(hunks, 2u) << two;
}

class WriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("shipshape-write-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "Dockerfile").string();
    std::ofstream(path_, std::ios::binary) << "FROM a\n";
    chmod(path_.c_str(), 0640);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Read() {
    std::ifstream in(path_, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  unsigned Mode() {
    struct stat st {};
    stat(path_.c_str(), &st);
    return st.st_mode & 07777;
  }
  std::size_t Entries() {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }
  fs::path dir_;
  std::string path_;
};

TEST_F(WriteTest, ReplacesTheFileKeepingItsPermissions) {
  EXPECT_EQ(WriteAtomically(path_, "FROM a\n", "FROM b\n"), "");
  EXPECT_EQ(Read(), "FROM b\n");
  EXPECT_EQ(Mode(), 0640u);
  EXPECT_EQ(Entries(), 1u);  // no temporary file left
}

TEST_F(WriteTest, AFailureMidwayLeavesTheOriginalUntouched) {
  WriteOptions fail;
  fail.fail_after_bytes = 3;
  const std::string error = WriteAtomically(path_, "FROM a\n", "FROM b, much longer\n", fail);
  EXPECT_NE(error.find("cannot write the fixed file"), std::string::npos) << error;
  EXPECT_EQ(Read(), "FROM a\n");
  EXPECT_EQ(Mode(), 0640u);
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(WriteTest, CreatingNeverReplacesAFileThatAppeared) {
  const std::string ignore = (dir_ / ".dockerignore").string();
  EXPECT_EQ(CreateExclusively(ignore, ".git\n"), "");
  std::ifstream in(ignore, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), ".git\n");
  const std::string error = CreateExclusively(path_, "FROM b\n");
  EXPECT_NE(error.find("appeared"), std::string::npos) << error;
  EXPECT_EQ(Read(), "FROM a\n");
  EXPECT_EQ(Entries(), 2u);  // no temporary file left
}

TEST_F(WriteTest, AFileChangedOnDiskIsNotOverwritten) {
  std::ofstream(path_, std::ios::binary) << "FROM edited\n";
  const std::string error = WriteAtomically(path_, "FROM a\n", "FROM b\n");
  EXPECT_NE(error.find("changed on disk"), std::string::npos) << error;
  EXPECT_EQ(Read(), "FROM edited\n");
}

TEST_F(WriteTest, ASymlinkStaysASymlink) {
  const std::string link = (dir_ / "link.Dockerfile").string();
  fs::create_symlink(path_, link);
  EXPECT_EQ(WriteAtomically(link, "FROM a\n", "FROM c\n"), "");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(Read(), "FROM c\n");
}

}  // namespace
}  // namespace shipshape::fix

namespace shipshape::fix {
namespace {

// A fix that appends to another file: applied once per pass and file, against the content the
// rule saw; the loop goes on while other files change, and re-lints with them.
TEST(FixLoop, EditsOtherFiles) {
  auto lint = [](std::string text, const FileChanges& files) {
    lint::FileResult r = lint::LintText("Dockerfile", text);
    r.diagnostics.clear();
    auto it = files.find("ignore");
    const std::optional<std::string> now =
        it == files.end() ? std::nullopt : std::optional<std::string>(it->second.text);
    for (const std::string entry : {"a\n", "b\n"}) {
      if (now && now->find(entry) != std::string::npos) continue;
      base::Diagnostic d;
      d.code = "T1";
      d.fix = base::Fix{"Append", base::Applicability::kSafe, {}, {{"ignore", now, entry}}};
      r.diagnostics.push_back(std::move(d));
    }
    return r;
  };
  const Outcome out = FixLoop("FROM x\n", Level::kSafe, lint);
  EXPECT_EQ(out.text, "FROM x\n");
  EXPECT_TRUE(out.converged);
  EXPECT_EQ(out.passes, 2);
  ASSERT_EQ(out.files.count("ignore"), 1u);
  EXPECT_FALSE(out.files.at("ignore").original.has_value());
  EXPECT_EQ(out.files.at("ignore").text, "a\nb\n");
  EXPECT_TRUE(out.remaining->diagnostics.empty());
  // A stale expectation is not applied.
  base::Diagnostic stale;
  stale.code = "T1";
  stale.fix = base::Fix{"Append", base::Applicability::kSafe, {}, {{"ignore", "old", "x"}}};
  const Pass pass = ApplyOnce("t", {stale}, Level::kSafe, {{"ignore", {"old", "new"}}});
  EXPECT_TRUE(pass.fixed.empty());
}

}  // namespace
}  // namespace shipshape::fix
