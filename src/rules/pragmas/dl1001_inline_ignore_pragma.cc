// DL1001 inline-ignore-pragma: an inline `# hadolint ignore=` (or `# shipshape ignore=`)
// pragma; some teams want suppressions kept in the configuration, where they are reviewed.
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

/// hadolint's pragma grammar (Pragma.hs, megaparsec), which must match the whole comment text
/// after `#`:
///   sp* TOOL sp+ "ignore" sp* "=" sp* code (sp* "," sp* code)* sp* ("#" anything)?
/// with TOOL `hadolint` and codes of `[DLSC0-9]+`, or TOOL `shipshape` and codes of
/// `[A-Za-z0-9]+` (SP codes and build-check names). Returns the length of the pragma proper
/// (without a trailing `# reason`), or 0 when `text` is not an inline ignore pragma.
std::size_t MatchInlineIgnore(std::string_view text) {
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
  blanks();
  bool hadolint = false;
  if (literal("hadolint")) {
    hadolint = true;
  } else if (!literal("shipshape")) {
    return 0;
  }
  if (blanks() == 0 || !literal("ignore")) return 0;
  blanks();
  if (!literal("=")) return 0;
  blanks();
  auto code_char = [hadolint](char c) {
    if (c >= '0' && c <= '9') return true;
    if (hadolint) return c == 'D' || c == 'L' || c == 'S' || c == 'C';
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  };
  std::size_t end = 0;
  while (true) {
    const std::size_t begin = i;
    while (i < text.size() && code_char(text[i])) ++i;
    if (i == begin) return 0;
    end = i;
    blanks();
    if (i < text.size() && text[i] == '#') return end;  // a trailing `# reason`
    if (i == text.size()) return end;
    if (text[i] != ',') return 0;
    ++i;
    blanks();
  }
}

void Check(Context& ctx) {
  const syntax::Dockerfile& df = ctx.dockerfile();
  const std::string_view text = df.text();
  // Comments inside a continuation are dropped by the parser (hadolint's and BuildKit's): a
  // pragma there is no pragma. Comments and instructions are both in file order.
  std::size_t next = 0;
  for (const syntax::Comment& c : df.comments) {
    while (next < df.instructions.size() && df.instructions[next].range.end <= c.range.begin) {
      ++next;
    }
    if (next < df.instructions.size() && df.instructions[next].range.begin < c.range.begin) {
      continue;
    }
    // The comment's text after `#`, as hadolint's parser hands it to the pragma parser.
    std::string_view body = base::Slice(text, c.range).substr(1);
    if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
    const std::size_t length = MatchInlineIgnore(body);
    if (length == 0) continue;
    const base::Range range{c.range.begin, c.range.begin + 1 + static_cast<std::uint32_t>(length)};
    ctx.Report(range, fmt::format("Inline ignore pragma `{}`: fix the findings or ignore the "
                                  "rule in the configuration",
                                  ctx.Text(range)));
  }
}

}  // namespace

extern const Rule kDL1001 = {
    .code = "DL1001",
    .name = "inline-ignore-pragma",
    .severity = base::Severity::kInfo,
    .default_enabled = false,
    .category = "pragmas",
    .fixable = Fixable::kNever,
    .summary = "Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`",
    .doc = R"md(## What it does
Flags every inline ignore pragma: a comment line `# hadolint ignore=DL3008,DL3009` or
`# shipshape ignore=DL3008` that silences rules for the instruction below it. The rule is off
by default; turn it on by giving it a severity (`--warning DL1001`) or selecting it.

## Why is this bad?
An inline pragma lets whoever edits the Dockerfile switch a check off where it fires, without
anyone else noticing. Teams that want every exception reviewed in one place keep them in the
configuration file (`ignored:`), or forbid pragmas altogether; this rule finds the ones that
slipped in.

## Example
```dockerfile
FROM debian:12
# hadolint ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends curl
```

## Use instead
```dockerfile
FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
```

## Fix safety
There is no fix: removing the pragma brings back the findings it hides, which then need a
decision.

## Differences from hadolint
Same grammar as hadolint's: the comment must be exactly `hadolint`, `ignore`, `=` and a
comma-separated list of codes made of `D`, `L`, `S`, `C` and digits, with optional blanks
around `=` and `,` and an optional trailing `# reason`; anything else (lower-case codes,
space-separated lists) is not a pragma for hadolint, so it is not flagged. `global ignore` and
`stage ignore` pragmas are not flagged, as in hadolint. shipshape also flags its own
`# shipshape ignore=` pragmas (codes may then be any letters and digits, e.g. SP codes), and
points at the pragma itself rather than at the line with column 1.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
