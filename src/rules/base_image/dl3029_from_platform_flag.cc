// DL3029 from-platform-flag: `FROM --platform` forced to a constant platform.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// The names of the variables `text` refers to (`$X`, `${X}`, `${X:-...}`).
std::vector<std::string_view> References(std::string_view text) {
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
      continue;
    }
    if (text[i] != '$') continue;
    std::size_t begin = i + 1;
    if (text[begin] == '{') ++begin;
    std::size_t end = begin;
    while (end < text.size() && IsNameChar(text[end])) ++end;
    if (end > begin) names.push_back(text.substr(begin, end - begin));
    i = end - 1;
  }
  return names;
}

/// Whether `name` is one of the args BuildKit sets from the build's platforms.
bool IsAutomaticPlatformArg(std::string_view name) {
  for (std::string_view prefix : {"BUILD", "TARGET"}) {
    if (!name.starts_with(prefix)) continue;
    const std::string_view rest = name.substr(prefix.size());
    for (std::string_view suffix : {"PLATFORM", "OS", "OSVERSION", "ARCH", "VARIANT"}) {
      if (rest == suffix) return true;
    }
  }
  return false;
}

/// Whether `text` (a `--platform` value or an ARG default it uses) follows the platform of the
/// build: it refers to one of BuildKit's automatic platform args, directly or through global
/// ARGs, or to an ARG only the build sets.
bool FollowsBuild(const model::Model& model, std::string_view text, int depth) {
  if (depth > 8) return true;
  for (std::string_view name : References(text)) {
    const model::Variable* v = model.global_scope().Find(name);
    if (!v || !v->value || v->source == model::VariableSource::kPlatform ||
        v->source == model::VariableSource::kBuildArg) {
      return true;
    }
    if (!v->defined_by) continue;
    // Look at the default as written: `ARG P=$BUILDPLATFORM` follows the build.
    for (const syntax::Word& w : v->defined_by->args) {
      const std::size_t eq = w.value.find('=');
      if (eq != std::string_view::npos && w.value.substr(0, eq) == name &&
          FollowsBuild(model, w.value.substr(eq + 1), depth + 1)) {
        return true;
      }
    }
  }
  return false;
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kFrom) return;
  const std::optional<std::size_t> index = ctx.stage();
  if (!index) return;
  const model::Stage& stage = ctx.model().stages()[*index];
  if (stage.platform_text.empty() || !stage.platform.error.empty()) return;
  // BuildKit's FromPlatformFlagConstDisallowed gives up on any variable, even one whose
  // global ARG default pins the stage.
  if (ctx.as_buildkit_check() && !References(stage.platform_text).empty()) return;
  if (FollowsBuild(ctx.model(), stage.platform_text, 0)) return;
  // As BuildKit's FromPlatformFlagConstDisallowed: a stage named for its platform
  // (`AS build-arm64`) is pinned on purpose.
  const std::string& platform = stage.platform.value;
  const std::string lower = base::ToLower(platform);
  const std::string_view os = std::string_view(lower).substr(0, lower.find('/'));
  std::string_view arch =
      os.size() < lower.size() ? std::string_view(lower).substr(os.size() + 1) : std::string_view();
  arch = arch.substr(0, arch.find('/'));
  if ((!os.empty() && stage.name.find(os) != std::string::npos) ||
      (!arch.empty() && stage.name.find(arch) != std::string::npos)) {
    return;
  }
  for (const syntax::Flag& f : inst.flags) {
    if (f.Name() != "platform") continue;
    // `ARG BUILDPLATFORM=linux/amd64` before the first FROM replaces BuildKit's own value.
    for (std::string_view name : References(stage.platform_text)) {
      const model::Variable* v = ctx.model().global_scope().Find(name);
      if (IsAutomaticPlatformArg(name) && v && v->source == model::VariableSource::kGlobalArg) {
        ctx.Report(f.range, fmt::format("`--platform` pins this stage to `{}`: the default of the "
                                        "global `ARG {}` replaces the value BuildKit sets; declare "
                                        "it without a default",
                                        platform, name));
        return;
      }
    }
    const std::string shown = platform == stage.platform_text
                                  ? fmt::format("`{}`", platform)
                                  : fmt::format("`{}` (`{}`)", stage.platform_text, platform);
    ctx.Report(f.range, fmt::format("`--platform` pins this stage to {}; use `$BUILDPLATFORM` or "
                                    "`$TARGETPLATFORM`, or drop the flag",
                                    shown));
    return;
  }
}

}  // namespace

extern const Rule kDL3029 = {
    .code = "DL3029",
    .name = "from-platform-flag",
    .buildkit_name = "FromPlatformFlagConstDisallowed",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "base-image",
    .fixable = Fixable::kNever,
    .summary = "Do not use --platform flag with FROM",
    .doc = R"md(## What it does
Flags `FROM --platform=<value>` when the value is a constant such as `linux/amd64`: it does not
follow the platform of the build (`$BUILDPLATFORM`, `$TARGETPLATFORM`, `$TARGETOS`,
`$TARGETARCH`, ...), directly or through a global ARG.

## Why is this bad?
A constant platform makes the stage build for that platform whatever the build asks for. On an
ARM machine, or in a multi-platform build, the image silently contains binaries for the wrong
architecture, or the build runs under emulation. `--platform=$BUILDPLATFORM` (for a stage that
cross-compiles) or leaving the flag out (the target platform) keeps the Dockerfile portable.

## Example
```dockerfile
FROM --platform=linux/amd64 golang:1.23 AS build
RUN go version
```

## Use instead
```dockerfile
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
RUN go version
```

## Fix safety
There is no fix: whether the stage should follow the build platform or the target platform is
the author's choice.

## Differences from hadolint
- Any of BuildKit's platform args counts, not only `BUILDPLATFORM` and `TARGETPLATFORM`:
  `--platform=$TARGETOS/$TARGETARCH` is not flagged (hadolint issues #772, #861, #982). So does a
  global ARG whose default uses them (`ARG P=$BUILDPLATFORM`), or one without a default, which
  the build sets; a global ARG with a constant default is flagged, as in hadolint.
- A global `ARG BUILDPLATFORM=linux/amd64` (or another platform arg with a default) is flagged
  where it is used in `--platform`: BuildKit takes the default over its own value, so the stage
  is pinned whatever machine builds it. hadolint sees `BUILDPLATFORM` in the text and accepts it.
- As in BuildKit's `FromPlatformFlagConstDisallowed` check, a stage whose name contains the
  platform's OS or architecture (`FROM --platform=linux/arm64 alpine:3.21 AS base-arm64`) is
  pinned on purpose and not flagged.
- It answers to BuildKit's name `FromPlatformFlagConstDisallowed` and flags what that check
  flags, a `--platform` written as a constant; it also flags a constant that comes through a
  global ARG (`ARG P=linux/amd64`, or a default given to `BUILDPLATFORM`), which BuildKit's
  check, looking only for a variable in the flag, lets through. Selected by that name
  (`--select FromPlatformFlagConstDisallowed`), the rule is BuildKit's check and lets those
  through too.
- The finding points at the `--platform` flag.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
