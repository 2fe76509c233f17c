// DL3033 yum-unpinned-package: `yum install` of a package that names no version.
#include "rules/packages/rpm.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const shell::Command& cmd) { CheckRpmPinned(ctx, cmd, RpmTool::kYum); }

}  // namespace

extern const Rule kDL3033 = {
    .code = "DL3033",
    .name = "yum-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .summary = "Specify version with `yum install -y <package>-<version>`",
    .doc = R"md(## What it does
Flags each package of a `yum install` that names no version, and each module of a
`yum module install` that names no stream. A package names a version when it is
`name-version` or `name-version-release` (the part after its last `-` starts with a digit:
`httpd-2.4.6`, `httpd-2.4.6-99.el7.centos.1`), a relational spec given as one word
(`'httpd >= 2.4'`) or an `.rpm` file. A module names a stream with `:` (`nodejs:20`).

## Why is this bad?
Without a version, the build installs whatever the repositories offer that day: two builds of
the same Dockerfile can differ, and an update can break the image without any change to the
Dockerfile.

## Example
```dockerfile
FROM centos:7
RUN yum install -y httpd && yum clean all
```

## Use instead
```dockerfile
FROM centos:7
RUN yum install -y httpd-2.4.6 && yum clean all
```

## Fix safety
There is no fix: only the author knows which version to pin.

## Differences from hadolint
- Variables are resolved: `yum install -y $PKG` is judged by the value ARG, ENV or an
  earlier assignment in the script gives `PKG`. A word whose value the Dockerfile does not fix
  is judged by its text, an expansion after the last `-` counting as a version (`httpd-$VER`
  passes, `postgresql${PG_MAJOR}-server` does not); a word that is nothing but an expansion
  (`$PKGS`, `$(cat list)`) is not judged. hadolint passes any `${VAR}` named by an ARG or ENV,
  even when it holds the package name and not its version, and flags the others.
- hadolint counts a package as pinned when any `-`-separated part after its name starts with a
  digit, so `java-11-openjdk` (no version) passes; shipshape looks at the last part, so it is
  flagged and `java-11-openjdk-11.0.20` passes.
- Groups (`yum group install "Development Tools"`, `@development`) and file provides
  (`/usr/bin/python3`) have no version to pin and are not flagged; hadolint flags them.
- Option values are not packages: hadolint takes the value of `--setopt tsflags=nodocs`,
  `--enablerepo epel` or `-x kernel` for a package to pin.
- An `.rpm` file always names its version; hadolint flags one whose name has no `-`
  (`/tmp/nss.rpm`).
- One finding per unpinned package, at the package, instead of one per RUN; `yum` is seen
  behind `sudo` and `sh -c`.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
