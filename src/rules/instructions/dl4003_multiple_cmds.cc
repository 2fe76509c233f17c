// DL4003 multiple-cmds: a CMD that a later CMD of the same stage overrides.
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
  // Backwards, so that the last CMD of each stage, the one that wins, is known first.
  const syntax::Instruction* winner = nullptr;
  for (std::size_t i = df.instructions.size(); i-- > 0;) {
    const syntax::Instruction& inst = df.instructions[i];
    if (inst.keyword == syntax::Keyword::kFrom) {
      winner = nullptr;
    } else if (inst.keyword == syntax::Keyword::kCmd) {
      if (!winner) {
        winner = &inst;
        continue;
      }
      ctx.Report(inst.word.range,
                 fmt::format("This `CMD` has no effect: the `CMD` on line {}, the last of the "
                             "stage, replaces it",
                             winner->start_line),
                 base::Fix{"Remove the overridden `CMD`",
                           base::Applicability::kSafe,
                           {{WholeLines(df.text(), df.bom_size, inst), ""}}});
    }
  }
}

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
