// DL3002 root-user: the image runs as root because its last USER is root.
#include <fmt/format.h>

#include <vector>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  // The image runs as the last USER of the target stage or, failing one, of the stages it is
  // built FROM. Each base stage comes before its child, so the chain read from the highest
  // index down goes from the target to its oldest base.
  const std::vector<std::size_t> shipped = model.ShippedStages();
  for (auto s = shipped.rbegin(); s != shipped.rend(); ++s) {
    const model::Stage& stage = model.stages()[*s];
    for (std::size_t i = stage.end; i-- > stage.begin + 1;) {
      const syntax::Instruction& inst = insts[i];
      if (inst.keyword != syntax::Keyword::kUser) continue;
      if (inst.args.empty()) return;
      const syntax::Word& arg = inst.args[0];
      const model::Resolved user = model.Resolve(i, arg.value);
      if (!user.known || !IsRootUser(user.value)) return;
      // Root on purpose: the entrypoint drops to a user when it starts (gosu, su-exec, ...).
      if (!DropsPrivilegesAtStart(ctx.dockerfile(), model, shipped).empty()) return;
      const std::string shown = user.value == arg.value
                                    ? fmt::format("`USER {}`", arg.value)
                                    : fmt::format("`USER {}` (`{}`)", arg.value, user.value);
      ctx.Report(arg.range,
                 fmt::format("{} is the image's last USER, so containers run as root; switch "
                             "to an unprivileged user after the steps that need root",
                             shown),
                 AppendUserFix(ctx, shipped));
      return;
    }
  }
}

}  // namespace

extern const Rule kDL3002 = {
    .code = "DL3002",
    .name = "root-user",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "stages",
    .fixable = Fixable::kAlways,
    .summary = "Last USER should not be root",
    .doc = R"md(## What it does
Flags the last `USER` of the image when it is `root` (or `0`, `root:<group>`, `0:<gid>`). The
image is the target stage (the last stage, or `--target`) together with the stages it is built
`FROM`: its last `USER` is the one containers run as.

Not flagged when the image is known to drop root as it starts: the start command runs through
`gosu`, `su-exec`, `setpriv`, `runuser`, `chpst` or `s6-setuidgid`, or the ENTRYPOINT is a
shell script (`docker-entrypoint.sh`) and the image installs one of `gosu`, `su-exec`,
`chpst`, `s6-setuidgid` (the official images' pattern: root only long enough to fix volume
ownership, then `exec gosu app "$@"`). See SP701 for the details.

## Why is this bad?
A container running as root turns any bug in the application into root access to everything
the container can reach: mounted volumes, secrets, and the kernel's attack surface. Switching
back to root for installation steps is fine, as long as the image ends with an unprivileged
user.

## Example
```dockerfile
FROM debian:12
RUN useradd --create-home app
USER app
RUN echo "setting up"
USER root
CMD ["/bin/bash"]
```

## Use instead
```dockerfile
FROM debian:12
RUN useradd --create-home app
USER root
RUN echo "setting up"
USER app
CMD ["/bin/bash"]
```

## Fix safety
The fix appends `USER <user>` after the last instruction of the image's stage, so the build
steps keep running as root and only containers change user. When the Dockerfile is known to
have an unprivileged user (an earlier `USER app`, or a RUN with `useradd app` / `adduser app`),
the fix uses it and is unsafe: the application may still need root at run time (a port below
1024, files it writes). Otherwise the fix is display-only, showing `USER nobody`: which user the
image should run as, and creating it, is for the author to decide.
There is no fix when that last instruction ends in a heredoc with no terminator: the
appended line would be part of its body.

## Differences from hadolint
- Only the image that is built counts. hadolint flags every stage whose last `USER` is root,
  including builder stages that are only copied from (hadolint issues #405, #1014, #1068);
  shipshape ignores those, and follows the target's `FROM <stage>` chain: a target with no
  `USER` of its own runs as the last `USER` of the stage it is built on.
- `USER` values are expanded with the ARG and ENV values in force, so `USER ${user}` with
  `ARG user=root` is flagged (hadolint issue #341); a value only the build sets is not.
- An image that never sets `USER` (root by default, unless the base image says otherwise) is not
  flagged, as in hadolint; that case is left to a separate rule.
- An image whose entrypoint drops privileges with `gosu` and its kin is not flagged (hadolint
  flags its `USER root`).
- The finding points at the user name.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
