// SP802 image-missing-healthcheck: the image has no HEALTHCHECK.
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
  const bool none = img.config.healthcheck && !img.config.healthcheck->empty() &&
                    (*img.config.healthcheck)[0] == "NONE";
  if (img.config.healthcheck && !none) return;
  const bool ports = !img.config.exposed_ports.empty();
  std::string what = none ? "The image disables its health check (`HEALTHCHECK NONE`)"
                          : "The image has no health check";
  if (ports) {
    std::string list;
    for (const std::string& p : img.config.exposed_ports) {
      if (!list.empty()) list += ", ";
      list += p;
    }
    ctx.ReportAt(std::nullopt, {},
                 fmt::format("{} although it exposes {}; add a `HEALTHCHECK` so that the "
                             "orchestrator can tell a hung service from a working one",
                             what, list),
                 base::Severity::kWarning);
  } else {
    ctx.Report(fmt::format("{}; add a `HEALTHCHECK` if it runs a service", what));
  }
}

}  // namespace

extern const Rule kSP802 = {
    .code = "SP802",
    .name = "image-missing-healthcheck",
    .severity = base::Severity::kInfo,
    .category = "image",
    .summary = "The image has no HEALTHCHECK",
    .doc = R"md(## What it does
Flags an image whose config has no `Healthcheck` (or `HEALTHCHECK NONE`). The finding is info,
and a warning when the image exposes ports (it is then most likely a service). Only Docker's
image format carries health checks: an OCI-format build (buildah's default) drops them.

## Why is this bad?
Without a health check the engine only knows whether the process is alive, not whether it
answers: a deadlocked server stays "running" and keeps receiving traffic.

## Example
```dockerfile
FROM nginx:1.27
EXPOSE 80
```

## Use instead
```dockerfile
FROM nginx:1.27
EXPOSE 80
HEALTHCHECK CMD curl -fsS http://localhost/ || exit 1
```

## Fix safety
There is no fix: what "healthy" means depends on the application.

## Differences from hadolint
hadolint has no such rule (shipshape's SP704 judges the Dockerfile). dockle's CIS-DI-0006 is the
same check without the port distinction.
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
