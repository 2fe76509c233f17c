// GitLab Code Quality (docs.gitlab.com, "Code Quality report format"): a JSON array of Code
// Climate issues, each with a fingerprint. hadolint hashes the whole issue, line included, so
// its fingerprints change when lines move and GitLab reports moved findings as new; ours hash
// the code, the path, the flagged line's text and an occurrence counter.
#include "output/format_util.h"
#include "output/formats.h"

namespace shipshape::output {

void WriteGitlabCodeClimate(std::string& out, const std::vector<lint::FileResult>& files) {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const lint::FileResult& file : files) {
    for (const Finding& f : Findings(file)) {
      all.push_back(CodeClimateIssue(f, file.dockerfile.path()));
    }
  }
  out += all.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  out += '\n';
}

}  // namespace shipshape::output
