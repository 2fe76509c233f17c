// DL3030 yum-missing-yes: a yum command that changes packages without `-y` stops at its prompt.
#include "rules/packages/rpm.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const shell::Command& cmd) { CheckAssumeYes(ctx, cmd, RpmTool::kYum); }

}  // namespace

extern const Rule kDL3030 = {
    .code = "DL3030",
    .name = "yum-missing-yes",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kSometimes,
    .summary = "Use the -y switch to avoid manual input `yum install -y <package>`",
    .doc = R"md(## What it does
Flags a `yum` command that installs, upgrades or removes packages (`install`, `groupinstall`,
`localinstall`, `reinstall`, `update`, `upgrade`, `downgrade`, `distro-sync`, `remove`,
`erase`, `autoremove`, `group install`, `module install`, `module enable`, ...) without `-y`
(`--assumeyes`).

## Why is this bad?
Before it changes anything, yum asks `Is this ok [y/N]:`. A build has no one to answer: yum
reads end-of-file, aborts with `Operation aborted` / `Exiting on user command`, and the build
fails, but only on the day there is something to install or update, so the Dockerfile that
worked yesterday breaks today.

## Example
```dockerfile
FROM centos:7
RUN yum install httpd && yum clean all
```

## Use instead
```dockerfile
FROM centos:7
RUN yum install -y httpd && yum clean all
```

## Fix safety
The fix inserts `-y` after the subcommand (after `install` in `yum module install`). It is safe
for installs and upgrades: yum installs exactly what it would have asked about, which is what
the instruction asks for. It is unsafe for removals: yum may remove more than the packages
named (everything that depends on them), which a prompt would have shown. There is no fix for
exec-form RUNs.

## Differences from hadolint
hadolint checks only `install`, `groupinstall` and `localinstall`; shipshape checks every
subcommand that asks for confirmation. It also accepts `--setopt=assumeyes=1` and answers
piped in (`yes | yum install x`), sees `yum` behind `sudo` and `sh -c`, reads flags the
Dockerfile's ARG and ENV values give (`yum $YUM_FLAGS install x` with `ENV YUM_FLAGS=-y`), and
points at the command instead of the RUN's first line.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
