// DL3038 dnf-missing-yes: a dnf or microdnf command that changes packages without `-y` stops
// at its prompt.
#include "rules/packages/rpm.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const shell::Command& cmd) {
  CheckAssumeYes(ctx, cmd, RpmTool::kDnf);
  CheckAssumeYes(ctx, cmd, RpmTool::kMicrodnf);
}

}  // namespace

extern const Rule kDL3038 = {
    .code = "DL3038",
    .name = "dnf-missing-yes",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kSometimes,
    .summary = "Use the -y switch to avoid manual input `dnf install -y <package>`",
    .doc = R"md(## What it does
Flags a `dnf` or `dnf5` command that installs, upgrades or removes packages (`install`, `in`,
`reinstall`, `upgrade`, `update`, `downgrade`, `distro-sync`, `remove`, `autoremove`,
`group install`, `module install`, `module enable`, ...), and a `microdnf install`, without
`-y` (`--assumeyes`).

## Why is this bad?
Before it changes anything, dnf asks `Is this ok [y/N]:`. A build has no one to answer: dnf
reads end-of-file, prints `Operation aborted` and the build fails, but only on the day there is
something to install or update. microdnf used to assume yes; the one in UBI 9 and Oracle Linux
9 minimal images asks too.

## Example
```dockerfile
FROM fedora:40
RUN dnf install httpd && dnf clean all
```

## Use instead
```dockerfile
FROM fedora:40
RUN dnf install -y httpd && dnf clean all
```

## Fix safety
The fix inserts `-y` after the subcommand (after `install` in `dnf module install`). It is safe
for dnf installs and upgrades: dnf installs exactly what it would have asked about, which is
what the instruction asks for. It is unsafe for removals, where dnf may remove more than the
packages named (everything that depends on them), which a prompt would have shown, and for
microdnf, whose oldest releases do not know `-y`. There is no fix for exec-form RUNs.

## Differences from hadolint
hadolint checks only `install`, `groupinstall` and `localinstall`; shipshape checks every dnf
subcommand that asks for confirmation, and `dnf5` too. For microdnf it checks only installs, as
hadolint does: the microdnf of EL8 images never asks, and some of its versions reject `-y`.
shipshape also accepts `--setopt=assumeyes=1` and answers piped in (`yes | dnf install x`),
sees `dnf` behind `sudo` and `sh -c`, reads flags the Dockerfile's ARG and ENV values give,
does not take the `--nodocs` flag for an option with a value, and points at the command
instead of the RUN's first line.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
