// DL3000 relative-workdir: a WORKDIR given as a relative path.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "rules/edit_util.h"
#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

/// Go's path.Clean for a path starting with `/`.
std::string CleanAbsolute(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (std::string_view part : parts) {
    out += '/';
    out += part;
  }
  return out.empty() ? "/" : out;
}

/// Checks one WORKDIR (reports only with `report`) and returns the working directory after it,
/// when the Dockerfile fixes it.
std::optional<std::string> Visit(Context& ctx, std::size_t index, const syntax::Instruction& inst,
                                 bool in_onbuild, const std::optional<std::string>& dir,
                                 bool report = true) {
  if (inst.args.empty()) return dir;
  const syntax::Word& arg = inst.args[0];
  ResolvedPath path = ResolvePath(ctx.model(), index, arg.value, in_onbuild);
  if (path.kind == PathKind::kUnknown) return std::nullopt;
  if (path.kind == PathKind::kAbsolute) {
    return path.known ? std::optional<std::string>(std::move(path.value)) : std::nullopt;
  }
  std::optional<std::string> next;
  std::optional<base::Fix> fix;
  if (dir && path.known && (*dir)[0] == '/' && IsPlainPath(*dir)) {
    next = CleanAbsolute(*dir + "/" + path.value);
    // Only a path written without quotes or variables is replaced: the result is then exactly
    // what BuildKit computes from the previous WORKDIR.
    if (!in_onbuild && IsPlainPath(arg.value) && ctx.Text(arg.range) == arg.value) {
      fix = base::Fix{fmt::format("Replace with the absolute path `{}`", *next),
                      base::Applicability::kSafe,
                      {{arg.range, *next}}};
    }
  }
  if (!report) return next;
  const std::string shown = !path.known || path.value == arg.value
                                ? fmt::format("`{}`", arg.value)
                                : fmt::format("`{}` (`{}`)", arg.value, path.value);
  ctx.Report(arg.range, fmt::format("`WORKDIR` path {} is relative; use an absolute path", shown),
             std::move(fix));
  return next;
}

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  // The working directory at the end of each stage, when the Dockerfile fixes it: `/` from
  // scratch, the base stage's for `FROM <stage>`, unknown for an image.
  std::vector<std::optional<std::string>> final_dir(model.stages().size());
  // Whether a WORKDIR ran in the stage or a stage it is built FROM: BuildKit's
  // WorkdirRelativePath judges only the first WORKDIR of a stage chain.
  std::vector<bool> final_seen(model.stages().size(), false);
  const bool buildkit = ctx.as_buildkit_check();
  // The WORKDIRs of instructions [first, end), from working directory `dir`.
  auto walk = [&](std::size_t first, std::size_t end, std::optional<std::string>& dir,
                  bool& seen) {
    for (std::size_t i = first; i < end; ++i) {
      const syntax::Instruction& inst = insts[i];
      if (inst.keyword == syntax::Keyword::kWorkdir) {
        dir = Visit(ctx, i, inst, false, dir, !buildkit || !seen);
        seen = true;
      } else if (!buildkit && inst.trigger &&
                 inst.trigger->keyword == syntax::Keyword::kWorkdir) {
        Visit(ctx, i, *inst.trigger, true, std::nullopt);
      }
    }
  };
  if (const auto implicit = model.ImplicitStage()) {
    // A fragment: what ran before it is unknown, so its first WORKDIR is judged as a stage's.
    std::optional<std::string> dir;
    bool seen = false;
    walk(implicit->first, implicit->second, dir, seen);
  }
  for (const model::Stage& stage : model.stages()) {
    std::optional<std::string> dir;
    bool seen = false;
    if (stage.base_kind == model::BaseKind::kScratch) {
      dir = "/";
    } else if (stage.base_kind == model::BaseKind::kStage && stage.base_stage) {
      dir = final_dir[*stage.base_stage];
      seen = final_seen[*stage.base_stage];
    }
    walk(stage.begin + 1, stage.end, dir, seen);
    final_dir[stage.index] = std::move(dir);
    final_seen[stage.index] = seen;
  }
}

}  // namespace

extern const Rule kDL3000 = {
    .code = "DL3000",
    .name = "relative-workdir",
    .buildkit_name = "WorkdirRelativePath",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kSometimes,
    .summary = "Use absolute WORKDIR",
    .doc = R"md(## What it does
Flags a `WORKDIR` whose path, once its variables are expanded, is relative.

## Why is this bad?
A relative `WORKDIR` is resolved against the working directory in force, which usually comes
from the base image. When the base image changes its `WORKDIR`, everything after this line
silently moves elsewhere. An absolute path says where files go without reading the base image.
Docker's own build check `WorkdirRelativePath` warns about the same thing.

## Example
```dockerfile
FROM node:22
WORKDIR app
COPY . .
```

## Use instead
```dockerfile
FROM node:22
WORKDIR /app
COPY . .
```

## Fix safety
When the working directory before the relative `WORKDIR` is known from the Dockerfile (an
earlier absolute `WORKDIR` in the stage or in the stage it is built `FROM`, or `/` for a stage
built `FROM scratch`), the fix writes the absolute path BuildKit computes, so it is safe. Without
that (the directory comes from the base image), or when the path is written with quotes or
variables, there is no fix.

## Differences from hadolint
- Variables are expanded with the ARG and ENV values in force: `WORKDIR $DIR` with
  `ENV DIR=app` is flagged, and `WORKDIR ${DIR}` is left alone only when the Dockerfile does
  not fix `DIR`. hadolint accepts any path that starts with `$`.
- A one-letter path such as `WORKDIR a` is flagged; hadolint crashes on it.
- `ONBUILD WORKDIR app` is checked too.
- Selected by its BuildKit name (`--select WorkdirRelativePath`), the rule is BuildKit's check:
  only the first `WORKDIR` of a stage and the stages it is built `FROM` is judged (a relative
  one after it is relative to a directory the Dockerfile set), and `ONBUILD` is not.
- The finding points at the path and, where the result is known, comes with a fix.
)md",
    .onbuild = true,
    .on_file = Check,
};

}  // namespace shipshape::rules
