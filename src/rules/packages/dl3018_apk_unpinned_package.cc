// DL3018 apk-unpinned-package: `apk add` of a package without a version.
#include <fmt/format.h>

#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

// apk's options that take a value: `-t`/`--virtual` name a virtual package, `-X` is
// `--repository`, `-p` is `--root`.
constexpr ArgSpec kApk = {
    "tXp",
    "virtual,repository,root,keys-dir,cache-dir,arch,repositories-file,wait,cache-max-age,"
    "timeout,from",
};

/// hadolint's definition: a version constraint (`=`, `~`, `>`, `<`) or a local `.apk` file.
bool Pinned(std::string_view package) {
  return package.find_first_of("=~<>") != std::string_view::npos ||
         package.ends_with(".apk");
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "apk") return;
  const ParsedArgs args = ParseArgs(cmd.argv, kApk);
  if (args.positionals.empty() || args.positionals[0]->value != "add") return;
  for (std::size_t i = 1; i < args.positionals.size(); ++i) {
    const shell::Argument& a = *args.positionals[i];
    // A value the Dockerfile does not fix is unknown, not unpinned.
    if (!a.known || a.value.empty() || Pinned(a.value)) continue;
    ctx.Report(a.range,
               fmt::format("Pin the version of `{}` (`apk add {}=<version>`)", a.value, a.value));
  }
}

}  // namespace

extern const Rule kDL3018 = {
    .code = "DL3018",
    .name = "apk-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kNever,
    .summary = "Pin versions in apk add",
    .doc = R"md(## What it does
Flags each package that `apk add` installs without a version: `curl` rather than
`curl=8.9.1-r1` or `curl~8.9`.

A package counts as pinned, as in hadolint, when it holds a version constraint (`=`, `~`,
`>`, `<`) or is a local `.apk` file.

## Why is this bad?
Without a version, each build installs whatever the repository holds that day, so two builds
of the same Dockerfile can differ and a regression can slip in unnoticed.

## Example
```dockerfile
FROM alpine:3.20
RUN apk add --no-cache curl
```

## Use instead
```dockerfile
FROM alpine:3.20
RUN apk add --no-cache curl=8.9.1-r1
```

## Fix safety
There is no fix: only the repository knows which version to pin.

## Differences from hadolint
- Variables are resolved: `apk add $PACKAGES` checks each package the ARG or ENV gives. A
  value the Dockerfile does not fix is unknown, not unpinned, and is not reported; hadolint
  reports it.
- The values of `--root`/`-p`, `--arch`, `--cache-dir`, `--keys-dir`, `--repositories-file`
  and `--wait` are not taken for packages (hadolint only knows `-t`, `--virtual`, `-X` and
  `--repository`).
- `apk` is seen behind `sudo` and `sh -c "..."`; one finding per unpinned package, at the
  package.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
