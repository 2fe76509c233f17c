// DL4005 ln-bin-sh: replacing /bin/sh with `ln` instead of choosing the shell with SHELL.
#include <fmt/format.h>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "ln") return;
  // `RUN ["ln", "-s", "/busybox/sh", "/bin/sh"]`: exec form because the image has no shell yet;
  // the link gives it one rather than replacing it.
  if (ctx.run().script().interpreter == shell::Interpreter::kExec) return;
  // `ln TARGET LINK`: the link is the last operand. With `-t DIR` every operand is a target.
  if (cmd.HasOption({"t", "target-directory"}) || cmd.args.size() < 2) return;
  const shell::Argument& link = cmd.args.back();
  if (!link.known) return;
  std::string_view path = link.value;
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path != "/bin/sh" && path != "/usr/bin/sh") return;
  ctx.Report(link.range,
             fmt::format("`ln` replaces `{}`; choose the shell RUN uses with `SHELL` instead",
                         link.value));
}

}  // namespace

extern const Rule kDL4005 = {
    .code = "DL4005",
    .name = "ln-bin-sh",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "shell",
    .summary = "Use SHELL to change the default shell",
    .doc = R"md(## What it does
Flags `ln` creating or replacing `/bin/sh` (or `/usr/bin/sh`), as in
`ln -sf /bin/bash /bin/sh`.

## Why is this bad?
Replacing `/bin/sh` changes the shell of every script in the image, including the
distribution's own maintainer scripts, which expect the shell they were written for (`dash` on
Debian). To run the Dockerfile's own RUN instructions with another shell, say so with `SHELL`;
the system keeps its `/bin/sh`.

## Example
```dockerfile
FROM debian:12
RUN ln -sf /bin/bash /bin/sh
RUN source /etc/profile && echo "$PATH"
```

## Use instead
```dockerfile
FROM debian:12
SHELL ["/bin/bash", "-c"]
RUN source /etc/profile && echo "$PATH"
```

## Fix safety
There is no fix: a SHELL instruction changes only the following instructions, while the link
also changes scripts run later in the container.

## Differences from hadolint
hadolint flags an `ln` with `/bin/sh` anywhere among its arguments, so `ln -s /bin/sh
/usr/local/bin/sh` (which leaves `/bin/sh` alone) is flagged; shipshape looks at the link
created. It also catches `/usr/bin/sh` (the same file on merged-`/usr` systems) and values
given by ARG or ENV, sees `ln` behind `sudo`, `sh -c` and paths (`/busybox/ln`), and points at
the link path instead of the RUN's first line. An exec-form `RUN ["ln", "-s", "/busybox/sh",
"/bin/sh"]` is not flagged: it is how an image without a shell (distroless, scratch) gets one,
and there is no `/bin/sh` to replace.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
