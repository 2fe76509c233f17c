// SP808 image-setuid-file: a setuid or setgid file is in the image.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "image/image.h"
#include "rules/image/image_context.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

using image::EntryType;

void Check(ImageContext& ctx) {
  for (const auto& [path, node] : ctx.image().files) {
    if (node.type != EntryType::kFile || !(node.mode & 06000)) continue;
    const char* bits = (node.mode & 04000) && (node.mode & 02000) ? "setuid and setgid"
                       : (node.mode & 04000)                       ? "setuid"
                                                                   : "setgid";
    ctx.ReportAt(node.layer, path,
                 fmt::format("`/{}` is {} (mode {:04o}, owner {}:{}); remove the bit unless the "
                             "image needs it (`chmod u-s,g-s`)",
                             path, bits, node.mode, node.uid, node.gid));
  }
}

}  // namespace

extern const Rule kSP808 = {
    .code = "SP808",
    .name = "image-setuid-file",
    .severity = base::Severity::kInfo,
    .category = "image",
    .summary = "A setuid or setgid file is in the image",
    .doc = R"md(## What it does
Lists the files of the final file system with the setuid or setgid bit (dockle's
CIS-DI-0008). Files that a later layer removed are not reported.

## Why is this bad?
A setuid-root program is the usual way from a compromised unprivileged process to root. Most
containers need none (`passwd`, `su`, `mount` are for interactive systems).

## Example
```dockerfile
FROM debian:12-slim
USER 10001
```

## Use instead
```dockerfile
FROM debian:12-slim
RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true
USER 10001
```

## Fix safety
There is no fix: which programs the application needs only its owner knows.

## Differences from hadolint
hadolint cannot see file modes. dockle's CIS-DI-0008 is the same check.
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
