// SP205 legacy-key-value-format: `ENV key value` / `LABEL key value` (BuildKit's
// LegacyKeyValueFormat).
#include <fmt/format.h>

#include <vector>

#include "rules/rule.h"
#include "syntax/line_parsers.h"

namespace shipshape::rules {
namespace {

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

/// The text that replaces the separator between key and value, and the text appended to the
/// value, so that `key=value` gives the value the legacy form gives; nullopt when unsure.
std::optional<std::pair<std::string, std::string>> Rewrite(std::string_view value, char escape) {
  if (value.empty()) return std::nullopt;
  // The legacy value is the rest of the line verbatim; in `key=value` the value is one word of
  // BuildKit's parseWords. When the value is already one such word, as written, nothing else
  // changes: both forms expand the same bytes.
  std::vector<syntax::LexedWord> words;
  syntax::ParseWords(value, escape, words);
  if (words.size() == 1 && words[0].begin == 0 && words[0].end == value.size() &&
      words[0].Value(value) == value) {
    return std::pair<std::string, std::string>{"=", ""};
  }
  // Otherwise (spaces in it) double quotes keep it one word. Inside double quotes `$` expands
  // as outside, so a value with no quotes and no escape character means the same quoted.
  if (value.find_first_of("\"'") != std::string_view::npos ||
      value.find(escape) != std::string_view::npos) {
    return std::nullopt;
  }
  return std::pair<std::string, std::string>{"=\"", "\""};
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kEnv && inst.keyword != syntax::Keyword::kLabel) return;
  for (const syntax::KeyValue& pair : inst.pairs) {
    if (pair.has_equals) continue;
    std::optional<base::Fix> fix;
    const std::string_view between = ctx.dockerfile().text().substr(
        pair.key.range.end, pair.value.range.begin - pair.key.range.end);
    // In the legacy form the key is taken verbatim; in `key=value` quotes and the escape
    // character in it would start quoting: such a key has no fix (found by the fix fuzz target).
    const bool plain_key =
        pair.key.value.find_first_of("\"'") == std::string_view::npos &&
        pair.key.value.find(ctx.dockerfile().escape) == std::string_view::npos;
    if (plain_key && ctx.Text(pair.key.range) == pair.key.value &&
        ctx.Text(pair.value.range) == pair.value.value && !between.empty() && IsBlank(between)) {
      if (auto rewrite = Rewrite(pair.value.value, ctx.dockerfile().escape)) {
        fix = base::Fix{fmt::format("Write `{} {}=...`", inst.word.value, pair.key.value),
                        base::Applicability::kSafe,
                        {{{pair.key.range.end, pair.value.range.begin}, rewrite->first}}};
        if (!rewrite->second.empty()) {
          fix->edits.push_back({{pair.value.range.end, pair.value.range.end}, rewrite->second});
        }
      }
    }
    ctx.Report({pair.key.range.begin, pair.value.range.end},
               fmt::format("`{0} {1} value` is the legacy format; use `{0} {1}=value`",
                           inst.word.value, pair.key.value),
               std::move(fix));
  }
}

}  // namespace

extern const Rule kSP205 = {
    .code = "SP205",
    .name = "legacy-key-value-format",
    .buildkit_name = "LegacyKeyValueFormat",
    .severity = base::Severity::kStyle,
    .default_enabled = true,
    .category = "buildkit",
    .fixable = Fixable::kSometimes,
    .summary = "ENV and LABEL should use the key=value form",
    .doc = R"md(## What it does
Flags `ENV` and `LABEL` written in the legacy form `ENV key value`, without `=`.

## Why is this bad?
In the legacy form the value is everything after the key, spaces and `=` signs included, and
only one variable can be set: `ENV ONE TWO= THREE=world` sets `ONE` to `TWO= THREE=world`.
The `key=value` form says where the value ends and can set several variables at once. Docker's
own build check `LegacyKeyValueFormat` warns about the legacy form, and Docker's documentation
says it may be removed.

## Example
```dockerfile
FROM alpine:3.20
ENV LANG C.UTF-8
LABEL description A small image
```

## Use instead
```dockerfile
FROM alpine:3.20
ENV LANG=C.UTF-8
LABEL description="A small image"
```

## Fix safety
The fix writes `key=value` when BuildKit then reads exactly the same value: the value as
written when it is one word of the `key=value` form already (`ENV PATH /opt/bin:$PATH`,
`ENV A "x y"`), otherwise the value in double quotes when it holds no quote and no escape
character (inside double quotes `$` expands as outside). A value with quotes or escapes, or one
split over several lines, gets no fix.

## Differences from hadolint
hadolint has no such rule.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
