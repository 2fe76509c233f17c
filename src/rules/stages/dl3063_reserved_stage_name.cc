// DL3063 reserved-stage-name: a stage named `scratch` or `context`.
#include <fmt/format.h>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kFrom || inst.args.size() < 3) return;
  if (!base::EqualsIgnoreCase(inst.args[1].value, "as")) return;
  const syntax::Word& name = inst.args[2];
  // BuildKit lower-cases stage names, so `AS Scratch` is the reserved name too.
  for (std::string_view reserved : {"scratch", "context"}) {
    if (!base::EqualsIgnoreCase(name.value, reserved)) continue;
    ctx.Report(name.range, fmt::format("Stage name `{}` is reserved by BuildKit; choose "
                                       "another name",
                                       name.value));
  }
}

}  // namespace

extern const Rule kDL3063 = {
    .code = "DL3063",
    .name = "reserved-stage-name",
    .buildkit_name = "ReservedStageName",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "stages",
    .fixable = Fixable::kNever,
    .summary = "Stage name should not be a reserved word",
    .doc = R"md(## What it does
Flags a stage named `scratch` or `context` (`FROM alpine AS scratch`), in any case.

## Why is this bad?
BuildKit gives these names a meaning of their own: `scratch` is the empty image, `context`
the build context. A stage with such a name is ambiguous for readers and for references such
as `COPY --from=scratch` or `FROM scratch`; Docker's build check `ReservedStageName` warns
about it on every build.

## Example
```dockerfile
FROM golang:1.22 AS scratch
RUN go build -o /app .
```

## Use instead
```dockerfile
FROM golang:1.22 AS build
RUN go build -o /app .
```

## Fix safety
There is no fix: renaming the stage means updating every reference to it, in this file and in
build scripts (`--target`).

## Differences from hadolint
hadolint compares the name case-sensitively, so `AS Scratch` passes; BuildKit lower-cases stage
names, so shipshape flags it too. The finding points at the stage name.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
