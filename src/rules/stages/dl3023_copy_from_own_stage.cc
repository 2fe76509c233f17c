// DL3023 copy-from-own-stage: `COPY --from` naming the stage it is in.
#include <fmt/format.h>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kCopy) return;
  const std::optional<std::size_t> current = ctx.stage();
  if (!current) return;
  for (const syntax::Flag& f : inst.flags) {
    if (f.Name() != "from" || !f.Value()) continue;
    const std::string_view from = *f.Value();
    const std::optional<std::size_t> n = StageIndex(from);
    const std::optional<std::size_t> stage = n ? n : ctx.model().FindStage(from);
    if (stage != current) continue;
    ctx.Report(f.range, fmt::format("`--from={}` names the stage this `COPY` is in; a stage "
                                    "cannot copy from itself",
                                    from));
  }
}

}  // namespace

extern const Rule kDL3023 = {
    .code = "DL3023",
    .name = "copy-from-own-stage",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "stages",
    .fixable = Fixable::kNever,
    .summary = "`COPY --from` cannot reference its own `FROM` alias",
    .doc = R"md(## What it does
Flags a `COPY --from` that names the stage it is in, by name or by index.

## Why is this bad?
A stage cannot copy from itself: BuildKit stops with `circular dependency detected on stage`.
The name is usually a copy-paste slip for an earlier stage.

## Example
```dockerfile
FROM golang:1.23 AS build
COPY --from=build /src/app /app
```

## Use instead
```dockerfile
FROM golang:1.23 AS deps
RUN go version

FROM golang:1.23 AS build
COPY --from=deps /go/pkg /go/pkg
```

## Fix safety
There is no fix: which stage was meant is not knowable.

## Differences from hadolint
- Names are matched case-insensitively, as BuildKit does (`AS Build` with `--from=build`), and
  when two stages share a name the later definition is the one `--from` names, as in BuildKit.
- A stage's own index (`--from=1` in the second stage) is flagged too.
- The finding points at the `--from` flag.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
