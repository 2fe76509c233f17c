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

namespace {

class TtyWriter final : public StreamWriter {
 public:
  explicit TtyWriter(bool color) : color_(color) {}

  void Append(const lint::FileResult& f, std::string_view rendered, std::string& out) override {
    ++files_;
    if (!f.diagnostics.empty()) ++files_with_;
    for (const base::Diagnostic& d : f.diagnostics) {
      ++total_;
      ++counts_[static_cast<int>(d.severity)];
      if (d.fix && d.fix->applicability == base::Applicability::kSafe) ++safe_;
      if (d.fix && d.fix->applicability == base::Applicability::kUnsafe) ++unsafe_;
    }
    out += rendered;
  }

  std::string Render(const lint::FileResult& f) const override {
    std::string out;
    const syntax::Dockerfile& df = f.dockerfile;
    for (const base::Diagnostic& d : f.diagnostics) {
      const base::Position p = df.lines().PositionOf(d.range.begin);
      const std::string label = d.code.empty()
                                    ? std::string(base::SeverityName(d.severity))
                                    : fmt::format("{}[{}]", base::SeverityName(d.severity), d.code);
      fmt::format_to(std::back_inserter(out), "{}: {}: {}\n",
                     Paint(kBold, fmt::format("{}:{}:{}", df.path(), p.line, p.column)),
                     Paint(SeverityColor(d.severity), label), d.message);
      if (d.image && df.text().empty()) {
        // A finding about a container image: where in it, instead of a source line.
        std::string where;
        if (d.image->layer >= 0) {
          std::string by = d.image->created_by;
          for (char& c : by) {
            if (c == '\n' || c == '\t' || c == '\r') c = ' ';
          }
          if (by.size() > 100) {
            by.resize(97);
            by.append("...");
          }
          where = by.empty() ? fmt::format("layer {}", d.image->layer)
                             : fmt::format("layer {}: {}", d.image->layer, by);
        } else {
          where = "image config";
        }
        fmt::format_to(std::back_inserter(out), "  = {}\n", Paint("\x1b[34m", where));
        if (!d.image->path.empty()) {
          fmt::format_to(std::back_inserter(out), "  = path: {}\n", d.image->path);
        }
        out += '\n';
        continue;
      }
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
                     Paint("\x1b[34m", gutter), Paint("\x1b[34m", number), Printable(line),
                     Paint("\x1b[34m", gutter), std::string(p.column - 1, ' '),
                     Paint(SeverityColor(d.severity), std::string(width, '^')));
      if (d.image) {
        // Mapped from an image's layer (`image --dockerfile`): say which.
        fmt::format_to(std::back_inserter(out), "{} = image {}{}{}\n", gutter, d.image->image,
                       d.image->layer >= 0 ? fmt::format(", layer {}", d.image->layer) : "",
                       d.image->path.empty() ? "" : ", path " + d.image->path);
      }
      if (d.fix) {
        fmt::format_to(std::back_inserter(out), "{} = {}: {}\n", gutter,
                       Paint(kBold, d.fix->applicability == base::Applicability::kSafe
                                        ? "fix"
                                    : d.fix->applicability == base::Applicability::kUnsafe
                                        ? "fix (unsafe)"
                                        : "suggestion (not applied)"),
                       d.fix->title);
      }
      out += '\n';
    }
    return out;
  }

  void AddNote(std::string note) override { notes_.push_back(std::move(note)); }

  void Finish(std::string& out) override {
    if (files_ == 0) return;  // Nothing was read; the errors on stderr say why.
    Summary(out);
    for (const std::string& note : notes_) out += note;
  }

 private:
  void Summary(std::string& out) const {
    if (total_ == 0) {
      fmt::format_to(std::back_inserter(out), "No findings in {} file{}.\n", files_,
                     files_ == 1 ? "" : "s");
      return;
    }
    std::string by;
    const char* names[4] = {"error", "warning", "info", "style"};
    for (int s = 0; s < 4; ++s) {
      if (!counts_[s]) continue;
      if (!by.empty()) by += ", ";
      by += fmt::format("{} {}{}", counts_[s], names[s], counts_[s] > 1 && s < 2 ? "s" : "");
    }
    fmt::format_to(std::back_inserter(out), "Found {} finding{} in {} of {} file{} ({}).\n",
                   total_, total_ == 1 ? "" : "s", files_with_, files_, files_ == 1 ? "" : "s",
                   by);
    if (safe_ && unsafe_) {
      fmt::format_to(std::back_inserter(out),
                     "{} fixable with `--fix`, {} more with `--fix --unsafe-fixes`.\n", safe_,
                     unsafe_);
    } else if (safe_) {
      fmt::format_to(std::back_inserter(out), "{} fixable with `--fix`.\n", safe_);
    } else if (unsafe_) {
      fmt::format_to(std::back_inserter(out), "{} fixable with `--fix --unsafe-fixes`.\n",
                     unsafe_);
    }
  }

  std::string Paint(std::string_view code, std::string_view text) const {
    return color_ ? fmt::format("{}{}{}", code, text, kReset) : std::string(text);
  }

  bool color_;
  std::size_t counts_[4] = {0, 0, 0, 0};
  std::size_t total_ = 0, safe_ = 0, unsafe_ = 0, files_with_ = 0, files_ = 0;
  std::vector<std::string> notes_;
};

}  // namespace

std::string BaselineSummary(std::string_view file, std::size_t hidden, std::size_t stale) {
  if (hidden == 0 && stale == 0) return {};
  const std::string hid =
      fmt::format("{} finding{} hidden by the baseline ({})", hidden, hidden == 1 ? "" : "s", file);
  if (stale == 0) return hid + ".\n";
  const std::string prune =
      fmt::format("run with `--write-baseline {}` to prune {}", file, stale == 1 ? "it" : "them");
  if (hidden == 0) {
    return fmt::format("{} recorded finding{} of the baseline ({}) no longer occur{}: {}.\n", stale,
                       stale == 1 ? "" : "s", file, stale == 1 ? "s" : "", prune);
  }
  return fmt::format("{}; {} recorded finding{} no longer occur{}: {}.\n", hid, stale,
                     stale == 1 ? "" : "s", stale == 1 ? "s" : "", prune);
}

std::unique_ptr<StreamWriter> MakeTtyWriter(bool color) { return std::make_unique<TtyWriter>(color); }

void WriteTty(std::string& out, const std::vector<lint::FileResult>& files, bool color) {
  TtyWriter w(color);
  for (const lint::FileResult& f : files) w.Add(f, out);
  w.Finish(out);
}

}  // namespace shipshape::output
