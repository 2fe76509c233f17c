// The GNU Coding Standards' error message format ("Formatting Error Messages"):
// `path:line.column-endline.endcolumn: severity: CODE message`, one line per finding, which
// Emacs' compilation mode and other editors jump to. hadolint writes `hadolint:path:line: CODE
// severity: message`; the standard puts the program name first only for messages without a
// source file, so shipshape leaves it out and adds the columns and the end.
#include <fmt/format.h>

#include "output/format_util.h"
#include "output/formats.h"

namespace shipshape::output {
namespace {

/// One line: each line break (LF, CRLF or CR) becomes a space.
std::string OneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    out += s[i] == '\n' || s[i] == '\r' ? ' ' : s[i];
  }
  return out;
}

}  // namespace

void WriteGnu(std::string& out, const std::vector<lint::FileResult>& files) {
  for (const lint::FileResult& file : files) {
    const syntax::Dockerfile& df = file.dockerfile;
    for (const Finding& f : Findings(file)) {
      const base::Range range = f.trimmed;
      // The standard's columns: 1-based, tab stops every 8 columns; the end is the column of
      // the range's last character (inclusive, as Bison prints it). An empty range is a point.
      const std::uint32_t column = GnuColumn(df, range.begin);
      std::string where = fmt::format("{}.{}", f.begin.line, column);
      if (!range.empty()) {
        const std::uint32_t last = LastCodePoint(df.text(), range);
        const std::uint32_t last_line = df.lines().LineOf(last);
        const std::uint32_t last_column = GnuColumn(df, last);
        if (last_line != f.begin.line) {
          where += fmt::format("-{}.{}", last_line, last_column);
        } else if (last_column != column) {
          where += fmt::format("-{}", last_column);
        }
      }
      fmt::format_to(std::back_inserter(out), "{}:{}: {}: {} {}\n", OneLine(df.path()), where,
                     base::SeverityName(f.severity), f.code, OneLine(f.message));
    }
  }
}

}  // namespace shipshape::output
