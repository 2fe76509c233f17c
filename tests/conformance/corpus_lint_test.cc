// Every rule over every corpus file in one process: no crash (the sanitizer build runs it too),
// every finding inside its file, and a per-rule table next to hadolint 2.15.1's counts on the
// same files (../shared/corpus/hadolint-2.15.1-findings.tsv), printed for the record.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "lint/lint.h"
#include "rules/registry.h"
#include "test_data.h"

namespace shipshape::lint {
namespace {

TEST(CorpusLint, AllRulesOnEveryFile) {
  LintOptions options;
  // Everything on: the off-by-default rules, the label schema, trusted registries.
  for (const rules::Rule* r : rules::AllRules()) {
    if (!r->default_enabled) options.selection.severity[std::string(r->code)] = r->severity;
  }
  options.rules.trusted_registries = {"docker.io", "*.gcr.io"};
  options.rules.label_schema = {{"maintainer", "email"}, {"org.opencontainers.image.source", "url"},
                                {"version", "semver"}};
  options.rules.strict_labels = true;

  std::map<std::string, std::size_t> ours;
  std::map<std::string, std::set<std::string>> our_files;
  std::size_t files = 0, findings = 0;
  const std::filesystem::path dir = testing::SharedPath("corpus/files");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string sha1 = entry.path().stem().string();
    const FileResult r = LintText(sha1, testing::ReadFileOrFail(entry.path()), options);
    for (const base::Diagnostic& d : r.diagnostics) {
      ASSERT_LE(d.range.begin, d.range.end) << sha1 << " " << d.code;
      ASSERT_LE(d.range.end, r.dockerfile.text().size()) << sha1 << " " << d.code;
      ASSERT_FALSE(d.message.empty()) << sha1 << " " << d.code;
      if (d.fix) {
        for (const base::Edit& e : d.fix->edits) {
          ASSERT_LE(e.range.end, r.dockerfile.text().size()) << sha1 << " " << d.code;
        }
      }
      const std::string code = d.code.empty() ? "syntax" : d.code;
      ++ours[code];
      our_files[code].insert(sha1);
      ++findings;
    }
  }
  EXPECT_EQ(files, 6445u);

  // hadolint's counts, default options, on the same files.
  std::map<std::string, std::size_t> theirs;
  std::map<std::string, std::set<std::string>> their_files;
  std::istringstream tsv(
      testing::ReadFileOrFail(testing::SharedPath("corpus/hadolint-2.15.1-findings.tsv")));
  std::string line;
  std::getline(tsv, line);  // header
  while (std::getline(tsv, line)) {
    std::istringstream fields(line);
    std::string sha1, l, c, code;
    std::getline(fields, sha1, '\t');
    std::getline(fields, l, '\t');
    std::getline(fields, c, '\t');
    std::getline(fields, code, '\t');
    if (code.rfind("DL", 0) != 0) continue;
    ++theirs[code];
    their_files[code].insert(sha1);
  }
  std::printf("%zu files, %zu findings (all rules on)\n", files, findings);
  std::printf("%-8s %9s %9s %12s %12s\n", "rule", "ours", "hadolint", "files-ours", "files-hado");
  std::set<std::string> codes;
  for (const auto& [k, v] : ours) codes.insert(k);
  for (const auto& [k, v] : theirs) codes.insert(k);
  for (const std::string& code : codes) {
    std::printf("%-8s %9zu %9zu %12zu %12zu\n", code.c_str(), ours[code], theirs[code],
                our_files[code].size(), their_files[code].size());
  }
}

}  // namespace
}  // namespace shipshape::lint
