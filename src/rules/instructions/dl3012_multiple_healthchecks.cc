// DL3012 multiple-healthchecks: a stage with more than one HEALTHCHECK; only the last counts.
#include "rules/instructions/overridden.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) { ReportOverridden(ctx, syntax::Keyword::kHealthcheck, "HEALTHCHECK"); }

}  // namespace

extern const Rule kDL3012 = {
    .code = "DL3012",
    .name = "multiple-healthchecks",
    .buildkit_name = "MultipleInstructionsDisallowed",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kAlways,
    .summary = "Multiple `HEALTHCHECK` instructions",
    .doc = R"md(## What it does
Flags every `HEALTHCHECK` of a stage that a later `HEALTHCHECK` of the same stage replaces.

## Why is this bad?
An image has one health check: each `HEALTHCHECK` replaces the previous one, so all but the
last are dead code that readers take for active checks. Docker's build check
`MultipleInstructionsDisallowed` warns about it too.

## Example
```dockerfile
FROM nginx:1.27
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
HEALTHCHECK --interval=10s CMD curl -f http://localhost/health || exit 1
```

## Use instead
```dockerfile
FROM nginx:1.27
HEALTHCHECK --interval=10s CMD curl -f http://localhost/health || exit 1
```

## Fix safety
The fix deletes the overridden `HEALTHCHECK`, which has no effect on the image, so it is safe.
If that was the check you meant, delete the later one instead.

## Differences from hadolint
Same trigger: a `FROM` starts over, so a stage may replace the health check of the stage it is
built on. hadolint reports the second and later `HEALTHCHECK`; shipshape reports the ones that
have no effect (all but the last, as BuildKit does), at their keyword, with a fix that deletes
them. A stage with two `HEALTHCHECK`s gets one finding either way, on the other line.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
