// SP201 stage-name-not-lowercase: a stage name with upper-case letters (BuildKit's
// StageNameCasing).
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// The edit that lower-cases the stage reference `ref` where it is written, or nullopt when
/// its bytes cannot be found exactly.
std::optional<base::Edit> RenameRef(const Context& ctx, const model::StageRef& ref,
                                    const std::string& lower) {
  const syntax::Instruction& inst = *ref.instruction;
  if (ref.kind == model::StageRef::Kind::kFrom) {
    if (inst.args.empty() || ctx.Text(inst.args[0].range) != ref.text) return std::nullopt;
    return base::Edit{inst.args[0].range, lower};
  }
  const std::string_view flag_name =
      ref.kind == model::StageRef::Kind::kCopyFrom ? "from" : "mount";
  std::optional<base::Edit> found;
  for (const syntax::Flag& f : inst.flags) {
    if (f.Name() != flag_name) continue;
    const std::string_view written = ctx.Text(f.range);
    // Only a flag written as BuildKit reads it (no quotes, escapes or continuation lines).
    if (written.size() != f.text.size() || written != f.text) continue;
    if (ref.kind == model::StageRef::Kind::kCopyFrom) {
      const std::size_t eq = written.find('=');
      if (eq == std::string_view::npos || written.substr(eq + 1) != ref.text) continue;
      if (found) return std::nullopt;
      const auto begin = static_cast<std::uint32_t>(f.range.begin + eq + 1);
      found = base::Edit{{begin, f.range.end}, lower};
      continue;
    }
    // `--mount=type=bind,from=Builder,target=/x`: the field between `=`/`,` and `,`/end.
    for (std::size_t pos = written.find('='); pos != std::string_view::npos;
         pos = written.find(',', pos + 1)) {
      const std::string_view field = written.substr(pos + 1, written.find(',', pos + 1) - pos - 1);
      const std::size_t eq = field.find('=');
      if (eq == std::string_view::npos || !base::EqualsIgnoreCase(field.substr(0, eq), "from") ||
          field.substr(eq + 1) != ref.text) {
        continue;
      }
      if (found) return std::nullopt;
      const auto begin = static_cast<std::uint32_t>(f.range.begin + pos + 1 + eq + 1);
      found = base::Edit{{begin, static_cast<std::uint32_t>(begin + ref.text.size())}, lower};
    }
  }
  return found;
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kFrom || inst.args.size() != 3) return;
  const syntax::Word& name = inst.args[2];
  const std::string lower = base::ToLower(name.value);
  if (name.value == lower) return;
  std::optional<base::Fix> fix;
  if (ctx.Text(name.range) == name.value) {
    fix = base::Fix{fmt::format("Rename the stage to `{}`", lower),
                    base::Applicability::kSafe,
                    {{name.range, lower}}};
    // Stage names are matched case-insensitively, so the references keep working either way;
    // the fix rewrites those spelled like this definition so that the file stays consistent.
    for (const model::Stage& stage : ctx.model().stages()) {
      for (const model::StageRef& ref : stage.refs) {
        if (ref.text == lower || !base::EqualsIgnoreCase(ref.text, lower)) continue;
        std::optional<base::Edit> edit = RenameRef(ctx, ref, lower);
        if (!edit) {
          fix.reset();
          break;
        }
        fix->edits.push_back(std::move(*edit));
      }
      if (!fix) break;
    }
    if (fix) {
      std::sort(fix->edits.begin(), fix->edits.end(), [](const base::Edit& a, const base::Edit& b) {
        return a.range.begin < b.range.begin;
      });
    }
  }
  ctx.Report(name.range, fmt::format("Stage name `{}` should be lowercase", name.value),
             std::move(fix));
}

}  // namespace

extern const Rule kSP201 = {
    .code = "SP201",
    .name = "stage-name-not-lowercase",
    .buildkit_name = "StageNameCasing",
    .severity = base::Severity::kStyle,
    .default_enabled = true,
    .category = "buildkit",
    .fixable = Fixable::kSometimes,
    .summary = "Stage names should be lowercase",
    .doc = R"md(## What it does
Flags a stage name (`FROM image AS Name`) that is not all lower case.

## Why is this bad?
BuildKit stores stage names in lower case and matches `FROM <stage>`, `COPY --from=<stage>`,
`RUN --mount=from=<stage>` and `--target` case-insensitively. A name written `Builder` suggests
that case matters, and references end up spelled several ways. Docker's own build check
`StageNameCasing` warns about it.

## Example
```dockerfile
FROM golang:1.23 AS Builder
RUN go build -o /app .

FROM alpine:3.20
COPY --from=Builder /app /app
```

## Use instead
```dockerfile
FROM golang:1.23 AS builder
RUN go build -o /app .

FROM alpine:3.20
COPY --from=builder /app /app
```

## Fix safety
The fix lower-cases the name, and every `FROM <stage>`, `COPY --from=<stage>` and
`RUN --mount=from=<stage>` reference spelled like it in another case. It is safe: BuildKit
matches stage names case-insensitively, so the build is the same. When a reference spelled that
way cannot be rewritten exactly (quoted or split over lines), there is no fix.

## Differences from hadolint
hadolint has no such rule.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
