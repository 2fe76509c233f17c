// SP801 image-runs-as-root: the image runs as root.
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
  const image::Image& img = ctx.image();
  const std::optional<std::uint32_t> uid = image::ResolveUid(img);
  if (uid && *uid == 0) {
    ctx.Report(img.config.user.empty()
                   ? std::string("The image sets no user, so its processes run as root; add a `USER` "
                                 "with a non-root uid")
                   : fmt::format("The image runs as `{}`, which is root; use a non-root user",
                                 img.config.user));
  }
}

}  // namespace

extern const Rule kSP801 = {
    .code = "SP801",
    .name = "image-runs-as-root",
    .severity = base::Severity::kWarning,
    .category = "image",
    .summary = "The image runs as root",
    .doc = R"md(## What it does
Reads the image config's `User` and flags it when the container would run as root: no user
at all (the runtime's default is root), `root`, `0`, `0:0`, or a name that the image's own
`/etc/passwd` maps to uid 0. A name missing from `/etc/passwd` is not judged here (the
runtime refuses to start such a container).

## Why is this bad?
A process running as root inside the container is root on the host's kernel: a container
escape, a writable host mount or a mis-set capability turns into full control. Running as an
unprivileged user costs nothing for most services.

## Example
```dockerfile
FROM debian:12-slim
COPY app /usr/local/bin/app
CMD ["app"]
```

## Use instead
```dockerfile
FROM debian:12-slim
COPY app /usr/local/bin/app
USER 10001
CMD ["app"]
```

## Fix safety
There is no fix: the image must be rebuilt with a `USER`, and files the process writes must
belong to that user.

## Differences from hadolint
hadolint's DL3002 judges the Dockerfile's last `USER`; this rule reads the built image, so it
also sees a user set (or not) by the base image. dockle's CIS-DI-0001 misses `0` and `0:0`.
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
