// DL3036 zypper-cache-not-cleaned: a RUN that installs with zypper and does not clean zypper's
// caches afterwards leaves them in the layer.
#include "rules/packages/rpm.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  CheckCacheCleaned(ctx, inst, {RpmTool::kZypper});
}

}  // namespace

extern const Rule kDL3036 = {
    .code = "DL3036",
    .name = "zypper-cache-not-cleaned",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kSometimes,
    .summary = "`zypper clean` missing after zypper use",
    .doc = R"md(## What it does
Flags a RUN in which `zypper` installs or updates packages (`install`/`in`, `update`/`up`,
`dist-upgrade`/`dup`, `patch`, `source-install`/`si`, `install-new-recommends`) and no later
command of the same RUN empties zypper's caches: `zypper clean --all` (`-a`), or a recursive
`rm` of `/var/cache/zypp` (or of what is in it). One finding per RUN, at the first install that
nothing cleans after.

## Why is this bad?
zypper keeps the repository metadata it downloaded (tens of MB for the openSUSE repositories)
in `/var/cache/zypp`. Unless the same RUN removes it, it is stored in the layer and shipped
with the image, even if a later RUN cleans up. Plain `zypper clean` is not enough: it empties
only the package cache (which zypper keeps empty anyway unless `keeppackages` is on) and leaves
the metadata.

## Example
```dockerfile
FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl
```

## Use instead
```dockerfile
FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl && zypper clean --all
```

## Fix safety
The fix appends `&& zypper clean --all` to the list of commands that holds the last uncleaned
install, when that list is at the top level of the RUN (not inside a loop, a condition, a
subshell or an `sh -c` string) and the script has no syntax error. It is unsafe: it changes what the layer holds, and a later
RUN that relied on the cached metadata downloads it again.

## Differences from hadolint
Only stages whose contents are shipped count: the target stage (`--target`, else the last
one) and the stages it is built `FROM`; a builder stage that only feeds `COPY --from` may keep
its cache. hadolint reports every stage.

hadolint accepts plain `zypper clean` (`zypper cc`) and nothing else; shipshape wants `--all`,
which also empties the metadata, or accepts an `rm -r` of `/var/cache/zypp` (which hadolint
flags). hadolint checks only `install` and `in`;
shipshape also checks updates, patches and source installs. hadolint accepts a clean-up that
comes before a later install; shipshape reports the later install. A cache or tmpfs mount on
`/var/cache/zypp` exempts the RUN in both. shipshape sees `zypper` behind `sudo` and `sh -c`,
and points at the install instead of the RUN's first line.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
