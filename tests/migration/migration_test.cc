// Migration from hadolint: a project with its `.hadolint.yaml` and `# hadolint ...` pragmas,
// linted by `shipshape lint -f json .` from the project's directory (as a CI step would run
// `hadolint`), gives the DL findings written by hand in expected.tsv from hadolint's documented
// behaviour: same files, lines, codes and levels.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "test_data.h"

namespace shipshape {
namespace {

using Finding = std::tuple<std::string, int, std::string, std::string>;

std::string Describe(const std::set<Finding>& set) {
  std::string out;
  for (const auto& [file, line, code, level] : set) {
    out += "\n  " + file + ":" + std::to_string(line) + " " + code + " " + level;
  }
  return out;
}

TEST(Migration, HadolintProjectGivesHadolintsFindings) {
  const std::string project = testing::SourcePath("tests/migration/hadolint-project");
  std::set<Finding> expected;
  std::istringstream tsv(testing::ReadFileOrFail(project + "/expected.tsv"));
  for (std::string line; std::getline(tsv, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file, l, code, level;
    std::getline(fields, file, '\t');
    std::getline(fields, l, '\t');
    std::getline(fields, code, '\t');
    std::getline(fields, level, '\t');
    expected.insert({file, std::stoi(l), code, level});
  }
  ASSERT_FALSE(expected.empty());

  // No user configuration of the machine running the test may leak in.
  const std::filesystem::path home =
      std::filesystem::temp_directory_path() / "shipshape-migration-home";
  std::filesystem::create_directories(home);
  const testing::ProcessResult run =
      testing::RunShipshape({"lint", "-f", "json", "."}, project,
                            {{"HOME", home.string()}, {"XDG_CONFIG_HOME", (home / ".config").string()}});
  // failure-threshold: warning, and there are warnings and errors.
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(run.err, "");
  const nlohmann::json j = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_TRUE(j.is_array()) << run.out;
  std::set<Finding> got;
  for (const nlohmann::json& f : j) {
    const std::string code = f.value("code", "");
    if (code.rfind("DL", 0) != 0) continue;  // shipshape's own rules are not hadolint's
    got.insert({f.value("file", ""), f.value("line", 0), code, f.value("level", "")});
  }
  std::set<Finding> missing, extra;
  for (const Finding& f : expected) {
    if (!got.count(f)) missing.insert(f);
  }
  for (const Finding& f : got) {
    if (!expected.count(f)) extra.insert(f);
  }
  EXPECT_TRUE(missing.empty()) << "hadolint reports, shipshape does not:" << Describe(missing);
  EXPECT_TRUE(extra.empty()) << "shipshape reports, hadolint does not:" << Describe(extra);
}

}  // namespace
}  // namespace shipshape
