// SP812 image-large: the image is larger than a slim base would make it.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "image/image.h"
#include "rules/image/image_context.h"
#include "rules/rule.h"

#include "rules/runtime/base_images.h"

namespace shipshape::rules {
namespace {

using image::EntryType;

std::string_view Strip(std::string_view ref) {
  const std::size_t at = ref.find('@');
  if (at != std::string_view::npos) ref = ref.substr(0, at);
  return ref;
}

void Check(ImageContext& ctx) {
  const image::Image& img = ctx.image();
  std::string base;
  if (auto it = img.config.labels.find("org.opencontainers.image.base.name");
      it != img.config.labels.end()) {
    base = it->second;
  }
  if (base.empty()) base = ctx.base_image();
  const std::string_view ref = Strip(base);
  const std::size_t colon = ref.rfind(':');
  const std::size_t slash = ref.rfind('/');
  const std::string_view repo = colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)
                                    ? ref.substr(0, colon) : ref;
  const std::string_view tag = repo.size() < ref.size() ? ref.substr(repo.size() + 1) : std::string_view();
  std::string path(repo);
  if (path.starts_with("docker.io/")) path = path.substr(10);
  if (path.find('/') == std::string::npos) path = "library/" + path;
  if (!base.empty() && !IsSlimTag(tag)) {
    for (const BaseImageSize& s : kLargeBaseImages) {
      if (path != s.image) continue;
      ctx.Report(fmt::format("The image is {} uncompressed, built on `{}` ({} with its tools); "
                             "unless the application needs them, use {}",
                             HumanBytes(img.total_bytes), base, s.size, s.instead));
      return;
    }
  }
  constexpr std::uint64_t kLarge = std::uint64_t{1000} * 1000 * 1000;
  if (img.total_bytes >= kLarge) {
    ctx.Report(fmt::format("The image is {} uncompressed; slim and minimal bases are far smaller "
                           "(`debian:*-slim` about 28 MB, `alpine` about 7 MB, "
                           "`gcr.io/distroless/static` about 2 MB, compressed)",
                           HumanBytes(img.total_bytes)));
  }
}

}  // namespace

extern const Rule kSP812 = {
    .code = "SP812",
    .name = "image-large",
    .severity = base::Severity::kInfo,
    .default_enabled = false,
    .presets = kHardened,
    .category = "image",
    .summary = "The image is larger than a slim base would make it",
    .doc = R"md(## What it does
Compares the image with the base-image table SP705 uses. The base comes from the
`org.opencontainers.image.base.name` label, or from the Dockerfile given with `--dockerfile`
(its shipped stage's `FROM`). When it is one of the table's full images (`golang`, `rust`,
`gcc`, `maven`, `gradle`, `node`, `python`, `ubuntu`, `debian` without a slim tag), the finding
gives the image's size and the smaller base to use. Without a known base, an image of 1 GB or
more (uncompressed, final file system) is reported with the sizes of slim bases.

## Why is this bad?
Every byte is pulled on every deploy and scanned for vulnerabilities; tools the application
does not use are attack surface.

## Example
```dockerfile
FROM python:3.12
COPY app.py /app/
```

## Use instead
```dockerfile
FROM python:3.12-slim
COPY app.py /app/
```

## Fix safety
There is no fix: only a build and a test can tell whether the application runs on a smaller
base.

## Differences from hadolint
hadolint has no such rule; SP705 judges the Dockerfile's `FROM` alone.
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
