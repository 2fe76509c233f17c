// SP810 image-wasted-space: layers carry bytes the image does not show.
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

/// Paths reported one by one: at most this many, of at least this size.
constexpr std::size_t kMaxPaths = 10;
constexpr std::uint64_t kMinBytes = 1024;

void Check(ImageContext& ctx) {
  const image::Image& img = ctx.image();
  std::size_t shown = 0;
  for (const image::Shadowed& s : img.shadowed) {
    if (s.bytes < kMinBytes || shown == kMaxPaths) break;
    ++shown;
    ctx.ReportAt(s.layer, s.path,
                 fmt::format("{} of `/{}` added in layer {} are {} by layer {}, yet still "
                             "downloaded with the image; remove files in the layer that makes them",
                             HumanBytes(s.bytes), s.path, s.layer,
                             s.deleted ? "deleted" : "overwritten", s.hidden_by));
  }
  const image::Efficiency& e = img.efficiency;
  // dive's default CI gate: efficiency at least 0.9 (the user-wasted ratio follows from it).
  if (e.score < 0.9) {
    ctx.ReportAt(std::nullopt, {},
                 fmt::format("Image efficiency is {:.1f} % (dive's measure, the gate is 90 %): "
                             "{} are wasted by files written in several layers{}",
                             e.score * 100, HumanBytes(e.wasted_bytes),
                             e.paths.empty() ? std::string()
                                             : fmt::format(", most by `/{}`", e.paths.front().path)));
  }
}

}  // namespace

extern const Rule kSP810 = {
    .code = "SP810",
    .name = "image-wasted-space",
    .severity = base::Severity::kWarning,
    .category = "image",
    .summary = "Layers carry bytes the image does not show",
    .doc = R"md(## What it does
Measures what a layer adds that the final file system does not show: files overwritten by a
later layer, deleted by a whiteout or hidden by an opaque folder. The largest such files (up to
10, of at least 1 kB) are reported with the layer that added them and the one that hid them.
It also computes dive's efficiency score (the bytes of each path's smallest copy over the bytes
of all its copies, counting a deleted file's whiteout as a 0-byte copy) and reports it when it is
below dive's default CI gate of 90 %.

## Why is this bad?
Layers are immutable: a file deleted in a later layer is still downloaded, stored and scanned.
The usual culprits are downloads, build trees and caches removed in a separate `RUN`.

## Example
```dockerfile
FROM debian:12-slim
RUN curl -o /tmp/sdk.tgz https://example.invalid/sdk.tgz && tar -xzf /tmp/sdk.tgz -C /opt
RUN rm /tmp/sdk.tgz
```

## Use instead
```dockerfile
FROM debian:12-slim
RUN curl -o /tmp/sdk.tgz https://example.invalid/sdk.tgz && tar -xzf /tmp/sdk.tgz -C /opt \
 && rm /tmp/sdk.tgz
```

## Fix safety
There is no fix: combine the steps into one `RUN`, or copy the result from a build stage.

## Differences from hadolint
hadolint cannot see layers. dive reports the same efficiency score (shipshape counts the bytes
below a deleted folder from the merged tree, and also models opaque folders, which dive ignores).
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
