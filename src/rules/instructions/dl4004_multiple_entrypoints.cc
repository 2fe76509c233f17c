// DL4004 multiple-entrypoints: a ENTRYPOINT that a later ENTRYPOINT of the same stage overrides.
#include <fmt/format.h>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// The bytes of instruction `inst` with its indentation and its line end: deleting them
/// leaves the lines around it as they were.
base::Range WholeLines(std::string_view text, std::uint32_t bom, const syntax::Instruction& inst) {
  std::uint32_t begin = inst.range.begin;
  while (begin > bom && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
  std::uint32_t end = inst.range.end;
  if (end < text.size() && text[end] == '\r') ++end;
  if (end < text.size() && text[end] == '\n') ++end;
  return {begin, end};
}

void Check(Context& ctx) {
  const syntax::Dockerfile& df = ctx.dockerfile();
  // Backwards, so that the last ENTRYPOINT of each stage, the one that wins, is known first.
  const syntax::Instruction* winner = nullptr;
  for (std::size_t i = df.instructions.size(); i-- > 0;) {
    const syntax::Instruction& inst = df.instructions[i];
    if (inst.keyword == syntax::Keyword::kFrom) {
      winner = nullptr;
    } else if (inst.keyword == syntax::Keyword::kEntrypoint) {
      if (!winner) {
        winner = &inst;
        continue;
      }
      ctx.Report(
          inst.word.range,
          fmt::format(
              "This `ENTRYPOINT` has no effect: the `ENTRYPOINT` on line {}, the last of the "
              "stage, replaces it",
              winner->start_line),
          base::Fix{"Remove the overridden `ENTRYPOINT`",
                    base::Applicability::kSafe,
                    {{WholeLines(df.text(), df.bom_size, inst), ""}}});
    }
  }
}

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
