// SP602 apt-update-alone: `apt-get update` (or `apk update`) in a RUN that installs nothing.
#include <fmt/format.h>

#include <string_view>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

bool IsApt(std::string_view name) { return name == "apt-get" || name == "apt"; }

/// Commands that cannot install a package: what a RUN may do besides `update` and still be
/// flagged. Anything else (a script, a helper such as `install_packages`) might install.
bool CannotInstall(const shell::Command& c) {
  for (std::string_view s : {"echo", "printf", "rm", "mkdir", "ln", "cp", "mv", "sed", "tee",
                             "cat", "chmod", "chown", "true", ":", "set", "export", "curl",
                             "wget", "gpg", "apt-key", "touch", "test", "["}) {
    if (c.name == s) return true;
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  const bool apt = IsApt(cmd.name) && cmd.IsSubcommand({"update"});
  const bool apk = cmd.name == "apk" && cmd.IsSubcommand({"update"});
  if (!apt && !apk) return;
  for (const shell::Command& other : ctx.run().commands()) {
    if (&other == &cmd) continue;
    if ((IsApt(other.name) || other.name == "apk") && other.IsSubcommand({"update"})) continue;
    if (!CannotInstall(other)) return;
  }
  ctx.Report(cmd.range,
             fmt::format("`{} update` in a RUN that installs nothing: its package lists are "
                         "cached with this layer, so a later RUN installs from stale lists; "
                         "update and install in the same RUN",
                         cmd.name));
}

}  // namespace

extern const Rule kSP602 = {
    .code = "SP602",
    .name = "apt-update-alone",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "layers",
    .summary = "Run `apt-get update` in the same RUN as the install",
    .doc = R"md(## What it does
Flags `apt-get update` (`apt update`, `apk update`) in a RUN that installs nothing: the RUN only
updates the package lists, perhaps with some key or source setup (`curl`, `gpg`, `echo ... >`),
and the install comes in a later RUN. A RUN that runs anything else (a script, a helper such as
`install_packages`) is not flagged, since that may install.

## Why is this bad?
Docker caches each RUN by its text. Once `RUN apt-get update` is cached, changing the install
line below it rebuilds only the install, which then uses package lists from whenever the update
layer was built: packages that no longer exist on the mirror (404) or old versions with known
vulnerabilities. The lists also stay in the image as a layer of their own.

## Example
```dockerfile
FROM debian:12
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
```

## Use instead
```dockerfile
FROM debian:12
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
```

## Fix safety
There is no fix here; DL3059's unsafe fix merges consecutive RUNs.

## Differences from hadolint
hadolint has no such rule (DL3009 asks for the lists to be removed). Trivy (DS-0017), Checkov
(CKV_DOCKER_5), KICS and dockle (CIS-DI-0007) flag an update alone by its text; shipshape reads
the commands, and does not flag a RUN whose other commands might install.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
