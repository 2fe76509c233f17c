// DL3045 copy-relative-without-workdir: COPY (or ADD) to a relative destination while the
// working directory is still the base image's.
#include <fmt/format.h>

#include <vector>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

void Visit(Context& ctx, std::size_t index, const syntax::Instruction& inst) {
  if (inst.args.size() < 2) return;
  const syntax::Word& dest = inst.args.back();
  const ResolvedPath path = ResolvePath(ctx.model(), index, dest.value, false);
  if (path.kind != PathKind::kRelative) return;
  const std::string shown = !path.known || path.value == dest.value
                                ? fmt::format("`{}`", dest.value)
                                : fmt::format("`{}` (`{}`)", dest.value, path.value);
  ctx.Report(dest.range,
             fmt::format("`{}` to relative destination {} before any `WORKDIR`: where it lands "
                         "depends on the base image; set `WORKDIR` or use an absolute path",
                         syntax::KeywordName(inst.keyword), shown));
}

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  const std::size_t n = model.stages().size();
  // Per stage: whether its working directory is known at its end (a WORKDIR in the stage or
  // the stages it is built FROM, or `/` from scratch), and whether it has an ONBUILD WORKDIR,
  // which runs first in a stage built FROM it.
  std::vector<bool> set_at_end(n, false);
  std::vector<bool> onbuild_workdir(n, false);
  for (const model::Stage& stage : model.stages()) {
    bool set = stage.base_kind == model::BaseKind::kScratch;
    if (stage.base_kind == model::BaseKind::kStage && stage.base_stage) {
      set = set_at_end[*stage.base_stage] || onbuild_workdir[*stage.base_stage];
    }
    for (std::size_t i = stage.begin + 1; i < stage.end; ++i) {
      const syntax::Instruction& inst = insts[i];
      switch (inst.keyword) {
        case syntax::Keyword::kWorkdir:
          set = true;
          break;
        case syntax::Keyword::kOnbuild:
          if (inst.trigger && inst.trigger->keyword == syntax::Keyword::kWorkdir) {
            onbuild_workdir[stage.index] = true;
          }
          break;
        case syntax::Keyword::kCopy:
        case syntax::Keyword::kAdd:
          if (!set) Visit(ctx, i, inst);
          break;
        default:
          break;
      }
    }
    set_at_end[stage.index] = set;
  }
}

}  // namespace

extern const Rule kDL3045 = {
    .code = "DL3045",
    .name = "copy-relative-without-workdir",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kNever,
    .summary = "`COPY` to a relative destination without `WORKDIR` set",
    .doc = R"md(## What it does
Flags a `COPY` or `ADD` whose destination, once its variables are expanded, is a relative path,
when no `WORKDIR` has been set yet: not in the stage, and not in the stages it is built `FROM`.

## Why is this bad?
A relative destination is resolved against the working directory, which then still comes from
the base image. Where the files land depends on a setting of someone else's image that can
change with any update, and readers cannot tell from the Dockerfile.

## Example
```dockerfile
FROM python:3.12
COPY requirements.txt .
```

## Use instead
```dockerfile
FROM python:3.12
WORKDIR /app
COPY requirements.txt .
```

## Fix safety
There is no fix: the intended directory is not knowable.

## Differences from hadolint
- Variables are expanded with the ARG and ENV values in force: `COPY . $APP` with
  `ENV APP=app` is flagged, and with `ENV APP=/app` it is not; hadolint accepts any destination
  that starts with `$`. A destination whose value only the build knows is not flagged.
- The `FROM <stage>` chain is followed through the model of stages: hadolint matches stages by
  image name, so `FROM ubuntu` after an unnamed `FROM ubuntu` stage that set a `WORKDIR` counts
  as set. An `ONBUILD WORKDIR` in a base stage counts for the stages built on it.
- A stage built `FROM scratch` starts in `/`, which is fixed, so it is not flagged.
- `ADD` is checked too; hadolint checks only `COPY`.
- The finding points at the destination.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
