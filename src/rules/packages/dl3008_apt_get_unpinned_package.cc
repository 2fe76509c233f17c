// DL3008 apt-get-unpinned-package: `apt-get install` of a package without a version.
#include <fmt/format.h>

#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

// apt-get's options that take a value (`-t` and `--target-release` are the ones hadolint knows).
constexpr ArgSpec kAptGet = {
    "octa",
    "option,config-file,target-release,default-release,host-architecture",
};

/// hadolint's definition: a version (`=`), a release or a path (`/`), or a local `.deb`.
bool Pinned(std::string_view package) {
  return package.find('=') != std::string_view::npos ||
         package.find('/') != std::string_view::npos ||
         package.ends_with(".deb");
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "apt-get" || !cmd.IsSubcommand({"install"})) return;
  const ParsedArgs args = ParseArgs(cmd.argv, kAptGet);
  // The first positional is `install` itself.
  for (std::size_t i = 1; i < args.positionals.size(); ++i) {
    const shell::Argument& a = *args.positionals[i];
    // A value the Dockerfile does not fix is unknown, not unpinned.
    if (!a.known || a.value.empty() || Pinned(a.value)) continue;
    ctx.Report(a.range, fmt::format("Pin the version of `{}` (`apt-get install {}=<version>`)",
                                    a.value, a.value));
  }
}

}  // namespace

extern const Rule kDL3008 = {
    .code = "DL3008",
    .name = "apt-get-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kNever,
    .summary = "Pin versions in apt-get install",
    .doc = R"md(## What it does
Flags each package that `apt-get install` installs without a version: `curl` rather than
`curl=7.88.1-10+deb12u5`.

A package counts as pinned, as in hadolint, when it holds `=` (a version), `/` (a release such
as `curl/bookworm-backports`, or a path) or ends in `.deb` (a local package file).

## Why is this bad?
Without a version, each build installs whatever the archive holds that day. Two builds of the
same Dockerfile can then differ, a rebuild can pull in a regression, and a bug cannot be
traced back to the package version that caused it.

## Example
```dockerfile
FROM debian:12
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
```

## Use instead
```dockerfile
FROM debian:12
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \
 && rm -rf /var/lib/apt/lists/*
```

## Fix safety
There is no fix: only the archive knows which version to pin.

## Differences from hadolint
- Variables are resolved: `apt-get install $PACKAGES` checks each package the ARG or ENV
  gives. A value the Dockerfile does not fix (an ARG without a default, `$(...)`) is unknown,
  not unpinned, and is not reported; hadolint reports it.
- `apt-get` is seen behind `sudo`, `env`, `xargs` and `sh -c "..."`.
- One finding per unpinned package, at the package, instead of one per RUN on its first line.
- The values of `-o`, `-c` and `-a` are not taken for packages (hadolint lets them through
  because they usually contain `=`).
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
