// SP807 image-package-cache: package manager caches are left in the image.
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

struct Cache {
  std::string_view prefix;   // folder, relative
  std::string_view infix;    // or: a folder anywhere (`.cache/pip/`)
  std::string_view kind;
  std::string_view fix;
};

constexpr Cache kCaches[] = {
    {"var/lib/apt/lists/", {}, "apt package lists", "`rm -rf /var/lib/apt/lists/*` in the same RUN"},
    {"var/cache/apt/", {}, "apt's package cache", "`apt-get clean` in the same RUN"},
    {"var/cache/apk/", {}, "apk's package cache", "`apk add --no-cache`"},
    {"var/cache/yum/", {}, "yum's cache", "`yum clean all` in the same RUN"},
    {"var/cache/dnf/", {}, "dnf's cache", "`dnf clean all` in the same RUN"},
    {"var/cache/zypp/", {}, "zypper's cache", "`zypper clean -a` in the same RUN"},
    {{}, ".cache/pip/", "pip's cache", "`pip install --no-cache-dir`"},
    {{}, ".npm/_cacache/", "npm's cache", "`npm cache clean --force` or a cache mount"},
    {{}, ".cache/yarn/", "yarn's cache", "`yarn cache clean` or a cache mount"},
};

void Check(ImageContext& ctx) {
  struct Found {
    std::uint64_t bytes = 0, files = 0;
    std::string folder;
    std::map<std::uint32_t, std::uint64_t> by_layer;
  };
  std::map<std::size_t, Found> found;
  for (const auto& [path, node] : ctx.image().files) {
    if (node.type != EntryType::kFile) continue;
    for (std::size_t k = 0; k < std::size(kCaches); ++k) {
      const Cache& c = kCaches[k];
      std::size_t at = std::string::npos;
      if (!c.prefix.empty() && path.starts_with(c.prefix)) at = 0;
      if (!c.infix.empty()) {
        const std::size_t i = path.find(c.infix);
        if (i != std::string::npos && (i == 0 || path[i - 1] == '/')) at = i;
      }
      if (at == std::string::npos) continue;
      if (image::BaseName(path) == "lock") break;  // apt's lock files are part of the system
      Found& f = found[k];
      f.bytes += node.size;
      ++f.files;
      f.by_layer[node.layer] += node.size;
      if (f.folder.empty()) f.folder = path.substr(0, at + (c.prefix.empty() ? c.infix.size() : c.prefix.size()) - 1);
      break;
    }
  }
  for (const auto& [k, f] : found) {
    const auto top = std::max_element(f.by_layer.begin(), f.by_layer.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
    ctx.ReportAt(top->first, f.folder,
                 fmt::format("{} left in the image: {} file{}, {} wasted; remove it in the layer "
                             "that makes it ({})",
                             kCaches[k].kind, f.files, f.files == 1 ? "" : "s", HumanBytes(f.bytes),
                             kCaches[k].fix));
  }
}

}  // namespace

extern const Rule kSP807 = {
    .code = "SP807",
    .name = "image-package-cache",
    .severity = base::Severity::kWarning,
    .category = "image",
    .summary = "Package manager caches are left in the image",
    .doc = R"md(## What it does
Looks at the image's final file system for the caches and lists package managers leave behind:
apt's lists (`/var/lib/apt/lists`) and package cache (`/var/cache/apt`), apk's, yum's, dnf's and
zypper's caches, and pip's, npm's and yarn's caches in any home folder. Each finding gives the
number of files and the bytes they take, and the layer that added most of them. apt's `lock`
files are not counted.

## Why is this bad?
The caches are useless at run time and make every pull bigger; apt's lists also go stale.
They must be removed in the same `RUN` that made them: a later `RUN rm` only hides them.

## Example
```dockerfile
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
```

## Use instead
```dockerfile
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
```

## Fix safety
There is no fix for the image; shipshape's DL3009, DL3019, DL3042 and SP6xx find the same
problem in the Dockerfile, some with a fix.

## Differences from hadolint
hadolint's DL3009 (apt lists), DL3019 (apk) and DL3042 (pip) read the Dockerfile's commands; this
rule reads the built image, so it also catches caches copied in or made by scripts.
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
