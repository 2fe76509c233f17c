// DL3049 missing-label: the image lacks a label the label schema requires.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "rules/labels/label_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  const Options& options = ctx.options();
  if (options.label_schema.empty()) return;
  const model::Model& model = ctx.model();
  const std::optional<std::size_t> target = model.TargetStage();
  if (!target || !model.stages()[*target].from) return;
  // The image carries the labels of its stage and of the stages it is built FROM; a stage
  // only copied from contributes none.
  std::vector<std::string> keys;
  bool unknown_key = false;
  for (std::optional<std::size_t> s = target; s && *s < model.stages().size();
       s = model.stages()[*s].base_stage) {
    const model::Stage& stage = model.stages()[*s];
    for (std::size_t i = stage.begin; i < stage.end; ++i) {
      if (ctx.dockerfile().instructions[i].keyword != syntax::Keyword::kLabel) continue;
      for (ResolvedLabel& label : ResolveLabelsAt(ctx, i)) {
        unknown_key = unknown_key || !label.key_known;
        keys.push_back(std::move(label.key));
      }
    }
    // A stage is built on an earlier one: stop on anything else rather than loop.
    if (stage.base_stage && *stage.base_stage >= *s) break;
  }
  // A key only the build knows may be any label: nothing can be said to be missing.
  if (unknown_key) return;
  const model::Stage& stage = model.stages()[*target];
  for (const LabelRequirement& req : options.label_schema) {
    if (std::find(keys.begin(), keys.end(), req.name) != keys.end()) continue;
    ctx.Report(stage.from->word.range,
               fmt::format("Label `{}` is missing from the image of stage `{}`", req.name,
                           stage.DisplayName()));
  }
}

}  // namespace

extern const Rule kDL3049 = {
    .code = "DL3049",
    .name = "missing-label",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "labels",
    .fixable = Fixable::kNever,
    .summary = "Label `<name>` is missing",
    .doc = R"md(## What it does
With a label schema (`--require-label name:type`, or `label-schema` in the configuration),
flags each required label that the built image does not carry. The image's labels are those
set in the target stage (the last one, or `--target`) and in the stages it is built `FROM`.
The finding is on the target stage's `FROM`.

## Why is this bad?
A label schema is a team's contract for its images: who owns them, where the source is, which
version and license they carry. Registries, scanners and deployment tools read those labels;
an image without them cannot be traced back or audited.

## Example
<!-- shipshape-test: --require-label=org.opencontainers.image.source:url -->
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.title="tool"
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.title="tool" \
      org.opencontainers.image.source="https://github.com/example/tool"
```

## Fix safety
There is no fix: only the author knows the label's value.

## Differences from hadolint
hadolint reports every stage that lacks the label, builder stages included (it only exempts
stages used by `COPY --from`, and stages related to one that has the label); shipshape judges
the image that is built, once per label: the target stage together with its `FROM` chain, so a
label set in a base stage counts, and builder stages are not reported. Keys are compared after
quotes are removed and ARG/ENV values expanded; when a key depends on a value only the build
knows, nothing is reported. A label inherited from the external base image is not known to
either tool.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
