// DL3054 label-not-spdx: a schema label of type `spdx` that is not an SPDX license expression.
#include "rules/labels/label_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  CheckLabelValues(ctx, inst, "spdx", IsSpdxExpression, "a valid SPDX license expression");
}

}  // namespace

extern const Rule kDL3054 = {
    .code = "DL3054",
    .name = "label-not-spdx",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .fixable = Fixable::kNever,
    .summary = "Label `<name>` is not a valid SPDX identifier",
    .doc = R"md(## What it does
With a label schema, flags a label of type `spdx` whose value is not an SPDX license
expression: identifiers from the SPDX license list (`MIT`, `Apache-2.0`, `GPL-2.0-or-later`,
in any case), `LicenseRef-...` identifiers, `+`, exceptions after `WITH`, combined with `AND`,
`OR` and parentheses.

## Why is this bad?
License labels (`org.opencontainers.image.licenses`) are read by compliance tools; a
free-text license name (`Apache 2`, `BSD`) cannot be matched to a license, so the image is
reported as unknown or blocked.

## Example
<!-- shipshape-test: --require-label=org.opencontainers.image.licenses:spdx -->
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.licenses="Apache 2"
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.licenses="Apache-2.0"
```

## Fix safety
There is no fix: only the author knows the right value.

## Differences from hadolint
hadolint accepts exactly one license identifier (Cabal's `LicenseId` parser), so the
compound expressions the OCI annotation `org.opencontainers.image.licenses` is defined to hold
(`MIT OR Apache-2.0`, `GPL-2.0-only WITH Classpath-exception-2.0`) and `LicenseRef-` ids are
flagged by hadolint and accepted by shipshape. Identifiers match case-insensitively, as the SPDX
specification says. The value is expanded first (quotes removed, ARG/ENV values applied); a
value that depends on something only the build knows is not judged. An empty value is left to
DL3051. The finding is on the value and quotes it.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
