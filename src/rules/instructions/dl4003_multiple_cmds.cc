// DL4003 multiple-cmds: a CMD that a later CMD of the same stage overrides.
#include "rules/instructions/overridden.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) { ReportOverridden(ctx, syntax::Keyword::kCmd, "CMD"); }

}  // namespace

extern const Rule kDL4003 = {
    .code = "DL4003",
    .name = "multiple-cmds",
    .buildkit_name = "MultipleInstructionsDisallowed",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kAlways,
    .summary =
        "Multiple `CMD` instructions found. If you list more than one `CMD` then only the last "
        "`CMD` will take effect",
    .doc = R"md(## What it does
Flags every `CMD` of a stage that a later `CMD` of the same stage replaces: only the last one
sets the image's command, the earlier ones have no effect.

## Why is this bad?
A reader takes the first `CMD` for the container's command, while Docker uses the last one.
The leftover is usually the remains of an edit, and it misleads whoever changes the file next.
Docker's build check `MultipleInstructionsDisallowed` warns about it on every build.

## Example
```dockerfile
FROM python:3.12-slim
CMD ["python", "-m", "http.server"]
COPY app.py /app/app.py
CMD ["python", "/app/app.py"]
```

## Use instead
```dockerfile
FROM python:3.12-slim
COPY app.py /app/app.py
CMD ["python", "/app/app.py"]
```

## Fix safety
The fix deletes the overridden `CMD`. It is safe: the image's command is the last `CMD`'s
either way (an `ENTRYPOINT` between them does not change that, since a `CMD` of the stage
itself survives it), and so is every image built `FROM` this stage.

## Differences from hadolint
hadolint reports the second and later `CMD` of a stage; shipshape reports the ones that have
no effect (all but the last, as Docker's `MultipleInstructionsDisallowed` does), names the line
of the one that wins, and offers to delete them. The number of findings is the same.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
