// DL3055 label-not-git-hash: a schema label of type `hash` that is not a git commit hash.
#include "rules/labels/label_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  CheckLabelValues(ctx, inst, "hash", IsGitHash, "a git commit hash");
}

}  // namespace

extern const Rule kDL3055 = {
    .code = "DL3055",
    .name = "label-not-git-hash",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .fixable = Fixable::kNever,
    .summary = "Label `<name>` is not a valid git hash",
    .doc = R"md(## What it does
With a label schema, flags a label of type `hash` whose value is not a git object name:
lower-case hexadecimal, 7 to 40 digits (a full SHA-1 or an abbreviation) or 64 digits (a
SHA-256 repository).

## Why is this bad?
A revision label (`org.opencontainers.image.revision`) ties the image to the commit it was
built from; a branch name, a tag or a placeholder cannot be looked up and breaks that link.

## Example
<!-- shipshape-test: --require-label=org.opencontainers.image.revision:hash -->
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.revision="main"
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.revision="4f1c2a9"
```

## Fix safety
There is no fix: only the author knows the right value.

## Differences from hadolint
hadolint accepts only 7 or 40 digits; shipshape also accepts the longer abbreviations
`git rev-parse --short` prints in large repositories (8 to 39 digits) and SHA-256 object names
(64 digits). The value is expanded first (quotes removed, ARG/ENV values applied); a value that
depends on something only the build knows (`LABEL revision=$GIT_SHA`) is not judged. An empty
value is left to DL3051. The finding is on the value and quotes it.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
