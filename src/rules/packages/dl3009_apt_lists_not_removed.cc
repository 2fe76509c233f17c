// DL3009 apt-lists-not-removed: `apt-get update` leaves the package lists in the image.
#include <fmt/format.h>

#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

constexpr std::string_view kLists = "/var/lib/apt/lists";

bool IsApt(std::string_view name) {
  return name == "apt-get" || name == "apt" || name == "aptitude";
}

/// Whether the RUN removes the lists after `cmd`: `rm` of them (or of a parent, or of their
/// contents), `find` on them with `-delete`, or `apt-get dist-clean` (apt 2.7+).
bool ListsRemovedAfter(const shell::Analysis& run, const shell::Command& cmd) {
  if (RemovedAfter(run, cmd, kLists)) return true;
  const std::vector<shell::Command>& all = run.commands();
  for (std::size_t i = cmd.index + 1; i < all.size(); ++i) {
    if (IsApt(all[i].name) && all[i].IsSubcommand({"distclean", "dist-clean"})) return true;
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (!IsApt(cmd.name) || !cmd.IsSubcommand({"update"})) return;
  const shell::Analysis& run = ctx.run();
  // Lists written to a mount never reach the image.
  for (std::string_view type : {"cache", "tmpfs", "bind"}) {
    if (run.HasMount(type, kLists)) return;
  }
  if (ListsRemovedAfter(run, cmd)) return;
  // One finding per RUN, at the first update it does not clean up after: the updates after
  // that one are not cleaned up either, and one `rm` at the end settles them all.
  for (const shell::Command& c : run.commands()) {
    if (c.index >= cmd.index) break;
    if (IsApt(c.name) && c.IsSubcommand({"update"}) && !ListsRemovedAfter(run, c)) return;
  }
  if (!InShippedStage(ctx.stage(), ctx.model())) return;
  std::optional<base::Fix> fix;
  std::optional<base::Edit> edit;
  // `sudo apt-get update` hints that the RUN's own user may not remove the lists.
  if (!ChangesUser(cmd)) {
    edit = AppendToRun(ctx.dockerfile().instructions[ctx.index()], run,
                       "rm -rf /var/lib/apt/lists/*");
  }
  if (edit) {
    fix = base::Fix{"Remove `/var/lib/apt/lists` at the end of the RUN",
                    base::Applicability::kUnsafe,
                    {*edit}};
  }
  ctx.Report(CommandRange(cmd),
             fmt::format("`{} update` leaves the package lists in the image; remove "
                         "`/var/lib/apt/lists/*` in the same RUN, or better, keep them in a cache "
                         "mount (`RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked "
                         "...`), which also spares rebuilds the download",
                         cmd.name),
             std::move(fix));
}

}  // namespace

extern const Rule kDL3009 = {
    .code = "DL3009",
    .name = "apt-lists-not-removed",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kSometimes,
    .summary = "Delete the apt lists (/var/lib/apt/lists) after installing something",
    .doc = R"md(## What it does
Flags an `apt-get update` (or `apt update`, `aptitude update`) in a RUN that does not remove
`/var/lib/apt/lists` afterwards, in a stage whose contents end up in the image.

## Why is this bad?
`apt-get update` downloads the package lists of every configured archive: tens of megabytes
that nothing in the running container needs. A layer keeps what its RUN leaves behind, so the
lists stay in the image unless the same RUN removes them; an `rm` in a later RUN only hides
them.

## Example
```dockerfile
FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5
```

## Use instead
```dockerfile
FROM debian:12
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \
 && rm -rf /var/lib/apt/lists/*
```

## Fix safety
The fix appends `&& rm -rf /var/lib/apt/lists/*` to the RUN. It is unsafe: a later RUN that
installs packages without its own `apt-get update` then finds no lists and fails. There is no
fix for exec form, here-documents, a RUN that ends with a background command, or an update run
as another user (`sudo apt-get update`: the RUN's own user may not be allowed to remove the
lists).

## Differences from hadolint
- Only stages whose contents are shipped count: the target stage (`--target`, else the last
  one) and the stages it is built `FROM`. hadolint also reports a stage used as a base by any
  later stage, even one that is never built into the target.
- The removal must remove the lists, after the last update: `rm -rf /var/lib/apt/lists/*`,
  `rm /var/lib/apt/lists/*_*`, `rm -rf /var/lib/apt`, `find /var/lib/apt/lists -delete` or
  `apt-get dist-clean` (apt 2.7 and later). hadolint accepts any `rm -rf` anywhere in the RUN,
  such as `rm -rf /tmp/build` or one before the update, and rejects the removals without
  `-rf`, `find` and `dist-clean`.
- Braces are not expanded by `/bin/sh`: `rm -rf /var/lib/{apt,dpkg}/` removes nothing there.
- Cache, tmpfs and bind mounts exempt the RUN when they cover `/var/lib/apt/lists` (a mount of
  `/var/lib/apt` is enough; hadolint then also wants one of `/var/cache/apt`).
- `apt-get update` is seen behind `sudo` and `sh -c "..."`.
- One finding per RUN, at the `apt-get update` the RUN leaves uncleaned, with a fix.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
