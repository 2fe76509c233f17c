// SP811 image-shell-in-minimal: a minimal image contains a shell or a package manager.
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

constexpr std::string_view kTools[] = {"sh", "bash", "ash", "dash", "zsh", "busybox",
                                       "apt", "apt-get", "dpkg", "apk", "yum", "dnf",
                                       "microdnf", "rpm", "pip", "pip3", "npm"};
constexpr std::string_view kBins[] = {"bin/", "usr/bin/", "sbin/", "usr/sbin/", "usr/local/bin/"};

void Check(ImageContext& ctx) {
  const image::Image& img = ctx.image();
  // An image without an OS package database was built to be minimal (scratch, distroless).
  for (std::string_view db : {"var/lib/dpkg/status", "lib/apk/db/installed", "var/lib/rpm",
                              "usr/lib/sysimage/rpm", "var/lib/dpkg/status.d"}) {
    if (img.files.count(std::string(db))) return;
  }
  for (std::string_view bin : kBins) {
    for (std::string_view tool : kTools) {
      const std::string path = std::string(bin) + std::string(tool);
      auto it = img.files.find(path);
      if (it == img.files.end() || it->second.type == EntryType::kDir) continue;
      ctx.ReportAt(it->second.layer, path,
                   fmt::format("`/{}` is in an image without an OS package database (built to be "
                               "minimal); a shell or package manager helps an attacker more than "
                               "the application",
                               path));
    }
  }
}

}  // namespace

extern const Rule kSP811 = {
    .code = "SP811",
    .name = "image-shell-in-minimal",
    .severity = base::Severity::kInfo,
    .category = "image",
    .summary = "A minimal image contains a shell or a package manager",
    .doc = R"md(## What it does
In an image built to be minimal (no OS package database: built `FROM scratch` or on a
distroless image), reports shells (`sh`, `bash`, `ash`, `dash`, `zsh`, `busybox`) and package
managers (`apt`, `dpkg`, `apk`, `yum`, `dnf`, `rpm`, `pip`, `npm`) found in `bin`, `sbin`,
`usr/bin`, `usr/sbin` or `usr/local/bin`.

## Why is this bad?
A minimal image is chosen to leave an intruder nothing to work with; a shell or package
manager copied in for debugging undoes that.

## Example
```dockerfile
FROM gcr.io/distroless/static-debian12
COPY busybox /bin/busybox
COPY app /app
```

## Use instead
```dockerfile
FROM gcr.io/distroless/static-debian12
COPY app /app
```

## Fix safety
There is no fix: use a debug variant of the image for debugging instead.

## Differences from hadolint
hadolint has no such rule.
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
