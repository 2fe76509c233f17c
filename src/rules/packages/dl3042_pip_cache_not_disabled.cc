// DL3042 pip-cache-not-disabled: `pip install` keeps its download cache in the image.
#include <cctype>

#include "model/mount.h"
#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

constexpr std::string_view kVar = "PIP_NO_CACHE_DIR";

/// Whether pip reads `value` of PIP_NO_CACHE_DIR as "no cache". pip parses it with strtobool
/// and, for compatibility, disables the cache for false values too (`off`, `0`); only a value
/// strtobool rejects leaves the cache on (pip then stops with an error).
bool DisablesCache(std::string_view value) {
  std::string v(value);
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view b : {"y", "yes", "t", "true", "on", "1", "n", "no", "f", "false", "off",
                             "0"}) {
    if (v == b) return true;
  }
  return false;
}

/// `NAME=value` words: whether one sets PIP_NO_CACHE_DIR to a value that disables the cache.
bool SetsNoCache(std::string_view assignment) {
  if (!assignment.starts_with(kVar) || assignment.size() <= kVar.size() ||
      assignment[kVar.size()] != '=') {
    return false;
  }
  return DisablesCache(assignment.substr(kVar.size() + 1));
}

/// Whether the environment pip runs in disables its cache: an ARG or ENV in force, a
/// `PIP_NO_CACHE_DIR=1 pip ...` prefix, or an earlier `export` in the RUN.
bool EnvironmentDisablesCache(Context& ctx, const shell::Command& cmd) {
  if (const model::Variable* v = ctx.model().ScopeAt(ctx.index()).Find(kVar)) {
    if (v->value && DisablesCache(*v->value)) return true;
  }
  for (const shell::Word* w : cmd.assignments) {
    if (SetsNoCache(w->value)) return true;
  }
  const std::vector<shell::Command>& all = ctx.run().commands();
  for (std::size_t i = 0; i < cmd.index && i < all.size(); ++i) {
    if (all[i].name != "export") continue;
    for (const shell::Argument& a : all[i].argv) {
      if (a.known && SetsNoCache(a.value)) return true;
    }
  }
  return false;
}

/// Whether the RUN empties pip's cache after `cmd`: `pip cache purge`, or `rm` of
/// `~/.cache/pip` (or of `~/.cache`) under any home.
bool PurgedLater(const shell::Analysis& run, const shell::Command& cmd) {
  const std::vector<shell::Command>& all = run.commands();
  for (std::size_t i = cmd.index + 1; i < all.size(); ++i) {
    const shell::Command& c = all[i];
    if (c.name.starts_with("pip") && c.IsSubcommand({"cache"}) && !c.args.empty() &&
        c.args[0].value == "purge") {
      return true;
    }
    if (c.name != "rm") continue;
    for (const shell::Argument& a : c.args) {
      std::string_view p = a.value;
      while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
      if (p.ends_with("/*")) p.remove_suffix(2);
      for (std::string_view dir : {"/.cache/pip", "/.cache"}) {
        if (p.ends_with(dir)) return true;
      }
    }
  }
  return false;
}

/// Whether the RUN mounts something over pip's cache (`--mount=type=cache,target=/root/.cache/pip`),
/// whose content then stays out of the image.
bool CacheMounted(const syntax::Instruction& inst) {
  const syntax::Instruction& run = inst.trigger ? *inst.trigger : inst;
  for (const syntax::Flag& f : run.flags) {
    if (f.Name() != "mount" || !f.Value()) continue;
    const model::MountResult m = model::ParseMount(*f.Value());
    if (!m.ok() || m.mount.type == model::kMountTypeSecret || m.mount.type == model::kMountTypeSsh) {
      continue;
    }
    std::string_view t = m.mount.target;
    while (t.size() > 1 && t.back() == '/') t.remove_suffix(1);
    if (t.find(".cache/pip") != std::string_view::npos || t.ends_with("/.cache")) return true;
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  const std::optional<PipInstall> pip = FindPipInstall(cmd);
  // pipx installs into its own virtual environments, with its own cache handling.
  if (!pip || pip->tool != PipTool::kPip) return;
  if (pip->args.Has({"no-cache-dir"})) return;
  const shell::Analysis& run = ctx.run();
  if (CacheMounted(ctx.dockerfile().instructions[ctx.index()])) return;
  if (EnvironmentDisablesCache(ctx, cmd) || PurgedLater(run, cmd)) return;
  if (!InShippedStage(ctx.stage(), ctx.model())) return;
  const base::Range range = {cmd.command.range.begin, pip->install->range.end};
  ctx.Report(range, "`pip install` without `--no-cache-dir` keeps its download cache in the image",
             base::Fix{"Add `--no-cache-dir`", base::Applicability::kUnsafe,
                       {InsertAfter(run, pip->install->range, "--no-cache-dir")}});
}

}  // namespace

extern const Rule kDL3042 = {
    .code = "DL3042",
    .name = "pip-cache-not-disabled",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kAlways,
    .summary = "Avoid use of cache directory with pip",
    .doc = R"md(## What it does
Flags `pip install` (also `pip3`, `python3 -m pip`) without `--no-cache-dir`, in a stage whose
contents end up in the image, unless pip's cache is disabled or removed another way:
`PIP_NO_CACHE_DIR` set by an ARG or ENV or in the RUN, a cache or tmpfs mount on
`~/.cache/pip`, or `pip cache purge` / `rm -rf ~/.cache/pip` later in the same RUN.

## Why is this bad?
pip keeps every wheel it downloads or builds in `~/.cache/pip` so that the next install on the
same machine is faster. In an image there is no next install: the cache only adds its size,
often tens of megabytes, to the layer.

## Example
```dockerfile
FROM python:3.12-slim
RUN pip install flask==3.0.3
```

## Use instead
```dockerfile
FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.3
```

## Fix safety
The fix adds `--no-cache-dir` right after `install`. It is unsafe: the image content changes
(no cache), and a later RUN that installs offline from that cache would fail.

## Differences from hadolint
- Only stages whose contents are shipped count: the target stage (`--target`, else the last
  one) and the stages it is built `FROM`. The cache of a build stage that is only copied from
  never reaches the image.
- `PIP_NO_CACHE_DIR` is read as pip reads it: any boolean word disables the cache, `off` and
  `0` included (pip does so for compatibility). hadolint accepts only true values, and any
  `PIP_NO_CACHE_DIR=...` text anywhere in the RUN, even in an unexported assignment pip never
  sees; shipshape wants the ARG/ENV, a `VAR=value pip ...` prefix, or an `export`.
- Cache, tmpfs and bind mounts on `.cache/pip` or on a whole `~/.cache` exempt the RUN
  (hadolint: cache and tmpfs mounts on `.cache/pip`).
- `pip cache purge` or `rm -rf ~/.cache/pip` after the install in the same RUN passes.
- pip is seen behind `sudo` and `sh -c "..."`; the finding points at `pip install`, with a fix.
- `pipx`, `pipenv` and `uv` are not checked, as in hadolint: they are different tools with
  their own caches.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
