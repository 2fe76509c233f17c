// Dockerfiles that follow every item of the guide's checklist (examples/guide/: Go on
// distroless, Python multi-stage, Node with npm ci, Debian with apt done right, Alpine, a
// secret-mount build) pass shipshape's default set with ShellCheck on, and the `hardened`
// preset adds only the advice intended: a HEALTHCHECK for the two tool images.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>

#include "test_data.h"

namespace shipshape {
namespace {

testing::ProcessResult Lint(std::vector<std::string> args) {
  // No user configuration of the machine running the test may leak in.
  const std::filesystem::path home = std::filesystem::temp_directory_path() / "shipshape-guide-home";
  std::filesystem::create_directories(home);
  args.insert(args.begin(), "lint");
  args.push_back("examples/guide");
  return testing::RunShipshape(args, testing::SourcePath(""),
                               {{"HOME", home.string()},
                                {"XDG_CONFIG_HOME", (home / ".config").string()}});
}

/// `text` with the first `from` replaced by `to` (`from` must occur).
std::string Replace(const std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at == std::string::npos) return text;
  return text.substr(0, at) + to + text.substr(at + from.size());
}

std::set<std::pair<std::string, std::string>> Findings(const std::string& json) {
  std::set<std::pair<std::string, std::string>> out;
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  EXPECT_TRUE(j.is_array()) << json;
  if (!j.is_array()) return out;
  for (const nlohmann::json& f : j) {
    out.insert({f.value("file", ""), f.value("code", "")});
  }
  return out;
}

TEST(Guide, FollowingTheGuidePassesTheDefaults) {
  // ShellCheck is part of the default run; `always` makes its absence a failure, not a skip.
  const testing::ProcessResult run = Lint({"--shellcheck", "always"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out.rfind("No findings in 6 files.\n", 0), 0u) << run.out;
  EXPECT_EQ(run.err, "");
}

TEST(Guide, TheHardenedPresetAddsOnlyTheIntendedAdvice) {
  const testing::ProcessResult run =
      Lint({"--shellcheck", "always", "--select", "hardened", "-f", "json"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::set<std::pair<std::string, std::string>> want = {
      {"examples/guide/alpine/Dockerfile", "DL3057"},
      {"examples/guide/debian-apt/Dockerfile", "DL3057"},
  };
  EXPECT_EQ(Findings(run.out), want) << run.out;
}

TEST(Guide, TheDefaultsSeeWhatTheGuideForbids) {
  // The same files with one guide item undone each: the default set catches it. (A test that
  // could not fail would prove nothing about the files above.)
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "shipshape-guide-broken";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string root = testing::ReadFileOrFail(testing::SourcePath("examples/guide/go-distroless/Dockerfile"));
  const std::string text =
      Replace(Replace(root, "USER 65532:65532\n", ""), ":nonroot@", "@");
  {
    std::FILE* f = std::fopen((dir / "Dockerfile").c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  const testing::ProcessResult run = testing::RunShipshape(
      {"lint", "--shellcheck", "never", "-f", "json", (dir / "Dockerfile").string()});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  bool root_finding = false;
  for (const auto& [file, code] : Findings(run.out)) root_finding = root_finding || code == "SP701";
  EXPECT_TRUE(root_finding) << run.out;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace shipshape
