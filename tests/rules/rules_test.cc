// Rule fixtures (tests/rules/<stem>/*.Dockerfile with `# expect:` annotations, matched
// exhaustively), the registry's shape, and the docs: sections present, the Example triggers
// the rule and "Use instead" does not, docs/rules/ up to date.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "fix/fix.h"
#include "lint/lint.h"
#include "rules/docs.h"
#include "rules/registry.h"
#include "test_data.h"

namespace shipshape::rules {
namespace {

namespace fs = std::filesystem;

/// One `# expect:` annotation.
struct Expectation {
  std::uint32_t line = 0;
  std::string code;
  std::uint32_t column = 0;  // 0: any
  std::string fix;           // "", "safe", "unsafe", "display", "none"
  std::string substring;
  std::string source;  // the annotation, for messages
};

/// Lint options from `# shipshape-test:` header lines. A rule doc may give its "Use instead"
/// blocks their own with `<!-- shipshape-test-use-instead: ... -->` (`use_instead`).
lint::LintOptions ParseOptions(const std::string& text, const Rule& rule,
                               bool use_instead = false) {
  const std::string doc_prefix =
      use_instead && text.find("<!-- shipshape-test-use-instead:") != std::string::npos
          ? "<!-- shipshape-test-use-instead:"
          : "<!-- shipshape-test:";
  lint::LintOptions options;
  // The rule under test runs even when it is off by default.
  options.selection.severity[std::string(rule.code)] = rule.severity;
  // An in-memory build context (SP3xx): `--context-file=PATH`, `--dockerignore=PATTERN`.
  std::vector<std::string> context_files;
  std::optional<std::string> dockerignore;
  bool default_set = false;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    // `# shipshape-test: ...` in fixtures, `<!-- shipshape-test: ... -->` in rule docs.
    std::string rest;
    for (const std::string& prefix : {std::string("# shipshape-test:"), doc_prefix}) {
      if (line.rfind(prefix, 0) == 0) rest = line.substr(prefix.size());
    }
    if (rest.empty()) continue;
    if (const std::size_t close = rest.find("-->"); close != std::string::npos) rest.resize(close);
    std::istringstream args(rest);
    std::string arg;
    while (args >> arg) {
      std::string value;
      const std::size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        value = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
      }
      if (arg == "--trusted-registry") {
        options.rules.trusted_registries.push_back(value);
      } else if (arg == "--require-label") {
        const std::size_t colon = value.find(':');
        options.rules.label_schema.push_back(
            {value.substr(0, colon), colon == std::string::npos ? "text" : value.substr(colon + 1)});
      } else if (arg == "--strict-labels") {
        options.rules.strict_labels = true;
      } else if (arg == "--target") {
        options.rules.target = value;
      } else if (arg == "--ignore") {
        options.selection.ignore.push_back(value);
      } else if (arg == "--extend-select") {
        options.selection.extend_select.push_back(value);
      } else if (arg == "--default-set") {
        // The rule runs as part of the default set (no selector names it): its default
        // reading, such as DL3057 on services only.
        default_set = true;
      } else if (arg == "--disable-ignore-pragma") {
        options.disable_ignore_pragma = true;
      } else if (arg == "--context-file") {
        context_files.push_back(value);
      } else if (arg == "--dockerignore") {
        dockerignore = dockerignore.value_or("") + value + "\n";
      } else {
        ADD_FAILURE() << "unknown fixture option " << arg;
      }
    }
  }
  if (!context_files.empty() || dockerignore) {
    options.rules.context = context::BuildContext::InMemory(context_files, dockerignore);
  }
  if (default_set) {
    EXPECT_TRUE(rule.default_enabled) << rule.code << ": --default-set needs a rule on by default";
    options.selection.severity.clear();
  }
  return options;
}

/// The build context of fixture `X.Dockerfile`: the folder `X.context/` beside it, if any.
std::shared_ptr<const context::BuildContext> FixtureContext(const fs::path& path) {
  fs::path dir = path;
  dir.replace_extension(".context");
  if (!fs::is_directory(dir)) return nullptr;
  return context::BuildContext::Open(dir.string(), "");
}

/// ParseOptions, plus the fixture's context folder.
lint::LintOptions FixtureOptions(const std::string& text, const Rule& rule, const fs::path& path) {
  lint::LintOptions options = ParseOptions(text, rule);
  if (auto c = FixtureContext(path)) options.rules.context = std::move(c);
  return options;
}

std::vector<Expectation> ParseExpectations(const std::string& text) {
  std::vector<Expectation> out;
  std::vector<Expectation> pending;
  static const std::regex kExpect(
      R"re(^\s*# expect: ([A-Z]+[0-9]+)(?: @([0-9]+))?(?: fix=(safe|unsafe|display|none))?(?: "(.*)")?\s*$)re");
  std::istringstream in(text);
  std::string line;
  std::uint32_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::smatch m;
    if (std::regex_match(line, m, kExpect)) {
      Expectation e;
      e.code = m[1];
      if (m[2].matched) e.column = static_cast<std::uint32_t>(std::stoul(m[2]));
      if (m[3].matched) e.fix = m[3];
      if (m[4].matched) e.substring = m[4];
      e.source = line;
      pending.push_back(e);
      continue;
    }
    if (line.find("# expect:") != std::string::npos) {
      ADD_FAILURE() << "malformed annotation: " << line;
    }
    for (Expectation& e : pending) {
      e.line = number;
      out.push_back(e);
    }
    pending.clear();
  }
  EXPECT_TRUE(pending.empty()) << "annotation at the end of the file applies to nothing";
  return out;
}

std::string Describe(const syntax::Dockerfile& df, const base::Diagnostic& d) {
  const base::Position p = df.lines().PositionOf(d.range.begin);
  return fmt::format("{}:{} {} \"{}\"{}", p.line, p.column, d.code, d.message,
                     d.fix ? " [fix: " + d.fix->title + "]" : "");
}

void CheckFixture(const Rule& rule, const fs::path& path) {
  const std::string text = testing::ReadFileOrFail(path);
  const lint::LintOptions options = FixtureOptions(text, rule, path);
  const lint::FileResult result = lint::LintText(path.filename().string(), text, options);
  std::vector<const base::Diagnostic*> found;
  for (const base::Diagnostic& d : result.diagnostics) {
    if (d.code == rule.code) found.push_back(&d);
  }
  const std::string where = path.parent_path().filename().string() + "/" +
                            path.filename().string();
  std::vector<bool> used(found.size(), false);
  for (const Expectation& e : ParseExpectations(text)) {
    if (e.code != rule.code) {
      ADD_FAILURE() << where << ": annotation for another rule: " << e.source;
      continue;
    }
    bool matched = false;
    for (std::size_t i = 0; i < found.size() && !matched; ++i) {
      if (used[i]) continue;
      const base::Diagnostic& d = *found[i];
      const base::Position p = result.dockerfile.lines().PositionOf(d.range.begin);
      if (p.line != e.line) continue;
      if (e.column && p.column != e.column) continue;
      if (!e.substring.empty() && d.message.find(e.substring) == std::string::npos) continue;
      if (e.fix == "none" && d.fix) continue;
      if (e.fix == "safe" && (!d.fix || d.fix->applicability != base::Applicability::kSafe)) {
        continue;
      }
      if (e.fix == "unsafe" &&
          (!d.fix || d.fix->applicability != base::Applicability::kUnsafe)) {
        continue;
      }
      if (e.fix == "display" &&
          (!d.fix || d.fix->applicability != base::Applicability::kDisplayOnly)) {
        continue;
      }
      used[i] = true;
      matched = true;
    }
    if (!matched) {
      std::string got;
      for (const base::Diagnostic* d : found) got += "\n  " + Describe(result.dockerfile, *d);
      ADD_FAILURE() << where << ":" << e.line << ": unmet " << e.source << "\nfound:" << got;
    }
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!used[i]) {
      ADD_FAILURE() << where << ": unexpected " << Describe(result.dockerfile, *found[i]);
    }
  }
  // Every finding's range lies inside the file and points at something.
  for (const base::Diagnostic* d : found) {
    EXPECT_LE(d->range.end, result.dockerfile.text().size()) << where;
    EXPECT_LE(d->range.begin, d->range.end) << where;
  }
}

fs::path FixtureRoot() { return testing::SourcePath("tests/rules"); }

TEST(Rules, RegistryIsSortedUniqueAndComplete) {
  std::string previous;
  std::set<std::string> names;
  for (const Rule* r : AllRules()) {
    EXPECT_LT(previous, std::string(r->code)) << r->code;
    previous = std::string(r->code);
    EXPECT_TRUE(names.insert(std::string(r->name)).second) << r->name;
    EXPECT_TRUE(std::regex_match(std::string(r->name), std::regex("[a-z0-9]+(-[a-z0-9]+)*")))
        << r->name;
    EXPECT_FALSE(r->summary.empty()) << r->code;
    EXPECT_TRUE(r->on_instruction || r->on_command || r->on_file || r->on_pragmas || r->on_image)
        << r->code << " has no check";
    EXPECT_EQ(FindRule(r->code), r);
    EXPECT_EQ(FindRule(r->name), r);
  }
  // Complete: one registered rule per rule file (`dl3008_*.cc`, `sp601_*.cc`) under src/rules.
  std::set<std::string> files;
  const std::regex rule_file("(dl[0-9]{4}|sp[0-9]{3})_[a-z0-9_]+\\.cc");
  for (const auto& entry : fs::recursive_directory_iterator(testing::SourcePath("src/rules"))) {
    const std::string name = entry.path().filename().string();
    if (std::regex_match(name, rule_file)) files.insert(name.substr(0, name.size() - 3));
  }
  std::set<std::string> stems;
  for (const Rule* r : AllRules()) stems.insert(Stem(*r));
  EXPECT_EQ(stems, files);
  EXPECT_GE(AllRules().size(), 85u);
}

TEST(Rules, EveryRuleHasFixturesAndEveryFixtureFolderARule) {
  // Image rules (category `image`) are tested on real images by tests/image/run.sh.
  std::set<std::string> stems;
  for (const Rule* r : AllRules()) {
    if (!r->on_image) stems.insert(Stem(*r));
  }
  std::set<std::string> folders;
  for (const auto& entry : fs::directory_iterator(FixtureRoot())) {
    if (entry.is_directory()) folders.insert(entry.path().filename().string());
  }
  for (const std::string& s : stems) EXPECT_TRUE(folders.count(s)) << "no fixtures for " << s;
  for (const std::string& f : folders) EXPECT_TRUE(stems.count(f)) << "no rule for folder " << f;
}

// A rule that looks inside ONBUILD triggers has a fixture where an ONBUILD line is expected to
// trigger it (the line after a `# expect:` starts with ONBUILD).
TEST(Rules, OnbuildRulesHaveAnOnbuildFixture) {
  for (const Rule* r : AllRules()) {
    if (!r->onbuild) continue;
    const fs::path dir = FixtureRoot() / Stem(*r);
    if (!fs::is_directory(dir)) continue;
    bool found = false;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::istringstream lines(testing::ReadFileOrFail(entry.path().string()));
      bool expecting = false;
      for (std::string line; std::getline(lines, line);) {
        if (expecting && std::regex_search(line, std::regex("^\\s*ONBUILD\\s", std::regex::icase))) {
          found = true;
        }
        if (line.rfind("# expect:", 0) != 0) expecting = false;
        if (line.rfind("# expect:", 0) == 0) expecting = true;
      }
    }
    EXPECT_TRUE(found) << r->code << " checks ONBUILD triggers but no fixture expects one";
  }
}

TEST(Rules, Fixtures) {
  std::size_t files = 0;
  for (const Rule* r : AllRules()) {
    const fs::path dir = FixtureRoot() / Stem(*r);
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (name.size() > 11 && name.substr(name.size() - 11) == ".Dockerfile" &&
          name.find(".fixed.") == std::string::npos) {
        paths.push_back(entry.path());
      }
    }
    std::sort(paths.begin(), paths.end());
    EXPECT_FALSE(paths.empty()) << Stem(*r);
    for (const fs::path& p : paths) {
      CheckFixture(*r, p);
      ++files;
    }
  }
  EXPECT_GT(files, 0u);
}

// Fixing: for each fixture `X.Dockerfile` of a rule, the rule's own fixes (safe and unsafe)
// applied by the fix loop must give `X.fixed.Dockerfile` when it exists, converge, add no
// syntax error and change nothing when run again; a rule declared never fixable offers no
// fix, one declared always fixable offers one on every finding, and every fixable rule has at
// least one `.fixed.Dockerfile`. UPDATE=1 writes a missing `.fixed.Dockerfile` for the first
// fixture of a fixable rule (review it before committing).
TEST(Rules, FixedFixtures) {
  const bool update = std::getenv("UPDATE") && std::string(std::getenv("UPDATE")) == "1";
  for (const Rule* r : AllRules()) {
    const fs::path dir = FixtureRoot() / Stem(*r);
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> paths;
    bool has_fixed = false;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (name.find(".fixed.") != std::string::npos) {
        has_fixed = has_fixed || name.ends_with(".Dockerfile");
      } else if (name.ends_with(".Dockerfile")) {
        paths.push_back(entry.path());
      }
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) {
      const std::string text = testing::ReadFileOrFail(p.string());
      const lint::LintOptions options = FixtureOptions(text, *r, p);
      // Every rule runs (SP101 needs them), but only this rule's fixes are applied.
      const fix::Linter lint = [&](std::string t, const fix::FileChanges& files) {
        lint::FileResult result = lint::LintText(p.filename().string(), std::move(t),
                                                 fix::OptionsWith(options, files));
        std::erase_if(result.diagnostics, [&](const base::Diagnostic& d) {
          return !d.code.empty() && d.code != r->code;
        });
        return result;
      };
      const lint::FileResult before = lint(text, {});
      bool offers = false;
      for (const base::Diagnostic& d : before.diagnostics) {
        if (d.code != r->code) continue;
        if (d.fix) offers = true;
        if (r->fixable == Fixable::kAlways) {
          EXPECT_TRUE(d.fix.has_value()) << p << ": " << r->code << " is declared always fixable: "
                                         << Describe(before.dockerfile, d);
        }
      }
      if (r->fixable == Fixable::kNever) {
        EXPECT_FALSE(offers) << p << ": " << r->code << " is declared never fixable";
      }
      fs::path fixed_path = p;
      fixed_path.replace_extension();
      fixed_path += ".fixed.Dockerfile";
      const fix::Outcome out = fix::FixLoop(text, fix::Level::kUnsafe, lint);
      EXPECT_TRUE(out.converged) << p;
      EXPECT_FALSE(out.reverted) << p << ": a fix adds a syntax error";
      // Fixing again, with the other files as fixed, changes nothing.
      const fix::Linter relint = [&](std::string t, const fix::FileChanges& files) {
        fix::FileChanges all = out.files;
        for (const auto& [k, v] : files) all[k] = v;
        return lint(std::move(t), all);
      };
      const fix::Outcome again = fix::FixLoop(out.text, fix::Level::kUnsafe, relint);
      EXPECT_EQ(again.text, out.text) << p << ": fixing the fixed file changes it again";
      EXPECT_TRUE(again.files.empty()) << p << ": fixing again edits other files again";
      // Edits of the context's `.dockerignore` are compared with `X.fixed.dockerignore`.
      fs::path fixed_ignore = p;
      fixed_ignore.replace_extension();
      fixed_ignore += ".fixed.dockerignore";
      const auto build = FixtureContext(p);
      const auto changed = build ? out.files.find(build->dockerignore_path()) : out.files.end();
      if (fs::exists(fixed_ignore)) {
        EXPECT_TRUE(changed != out.files.end()) << fixed_ignore << ": no `.dockerignore` edit";
        if (changed != out.files.end()) {
          EXPECT_EQ(changed->second.text, testing::ReadFileOrFail(fixed_ignore.string()))
              << fixed_ignore;
        }
        has_fixed = true;
      } else {
        EXPECT_TRUE(changed == out.files.end()) << p << ": unexpected `.dockerignore` edit";
      }
      if (fs::exists(fixed_path)) {
        EXPECT_TRUE(offers) << fixed_path << ": the rule offers no fix here";
        EXPECT_EQ(out.text, testing::ReadFileOrFail(fixed_path.string())) << fixed_path;
      } else if (update && offers && !has_fixed) {
        std::ofstream(fixed_path, std::ios::binary) << out.text;
        has_fixed = true;
      }
    }
    if (r->fixable != Fixable::kNever) {
      EXPECT_TRUE(has_fixed) << r->code << " is fixable but has no .fixed.Dockerfile fixture";
    }
  }
}

TEST(Rules, DocsHaveTheirSectionsAndTheirExamplesWork) {
  const std::vector<std::string> wanted(std::begin(kDocSections), std::end(kDocSections));
  for (const Rule* r : AllRules()) {
    EXPECT_EQ(DocSectionTitles(*r), wanted) << r->code;
    const std::vector<std::string> bad = DocBlocks(*r, "Example");
    const std::vector<std::string> good = DocBlocks(*r, "Use instead");
    EXPECT_FALSE(bad.empty()) << r->code << ": no Example block";
    EXPECT_FALSE(good.empty()) << r->code << ": no Use instead block";
    // An image rule's examples are Dockerfiles that build such an image; they are checked on
    // real images by tests/image/run.sh, not by linting.
    if (r->on_image) continue;
    lint::LintOptions options = ParseOptions(std::string(r->doc), *r);
    for (const std::string& text : bad) {
      const lint::FileResult result = lint::LintText("Example", text, options);
      const bool fires = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                                     [&](const base::Diagnostic& d) { return d.code == r->code; });
      EXPECT_TRUE(fires) << r->code << ": its Example does not trigger it:\n" << text;
    }
    const lint::LintOptions good_options = ParseOptions(std::string(r->doc), *r, true);
    for (const std::string& text : good) {
      const lint::FileResult result = lint::LintText("UseInstead", text, good_options);
      for (const base::Diagnostic& d : result.diagnostics) {
        EXPECT_NE(d.code, r->code) << r->code << ": its Use instead triggers it:\n"
                                   << text << "\n"
                                   << Describe(result.dockerfile, d);
      }
    }
  }
}

TEST(Rules, DocsPagesAreUpToDate) {
  const fs::path dir = testing::SourcePath("docs/rules");
  for (const Rule* r : AllRules()) {
    const fs::path page = dir / (std::string(r->code) + ".md");
    EXPECT_EQ(testing::ReadFileOrFail(page), RulePage(*r))
        << page << " is stale: run `make docs`";
  }
  EXPECT_EQ(testing::ReadFileOrFail(dir / "index.md"), IndexPage())
      << "docs/rules/index.md is stale: run `make docs`";
}

}  // namespace
}  // namespace shipshape::rules
