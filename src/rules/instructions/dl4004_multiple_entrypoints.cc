// DL4004 multiple-entrypoints: a ENTRYPOINT that a later ENTRYPOINT of the same stage overrides.
#include "rules/instructions/overridden.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) { ReportOverridden(ctx, syntax::Keyword::kEntrypoint, "ENTRYPOINT"); }

}  // namespace

extern const Rule kDL4004 = {
    .code = "DL4004",
    .name = "multiple-entrypoints",
    .buildkit_name = "MultipleInstructionsDisallowed",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kAlways,
    .summary =
        "Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then "
        "only the last `ENTRYPOINT` will take effect",
    .doc = R"md(## What it does
Flags every `ENTRYPOINT` of a stage that a later `ENTRYPOINT` of the same stage replaces: only
the last one sets the image's entrypoint, the earlier ones have no effect.

## Why is this bad?
A reader takes the first `ENTRYPOINT` for the container's entrypoint, while Docker uses the
last one. The leftover is usually the remains of an edit, and it misleads whoever changes the
file next. Docker's build check `MultipleInstructionsDisallowed` warns about it on every build.

## Example
```dockerfile
FROM alpine:3.20
ENTRYPOINT ["/bin/sh"]
COPY run.sh /run.sh
ENTRYPOINT ["/run.sh"]
```

## Use instead
```dockerfile
FROM alpine:3.20
COPY run.sh /run.sh
ENTRYPOINT ["/run.sh"]
```

## Fix safety
The fix deletes the overridden `ENTRYPOINT`. It is safe: the image's entrypoint is the last
one's either way, and so is its command (each `ENTRYPOINT` clears a `CMD` inherited from the
base image, the last one included, while a `CMD` of the stage itself survives both).

## Differences from hadolint
hadolint reports the second and later `ENTRYPOINT` of a stage; shipshape reports the ones that
have no effect (all but the last, as Docker's `MultipleInstructionsDisallowed` does), names the
line of the one that wins, and offers to delete them. The number of findings is the same.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
