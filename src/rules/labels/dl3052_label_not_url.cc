// DL3052 label-not-url: a schema label of type `url` that is not a valid URL.
#include "rules/labels/label_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  CheckLabelValues(ctx, inst, "url", IsUri, "a valid URL");
}

}  // namespace

extern const Rule kDL3052 = {
    .code = "DL3052",
    .name = "label-not-url",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .fixable = Fixable::kNever,
    .summary = "Label `<name>` is not a valid URL",
    .doc = R"md(## What it does
With a label schema, flags a label of type `url` whose value is not an absolute URI as
RFC 3986 defines it: a scheme, `:`, then the rest (`https://github.com/example/tool`,
`mailto:team@example.com`). Relative references such as `github.com/example/tool` have no
scheme and are flagged.

## Why is this bad?
Tools turn URL labels (`org.opencontainers.image.source`, `.url`, `.documentation`) into
links and fetch them; a value without a scheme, with spaces or with bad `%` escapes leads
nowhere.

## Example
<!-- shipshape-test: --require-label=org.opencontainers.image.source:url -->
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.source="github.com/example/tool"
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.source="https://github.com/example/tool"
```

## Fix safety
There is no fix: only the author knows the right value.

## Differences from hadolint
Same check as hadolint's (`Network.URI.parseURI`: an absolute URI per RFC 3986). The value is
expanded first (quotes removed, ARG/ENV values applied), as BuildKit does; a value that depends
on something only the build knows is not judged. An empty value is left to DL3051 instead of
being reported by both rules. The finding is on the value and quotes it.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
