// DL3040 dnf-cache-not-cleaned: a RUN that installs with dnf or microdnf and does not clean its
// cache afterwards leaves the cache in the layer.
#include "rules/packages/rpm.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  CheckCacheCleaned(ctx, inst, {RpmTool::kDnf, RpmTool::kMicrodnf});
}

}  // namespace

extern const Rule kDL3040 = {
    .code = "DL3040",
    .name = "dnf-cache-not-cleaned",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kSometimes,
    .summary = "`dnf clean all` missing after dnf command",
    .doc = R"md(## What it does
Flags a RUN in which `dnf`, `dnf5` or `microdnf` installs or upgrades packages (`install`,
`in`, `upgrade`, `update`, `reinstall`, `downgrade`, `distro-sync`, `group install`,
`module install`, ...) and no later command of the same RUN empties that tool's cache:
`dnf clean all` (for dnf, `yum clean all` too: on EL8 and later yum is dnf),
`microdnf clean all` for microdnf, or a recursive `rm` of `/var/cache/dnf`, `/var/cache/yum` or
`/var/cache/libdnf5` (or of what is in them). One finding per RUN and tool, at the first install
that nothing cleans after.

## Why is this bad?
dnf keeps the repository metadata it downloaded (often 100 MB and more) in `/var/cache/dnf`
(dnf 5: `/var/cache/libdnf5`; microdnf: `/var/cache/yum`). Unless the same RUN removes it, it is
stored in the layer and shipped with the image, even if a later RUN cleans up.

## Example
```dockerfile
FROM fedora:40
RUN dnf install -y httpd
```

## Use instead
```dockerfile
FROM fedora:40
RUN dnf install -y httpd && dnf clean all
```

With BuildKit, a cache mount keeps the cache out of the image and reuses it across builds:

```dockerfile
FROM fedora:40
RUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd
```

## Fix safety
The fix appends `&& dnf clean all` (`&& microdnf clean all`) to the list of commands that holds
the last uncleaned install, when that list is at the top level of the RUN (not inside a loop, a
condition, a subshell or an `sh -c` string) and the script has no syntax error. It is unsafe: it changes what the layer holds, and
a later RUN that relied on the cached metadata downloads it again.

## Differences from hadolint
Only stages whose contents are shipped count: the target stage (`--target`, else the last
one) and the stages it is built `FROM`; a builder stage that only feeds `COPY --from` may keep
its cache. hadolint reports every stage.

hadolint accepts `dnf clean` with any argument (`dnf clean packages` keeps the metadata) and any
`rm -rf`, whatever it removes; shipshape wants a clean-up that empties the cache. hadolint
compares the first install with the first clean-up: it accepts a clean-up that comes before a
later install (shipshape reports the later install), and flags a RUN whose `rm -rf` of anything
comes before an install that is cleaned after (`rm -rf /tmp/x; microdnf install -y a;
microdnf clean all`; shipshape does not).
hadolint misses `dnf update`, `dnf group install`, `dnf module install` and `dnf5`; shipshape
checks them. `microdnf clean all` does not clean after `dnf install` (they keep different
caches), as in hadolint; `yum clean all` does after `dnf install`, unlike hadolint. A cache or
tmpfs mount on the cache directory exempts the RUN in both. shipshape sees `dnf` behind `sudo`
and `sh -c`, and points at the install instead of the RUN's first line.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
