// SP809 image-world-writable: a world-writable file or folder is in the image.
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
    if (!(node.mode & 0002)) continue;
    if (node.type == EntryType::kFile) {
      ctx.ReportAt(node.layer, path,
                   fmt::format("`/{}` is writable by every user (mode {:04o}); any process can "
                               "replace what it holds",
                               path, node.mode));
    } else if (node.type == EntryType::kDir && !(node.mode & 01000)) {
      ctx.ReportAt(node.layer, path,
                   fmt::format("The folder `/{}` is writable by every user without the sticky bit "
                               "(mode {:04o}): any user can delete or replace the files of others; "
                               "use 1777 or narrower permissions",
                               path, node.mode));
    }
  }
}

}  // namespace

extern const Rule kSP809 = {
    .code = "SP809",
    .name = "image-world-writable",
    .severity = base::Severity::kWarning,
    .category = "image",
    .summary = "A world-writable file or folder is in the image",
    .doc = R"md(## What it does
Flags regular files writable by every user, and folders writable by every user without the
sticky bit (`/tmp` with mode 1777 is fine). Symbolic links (always 0777) and devices are not
judged.

## Why is this bad?
Inside a container several processes (and users) may share the file system: a world-writable
script or configuration file can be changed by any of them, and a world-writable folder without
the sticky bit lets anyone delete or swap others' files.

## Example
```dockerfile
FROM debian:12-slim
RUN mkdir /data && chmod 777 /data
```

## Use instead
```dockerfile
FROM debian:12-slim
RUN mkdir /data && chown 10001 /data && chmod 750 /data
```

## Fix safety
There is no fix: the image must be rebuilt with narrower permissions.

## Differences from hadolint
hadolint cannot see file modes (shipshape's SP603 catches `chmod 777` in the Dockerfile).
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
