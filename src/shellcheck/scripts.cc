#include "shellcheck/scripts.h"

#include <algorithm>

#include <fmt/format.h>
#include <set>
#include <string_view>

#include "base/utf8.h"
#include "shell/commands.h"
#include "shell/parser.h"

namespace shipshape::shellcheck {
namespace {

/// ShellCheck's dialect for a POSIX shell's name; empty when ShellCheck cannot check it.
std::string DialectOf(std::string_view shell) {
  if (shell == "bash") return "bash";
  if (shell == "dash") return "dash";
  // ShellCheck checks ash as dash (its SC2187 says so); 0.9 does not know busybox.
  if (shell == "ash" || shell == "busybox") return "dash";
  if (shell == "ksh" || shell == "mksh") return "ksh";
  if (shell == "sh") return "sh";
  return {};  // zsh
}

bool IsName(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

/// BuildKit passes these to RUN without an ARG (hadolint declares them too).
constexpr std::string_view kProxyArgs[] = {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY",
                                           "https_proxy", "FTP_PROXY", "ftp_proxy",
                                           "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"};

/// `text` with every byte that is not part of valid UTF-8, and NUL, replaced by `?`.
std::string Sanitize(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size();) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      if (c == 0) out[i] = '?';
      ++i;
      continue;
    }
    const base::DecodedRune d = base::DecodeRune(out, i);
    if (d.rune == base::kRuneError && d.width == 1) {
      out[i] = '?';
      ++i;
      continue;
    }
    i += d.width;
  }
  return out;
}

/// Offsets of the start of every line of `text`.
std::vector<std::uint32_t> LineStarts(std::string_view text) {
  std::vector<std::uint32_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(static_cast<std::uint32_t>(i + 1));
  }
  return starts;
}

/// The text offset of ShellCheck's 1-based (line, column): columns count code points, a tab
/// one. Positions past a line's end stop at its end; past the last line, at the text's end.
std::uint32_t OffsetOf(std::string_view text, const std::vector<std::uint32_t>& starts, int line,
                       int column) {
  if (line < 1) return 0;
  if (static_cast<std::size_t>(line) > starts.size()) return static_cast<std::uint32_t>(text.size());
  std::size_t at = starts[static_cast<std::size_t>(line - 1)];
  for (int c = 1; c < column && at < text.size() && text[at] != '\n'; ++c) {
    at += base::DecodeRune(text, at).width;
  }
  return static_cast<std::uint32_t>(std::min(at, text.size()));
}

base::Severity SeverityOf(std::string_view level) {
  if (level == "error") return base::Severity::kError;
  if (level == "info") return base::Severity::kInfo;
  if (level == "style") return base::Severity::kStyle;
  return base::Severity::kWarning;
}

/// Whether the shell parser stops at its nesting limit in `script` (SP103 reports it).
bool TooDeep(std::string_view script) {
  return shell::Parse(script).too_deep;
}

}  // namespace

std::vector<Script> Collect(const model::Model& model) {
  const syntax::Dockerfile& df = model.dockerfile();
  std::vector<Script> out;
  std::vector<bool> invalid;
  for (std::size_t i = 0; i < df.instructions.size(); ++i) {
    const syntax::Instruction& inst = df.instructions[i];
    const bool onbuild = inst.keyword == syntax::Keyword::kOnbuild;
    const syntax::Instruction& target = onbuild && inst.trigger ? *inst.trigger : inst;
    if (target.keyword != syntax::Keyword::kRun || target.json) continue;
    if (invalid.empty()) invalid = df.RejectedInstructions();
    if (invalid[i]) continue;
    shell::Script s = shell::ScriptOf(model, i);
    if (s.interpreter != shell::Interpreter::kPosix) continue;
    Script script;
    script.dialect = DialectOf(s.dialect);
    if (script.dialect.empty()) continue;
    script.instruction = static_cast<std::uint32_t>(i);
    script.range = inst.range;
    // Past shipshape's own limits, ShellCheck would take minutes and gigabytes: the script
    // goes on without its text, so that SP103 says it was not checked.
    if (out.size() >= kMaxScriptsPerFile) {
      script.skipped = fmt::format(
          "ShellCheck was not run on this script: shipshape gives it the first {} RUN scripts "
          "of a file",
          kMaxScriptsPerFile);
      out.push_back(std::move(script));
      continue;
    }
    if (s.text.size() > kMaxScriptBytes) {
      script.skipped = fmt::format(
          "ShellCheck was not run on this script: it is {} KiB, more than the {} KiB shipshape "
          "gives ShellCheck (ShellCheck's time and memory grow faster than its input)",
          (s.text.size() + 1023) / 1024, kMaxScriptBytes / 1024);
      out.push_back(std::move(script));
      continue;
    }
    if (TooDeep(s.text)) continue;  // SP103 already says so, ShellCheck included

    // The names in scope. An ONBUILD trigger runs in a later build, where this file's ARGs
    // are gone but its ENVs are in the image.
    std::set<std::string, std::less<>> names(std::begin(kProxyArgs), std::end(kProxyArgs));
    for (const model::Variable& v : model.ScopeAt(i).variables()) {
      if (onbuild && v.source != model::VariableSource::kEnv) continue;
      if (IsName(v.name)) names.insert(v.name);
    }
    std::string header = "export";
    for (const std::string& n : names) {
      header += ' ';
      header += n;
      header += "=1";
    }
    header += '\n';

    std::string text = Sanitize(s.text);
    std::size_t at = 0;
    if (text.starts_with("#!")) {
      const std::size_t nl = text.find('\n');
      at = nl == std::string::npos ? std::string::npos : nl + 1;
    }
    if (at != std::string::npos) {
      text.insert(at, header);
      script.header_begin = static_cast<std::uint32_t>(at);
      script.header_end = static_cast<std::uint32_t>(at + header.size());
    }
    script.text = std::move(text);
    script.map = std::move(s.map);
    out.push_back(std::move(script));
  }
  return out;
}

std::vector<base::Diagnostic> ToDiagnostics(const Script& script,
                                            const std::vector<Comment>& comments,
                                            std::string_view gave_up) {
  std::vector<base::Diagnostic> out;
  if (!script.skipped.empty() || !gave_up.empty()) {
    base::Diagnostic d;
    d.code = "SP103";
    d.severity = base::Severity::kWarning;
    d.range = script.range;
    d.message = fmt::format("Not analysed further: {}",
                            script.skipped.empty() ? gave_up : std::string_view(script.skipped));
    out.push_back(std::move(d));
  }
  const std::string_view text = script.text;
  const std::vector<std::uint32_t> starts = LineStarts(text);
  const std::uint32_t header_size = script.header_end - script.header_begin;
  // Text offsets to script offsets; nullopt inside the inserted line.
  auto to_script = [&](std::uint32_t offset) -> std::optional<std::uint32_t> {
    if (offset <= script.header_begin) return offset;
    if (offset >= script.header_end) return offset - header_size;
    return std::nullopt;
  };
  for (const Comment& c : comments) {
    std::uint32_t begin = OffsetOf(text, starts, c.line, c.column);
    std::uint32_t end = OffsetOf(text, starts, c.end_line, c.end_column);
    if (end < begin) end = begin;
    // ShellCheck marks some findings at a point (SC1001 at a backslash): show the character.
    if (end == begin && begin < text.size() && text[begin] != '\n') {
      end = begin + static_cast<std::uint32_t>(base::DecodeRune(text, begin).width);
    }
    if (header_size && begin >= script.header_begin && begin < script.header_end) continue;
    if (header_size && begin < script.header_begin && end > script.header_begin) {
      end = script.header_begin;
    }
    base::Diagnostic d;
    d.code = "SC" + std::to_string(c.code);
    d.severity = SeverityOf(c.level);
    d.message = c.message;
    d.range = script.map.ToSource(*to_script(begin), *to_script(end));

    base::Fix fix;
    fix.title = "Apply ShellCheck's fix";
    fix.applicability = base::Applicability::kUnsafe;
    bool fixable = !c.fix.empty();
    for (const Replacement& r : c.fix) {
      const std::uint32_t rb = OffsetOf(text, starts, r.line, r.column);
      const std::uint32_t re = OffsetOf(text, starts, r.end_line, r.end_column);
      const std::optional<std::uint32_t> sb = to_script(rb), se = to_script(re);
      std::optional<base::Range> source;
      if (sb && se && re >= rb && r.text.find_first_of("\r\n") == std::string::npos) {
        // An insertion at the end of what the comment is about attaches to it (a closing
        // quote), any other to what follows (an opening quote), across a joined line.
        source = script.map.VerbatimSource(*sb, *se, rb == re && rb == end);
      }
      if (!source) {
        fixable = false;
        break;
      }
      fix.edits.push_back({*source, r.text});
    }
    std::sort(fix.edits.begin(), fix.edits.end(), [](const base::Edit& a, const base::Edit& b) {
      return a.range.begin < b.range.begin;
    });
    for (std::size_t k = 1; fixable && k < fix.edits.size(); ++k) {
      const base::Range& prev = fix.edits[k - 1].range;
      const base::Range& cur = fix.edits[k].range;
      if (cur.begin < prev.end || (cur.begin == prev.begin && prev.begin == prev.end)) {
        fixable = false;  // overlapping, or two insertions at one place
      }
    }
    if (fixable) d.fix = std::move(fix);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace shipshape::shellcheck
