#include "output/format_util.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/utf8.h"
#include "output/formats.h"
#include "rules/registry.h"

namespace shipshape::output {
namespace {

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

/// Whether code point `r` may appear in an XML 1.0 document.
bool IsXmlChar(char32_t r) {
  return r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) ||
         (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF);
}

/// Whether the decoded rune at `pos` is U+FFFD written as such, not an invalid byte.
bool IsRealReplacement(std::string_view s, std::size_t pos, const base::DecodedRune& d) {
  return d.width == 3 && s.substr(pos, 3) == "\xEF\xBF\xBD";
}

}  // namespace

std::string ImageNote(const base::Diagnostic& d, std::string_view file) {
  if (!d.image) return {};
  std::vector<std::string> parts;
  if (d.image->image != file) parts.push_back(fmt::format("image {}", d.image->image));
  if (d.image->layer >= 0) {
    std::string by = d.image->created_by;
    // One line, and short: the history of a RUN is the whole script.
    for (char& c : by) {
      if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    }
    if (base::CountRunes(by) > 60) {
      std::size_t cut = 0;
      for (int n = 0; n < 57 && cut < by.size(); ++n) cut += base::DecodeRune(by, cut).width;
      by.resize(cut);
      by.append("...");
    }
    parts.push_back(by.empty() ? fmt::format("layer {}", d.image->layer)
                               : fmt::format("layer {} `{}`", d.image->layer, by));
  }
  if (!d.image->path.empty()) parts.push_back(d.image->path);
  if (parts.empty()) return {};
  std::string out = " [";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += ", ";
    out += parts[i];
  }
  return out + "]";
}

std::string RuleUrl(std::string_view code) {
  // ShellCheck's checks are documented on its wiki.
  if (code.starts_with("SC")) return fmt::format("https://www.shellcheck.net/wiki/{}", code);
  return fmt::format("{}{}.md", kRuleDocsBaseUrl, code);
}

std::uint32_t GnuColumn(const syntax::Dockerfile& df, std::uint32_t offset) {
  const std::string_view text = df.text();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  std::size_t pos = df.lines().LineStart(df.lines().LineOf(offset));
  std::uint32_t column = 0;  // 0-based while counting
  while (pos < offset) {
    const base::DecodedRune d = base::DecodeRune(text, pos);
    column = d.rune == '\t' ? (column / 8 + 1) * 8 : column + 1;
    pos += d.width;
  }
  return column + 1;
}

std::uint32_t LastCodePoint(std::string_view text, base::Range range) {
  std::uint32_t end = std::min<std::uint32_t>(range.end, static_cast<std::uint32_t>(text.size()));
  if (end <= range.begin) return range.begin;
  // Walk forward so that invalid bytes count as one code point each, as the columns do.
  std::uint32_t pos = range.begin, last = range.begin;
  while (pos < end) {
    last = pos;
    pos += static_cast<std::uint32_t>(base::DecodeRune(text, pos).width);
  }
  return last;
}

std::vector<Finding> Findings(const lint::FileResult& file) {
  const syntax::Dockerfile& df = file.dockerfile;
  const std::string_view text = df.text();
  std::vector<Finding> out;
  out.reserve(file.diagnostics.size());
  const std::vector<std::string> fingerprints = lint::Fingerprints(df, file.diagnostics, df.path());
  for (std::size_t i = 0; i < file.diagnostics.size(); ++i) {
    const base::Diagnostic& d = file.diagnostics[i];
    Finding f;
    f.diagnostic = &d;
    f.syntax_error = d.code.empty();
    f.code = f.syntax_error ? kSyntaxErrorCode : std::string_view(d.code);
    f.severity = f.syntax_error ? base::Severity::kError : d.severity;
    f.rule = f.syntax_error ? nullptr : rules::FindRule(d.code);
    f.begin = df.lines().PositionOf(d.range.begin);
    f.end = df.lines().PositionOf(d.range.end);
    std::uint32_t trimmed =
        std::min<std::uint32_t>(d.range.end, static_cast<std::uint32_t>(text.size()));
    if (trimmed > d.range.begin && text[trimmed - 1] == '\n') {
      --trimmed;
      if (trimmed > d.range.begin && text[trimmed - 1] == '\r') --trimmed;
    }
    f.trimmed = {std::min(d.range.begin, trimmed), std::max(trimmed, d.range.begin)};
    f.trimmed_end = df.lines().PositionOf(f.trimmed.end);
    f.fingerprint = fingerprints[i];
    f.message = d.message + ImageNote(d, df.path());
    out.push_back(std::move(f));
  }
  return out;
}

void AppendXmlEscaped(std::string& out, std::string_view s, bool attribute) {
  for (std::size_t pos = 0; pos < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      ++pos;
      switch (c) {
        case '&':
          out += "&amp;";
          continue;
        case '<':
          out += "&lt;";
          continue;
        case '>':
          out += "&gt;";
          continue;
        case '"':
          out += "&quot;";
          continue;
        case '\'':
          out += "&apos;";
          continue;
        case '\r':
          out += "&#13;";
          continue;  // a raw CR would become LF when parsed
        case '\n':
          out += attribute ? "&#10;" : "\n";
          continue;
        case '\t':
          out += attribute ? "&#9;" : "\t";
          continue;
        default:
          break;
      }
      if (IsXmlChar(c)) {
        out += static_cast<char>(c);
      } else {
        base::AppendRune(out, base::kRuneError);
      }
      continue;
    }
    const base::DecodedRune d = base::DecodeRune(s, pos);
    const bool invalid = d.rune == base::kRuneError && !IsRealReplacement(s, pos, d);
    if (invalid || !IsXmlChar(d.rune)) {
      base::AppendRune(out, base::kRuneError);
    } else {
      out.append(s.substr(pos, d.width));
    }
    pos += d.width;
  }
}

std::string PathToUri(std::string_view path) {
  std::string out;
  if (!path.empty() && path.front() == '/') out = "file://";
  for (char ch : path) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c) || c == '/') {
      out += ch;
    } else {
      fmt::format_to(std::back_inserter(out), "%{:02X}", c);
    }
  }
  return out;
}

std::string_view ApplicabilityName(base::Applicability applicability) {
  switch (applicability) {
    case base::Applicability::kSafe:
      return "safe";
    case base::Applicability::kUnsafe:
      return "unsafe";
    case base::Applicability::kDisplayOnly:
      return "display-only";
  }
  return "safe";
}

std::string_view DocSection(std::string_view doc, std::string_view title) {
  const std::string header = fmt::format("## {}\n", title);
  std::size_t at = doc.find(header);
  if (at == std::string_view::npos) return {};
  at += header.size();
  const std::size_t next = doc.find("\n## ", at);
  std::string_view section = doc.substr(at, next == std::string_view::npos ? next : next - at);
  while (!section.empty() && (section.front() == '\n')) section.remove_prefix(1);
  while (!section.empty() && (section.back() == '\n')) section.remove_suffix(1);
  return section;
}

}  // namespace shipshape::output
