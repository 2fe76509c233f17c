// SP202 from-as-casing-mismatch: `FROM image as name` (BuildKit's FromAsCasing).
#include <fmt/format.h>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kFrom || inst.args.size() < 3) return;
  const std::string_view word = inst.word.value;
  const std::string lower = base::ToLower(word);
  const bool word_lower = word == lower;
  // A mixed-case `From` is left to SP204 (ConsistentInstructionCasing), as in BuildKit.
  if (!word_lower && word != base::ToUpper(word)) return;
  const syntax::Word& as = inst.args[1];
  const std::string wanted = word_lower ? base::ToLower(as.value) : base::ToUpper(as.value);
  if (as.value == wanted) return;
  std::optional<base::Fix> fix;
  if (ctx.Text(as.range) == as.value) {
    fix = base::Fix{
        fmt::format("Write `{}`", wanted), base::Applicability::kSafe, {{as.range, wanted}}};
  }
  ctx.Report(as.range,
             fmt::format("The casing of `{}` does not match the casing of `{}`", as.value, word),
             std::move(fix));
}

}  // namespace

extern const Rule kSP202 = {
    .code = "SP202",
    .name = "from-as-casing-mismatch",
    .buildkit_name = "FromAsCasing",
    .severity = base::Severity::kStyle,
    .default_enabled = true,
    .category = "buildkit",
    .fixable = Fixable::kAlways,
    .summary = "The AS keyword should be cased like FROM",
    .doc = R"md(## What it does
Flags a `FROM ... AS name` whose `AS` keyword is not cased like its `FROM` keyword: an
upper-case `FROM` with `as` (or `As`), or a lower-case `from` with `AS`. A `FROM` keyword in
mixed case is left to SP204.

## Why is this bad?
Instruction keywords are case-insensitive, but a Dockerfile is easier to read when they are
written one way. Docker's own build check `FromAsCasing` warns about it.

## Example
```dockerfile
FROM golang:1.23 as build
RUN go version
```

## Use instead
```dockerfile
FROM golang:1.23 AS build
RUN go version
```

## Fix safety
The fix recases the `AS` word to match `FROM`. It is safe: BuildKit reads the keyword in any
case.

## Differences from hadolint
hadolint has no such rule.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
