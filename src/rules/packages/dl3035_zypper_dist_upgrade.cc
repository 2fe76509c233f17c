// DL3035 zypper-dist-upgrade: `zypper dist-upgrade` in a build.
#include <fmt/format.h>

#include "rules/packages/rpm.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const shell::Command& cmd) {
  if (RpmToolOf(cmd.name) != RpmTool::kZypper) return;
  const RpmCommand c = ParseRpm(cmd, RpmTool::kZypper);
  if (!c.IsSubcommand({"dist-upgrade", "dup"})) return;
  ctx.Report(c.subcommand->range,
             fmt::format("`zypper {}` upgrades the base image's distribution; use a newer base "
                         "image instead",
                         c.subcommand->value));
}

}  // namespace

extern const Rule kDL3035 = {
    .code = "DL3035",
    .name = "zypper-dist-upgrade",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .summary = "Do not use `zypper dist-upgrade`",
    .doc = R"md(## What it does
Flags `zypper dist-upgrade` (`zypper dup`).

## Why is this bad?
`dist-upgrade` upgrades every package to whatever the configured repositories hold, and may
change vendors or move to the next release of the distribution. The image then no longer
matches its base image, grows by a layer holding most of the system again, and changes from one
build to the next. Rebuild on a newer base image instead, or `zypper patch` / `zypper update`
for security fixes.

## Example
```dockerfile
FROM opensuse/leap:15.6
RUN zypper --non-interactive dist-upgrade && zypper clean --all
```

## Use instead
```dockerfile
FROM opensuse/leap:15.6
RUN zypper --non-interactive patch && zypper clean --all
```

## Fix safety
There is no fix: choosing another base image or another kind of update is up to the author.

## Differences from hadolint
hadolint flags a `zypper` command with `dist-upgrade` or `dup` anywhere among its arguments
(`zypper install dup`, a package named `dup`, too); shipshape checks the subcommand, reading
zypper's global options (`zypper -n dup`). It sees `zypper` behind `sudo` and `sh -c`, and
points at the subcommand instead of the RUN's first line.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
