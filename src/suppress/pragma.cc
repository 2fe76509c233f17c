#include "suppress/pragma.h"

#include <cstddef>

#include "base/utf8.h"

namespace shipshape::suppress {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

/// hadolint's code characters (`[DLSC0-9]+`: upper case only, as its parser has it).
bool IsHadolintCodeChar(char c) {
  return (c >= '0' && c <= '9') || c == 'D' || c == 'L' || c == 'S' || c == 'C';
}

/// Whether the bytes [begin, end) of `text` are only whole comment lines, then the
/// indentation of the line at `end`: what may sit between a shipshape pragma and its
/// instruction (other pragmas, notes; not a blank line).
bool OnlyCommentLines(std::string_view text, std::size_t begin, std::size_t end) {
  while (begin < end) {
    const std::size_t newline = text.find('\n', begin);
    if (newline == std::string_view::npos || newline >= end) return true;  // indentation
    std::string_view line = text.substr(begin, newline - begin);
    while (!line.empty() && (IsBlank(line.front()) || line.front() == '\r')) line.remove_prefix(1);
    if (line.empty() || line.front() != '#') return false;
    begin = newline + 1;
  }
  return true;
}

/// The first FROM among `instructions` from index `from` on, or nullptr.
const syntax::Instruction* NextFrom(const syntax::Dockerfile& df, std::size_t from) {
  for (std::size_t i = from; i < df.instructions.size(); ++i) {
    if (df.instructions[i].keyword == syntax::Keyword::kFrom) return &df.instructions[i];
  }
  return nullptr;
}

/// What pragma `p` covers; `next` is the index of the first instruction after it.
base::Range Covers(const syntax::Dockerfile& df, const Pragma& p, std::size_t next) {
  const auto size = static_cast<std::uint32_t>(df.text().size());
  if (p.scope == PragmaScope::kGlobal) return {0, size + 1};
  if (next >= df.instructions.size()) return {};
  const syntax::Instruction& inst = df.instructions[next];
  if (p.scope == PragmaScope::kNext) {
    // hadolint matches findings on the line right after the pragma; shipshape lets comment
    // lines (stacked pragmas, notes) sit between, not blank lines.
    const std::string_view between = df.text().substr(p.line.end, inst.range.begin - p.line.end);
    const bool reaches = p.tool == PragmaTool::kHadolint
                             ? between.find('\n') == std::string_view::npos
                             : OnlyCommentLines(df.text(), p.line.end, inst.range.begin);
    if (!reaches) return {};
    // One past the instruction's end, so that a finding at its very end is covered too.
    return {inst.range.begin, inst.range.end + 1};
  }
  // A stage pragma above a FROM covers that stage, FROM included; elsewhere it covers the
  // rest of the stage it is in.
  const bool above_from = inst.keyword == syntax::Keyword::kFrom;
  const syntax::Instruction* end = NextFrom(df, above_from ? next + 1 : next);
  return {above_from ? inst.range.begin : p.line.end, end ? end->range.begin : size + 1};
}

}  // namespace

std::optional<Pragma> ParsePragma(std::string_view text, std::uint32_t offset) {
  std::size_t i = 0;
  auto blanks = [&] {
    const std::size_t begin = i;
    while (i < text.size() && IsBlank(text[i])) ++i;
    return i - begin;
  };
  auto literal = [&](std::string_view word) {
    if (text.substr(i, word.size()) != word) return false;
    i += word.size();
    return true;
  };
  // The source offset of text[j] (text starts after the `#`).
  auto at = [offset](std::size_t j) { return offset + 1 + static_cast<std::uint32_t>(j); };

  Pragma p;
  blanks();
  if (literal("hadolint")) {
    p.tool = PragmaTool::kHadolint;
  } else if (literal("shipshape")) {
    p.tool = PragmaTool::kShipshape;
  } else {
    return std::nullopt;
  }
  if (blanks() == 0) return std::nullopt;
  if (literal("ignore")) {
    p.scope = PragmaScope::kNext;
  } else if (literal("global")) {
    p.scope = PragmaScope::kGlobal;
    if (blanks() == 0 || !literal("ignore")) return std::nullopt;
  } else if (literal("stage")) {
    p.scope = PragmaScope::kStage;
    if (blanks() == 0 || !literal("ignore")) return std::nullopt;
  } else {
    return std::nullopt;  // `shell=` and everything else
  }
  blanks();
  if (!literal("=")) return std::nullopt;
  blanks();
  const bool hadolint = p.tool == PragmaTool::kHadolint;
  while (true) {
    const std::size_t begin = i;
    if (hadolint) {
      while (i < text.size() && IsHadolintCodeChar(text[i])) ++i;
    } else {
      while (i < text.size() && !IsBlank(text[i]) && text[i] != ',' && text[i] != '#') ++i;
    }
    const std::string_view code = text.substr(begin, i - begin);
    // One bad element rejects the whole pragma, as in hadolint.
    if (code.empty() || code.substr(0, 2) == "--") return std::nullopt;
    p.codes.push_back({code, {at(begin), at(i)}});
    blanks();
    if (i == text.size()) break;
    if (text[i] == '#') {
      p.reason = base::TrimSpace(text.substr(i + 1));
      break;
    }
    if (!hadolint && text.substr(i, 2) == "--") {
      p.reason = base::TrimSpace(text.substr(i + 2));
      break;
    }
    if (text[i] != ',') return std::nullopt;  // a space-separated list
    ++i;
    blanks();
  }
  p.range = {offset, p.codes.back().range.end};
  return p;
}

std::vector<Pragma> FindPragmas(const syntax::Dockerfile& df) {
  std::vector<Pragma> out;
  const std::string_view text = df.text();
  // Comments and instructions are both in file order.
  std::size_t next = 0;
  for (const syntax::Comment& c : df.comments) {
    while (next < df.instructions.size() && df.instructions[next].range.end <= c.range.begin) {
      ++next;
    }
    if (next < df.instructions.size() && df.instructions[next].range.begin < c.range.begin) {
      continue;  // inside a continuation
    }
    std::string_view body = base::Slice(text, c.range).substr(1);
    if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
    std::optional<Pragma> p = ParsePragma(body, c.range.begin);
    if (!p) continue;
    std::uint32_t begin = c.range.begin;
    while (begin > 0 && text[begin - 1] != '\n') --begin;
    std::uint32_t end = c.range.end;
    if (end < text.size() && text[end] == '\r') ++end;
    if (end < text.size() && text[end] == '\n') ++end;
    p->line = {begin, end};
    p->covers = Covers(df, *p, next);
    out.push_back(std::move(*p));
  }
  return out;
}

}  // namespace shipshape::suppress
