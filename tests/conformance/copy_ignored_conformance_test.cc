// BuildKit's CopyIgnoredFile cases of lint-cases.json (testCopyIgnoredFiles*) through SP301,
// with an in-memory build context holding the case's `.dockerignore` and its Dockerfile.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <filesystem>

#include "context/build_context.h"
#include "fix/fix.h"
#include "lint/lint.h"
#include "test_data.h"

namespace shipshape::rules {
namespace {

TEST(CopyIgnoredConformance, LintCases) {
  const std::string text =
      testing::ReadFileOrFail(testing::SharedPath("conformance/buildkit/lint-cases.json"));
  const nlohmann::json data = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(data.is_discarded()) << "lint-cases.json is not valid JSON";
  std::size_t cases = 0;
  for (const nlohmann::json& c : data.at("cases")) {
    const std::string id = c.at("id").get<std::string>();
    if (!id.starts_with("testCopyIgnoredFile")) continue;
    ++cases;
    lint::LintOptions options;
    options.rules.context = context::BuildContext::InMemory(
        {"Dockerfile"}, c.at("dockerignore").get<std::string>());
    const lint::FileResult result =
        lint::LintText("Dockerfile", c.at("dockerfile").get<std::string>(), options);
    // `docker build --check`: every stage; the expected lines and details, in line order.
    std::vector<std::pair<std::uint32_t, std::string>> want, got;
    for (const nlohmann::json& w : c.at("check_warnings")) {
      if (w.at("rule") != "CopyIgnoredFile") continue;
      // `Attempting to Copy file "Dockerfile" that ...`: the instruction and the path.
      const std::string detail = w.at("detail").get<std::string>();
      const std::size_t q1 = detail.find('"'), q2 = detail.rfind('"');
      const std::string verb = detail.find("to Add") != std::string::npos ? "ADD" : "COPY";
      want.emplace_back(w.at("line").get<std::uint32_t>(),
                        fmt::format("`{}` source `{}` is excluded by `.dockerignore`", verb,
                                    detail.substr(q1 + 1, q2 - q1 - 1)));
    }
    for (const base::Diagnostic& d : result.diagnostics) {
      if (d.code != "SP301") continue;
      got.emplace_back(result.dockerfile.lines().PositionOf(d.range.begin).line, d.message);
    }
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, want) << id;
  }
  EXPECT_EQ(cases, 8u) << "testCopyIgnoredFiles#1-6 and testCopyIgnoredFileContextRoot#1-2";
}

}  // namespace
}  // namespace shipshape::rules

namespace shipshape::rules {
namespace {

// The context rules over every corpus file with in-memory contexts holding sensitive entries
// (no `.dockerignore`; a partial one; an invalid one): no crash, findings inside the file, and
// the fixes of SP302/SP303 converge, edit only the `.dockerignore` and leave nothing to report.
TEST(ContextRulesCorpus, FixesConvergeOnEveryFile) {
  const std::vector<std::string> entries = {".env", ".env.example", ".git/HEAD", "node_modules/x",
                                            "id_rsa", "app.py", "server.pem"};
  std::vector<std::shared_ptr<const context::BuildContext>> contexts = {
      context::BuildContext::InMemory(entries, std::nullopt),
      context::BuildContext::InMemory(entries, "node_modules\n!.env\n*.log"),
      context::BuildContext::InMemory(entries, "*.md\n[\n")};
  std::size_t files = 0, fixed = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(testing::SharedPath("corpus/files"))) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string text = testing::ReadFileOrFail(entry.path().string());
    for (const auto& c : contexts) {
      lint::LintOptions options;
      options.selection.select = {"SP3"};
      options.rules.context = c;
      const fix::Linter lint = [&](std::string t, const fix::FileChanges& changes) {
        return lint::LintText("Dockerfile", std::move(t), fix::OptionsWith(options, changes));
      };
      const fix::Outcome out = fix::FixLoop(text, fix::Level::kSafe, lint);
      ASSERT_TRUE(out.converged) << entry.path();
      ASSERT_FALSE(out.reverted) << entry.path();
      ASSERT_EQ(out.text, text) << entry.path() << ": context fixes edit only .dockerignore";
      for (const base::Diagnostic& d : out.remaining->diagnostics) {
        ASSERT_LE(d.range.end, out.remaining->dockerfile.text().size()) << entry.path();
        ASSERT_NE(d.code, "SP302") << entry.path();
        ASSERT_NE(d.code, "SP303") << entry.path();
      }
      if (!out.files.empty()) ++fixed;
    }
  }
  EXPECT_EQ(files, 6445u);
  EXPECT_GT(fixed, 500u);
}

}  // namespace
}  // namespace shipshape::rules
