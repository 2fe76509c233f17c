// DL3060 yarn-cache-not-cleaned: `yarn install` leaves its package cache in the image.
#include <fmt/format.h>

#include "model/mount.h"
#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// `yarn install`, or a bare `yarn` (which installs; `yarn --version` does not).
bool IsInstall(const shell::Command& c) {
  if (c.name != "yarn") return false;
  if (!c.subcommand) return !c.HasOption({"v", "version", "h", "help"});
  return c.IsSubcommand({"install"});
}

/// Whether the RUN empties yarn's cache after `cmd`: `yarn cache clean`, or `rm` of a
/// directory named like yarn's cache (`/usr/local/share/.cache/yarn`, `~/.cache/yarn`).
bool CleanedLater(const shell::Analysis& run, const shell::Command& cmd) {
  const std::vector<shell::Command>& all = run.commands();
  for (std::size_t i = cmd.index + 1; i < all.size(); ++i) {
    const shell::Command& c = all[i];
    if (c.name == "yarn" && c.IsSubcommand({"cache"}) && !c.args.empty() &&
        c.args[0].value == "clean") {
      return true;
    }
    if (c.name != "rm") continue;
    for (const shell::Argument& a : c.args) {
      std::string_view p = a.value;
      while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
      if (p.ends_with("/*")) p.remove_suffix(2);
      if (p.ends_with(".cache/yarn") || p.ends_with("/.cache") || p.ends_with(".yarn-cache")) {
        return true;
      }
    }
  }
  return false;
}

/// hadolint's exemption: a cache or tmpfs mount whose target holds `.cache/yarn`; bind mounts
/// keep their writes out of the image too.
bool CacheMounted(const syntax::Instruction& inst) {
  const syntax::Instruction& run = inst.trigger ? *inst.trigger : inst;
  for (const syntax::Flag& f : run.flags) {
    if (f.Name() != "mount" || !f.Value()) continue;
    const model::MountResult m = model::ParseMount(*f.Value());
    if (!m.ok() || m.mount.type == model::kMountTypeSecret || m.mount.type == model::kMountTypeSsh) {
      continue;
    }
    if (m.mount.target.find(".cache/yarn") != std::string::npos) return true;
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (!IsInstall(cmd)) return;
  const shell::Analysis& run = ctx.run();
  if (CleanedLater(run, cmd)) return;
  // One finding per RUN, at the first install it does not clean up after: the installs after
  // that one are not cleaned up either, and one `yarn cache clean` at the end settles them all.
  for (const shell::Command& c : run.commands()) {
    if (c.index >= cmd.index) break;
    if (IsInstall(c) && !CleanedLater(run, c)) return;
  }
  const syntax::Instruction& inst = ctx.dockerfile().instructions[ctx.index()];
  if (CacheMounted(inst) || !InShippedStage(ctx.stage(), ctx.model())) return;
  std::optional<base::Fix> fix;
  std::optional<base::Edit> edit;
  // The cache of another user would not be cleaned by a command appended as this one.
  if (!ChangesUser(cmd)) edit = AppendToRun(inst, run, "yarn cache clean");
  if (edit) {
    fix = base::Fix{"Run `yarn cache clean` at the end of the RUN", base::Applicability::kUnsafe,
                    {*edit}};
  }
  ctx.Report(CommandRange(cmd),
             fmt::format("`{}` leaves the yarn cache in the image; run `yarn cache clean` in "
                         "the same RUN",
                         cmd.subcommand ? "yarn install" : "yarn"),
             std::move(fix));
}

}  // namespace

extern const Rule kDL3060 = {
    .code = "DL3060",
    .name = "yarn-cache-not-cleaned",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kSometimes,
    .summary = "`yarn cache clean` missing after `yarn install` was run",
    .doc = R"md(## What it does
Flags a `yarn install` (or a bare `yarn`, which installs) in a RUN that does not run
`yarn cache clean` afterwards, in a stage whose contents end up in the image.

## Why is this bad?
yarn keeps a copy of every package it downloads in its global cache
(`/usr/local/share/.cache/yarn` for root), often hundreds of megabytes that the running
application never reads. A layer keeps what its RUN leaves behind, so the cache must go in
the same RUN.

## Example
```dockerfile
FROM node:22-alpine
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile
```

## Use instead
```dockerfile
FROM node:22-alpine
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile && yarn cache clean
```

## Fix safety
The fix appends `&& yarn cache clean` to the RUN. It is unsafe: a later RUN that installs
offline from the cache would fail. There is no fix for exec form, here-documents, a RUN that
ends with a background command, or an install run as another user (`su node -c "yarn install"`:
the appended clean would empty another user's cache).

## Differences from hadolint
- Only stages whose contents are shipped count: the target stage (`--target`, else the last
  one) and the stages it is built `FROM`. hadolint also reports a stage used as a base by any
  later stage, even one never built into the target.
- A bare `yarn` is an install and is checked; hadolint only sees the word `install`.
- The clean must come after the install: hadolint accepts a `yarn cache clean` anywhere in the
  RUN, and any `yarn` command with the word `cache` or `clean`. `rm -rf` of yarn's cache
  directory counts as cleaning.
- yarn is seen behind `sudo` and `sh -c "..."`; one finding per RUN, at the install, with a
  fix.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
