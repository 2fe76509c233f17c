// Checkstyle XML, in hadolint's shape: no pretty-printing, a `file` element per file (an empty
// one for a clean file), an `error` per finding with attributes in hadolint's order. Checkstyle
// has no end positions. Unlike hadolint, a syntax error carries `source="DL1000"`.
#include <fmt/format.h>

#include "output/format_util.h"
#include "output/formats.h"

namespace shipshape::output {

void WriteCheckstyle(std::string& out, const std::vector<lint::FileResult>& files) {
  out += R"(<?xml version="1.0" encoding="UTF-8"?><checkstyle version="4.3">)";
  for (const lint::FileResult& file : files) {
    out += "<file name=\"";
    AppendXmlEscaped(out, file.dockerfile.path(), /*attribute=*/true);
    const std::vector<Finding> findings = Findings(file);
    if (findings.empty()) {
      out += "\"/>";
      continue;
    }
    out += "\">";
    for (const Finding& f : findings) {
      fmt::format_to(std::back_inserter(out), "<error column=\"{}\" line=\"{}\" message=\"",
                     f.begin.column, f.begin.line);
      AppendXmlEscaped(out, f.message, /*attribute=*/true);
      fmt::format_to(std::back_inserter(out), "\" severity=\"{}\" source=\"",
                     base::SeverityName(f.severity));
      AppendXmlEscaped(out, f.code, /*attribute=*/true);
      out += "\"/>";
    }
    out += "</file>";
  }
  out += "</checkstyle>\n";
}

}  // namespace shipshape::output
