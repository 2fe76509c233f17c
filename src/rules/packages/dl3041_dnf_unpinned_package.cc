// DL3041 dnf-unpinned-package: `dnf install` (or microdnf) of a package that names no version.
#include "rules/packages/rpm.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const shell::Command& cmd) {
  CheckRpmPinned(ctx, cmd, RpmTool::kDnf);
  CheckRpmPinned(ctx, cmd, RpmTool::kMicrodnf);
}

}  // namespace

extern const Rule kDL3041 = {
    .code = "DL3041",
    .name = "dnf-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .summary = "Specify version with `dnf install -y <package>-<version>`",
    .doc = R"md(## What it does
Flags each package of a `dnf install` (`dnf in`, `dnf5 install`, `microdnf install`) that names
no version, and each module of a `dnf module install` that names no stream. A package names a
version when it is `name-version` or `name-version-release` (the part after its last `-` starts
with a digit: `httpd-2.4.62`, `httpd-2.4.62-1.el9`), a relational spec given as one word
(`'httpd >= 2.4'`) or an `.rpm` file. A module names a stream with `:` (`nodejs:20`).

## Why is this bad?
Without a version, the build installs whatever the repositories offer that day: two builds of
the same Dockerfile can differ, and an update can break the image without any change to the
Dockerfile.

## Example
```dockerfile
FROM fedora:40
RUN dnf install -y httpd && dnf clean all
```

## Use instead
```dockerfile
FROM fedora:40
RUN dnf install -y httpd-2.4.62 && dnf clean all
```

## Fix safety
There is no fix: only the author knows which version to pin.

## Differences from hadolint
- Variables are resolved: `dnf install -y $PKG` is judged by the value ARG, ENV or an
  earlier assignment in the script gives `PKG`. A word whose value the Dockerfile does not fix
  is judged by its text, an expansion after the last `-` counting as a version (`httpd-$VER`
  passes, `postgresql${PG_MAJOR}-server` does not); a word that is nothing but an expansion
  (`$PKGS`, `$(cat list)`) is not judged. hadolint passes any `${VAR}` named by an ARG or ENV,
  even when it holds the package name and not its version, and flags the others.
- hadolint counts a package as pinned when any `-`-separated part after its name starts with a
  digit, so `java-17-openjdk` (no version) passes; shipshape looks at the last part, so it is
  flagged and `java-17-openjdk-17.0.12` passes.
- Groups (`@development-tools`) and file provides (`/usr/bin/python3`) have no version to pin and
  are not flagged; hadolint flags them. `dnf group install` is skipped by both.
- Option values are not packages: hadolint takes the value of `--setopt install_weak_deps=0`,
  `--enablerepo epel` or `-x kernel` for a package to pin. `dnf5` is checked too.
- An `.rpm` file always names its version; hadolint flags one whose name has no `-`
  (`${DIR}/*.rpm`).
- One finding per unpinned package, at the package, instead of one per RUN; `dnf` is seen
  behind `sudo` and `sh -c`.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
