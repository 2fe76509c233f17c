// DL3050 superfluous-label: with `--strict-labels`, a label the label schema does not list.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "rules/labels/label_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kLabel || !ctx.options().strict_labels) return;
  // Only the labels of the image count: the target stage and the stages it is built FROM.
  // A builder stage's labels (`LABEL stage=builder`, for pruning) never reach it.
  const std::optional<std::size_t> stage = ctx.stage();
  if (!stage) return;
  const std::vector<std::size_t> shipped = ctx.model().ShippedStages();
  if (!std::binary_search(shipped.begin(), shipped.end(), *stage)) return;
  for (const ResolvedLabel& label : ResolveLabels(ctx, inst)) {
    if (!label.key_known || FindLabelRequirement(ctx.options(), label.key)) continue;
    ctx.Report(label.pair->key.range,
               fmt::format("Label `{}` is not in the label schema", label.key));
  }
}

}  // namespace

extern const Rule kDL3050 = {
    .code = "DL3050",
    .name = "superfluous-label",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "labels",
    .fixable = Fixable::kNever,
    .summary = "Superfluous label(s) present",
    .doc = R"md(## What it does
With `--strict-labels` (or `strict-labels: true` in the configuration), flags each label of
the image that the label schema (`--require-label name:type`) does not list. With strict labels
and an empty schema, every label is flagged.

## Why is this bad?
A strict schema says which labels an image may carry, so that every label is documented and
means the same across a team's images. A label outside it is unknown to the tools that read
the schema, often a typo of a schema label or a leftover.

## Example
<!-- shipshape-test: --require-label=org.opencontainers.image.version:semver --strict-labels -->
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.version="1.4.0" build-host="ci-7"
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.version="1.4.0"
```

## Fix safety
There is no fix: whether to drop the label or add it to the schema is a decision.

## Differences from hadolint
hadolint reports each LABEL instruction with an unlisted key once, in every stage; shipshape
reports each unlisted key, at the key, and only in the stages whose labels end up in the image
(the target stage and its `FROM` chain): a builder stage's `LABEL stage=builder` is not
reported. Keys are compared after quotes are removed and ARG/ENV values expanded; a key that
depends on a value only the build knows is not judged. `ONBUILD LABEL` (which labels downstream
images) is not checked, as in hadolint.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
