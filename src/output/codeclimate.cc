// Code Climate's engine output (github.com/codeclimate/platform, spec/analyzers/SPEC.md), as
// hadolint writes it: one issue object per finding, each followed by a NUL byte, no array. The
// issue keeps hadolint's fields; the location is always `positions` (hadolint uses them only
// for syntax errors) so that columns and ends are kept, and a stable `fingerprint` is added.
#include "output/format_util.h"
#include "output/formats.h"

namespace shipshape::output {
namespace {

std::string_view CodeClimateSeverity(base::Severity s) {
  switch (s) {
    case base::Severity::kError:
      return "blocker";
    case base::Severity::kWarning:
      return "major";
    case base::Severity::kInfo:
      return "info";
    case base::Severity::kStyle:
      return "minor";
  }
  return "major";
}

nlohmann::ordered_json Position(base::Position p) {
  return {{"line", p.line}, {"column", p.column}};
}

}  // namespace

nlohmann::ordered_json CodeClimateIssue(const Finding& f, std::string_view path) {
  nlohmann::ordered_json j;
  j["type"] = "issue";
  j["check_name"] = f.code;
  j["description"] = f.message;
  j["categories"] = nlohmann::ordered_json::array({"Bug Risk"});
  // Columns are 1-based code points; `end` is exclusive, as in the json format, and stops
  // before a line break the range takes in.
  j["location"] = {{"path", path},
                   {"positions", {{"begin", Position(f.begin)}, {"end", Position(f.trimmed_end)}}}};
  j["severity"] = CodeClimateSeverity(f.severity);
  // Unique per issue (the occurrence counter is hashed in) and unchanged when lines move.
  j["fingerprint"] = HashHex({f.fingerprint});
  return j;
}

void WriteCodeClimate(std::string& out, const std::vector<lint::FileResult>& files) {
  for (const lint::FileResult& file : files) {
    for (const Finding& f : Findings(file)) {
      out += CodeClimateIssue(f, file.dockerfile.path())
                 .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      out += '\0';
    }
  }
}

}  // namespace shipshape::output
