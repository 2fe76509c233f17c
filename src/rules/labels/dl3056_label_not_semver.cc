// DL3056 label-not-semver: a schema label of type `semver` that is not a semantic version.
#include "rules/labels/label_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  CheckLabelValues(ctx, inst, "semver", IsSemver, "a semantic version");
}

}  // namespace

extern const Rule kDL3056 = {
    .code = "DL3056",
    .name = "label-not-semver",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .fixable = Fixable::kNever,
    .summary = "Label `<name>` does not conform to semantic versioning",
    .doc = R"md(## What it does
With a label schema, flags a label of type `semver` whose value is not a semantic version
as semver.org 2.0.0 defines it: `MAJOR.MINOR.PATCH` without leading zeros, then optionally
`-` and pre-release identifiers and `+` and build metadata (`1.4.0`, `2.0.0-rc.1+build.7`).

## Why is this bad?
Version labels (`org.opencontainers.image.version`) are compared by tools that order
releases; `v1.4`, `1.4` or `latest` cannot be ordered as semantic versions.

## Example
<!-- shipshape-test: --require-label=org.opencontainers.image.version:semver -->
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.version="v1.4"
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.version="1.4.0"
```

## Fix safety
There is no fix: only the author knows the right value.

## Differences from hadolint
Same grammar as hadolint's (`Data.SemVer`). The value is expanded first (quotes removed,
ARG/ENV values applied), as BuildKit does, so `LABEL version=$VERSION` is judged by the ARG's
default; a value that depends on something only the build knows is not judged. An empty value
is left to DL3051. The finding is on the value and quotes it.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
