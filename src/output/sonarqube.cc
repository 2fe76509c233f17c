// SonarQube's generic issue import format ("Importing third-party issues"), in the shape
// hadolint writes: `{"issues": [...]}` with engineId, ruleId, severity, type and
// primaryLocation. Sonar 10.3 added a format with a top-level `rules` array (clean-code
// attributes and impacts, no per-issue severity/type); the older one is still accepted and is
// what hadolint integrations expect, so shipshape keeps it.
#include <nlohmann/json.hpp>

#include "output/format_util.h"
#include "output/formats.h"

namespace shipshape::output {
namespace {

std::string_view SonarSeverity(const Finding& f) {
  if (f.syntax_error) return "BLOCKER";
  switch (f.severity) {
    case base::Severity::kError:
      return "CRITICAL";
    case base::Severity::kWarning:
      return "MAJOR";
    case base::Severity::kInfo:
      return "MINOR";
    case base::Severity::kStyle:
      return "INFO";
  }
  return "MAJOR";
}

}  // namespace

void WriteSonarQube(std::string& out, const std::vector<lint::FileResult>& files) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (const lint::FileResult& file : files) {
    for (const Finding& f : Findings(file)) {
      // Sonar's lines are 1-based, its columns 0-based with an exclusive end (counted here in
      // code points). Sonar rejects a range whose start is not before its end and columns past
      // a line's end, hence the end without line break, and no columns for an empty range.
      nlohmann::ordered_json range = {{"startLine", f.begin.line}, {"endLine", f.trimmed_end.line}};
      if (!f.trimmed.empty()) {
        range["startColumn"] = f.begin.column - 1;
        range["endColumn"] = f.trimmed_end.column - 1;
      }
      nlohmann::ordered_json issue;
      issue["engineId"] = "shipshape";
      issue["ruleId"] = f.code;
      issue["severity"] = SonarSeverity(f);
      issue["type"] = f.severity == base::Severity::kError ? "BUG" : "CODE_SMELL";
      issue["primaryLocation"] = {{"message", f.message},
                                  {"filePath", file.dockerfile.path()},
                                  {"textRange", std::move(range)}};
      issues.push_back(std::move(issue));
    }
  }
  nlohmann::ordered_json report = {{"issues", std::move(issues)}};
  out += report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  out += '\n';
}

}  // namespace shipshape::output
