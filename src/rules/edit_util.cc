#include "rules/edit_util.h"

#include <fmt/format.h>

#include "suppress/pragma.h"

namespace shipshape::rules {

std::string_view LineBreakAt(std::string_view text, std::size_t pos) {
  std::size_t nl = text.find('\n', pos);
  if (nl == std::string_view::npos) nl = text.rfind('\n', pos);
  if (nl == std::string_view::npos) return "\n";
  return nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

std::string_view IndentAt(std::string_view text, std::size_t pos) {
  pos = pos > text.size() ? text.size() : pos;
  const std::size_t nl = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  const std::size_t start = nl == std::string_view::npos || (pos == 0) ? 0 : nl + 1;
  const std::string_view indent = text.substr(start, pos - start);
  return indent.find_first_not_of(" \t") == std::string_view::npos ? indent : std::string_view();
}

bool OnlyBlanksAndContinuations(std::string_view text, char escape) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c != escape) return false;
    // The escape must end its line (blanks allowed before the break).
    std::size_t j = i + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
    if (j >= text.size() || text[j] != '\n') return false;
    i = j;
  }
  return true;
}

base::Edit InsertLineBefore(const syntax::Dockerfile& df, std::size_t index,
                            std::string_view line) {
  const std::string_view text = df.text();
  const syntax::Instruction& inst = df.instructions[index];
  const std::string_view indent = IndentAt(text, inst.range.begin);
  const std::string_view br = LineBreakAt(text, inst.range.begin);
  if (index > 0) {
    const std::size_t prev_end = df.instructions[index - 1].range.end;
    const std::size_t first = text.find('\n', prev_end);
    if (first != std::string_view::npos && first < inst.range.begin) {
      // Each whole line between the two instructions.
      for (std::size_t at = first + 1; at < inst.range.begin;) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos || end > inst.range.begin) end = inst.range.begin;
        const std::string_view l = text.substr(at, end - at);
        const std::size_t hash = l.find_first_not_of(" \t");
        if (hash != std::string_view::npos && l[hash] == '#') {
          std::string_view body = l.substr(hash + 1);
          if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
          if (suppress::ParsePragma(body, static_cast<std::uint32_t>(at + hash))) {
            const auto pos = static_cast<std::uint32_t>(first + 1);
            return base::Edit{{pos, pos}, fmt::format("{}{}{}", indent, line, br)};
          }
        }
        at = end + 1;
      }
    }
  }
  return base::Edit{{inst.range.begin, inst.range.begin}, fmt::format("{}{}{}", line, br, indent)};
}

bool IsPlainPath(std::string_view path) {
  for (char c : path) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '/' || c == '.' || c == '_' || c == '-' || c == '+' || c == '@' ||
                    c == ',' || c == '=' || c == '%';
    if (!ok) return false;
  }
  return !path.empty();
}

}  // namespace shipshape::rules
