// BuildKit's CopyIgnoredFile cases of lint-cases.json (testCopyIgnoredFiles*) through SP301,
// with an in-memory build context holding the case's `.dockerignore` and its Dockerfile.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "context/build_context.h"
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
