// SP208 invalid-definition-description: a comment above FROM ... AS or ARG that does not start
// with the name it describes (BuildKit's experimental InvalidDefinitionDescription).
#include <fmt/format.h>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// The range of the last comment line before `inst` (the comment the check reads).
base::Range LastComment(const Context& ctx, const syntax::Instruction& inst) {
  const base::Range* last = nullptr;
  for (const syntax::Comment& c : ctx.dockerfile().comments) {
    if (c.range.end > inst.range.begin) break;
    last = &c.range;
  }
  return last ? *last : inst.word.range;
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.comments.empty()) return;
  const std::string_view last = inst.comments.back();
  const std::string_view first = last.substr(0, last.find(' '));
  if (inst.keyword == syntax::Keyword::kFrom) {
    if (inst.args.size() != 3 || !base::EqualsIgnoreCase(inst.args[1].value, "as")) return;
    const std::string name = base::ToLower(inst.args[2].value);
    if (first == name) return;
    ctx.Report(
        LastComment(ctx, inst),
        fmt::format("Comment for `FROM` should follow the format `# {} <description>`", name));
  } else if (inst.keyword == syntax::Keyword::kArg && !inst.args.empty()) {
    for (const syntax::Word& w : inst.args) {
      if (w.value.substr(0, w.value.find('=')) == first) return;
    }
    const std::string_view example =
        inst.args.size() > 1 ? "<arg_key>"
                             : inst.args[0].value.substr(0, inst.args[0].value.find('='));
    ctx.Report(
        LastComment(ctx, inst),
        fmt::format("Comment for `ARG` should follow the format `# {} <description>`", example));
  }
}

}  // namespace

extern const Rule kSP208 = {
    .code = "SP208",
    .name = "invalid-definition-description",
    .buildkit_name = "InvalidDefinitionDescription",
    .severity = base::Severity::kInfo,
    .default_enabled = false,
    .category = "buildkit",
    .fixable = Fixable::kNever,
    .summary = "Comments on stages and ARGs should start with the name they describe",
    .doc = R"md(## What it does
Flags the comment right above a named stage (`FROM image AS name`) or an `ARG` when its first
word is not the stage name (in lower case) or one of the ARG's names. It is off by default, as
BuildKit's experimental check `InvalidDefinitionDescription` is: select it, or turn it on in the
Dockerfile as for BuildKit with `# check=experimental=InvalidDefinitionDescription` (or
`experimental=all`). As for BuildKit's experimental checks, `# check=skip=` does not turn it
off.

## Why is this bad?
Tools that document a Dockerfile's build arguments and targets (`docker buildx build --call
outline`, `--call targets`) take the comment above an `ARG` or a stage as its description only
when it starts with the name. A comment that does not is not shown as a description.

## Example
```dockerfile
# the version of Go to build with
ARG GO_VERSION=1.23
FROM golang:${GO_VERSION}
```

## Use instead
```dockerfile
# GO_VERSION the version of Go to build with
ARG GO_VERSION=1.23
FROM golang:${GO_VERSION}
```

## Fix safety
There is no fix: the description has to be written by hand.

## Differences from hadolint
hadolint has no such rule. As in BuildKit, the last comment before the instruction counts even
when an empty line separates them (BuildKit's documentation says otherwise; its code does not).
The finding points at that comment.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
