// DL3043 forbidden-onbuild-trigger: ONBUILD ONBUILD, ONBUILD FROM or ONBUILD MAINTAINER.
#include <fmt/format.h>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kOnbuild || !inst.trigger) return;
  const syntax::Instruction& trigger = *inst.trigger;
  if (trigger.keyword != syntax::Keyword::kOnbuild && trigger.keyword != syntax::Keyword::kFrom &&
      trigger.keyword != syntax::Keyword::kMaintainer) {
    return;
  }
  const std::string_view name = syntax::KeywordName(trigger.keyword);
  ctx.Report(trigger.word.range,
             trigger.keyword == syntax::Keyword::kOnbuild
                 ? std::string("`ONBUILD ONBUILD` is not allowed: triggers cannot be chained")
                 : fmt::format("`{}` is not allowed as an `ONBUILD` trigger", name));
}

}  // namespace

extern const Rule kDL3043 = {
    .code = "DL3043",
    .name = "forbidden-onbuild-trigger",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kNever,
    .summary = "`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction",
    .doc = R"md(## What it does
Flags `ONBUILD ONBUILD ...`, `ONBUILD FROM ...` and `ONBUILD MAINTAINER ...`.

## Why is this bad?
BuildKit rejects these triggers and the build fails: a trigger cannot register another trigger,
and `FROM` and `MAINTAINER` are not allowed in a trigger.

## Example
```dockerfile
FROM node:22
ONBUILD FROM node:22
```

## Use instead
```dockerfile
FROM node:22
ONBUILD COPY . /app/
```

## Fix safety
There is no fix: what the trigger was meant to do is not knowable.

## Differences from hadolint
Same triggers. The finding points at the forbidden keyword inside the `ONBUILD`. The file also
gets BuildKit's syntax error for the same line.
)md",
    .onbuild = false,
    .sees_invalid = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
