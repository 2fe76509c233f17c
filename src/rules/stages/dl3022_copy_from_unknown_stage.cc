// DL3022 copy-from-unknown-stage: `COPY --from` naming no stage BuildKit can copy from.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "base/suggest.h"
#include "model/image_ref.h"
#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

void CheckFrom(Context& ctx, const syntax::Flag& flag, std::string_view from, std::size_t current) {
  const model::Model& model = ctx.model();
  const std::vector<model::Stage>& stages = model.stages();
  if (from.find('$') != std::string_view::npos) {
    ctx.Report(flag.range,
               fmt::format("`--from={}` cannot use variables: BuildKit does not expand them; "
                           "define a stage `FROM {} AS <name>` and copy from it",
                           from, from));
    return;
  }
  if (const std::optional<std::size_t> n = StageIndex(from)) {
    if (*n >= stages.size()) {
      ctx.Report(flag.range, fmt::format("`--from={}` names no stage: stages are numbered 0 to {}",
                                         from, stages.size() - 1));
    } else if (*n > current) {
      ctx.Report(flag.range, fmt::format("`--from={}` names a stage defined later (line {}); a "
                                         "stage can only copy from earlier stages",
                                         from, stages[*n].from->start_line));
    }
    return;  // Its own index is DL3023's.
  }
  if (const std::optional<std::size_t> s = model.FindStage(from)) {
    if (*s > current) {
      ctx.Report(flag.range, fmt::format("`--from={}` names a stage defined later (line {}); a "
                                         "stage can only copy from earlier stages",
                                         from, stages[*s].from->start_line));
    }
    return;
  }
  // Not a stage: BuildKit pulls it as an image (or takes a named build context of that name).
  if (!model::ParseNormalizedNamed(from).ok()) {
    ctx.Report(flag.range, fmt::format("`--from={}` is neither a stage of this Dockerfile nor a "
                                       "valid image reference",
                                       from));
    return;
  }
  // A bare name one typo away from a stage name is most likely that stage.
  if (from.find_first_of("/:@") != std::string_view::npos) return;
  std::vector<std::string_view> names;
  for (const model::Stage& stage : stages) {
    if (!stage.name.empty() && stage.index < current) names.push_back(stage.name);
  }
  if (const std::optional<std::string> guess = base::Suggest(from, names, false)) {
    ctx.Report(flag.range, fmt::format("`--from={}` names no stage, so it is pulled as an image; "
                                       "did you mean stage `{}`?",
                                       from, *guess));
  }
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kCopy) return;
  const std::optional<std::size_t> current = ctx.stage();
  if (!current) return;
  for (const syntax::Flag& f : inst.flags) {
    if (f.Name() == "from" && f.Value() && !f.Value()->empty()) {
      CheckFrom(ctx, f, *f.Value(), *current);
    }
  }
}

}  // namespace

extern const Rule kDL3022 = {
    .code = "DL3022",
    .name = "copy-from-unknown-stage",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "stages",
    .fixable = Fixable::kNever,
    .summary = "`COPY --from` should reference a previously defined `FROM` alias",
    .doc = R"md(## What it does
Flags a `COPY --from` that cannot work as meant:
- a stage defined after the current one, by name or by index (BuildKit refuses it);
- an index with no stage;
- a variable (BuildKit does not expand `--from`);
- a value that is neither a stage name nor a valid image reference;
- a bare name that is not a stage but is one typo away from an earlier stage's name: BuildKit
  would try to pull it as an image.

A `--from` naming an external image (`--from=nginx:1.27`, `--from=busybox`) or a named build
context is fine.

## Why is this bad?
Each of these fails the build, or, for a misspelt stage name, pulls an unrelated image from
Docker Hub (or fails to find it) instead of copying from the stage.

## Example
```dockerfile
FROM golang:1.23 AS builder
RUN go build -o /app .

FROM gcr.io/distroless/base-debian12
COPY --from=buidler /app /app
```

## Use instead
```dockerfile
FROM golang:1.23 AS builder
RUN go build -o /app .

FROM gcr.io/distroless/base-debian12
COPY --from=builder /app /app
```

## Fix safety
There is no fix: a misspelt name could mean another stage, and the other cases need the stages
reordered.

## Differences from hadolint
- An external image is fine with or without a tag: hadolint flags any `--from` without a `:`
  that is not an earlier stage, so `COPY --from=busybox` is flagged there (hadolint issue #859).
  shipshape flags a bare name only when it is one typo away from an earlier stage.
- A `--from` with a variable is flagged even when it holds a `:` (`--from=${IMAGE}:1.0`),
  since BuildKit rejects any variable there.
- Stage names are matched case-insensitively, as BuildKit matches them.
- The message says what is wrong and suggests the stage a typo most likely meant; the finding
  points at the `--from` flag.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
