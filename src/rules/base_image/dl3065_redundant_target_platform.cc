// DL3065 redundant-target-platform: `FROM --platform=$TARGETPLATFORM`, which is the default.
#include <fmt/format.h>

#include <string>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// A value no real platform has, standing for the target platform while expanding.
constexpr std::string_view kSentinel = "\x01target-platform\x01";

/// Whether `flag_value` (FROM's `--platform`, as written) expands to the target platform, and
/// to nothing without it: `$TARGETPLATFORM`, `${TARGETPLATFORM}`. A fallback such as
/// `${TARGETPLATFORM:-linux/amd64}` is kept for the legacy builder, which does not set the
/// variable: there the flag does pin the platform.
bool IsTargetPlatform(const model::Model& model, std::string_view flag_value) {
  const model::Scope& global = model.global_scope();
  const model::Variable* v = global.Find("TARGETPLATFORM");
  // A global `ARG TARGETPLATFORM=linux/arm64` replaces the automatic value: not redundant.
  if (!v || !(v->source == model::VariableSource::kPlatform ||
              (v->source == model::VariableSource::kGlobalArg && !v->value))) {
    return false;
  }
  model::Scope scope = global;
  model::Variable target = *v;
  target.value = std::string(kSentinel);
  scope.Set(target);
  const model::Resolved with = model.Resolve(scope, flag_value);
  if (!with.error.empty() || with.value != kSentinel) return false;
  target.value.reset();
  scope.Set(std::move(target));
  const model::Resolved without = model.Resolve(scope, flag_value);
  return without.error.empty() && without.value.empty();
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kFrom) return;
  for (const syntax::Flag& flag : inst.flags) {
    if (flag.Name() != "platform" || !flag.Value()) continue;
    if (flag.Value()->find("TARGETPLATFORM") == std::string_view::npos) continue;
    if (!IsTargetPlatform(ctx.model(), *flag.Value())) continue;
    // Remove the flag and the blanks after it, so that `FROM img` stays well spaced.
    const std::string_view text = ctx.dockerfile().text();
    std::uint32_t end = flag.range.end;
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
    ctx.Report(flag.range,
               fmt::format("`{}` is the default platform; remove it", ctx.Text(flag.range)),
               base::Fix{"Remove the `--platform` flag",
                         base::Applicability::kSafe,
                         {{{flag.range.begin, end}, ""}}});
  }
}

}  // namespace

extern const Rule kDL3065 = {
    .code = "DL3065",
    .name = "redundant-target-platform",
    .buildkit_name = "RedundantTargetPlatform",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "base-image",
    .fixable = Fixable::kAlways,
    .summary =
        "Setting `FROM --platform` to predefined `$TARGETPLATFORM` is redundant as this "
        "is the default behavior",
    .doc = R"md(## What it does
Flags `FROM --platform=$TARGETPLATFORM` (or any `--platform` value that expands to just the
target platform, such as `${TARGETPLATFORM}` or `"$TARGETPLATFORM"`).

## Why is this bad?
A stage is built for the target platform unless told otherwise, so the flag says nothing; it
suggests that the stage is special, and hides the real cross-platform stages (those with
`--platform=$BUILDPLATFORM`) among look-alikes. Docker's build check `RedundantTargetPlatform`
warns about it on every build.

## Example
```dockerfile
FROM --platform=$TARGETPLATFORM alpine:3.20
RUN apk add --no-cache ca-certificates
```

## Use instead
```dockerfile
FROM alpine:3.20
RUN apk add --no-cache ca-certificates
```

## Fix safety
The fix removes the flag. It is safe: without `--platform` the stage is built for the target
platform, exactly as with it.

## Differences from hadolint
hadolint compares the text with `$TARGETPLATFORM` and `${TARGETPLATFORM}`; shipshape expands
the value as BuildKit does, so `"${TARGETPLATFORM}"` is flagged too, and a file that redefines
`TARGETPLATFORM` with a global `ARG TARGETPLATFORM=...` is not. Like hadolint (and unlike
Docker's `RedundantTargetPlatform`), shipshape leaves `${TARGETPLATFORM:-linux/amd64}` alone:
the legacy builder does not set `TARGETPLATFORM`, and there the fallback pins the platform. The
finding points at the flag and comes with a fix.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
