#include <unistd.h>

#include <cstdlib>
#include <fmt/format.h>

#include "base/utf8.h"
#include "output/report.h"

namespace shipshape::output {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";

std::string_view SeverityColor(base::Severity s) {
  switch (s) {
    case base::Severity::kError: return "\x1b[1;31m";
    case base::Severity::kWarning: return "\x1b[1;33m";
    case base::Severity::kInfo: return "\x1b[1;32m";
    case base::Severity::kStyle: return "\x1b[1;36m";
  }
  return "";
}

/// Tabs become one space so the caret line stays aligned.
std::string Printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (char c : line) out += c == '\t' ? ' ' : c;
  return out;
}

}  // namespace

bool UseColor(Color color) {
  if (color != Color::kAuto) return color == Color::kAlways;
  if (std::getenv("NO_COLOR")) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

void WriteTty(std::string& out, const std::vector<lint::FileResult>& files, bool color) {
  std::size_t counts[4] = {0, 0, 0, 0};
  std::size_t total = 0, fixable = 0, files_with = 0;
  auto paint = [&](std::string_view code, std::string_view text) {
    return color ? fmt::format("{}{}{}", code, text, kReset) : std::string(text);
  };
  for (const lint::FileResult& f : files) {
    const syntax::Dockerfile& df = f.dockerfile;
    if (!f.diagnostics.empty()) ++files_with;
    for (const base::Diagnostic& d : f.diagnostics) {
      ++total;
      ++counts[static_cast<int>(d.severity)];
      if (d.fix) ++fixable;
      const base::Position p = df.lines().PositionOf(d.range.begin);
      const std::string label = d.code.empty()
                                    ? std::string(base::SeverityName(d.severity))
                                    : fmt::format("{}[{}]", base::SeverityName(d.severity), d.code);
      fmt::format_to(std::back_inserter(out), "{}: {}: {}\n",
                     paint(kBold, fmt::format("{}:{}:{}", df.path(), p.line, p.column)),
                     paint(SeverityColor(d.severity), label), d.message);
      // The source line, the range underlined (to the end of the line when it goes on).
      const std::uint32_t line_start = df.lines().LineStart(p.line);
      std::string_view rest = df.text().substr(line_start);
      std::string_view line = rest.substr(0, rest.find('\n'));
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const std::string number = std::to_string(p.line);
      const std::string gutter(number.size(), ' ');
      const std::uint32_t end_in_line =
          std::min<std::uint32_t>(d.range.end, line_start + static_cast<std::uint32_t>(line.size()));
      const std::size_t width =
          end_in_line > d.range.begin
              ? base::CountRunes(df.text().substr(d.range.begin, end_in_line - d.range.begin))
              : 1;
      fmt::format_to(std::back_inserter(out), "{} |\n{} | {}\n{} | {}{}\n",
                     paint("\x1b[34m", gutter), paint("\x1b[34m", number), Printable(line),
                     paint("\x1b[34m", gutter), std::string(p.column - 1, ' '),
                     paint(SeverityColor(d.severity), std::string(width, '^')));
      if (d.fix) {
        fmt::format_to(std::back_inserter(out), "{} = {}: {}\n", gutter,
                       paint(kBold, d.fix->applicability == base::Applicability::kSafe
                                        ? "fix"
                                        : "fix (unsafe)"),
                       d.fix->title);
      }
      out += '\n';
    }
  }
  if (files.empty()) return;  // Nothing was read; the errors on stderr say why.
  if (total == 0) {
    fmt::format_to(std::back_inserter(out), "No findings in {} file{}.\n", files.size(),
                   files.size() == 1 ? "" : "s");
    return;
  }
  std::string by;
  const char* names[4] = {"error", "warning", "info", "style"};
  for (int s = 0; s < 4; ++s) {
    if (!counts[s]) continue;
    if (!by.empty()) by += ", ";
    by += fmt::format("{} {}{}", counts[s], names[s], counts[s] > 1 && s < 2 ? "s" : "");
  }
  fmt::format_to(std::back_inserter(out), "Found {} finding{} in {} of {} file{} ({}).\n", total,
                 total == 1 ? "" : "s", files_with, files.size(), files.size() == 1 ? "" : "s",
                 by);
  if (fixable) {
    fmt::format_to(std::back_inserter(out), "{} of them {} a fix.\n", fixable,
                   fixable == 1 ? "has" : "have");
  }
}

}  // namespace shipshape::output
