// DL4000 maintainer-deprecated: MAINTAINER is deprecated; use a LABEL.
#include <fmt/format.h>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kMaintainer) return;
  std::optional<base::Fix> fix;
  if (!inst.args.empty() && !ctx.in_onbuild()) {
    // LABEL's value is unquoted by BuildKit: quote the author, escaping what needs it.
    std::string value;
    for (char c : inst.args[0].value) {
      if (c == '"' || c == '\\' || c == '$') value += '\\';
      value += c;
    }
    fix = base::Fix{"Replace `MAINTAINER` with `LABEL org.opencontainers.image.authors`",
                    base::Applicability::kUnsafe,
                    {{inst.range, fmt::format("LABEL org.opencontainers.image.authors=\"{}\"",
                                              value)}}};
  }
  ctx.Report(inst.word.range,
             "`MAINTAINER` is deprecated; set `LABEL org.opencontainers.image.authors` instead",
             std::move(fix));
}

}  // namespace

extern const Rule kDL4000 = {
    .code = "DL4000",
    .name = "maintainer-deprecated",
    .buildkit_name = "MaintainerDeprecated",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kAlways,
    .summary = "MAINTAINER is deprecated",
    .doc = R"md(## What it does
Flags every `MAINTAINER` instruction.

## Why is this bad?
`MAINTAINER` has been deprecated since Docker 1.13. It writes the image's `author` field,
which nothing reads any more; tools look for the OCI label
`org.opencontainers.image.authors`. Docker's own build check `MaintainerDeprecated` warns
about it on every build.

## Example
```dockerfile
FROM alpine:3.20
MAINTAINER Jane Doe <jane@example.com>
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
```

## Fix safety
The fix replaces the instruction with the label. It is unsafe: the image's `author` field is
no longer set, and a consumer that reads it (rather than the label) sees the difference.

## Differences from hadolint
Same trigger and severity. The finding points at the `MAINTAINER` keyword and comes with a fix.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
