// SP204 inconsistent-instruction-casing: an instruction keyword not cased like the majority
// (BuildKit's ConsistentInstructionCasing).
#include <fmt/format.h>

#include <vector>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  const syntax::Dockerfile& df = ctx.dockerfile();
  const std::vector<bool> rejected = df.RejectedInstructions();
  // As BuildKit: the FROMs and the stages' instructions count (not the global ARGs before the
  // first FROM), mixed-case words count for neither side, a tie goes to upper case.
  std::vector<const syntax::Instruction*> counted;
  std::size_t lower = 0;
  std::size_t upper = 0;
  for (std::size_t i = 0; i < df.instructions.size(); ++i) {
    const syntax::Instruction& inst = df.instructions[i];
    if (!ctx.model().StageOf(i) || rejected[i]) continue;
    counted.push_back(&inst);
    const std::string_view word = inst.word.value;
    if (word == base::ToLower(word)) {
      ++lower;
    } else if (word == base::ToUpper(word)) {
      ++upper;
    }
  }
  const bool majority_lower = lower > upper;
  for (const syntax::Instruction* inst : counted) {
    const std::string_view word = inst->word.value;
    const std::string wanted = majority_lower ? base::ToLower(word) : base::ToUpper(word);
    if (word == wanted) continue;
    std::optional<base::Fix> fix;
    if (ctx.Text(inst->word.range) == word) {
      fix = base::Fix{fmt::format("Write `{}`", wanted),
                      base::Applicability::kSafe,
                      {{inst->word.range, wanted}}};
    }
    ctx.Report(inst->word.range,
               fmt::format("Instruction `{}` should match the case of the majority of instructions "
                           "({})",
                           word, majority_lower ? "lowercase" : "uppercase"),
               std::move(fix));
  }
}

}  // namespace

extern const Rule kSP204 = {
    .code = "SP204",
    .name = "inconsistent-instruction-casing",
    .buildkit_name = "ConsistentInstructionCasing",
    .severity = base::Severity::kStyle,
    .default_enabled = true,
    .category = "buildkit",
    .fixable = Fixable::kAlways,
    .summary = "Instruction keywords should be cased consistently",
    .doc = R"md(## What it does
Counts the instruction keywords written all in lower case and all in upper case (the `FROM`s
and the instructions of the stages; the `ARG`s before the first `FROM` do not count) and flags
every keyword not written in the majority's case. A tie goes to upper case; a keyword in mixed
case (`From`) is always flagged.

## Why is this bad?
Keywords are case-insensitive, but a file that mixes `RUN` and `run` is harder to read and
suggests that it was pasted together. Docker's own build check `ConsistentInstructionCasing`
warns about it.

## Example
```dockerfile
FROM alpine:3.20
run apk add --no-cache curl
COPY app /app
```

## Use instead
```dockerfile
FROM alpine:3.20
RUN apk add --no-cache curl
COPY app /app
```

## Fix safety
The fix recases the keyword to the majority's case. It is safe: BuildKit reads keywords in any
case. Keywords inside `ONBUILD` are not counted and not changed, as in BuildKit.

## Differences from hadolint
hadolint has no such rule.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
