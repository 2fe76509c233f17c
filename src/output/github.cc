// GitHub Actions workflow commands (docs.github.com, "Workflow commands for GitHub Actions"):
// `::warning file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::message`, which the
// runner turns into annotations on the pull request. Levels: error, warning, notice (info and
// style).
#include <fmt/format.h>

#include "output/format_util.h"
#include "output/formats.h"

namespace shipshape::output {
namespace {

std::string_view Command(base::Severity s) {
  switch (s) {
    case base::Severity::kError:
      return "error";
    case base::Severity::kWarning:
      return "warning";
    case base::Severity::kInfo:
    case base::Severity::kStyle:
      return "notice";
  }
  return "warning";
}

/// The runner's escaping (actions/toolkit, command.ts): `%`, CR and LF in the message; also
/// `:` and `,` in property values.
std::string Escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

void WriteGithub(std::string& out, const std::vector<lint::FileResult>& files) {
  for (const lint::FileResult& file : files) {
    const std::string path = Escape(file.dockerfile.path(), /*property=*/true);
    for (const Finding& f : Findings(file)) {
      fmt::format_to(std::back_inserter(out), "::{} file={},line={}", Command(f.severity), path,
                     f.begin.line);
      // Annotations take columns only within one line (the checks API drops start_column and
      // end_column otherwise). Columns count code points; endColumn is the last column of the
      // range (inclusive, as the annotation API's end_column), never before col.
      if (f.trimmed_end.line == f.begin.line) {
        fmt::format_to(std::back_inserter(out), ",col={},endLine={},endColumn={}", f.begin.column,
                       f.trimmed_end.line, std::max(f.begin.column, f.trimmed_end.column - 1));
      } else {
        fmt::format_to(std::back_inserter(out), ",endLine={}", f.trimmed_end.line);
      }
      fmt::format_to(std::back_inserter(out), ",title={}::{}\n", Escape(f.code, true),
                     Escape(f.message, /*property=*/false));
    }
  }
}

}  // namespace shipshape::output
