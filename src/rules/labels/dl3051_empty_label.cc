// DL3051 empty-label: a label the label schema requires is set to the empty string.
#include <fmt/format.h>

#include "rules/labels/label_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kLabel || ctx.options().label_schema.empty()) return;
  for (const ResolvedLabel& label : ResolveLabels(ctx, inst)) {
    if (!label.key_known || !label.value_known || !label.value.empty()) continue;
    if (!FindLabelRequirement(ctx.options(), label.key)) continue;
    ctx.Report(PairRange(*label.pair), fmt::format("Label `{}` is empty", label.key));
  }
}

}  // namespace

extern const Rule kDL3051 = {
    .code = "DL3051",
    .name = "empty-label",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .fixable = Fixable::kNever,
    .summary = "Label `<name>` is empty",
    .doc = R"md(## What it does
With a label schema (`--require-label name:type`), flags a schema label set to the empty
string, as written or once ARG/ENV values are expanded (`LABEL version=$VERSION` with
`ARG VERSION=""`).

## Why is this bad?
An empty label passes a presence check (DL3049) while carrying no information: the image
claims to follow the schema and does not. It usually comes from a build argument that was
not passed.

## Example
<!-- shipshape-test: --require-label=org.opencontainers.image.version:text -->
```dockerfile
FROM alpine:3.20
ARG VERSION=""
LABEL org.opencontainers.image.version="${VERSION}"
```

## Use instead
```dockerfile
FROM alpine:3.20
ARG VERSION="1.4.0"
LABEL org.opencontainers.image.version="${VERSION}"
```

## Fix safety
There is no fix: only the author knows the value.

## Differences from hadolint
hadolint looks at the value as written, so `LABEL version=$VERSION` is never empty for it;
shipshape expands ARG/ENV values as BuildKit does. A value that depends on something only the
build knows (an ARG without default, a variable of the base image) is not judged. shipshape
reports each empty label at the assignment rather than the instruction's first line.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
