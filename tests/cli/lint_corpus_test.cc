// `shipshape lint` as one process over every corpus file, with every rule on: it must end on
// its own with exit 1 (there are findings), print nothing on stderr, and its JSON must hold a
// well-formed finding for files of the corpus only. The sanitizer build runs it too, so any
// sanitizer report fails it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "rules/registry.h"
#include "test_data.h"

namespace shipshape {
namespace {

TEST(CliCorpus, LintEveryFileInOneProcessWithAllRules) {
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(testing::SharedPath("corpus/files"))) {
    if (entry.is_regular_file()) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 6445u);

  std::vector<std::string> argv = {"lint", "-f", "json", "-j", "2"};
  // Off-by-default rules are turned on by giving them a severity, as with hadolint.
  for (const rules::Rule* r : rules::AllRules()) {
    if (!r->default_enabled) argv.insert(argv.end(), {"--info", std::string(r->code)});
  }
  // The rules, not ShellCheck (its pass over the corpus is measured in bench/).
  argv.insert(argv.end(), {"--shellcheck", "never"});
  argv.insert(argv.end(), {"--trusted-registry", "docker.io", "--trusted-registry", "*.gcr.io",
                           "--require-label", "maintainer:email", "--require-label",
                           "org.opencontainers.image.source:url", "--strict-labels"});
  argv.insert(argv.end(), files.begin(), files.end());

  const testing::ProcessResult run = testing::RunShipshape(argv);
  const int code = run.exit_code;
  const std::string& stdout_text = run.out;
  const std::string& stderr_text = run.err;

  EXPECT_EQ(code, 1) << stderr_text.substr(0, 4000);
  EXPECT_EQ(stderr_text, "");
  const nlohmann::json j = nlohmann::json::parse(stdout_text, nullptr, false);
  ASSERT_TRUE(j.is_array());
  const std::set<std::string> known(files.begin(), files.end());
  std::set<std::string> with_findings;
  std::map<std::string, std::size_t> per_code;
  for (const nlohmann::json& f : j) {
    ASSERT_TRUE(f.is_object());
    const std::string file = f.value("file", "");
    ASSERT_TRUE(known.count(file)) << file;
    with_findings.insert(file);
    const int line = f.value("line", 0), column = f.value("column", 0);
    const int end_line = f.value("endLine", 0), end_column = f.value("endColumn", 0);
    EXPECT_GE(line, 1) << file;
    EXPECT_GE(column, 1) << file;
    EXPECT_TRUE(end_line > line || (end_line == line && end_column >= column)) << file;
    EXPECT_FALSE(f.value("message", "").empty()) << file;
    ++per_code[f.value("code", "")];
  }
  // Every rule family shows up on real files: a rule that silently stopped firing would not.
  for (const char* c : {"DL3008", "DL3018", "DL3041", "DL4006", "DL3003", "DL3059", "DL3006",
                        "DL3057", "DL3026", "DL3049"}) {
    EXPECT_GT(per_code[c], 0u) << c;
  }
  std::printf("%zu findings in %zu of %zu files\n", j.size(), with_findings.size(), files.size());

  // The same report, byte for byte, on one thread: the order does not depend on scheduling.
  std::vector<std::string> one_thread = argv;
  one_thread[4] = "1";  // -j 1
  const testing::ProcessResult sequential = testing::RunShipshape(one_thread);
  EXPECT_EQ(sequential.exit_code, 1);
  EXPECT_TRUE(sequential.out == stdout_text) << "-j 1 and the default differ";
}

}  // namespace
}  // namespace shipshape
