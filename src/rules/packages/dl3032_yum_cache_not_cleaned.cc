// DL3032 yum-cache-not-cleaned: a RUN that installs with yum and does not clean yum's cache
// afterwards leaves the cache in the layer.
#include "rules/packages/rpm.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  CheckCacheCleaned(ctx, inst, {RpmTool::kYum});
}

}  // namespace

extern const Rule kDL3032 = {
    .code = "DL3032",
    .name = "yum-cache-not-cleaned",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kSometimes,
    .summary = "`yum clean all` missing after yum command",
    .doc = R"md(## What it does
Flags a RUN in which `yum` installs or upgrades packages (`install`, `update`, `upgrade`,
`reinstall`, `groupinstall`, `module install`, ...) and no later command of the same RUN
empties yum's cache: `yum clean all` (or `dnf clean all`: on EL8 and later yum is dnf), or a
recursive `rm` of `/var/cache/yum` or `/var/cache/dnf` (or of what is in them). One finding per
RUN, at the first install that nothing cleans after.

## Why is this bad?
yum keeps the repository metadata it downloaded (often 100 MB and more) in `/var/cache/yum`
(`/var/cache/dnf` on EL8 and later). Unless the same RUN removes it, it is stored in the layer
and shipped with the image, even if a later RUN cleans up.

## Example
```dockerfile
FROM centos:7
RUN yum install -y httpd
```

## Use instead
```dockerfile
FROM centos:7
RUN yum install -y httpd && yum clean all
```

With BuildKit, a cache mount keeps the cache out of the image and reuses it across builds:

```dockerfile
FROM centos:7
RUN --mount=type=cache,target=/var/cache/yum yum install -y httpd
```

## Fix safety
The fix appends `&& yum clean all` to the list of commands that holds the last uncleaned
install, when that list is at the top level of the RUN (not inside a loop, a condition, a
subshell or an `sh -c` string) and the script has no syntax error. It is unsafe: it changes what the layer holds, and a later
RUN that relied on the cached metadata downloads it again.

## Differences from hadolint
Only stages whose contents are shipped count: the target stage (`--target`, else the last
one) and the stages it is built `FROM`; a builder stage that only feeds `COPY --from` may keep
its cache. hadolint reports every stage.

hadolint accepts `yum clean` with any argument (`yum clean expire-cache` keeps the metadata) and
any `rm -rf`, whatever it removes; shipshape wants a clean-up that empties the cache. hadolint
compares the first install with the first clean-up: it accepts a clean-up that comes before a
later install (`yum install a && yum clean all && yum install b`; shipshape reports
`yum install b`), and flags a RUN whose `rm -rf` of anything comes before an install that is
cleaned after (`rm -rf /tmp/x; yum install -y a; yum clean all`; shipshape does not). shipshape
also counts upgrades, accepts a cache or tmpfs mount on the cache directory, sees `yum` behind
`sudo` and `sh -c`, and points at the install instead of the RUN's first line.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
