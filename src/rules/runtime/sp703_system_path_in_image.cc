// SP703 system-path-in-image: VOLUME or WORKDIR on /proc, /sys or /dev.
#include <fmt/format.h>

#include <string_view>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

/// The kernel's pseudo file system `path` is on or under, or "".
std::string_view SystemPath(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  for (std::string_view root : {"/proc", "/sys", "/dev"}) {
    if (path == root || (path.starts_with(root) && path[root.size()] == '/')) return root;
  }
  return "";
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kVolume && inst.keyword != syntax::Keyword::kWorkdir) {
    return;
  }
  // On Windows, `/dev` is an ordinary folder (`C:\dev`).
  if (const std::optional<std::size_t> stage = ctx.stage();
      !stage || IsWindowsStage(ctx.model(), *stage)) {
    return;
  }
  for (const syntax::Word& w : inst.args) {
    const ResolvedPath path = ResolvePath(ctx.model(), ctx.index(), w.value, ctx.in_onbuild());
    if (path.kind != PathKind::kAbsolute) continue;
    const std::string_view root = SystemPath(path.value);
    if (root.empty()) continue;
    ctx.Report(w.range,
               fmt::format("`{} {}` is on `{}`, which the container runtime mounts over with the "
                           "kernel's own file system; what the image puts there is hidden or "
                           "breaks the container",
                           inst.word.value, w.value, root));
  }
}

}  // namespace

extern const Rule kSP703 = {
    .code = "SP703",
    .name = "system-path-in-image",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "runtime",
    .summary = "No VOLUME or WORKDIR on /proc, /sys or /dev",
    .doc = R"md(## What it does
Flags `VOLUME` and `WORKDIR` paths on or under `/proc`, `/sys` or `/dev`, once ARG and ENV
values are applied. Windows images, where `/dev` is an ordinary folder, are not judged.

## Why is this bad?
The container runtime mounts the kernel's pseudo file systems on these paths when the container
starts: a volume there conflicts with those mounts (the container fails to start, or the volume
hides the runtime's files), and files an image writes there are hidden. Application data belongs
elsewhere, such as `/var/lib/<app>` or `/data`.

## Example
```dockerfile
FROM debian:12
VOLUME /dev/shm/cache
```

## Use instead
```dockerfile
FROM debian:12
VOLUME /var/cache/app
```

## Fix safety
There is no fix: where the data should go is the author's choice.

## Differences from hadolint
hadolint has no such rule; Trivy flags WORKDIR on these paths (DS-0030) and dockle a VOLUME on
them (DKL-DI-0002), in the built image.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
