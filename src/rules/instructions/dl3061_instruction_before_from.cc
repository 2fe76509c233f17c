// DL3061 instruction-before-from: an instruction other than ARG before the first FROM.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  // A fragment (no FROM at all: a `Dockerfile.tail`, a snippet) is not misordered; its one
  // "no build stage" error says what BuildKit would do, and its instructions are linted.
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  if (std::none_of(insts.begin(), insts.end(), [](const syntax::Instruction& inst) {
        return inst.keyword == syntax::Keyword::kFrom;
      })) {
    return;
  }
  for (const syntax::Instruction& inst : insts) {
    if (inst.keyword == syntax::Keyword::kFrom) return;
    if (inst.keyword == syntax::Keyword::kArg) continue;
    ctx.Report(inst.word.range,
               fmt::format("`{}` comes before the first `FROM`; only `ARG` may precede it",
                           ctx.Text(inst.word.range)));
  }
}

}  // namespace

extern const Rule kDL3061 = {
    .code = "DL3061",
    .name = "instruction-before-from",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kNever,
    .summary = "Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment",
    .doc = R"md(## What it does
Flags every instruction before the first `FROM` other than `ARG` (comments and parser
directives such as `# syntax=` are not instructions), in a file that has a `FROM`. A fragment,
a file with no `FROM` at all (a `Dockerfile.tail` appended to another file, a snippet), is not
flagged: `lint` reports BuildKit's "no build stage in current context" once for it and lints
its instructions as an implicit stage whose base image is unknown.

## Why is this bad?
Before the first `FROM` there is no build stage for the instruction to act on: BuildKit
rejects the file ("no build stage in current context"). Only `ARG` may come first, to declare
values the `FROM` lines use.

## Example
```dockerfile
LABEL org.opencontainers.image.authors="team@example.com"
FROM alpine:3.20
```

## Use instead
```dockerfile
ARG ALPINE_VERSION=3.20
FROM alpine:${ALPINE_VERSION}
LABEL org.opencontainers.image.authors="team@example.com"
```

## Fix safety
There is no fix: where the instruction belongs (which stage) is for the author to decide.

## Differences from hadolint
Same trigger and severity in a file with a `FROM`; hadolint also flags every instruction of a
fragment. The finding points at the instruction's keyword and names it.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
