#include "output/text.h"

#include <fmt/format.h>

namespace shipshape::output {

void WriteText(std::string& out, const syntax::Dockerfile& df,
               const std::vector<base::Diagnostic>& diagnostics) {
  for (const base::Diagnostic& d : diagnostics) {
    const base::Position p = df.lines().PositionOf(d.range.begin);
    if (d.code.empty()) {
      fmt::format_to(std::back_inserter(out), "{}:{}:{}: {}: {}\n", df.path(), p.line, p.column,
                     base::SeverityName(d.severity), d.message);
    } else {
      fmt::format_to(std::back_inserter(out), "{}:{}:{}: {}: {} {}\n", df.path(), p.line, p.column,
                     base::SeverityName(d.severity), d.code, d.message);
    }
  }
}

}  // namespace shipshape::output
