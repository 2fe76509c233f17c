// DL3019 apk-without-no-cache: `apk add` without `--no-cache` leaves its index in the image.
#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

constexpr std::string_view kCache = "/var/cache/apk";

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "apk" || !cmd.IsSubcommand({"add"})) return;
  // `--no-network` downloads nothing, so it writes no index either.
  if (cmd.HasOption({"no-cache", "no-network"})) return;
  const shell::Analysis& run = ctx.run();
  // A cache written to a mount never reaches the image; nor one the RUN removes afterwards.
  for (std::string_view type : {"cache", "tmpfs", "bind"}) {
    if (run.HasMount(type, kCache) || run.HasMount(type, "/etc/apk/cache")) return;
  }
  if (RemovedAfter(run, cmd, kCache)) return;
  if (!InShippedStage(ctx.stage(), ctx.model())) return;
  ctx.Report(CommandRange(cmd),
             "`apk add` without `--no-cache` leaves the package index in `/var/cache/apk`",
             base::Fix{"Add `--no-cache`", base::Applicability::kUnsafe,
                       {InsertAfterSubcommand(run, cmd, "--no-cache")}});
}

}  // namespace

extern const Rule kDL3019 = {
    .code = "DL3019",
    .name = "apk-without-no-cache",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kAlways,
    .summary = "Use the `--no-cache` switch to avoid the need to use `--update` and remove "
               "`/var/cache/apk/*` when done installing packages",
    .doc = R"md(## What it does
Flags `apk add` without `--no-cache` in a stage whose contents end up in the image, unless
the same RUN removes `/var/cache/apk` afterwards or mounts a cache there.

## Why is this bad?
`apk add` downloads the repository indexes and keeps them in `/var/cache/apk`, a few megabytes
that the running container never reads. `--no-cache` fetches a fresh index, uses it and
leaves nothing behind, which also makes `--update` and a later `rm -rf /var/cache/apk/*`
unnecessary.

## Example
```dockerfile
FROM alpine:3.20
RUN apk add curl=8.9.1-r1
```

## Use instead
```dockerfile
FROM alpine:3.20
RUN apk add --no-cache curl=8.9.1-r1
```

## Fix safety
The fix adds `--no-cache` right after `add`. It is unsafe: the image no longer holds the
index, so a later `apk add` without `--no-cache` or `--update` must fetch it again.

## Differences from hadolint
- Only stages whose contents are shipped count: the target stage (`--target`, else the last
  one) and the stages it is built `FROM`; the cache of a build stage that is only copied from
  never reaches the image.
- A RUN that removes `/var/cache/apk` after the `apk add` (`rm -rf /var/cache/apk/*`) passes:
  nothing is left behind. hadolint still reports it.
- `apk add --no-network` (which downloads nothing) passes.
- Cache, tmpfs and bind mounts of `/var/cache/apk` or `/etc/apk/cache` exempt the RUN
  (hadolint: cache and tmpfs mounts of `/var/cache/apk`).
- `apk` is seen behind `sudo` and `sh -c "..."`; the finding points at the command, with a
  fix.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
