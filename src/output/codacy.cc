// Codacy's tool result format, as hadolint writes it: one JSON object per finding with
// `filename`, `patternId`, `message` and `line`. hadolint writes them back to back; Codacy
// reads one result per line, so each ends with a newline here.
#include <nlohmann/json.hpp>

#include "output/format_util.h"
#include "output/formats.h"

namespace shipshape::output {

void WriteCodacy(std::string& out, const std::vector<lint::FileResult>& files) {
  for (const lint::FileResult& file : files) {
    for (const Finding& f : Findings(file)) {
      nlohmann::ordered_json j;
      j["filename"] = file.dockerfile.path();
      j["patternId"] = f.code;
      j["message"] = f.message;
      j["line"] = f.begin.line;
      out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      out += '\n';
    }
  }
}

}  // namespace shipshape::output
