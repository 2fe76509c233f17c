// SP705 large-base-image: the image is built on a full distribution or SDK image where a
// slim or minimal one would do.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "rules/rule.h"
#include "rules/runtime/base_images.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::vector<std::size_t> shipped = model.ShippedStages();
  if (shipped.empty()) return;
  const model::Stage& root = model.stages()[shipped.front()];
  if (root.base_kind != model::BaseKind::kImage || IsSlimTag(root.image.tag)) return;
  for (const BaseImageSize& s : kLargeBaseImages) {
    if (root.image.path != s.image || root.image.domain != "docker.io") continue;
    ctx.Report(root.from->args[0].range,
               fmt::format("The image is built on `{}` ({} with its tools); unless the "
                           "application needs them, use {}",
                           root.image.familiar, s.size, s.instead));
    return;
  }
}

}  // namespace

extern const Rule kSP705 = {
    .code = "SP705",
    .name = "large-base-image",
    .severity = base::Severity::kInfo,
    .default_enabled = false,
    .presets = kHardened,
    .category = "runtime",
    .summary = "Ship on a slim or minimal base image",
    .doc = R"md(## What it does
Flags the image (the target stage and the stages it is built `FROM`) when its base is a full
distribution or SDK image from Docker Hub: `golang`, `rust`, `gcc`, `maven`, `gradle`, and
`node`, `python`, `ubuntu`, `debian` without a `slim`, `alpine` or similar tag. It suggests the
smaller image from a built-in table, with approximate sizes (compressed, linux/amd64): `golang`
about 800 MB, `rust` 1.5 GB, `gcc` 1.3 GB, `maven` 500 MB, `gradle` 600 MB, `node` and
`python` 400 MB, `ubuntu` 78 MB, `debian` 50 MB; `node:*-slim` about 70 MB, `python:*-slim` 52
MB, `debian:*-slim` 28 MB, `eclipse-temurin:*-jre` 90 MB, `alpine` 7 MB,
`gcr.io/distroless/cc` 5 MB, `gcr.io/distroless/static` 2 MB. (Sources: the images' pages on
Docker Hub and gcr.io, and the checklist in the project's seed document.) Builder stages are
not judged: building on a full image is fine.

## Why is this bad?
Every tool in the image is pulled on every deploy, scanned, patched, and available to an
attacker. A runtime image with only what the application needs is smaller, faster to start and
has fewer vulnerabilities to report.

## Example
```dockerfile
FROM python:3.12
COPY app.py /app/
CMD ["python", "/app/app.py"]
```

## Use instead
```dockerfile
FROM python:3.12-slim
COPY app.py /app/
CMD ["python", "/app/app.py"]
```

## Fix safety
There is no fix: whether the application needs the full image's libraries only a build and a
test can tell.

## Differences from hadolint
hadolint has no such rule.
)md",
    .on_file = Check,
};

}  // namespace shipshape::rules
