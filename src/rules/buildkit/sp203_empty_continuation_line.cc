// SP203 empty-continuation-line: a blank line inside a continued instruction (BuildKit's
// NoEmptyContinuation).
#include <fmt/format.h>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  const std::string_view text = ctx.dockerfile().text();
  for (const base::Range& line : inst.empty_continuation_lines) {
    // Delete the whole line with its line end. BuildKit skips the line while joining the
    // continuation, so the instruction is the same without it.
    const std::size_t newline = text.find('\n', line.end);
    const auto end =
        static_cast<std::uint32_t>(newline == std::string_view::npos ? text.size() : newline + 1);
    ctx.Report(
        line, "Empty continuation line: the instruction goes on after it",
        base::Fix{"Delete the empty line", base::Applicability::kSafe, {{{line.begin, end}, ""}}});
  }
}

}  // namespace

extern const Rule kSP203 = {
    .code = "SP203",
    .name = "empty-continuation-line",
    .buildkit_name = "NoEmptyContinuation",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "buildkit",
    .fixable = Fixable::kAlways,
    .summary = "Empty continuation lines will become errors in a future release",
    .doc = R"md(## What it does
Flags an empty (or whitespace-only) line inside an instruction continued with `\`.

## Why is this bad?
BuildKit skips an empty line inside a continuation and goes on joining the next lines into the
same instruction, so an empty line that looks like the end of an instruction is not:
```
RUN apt-get update && \

CMD ["app"]
```
is one `RUN` whose command ends with `CMD ["app"]`. Docker's own build check
`NoEmptyContinuation` warns about it, and BuildKit says it will become an error.

## Example
```dockerfile
FROM alpine:3.20
RUN apk add --no-cache \

    curl
```

## Use instead
```dockerfile
FROM alpine:3.20
RUN apk add --no-cache \
    curl
```

## Fix safety
The fix deletes the empty line. It is safe: BuildKit skips it when it joins the continuation
lines, so the instruction is exactly the same (comment lines inside the continuation are
skipped the same way and are kept). Where an empty line was meant to end the instruction, the
instruction was already wrong before the fix; the finding is the hint.

## Differences from hadolint
hadolint has no such rule. BuildKit reports once per instruction, at its last line; shipshape
reports each empty line.
)md",
    .onbuild = false,
    .sees_invalid = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
