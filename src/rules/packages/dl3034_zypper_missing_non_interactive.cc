// DL3034 zypper-missing-non-interactive: a zypper command that changes packages without
// `--non-interactive` (or `-y`) stops at its prompt.
#include "rules/packages/rpm.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const shell::Command& cmd) { CheckAssumeYes(ctx, cmd, RpmTool::kZypper); }

}  // namespace

extern const Rule kDL3034 = {
    .code = "DL3034",
    .name = "zypper-missing-non-interactive",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kSometimes,
    .summary = "Non-interactive switch missing from `zypper` command: `zypper install -y`",
    .doc = R"md(## What it does
Flags a `zypper` command that installs, updates or removes packages (`install`/`in`,
`remove`/`rm`, `update`/`up`, `dist-upgrade`/`dup`, `patch`, `source-install`/`si`,
`install-new-recommends`) without the global `--non-interactive` (`-n`) or the subcommand's
`-y` (`--no-confirm`).

## Why is this bad?
Before it changes anything, zypper asks `Continue? [y/n/v/...? shows all options] (y):`. A build
has no one to answer: zypper reads the build's stdin and may abort, hang or loop on the prompt.
Only with `--non-interactive` does zypper guarantee never to wait for an answer: it takes the
default ones.

## Example
```dockerfile
FROM opensuse/leap:15.6
RUN zypper install curl && zypper clean --all
```

## Use instead
```dockerfile
FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl && zypper clean --all
```

## Fix safety
The fix inserts `--non-interactive` right after `zypper` (a global option, valid for every
subcommand). It is safe for installs and updates, which is what the instruction asks for. It is
unsafe for removals: zypper may remove more than the packages named (everything that depends
on them), which a prompt would have shown. There is no fix for exec-form RUNs.

## Differences from hadolint
hadolint checks `install`, `in`, `remove`, `rm`, `source-install`, `si` and `patch`; shipshape
also checks `update`, `dist-upgrade` and `install-new-recommends`, and accepts answers piped
in (`yes | zypper install x`). It sees `zypper` behind `sudo` and `sh -c`, and points at the
command instead of the RUN's first line.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
