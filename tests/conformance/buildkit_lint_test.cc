// Runs every case of lint-cases.json (BuildKit's dockerfile_check_test.go) through shipshape and
// compares BuildKit's check warnings (rule, line) with the findings of the rules that answer to
// a BuildKit check name. Rules shipshape does not implement, and cases it cannot match, are
// listed below with the reason; the test fails when a listed one starts to match.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "context/build_context.h"
#include "lint/lint.h"
#include "rules/registry.h"
#include "test_data.h"

namespace shipshape::lint {
namespace {

namespace fs = std::filesystem;

/// BuildKit checks no shipshape rule answers to, and why.
const std::map<std::string, std::string> kNotImplemented = {};

/// Cases whose warnings differ from shipshape's findings, with the reason (none at present).
const std::map<std::string, std::string> kCaseExceptions = {};

struct Warning {
  std::string rule;
  std::uint32_t line = 0;
  auto operator<=>(const Warning&) const = default;
  friend void PrintTo(const Warning& w, std::ostream* os) { *os << w.rule << "@" << w.line; }
};

std::string Show(const std::vector<Warning>& warnings) {
  std::vector<std::string> parts;
  for (const Warning& w : warnings) parts.push_back(fmt::format("{}@{}", w.rule, w.line));
  return fmt::format("[{}]", fmt::join(parts, ", "));
}

/// The BuildKit names shipshape's rules answer to.
std::set<std::string> Implemented() {
  std::set<std::string> out;
  for (const rules::Rule* r : rules::AllRules()) {
    if (!r->buildkit_name.empty()) out.insert(std::string(r->buildkit_name));
  }
  return out;
}

/// The Dockerfile as the build sees it: `build-arg:BUILDKIT_DOCKERFILE_CHECK` replaces the
/// file's `# check=` directive (BuildKit gives the build argument precedence). The directive
/// line is rewritten in place, so line numbers stay.
std::string WithBuildCheckConfig(const nlohmann::json& c, std::string text) {
  if (!c.contains("frontend_attrs")) return text;
  const nlohmann::json& attrs = c.at("frontend_attrs");
  if (!attrs.contains("build-arg:BUILDKIT_DOCKERFILE_CHECK")) return text;
  const std::string value = attrs.at("build-arg:BUILDKIT_DOCKERFILE_CHECK").get<std::string>();
  // The directive is a comment line at the top: `#`, blanks, `check`, blanks, `=`.
  for (std::size_t begin = 0; begin < text.size() && text[begin] == '#';) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    const std::string line = text.substr(begin, end - begin);
    const std::size_t name = line.find_first_not_of(" \t", 1);
    if (name != std::string::npos && line.compare(name, 5, "check") == 0 &&
        line.find_first_not_of(" \t", name + 5) == line.find('=')) {
      text.replace(begin, end - begin, fmt::format("# check={}", value));
      return text;
    }
    begin = end + 1;
  }
  ADD_FAILURE() << c.at("id").get<std::string>()
                << ": BUILDKIT_DOCKERFILE_CHECK without a # check= directive to replace";
  return text;
}

/// shipshape's findings as BuildKit would place them: on the line of the instruction they
/// belong to (the first one ending at or after the finding: a comment above an instruction
/// belongs to it), and for NoEmptyContinuation on the instruction's last line, once.
std::vector<Warning> Findings(const FileResult& result, const std::set<std::string>& implemented) {
  const syntax::Dockerfile& df = result.dockerfile;
  std::vector<Warning> out;
  for (const base::Diagnostic& d : result.diagnostics) {
    if (d.code.empty()) continue;  // a syntax error
    const rules::Rule* rule = rules::FindRule(d.code);
    if (!rule || rule->buildkit_name.empty()) continue;
    const std::string name(rule->buildkit_name);
    if (!implemented.contains(name)) continue;
    const syntax::Instruction* inst = nullptr;
    for (const syntax::Instruction& i : df.instructions) {
      if (i.range.end >= d.range.begin) {
        inst = &i;
        break;
      }
    }
    if (!inst) {
      ADD_FAILURE() << d.code << " finding after the last instruction";
      continue;
    }
    Warning w{name, name == "NoEmptyContinuation" ? inst->logical_end_line : inst->start_line};
    if (name == "NoEmptyContinuation" && std::find(out.begin(), out.end(), w) != out.end())
      continue;
    out.push_back(std::move(w));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(BuildKitLint, LintCases) {
  const std::string text =
      testing::ReadFileOrFail(testing::SharedPath("conformance/buildkit/lint-cases.json"));
  const nlohmann::json data = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(data.is_discarded()) << "lint-cases.json is not valid JSON";
  const std::set<std::string> implemented = Implemented();
  for (const auto& [name, reason] : kNotImplemented) {
    EXPECT_FALSE(implemented.contains(name))
        << name << " is implemented now: remove it from kNotImplemented (" << reason << ")";
  }

  // Every rule with a BuildKit name that is on by default runs, selected by that name: the
  // rules that are also hadolint's (DL3000, DL3025, DL3029, DL3064) then report what BuildKit's
  // check reports. The experimental ones (off by default) run where the file's
  // `# check=experimental=` turns them on, as in BuildKit.
  LintOptions options;
  std::set<std::string> names;
  for (const rules::Rule* r : rules::AllRules()) {
    if (!r->buildkit_name.empty() && r->default_enabled) names.emplace(r->buildkit_name);
  }
  options.selection.select.assign(names.begin(), names.end());

  const fs::path context =
      fs::temp_directory_path() /
      fmt::format("shipshape-buildkit-lint-{}", ::testing::UnitTest::GetInstance()->random_seed());
  std::size_t cases = 0;
  std::size_t compared = 0;
  std::set<std::string> seen_exceptions;
  for (const nlohmann::json& c : data.at("cases")) {
    ++cases;
    const std::string id = c.at("id").get<std::string>();
    // Where the lint request's warnings differ from the build's (BuildKit's UnmarshalWarnings),
    // BuildKit's test compares them without their line (checkLintWarning checks rule,
    // description, URL and detail; testLegacyKeyValueFormat's third case names lines 3 and 4
    // for instructions on lines 5 and 6): compare rules only there.
    const auto rules_and_lines = [](const nlohmann::json& list) {
      std::vector<Warning> out;
      for (const nlohmann::json& w : list) {
        out.push_back({w.at("rule").get<std::string>(), w.at("line").get<std::uint32_t>()});
      }
      std::sort(out.begin(), out.end());
      return out;
    };
    const bool lines_checked =
        rules_and_lines(c.at("check_warnings")) == rules_and_lines(c.at("build_warnings"));
    std::vector<Warning> expected;
    for (const nlohmann::json& w : c.at("check_warnings")) {
      const std::string rule = w.at("rule").get<std::string>();
      if (!implemented.contains(rule)) {
        EXPECT_TRUE(kNotImplemented.contains(rule))
            << id << ": " << rule << " is neither implemented nor listed in kNotImplemented";
        continue;
      }
      expected.push_back({rule, lines_checked ? w.at("line").get<std::uint32_t>() : 0});
    }
    std::sort(expected.begin(), expected.end());

    // A build context holding the Dockerfile and, when the case has one, its .dockerignore.
    fs::remove_all(context);
    fs::create_directories(context);
    const std::string dockerfile = WithBuildCheckConfig(c, c.at("dockerfile").get<std::string>());
    std::ofstream(context / "Dockerfile", std::ios::binary) << dockerfile;
    if (c.contains("dockerignore")) {
      std::ofstream(context / ".dockerignore", std::ios::binary)
          << c.at("dockerignore").get<std::string>();
    }
    options.rules.context = context::BuildContext::Open(context.string(), "Dockerfile");
    const FileResult result = LintText((context / "Dockerfile").string(), dockerfile, options);
    std::vector<Warning> found = Findings(result, implemented);
    if (!lines_checked) {
      for (Warning& w : found) w.line = 0;
      std::sort(found.begin(), found.end());
    }

    const auto exception = kCaseExceptions.find(id);
    if (exception != kCaseExceptions.end()) {
      seen_exceptions.insert(id);
      EXPECT_NE(found, expected) << id << " matches now: remove it from kCaseExceptions ("
                                 << exception->second << ")";
      continue;
    }
    ++compared;
    EXPECT_EQ(found, expected) << id << ": shipshape " << Show(found) << ", BuildKit "
                               << Show(expected) << "\n"
                               << dockerfile;
  }
  fs::remove_all(context);
  for (const auto& [id, reason] : kCaseExceptions) {
    EXPECT_TRUE(seen_exceptions.contains(id)) << "no case " << id << " in lint-cases.json";
  }
  EXPECT_EQ(cases, 87u) << "the README announces 87 build-check cases";
  EXPECT_EQ(compared, cases) << "every case matches";
}

}  // namespace
}  // namespace shipshape::lint
