// SP806 image-secret-file: a secret file is in the image.
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

/// Why the file at `path` is a secret (empty: it is not), judged by its name and, for the
/// files the reader keeps, its content.
std::string SecretKind(std::string_view path, const std::string* content) {
  const std::string_view base = image::BaseName(path);
  for (std::string_view key : {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"}) {
    if (base == key) return "an SSH private key";
  }
  if ((base.ends_with(".pem") || base.ends_with(".key")) && content &&
      content->find("PRIVATE KEY-----") != std::string::npos) {
    return "a private key";
  }
  if (base == ".env" || base.starts_with(".env.")) {
    if (base.ends_with(".example") || base.ends_with(".sample") || base.ends_with(".template")) return {};
    return "a `.env` file";
  }
  if (base == ".npmrc") {
    if (!content) return "an `.npmrc` (it may hold a registry token)";
    for (std::string_view k : {"_authToken=", "_auth=", "_password="}) {
      const std::size_t at = content->find(k);
      if (at == std::string::npos) continue;
      const std::size_t v = at + k.size();
      if (v < content->size() && (*content)[v] != '$' && (*content)[v] != '\n') {
        return "an `.npmrc` with a registry token";
      }
    }
    return {};
  }
  if (base == ".pypirc") {
    if (content && content->find("password") == std::string::npos) return {};
    return "a `.pypirc` with a password";
  }
  if (base == ".netrc") return "a `.netrc` with passwords";
  if (base == ".git-credentials") return "git credentials";
  if (base == "credentials" && path.find(".aws/") != std::string_view::npos) return "AWS credentials";
  if (base == "application_default_credentials.json") return "Google Cloud credentials";
  if (base == "credentials.json" && path.find("gcloud") != std::string_view::npos) return "Google Cloud credentials";
  if (path.find(".azure/") != std::string_view::npos &&
      (base == "accessTokens.json" || base == "msal_token_cache.json")) {
    return "Azure credentials";
  }
  if (base == "config.json" && path.find(".docker/") != std::string_view::npos && content &&
      content->find("\"auth\"") != std::string::npos) {
    return "Docker registry credentials";
  }
  return {};
}

bool UnderVendored(std::string_view path) {
  return path.find("node_modules/") != std::string_view::npos ||
         path.starts_with("vendor/") || path.find("/vendor/") != std::string_view::npos;
}

void Check(ImageContext& ctx) {
  const image::Image& img = ctx.image();
  std::map<std::string_view, const image::Inspected*> visible;
  for (const image::Inspected& f : img.inspected) {
    if (f.visible) visible[f.path] = &f;
  }
  for (const auto& [path, node] : img.files) {
    if (node.type == EntryType::kDir && image::BaseName(path) == ".git" && !UnderVendored(path)) {
      ctx.ReportAt(node.layer, path,
                   "A `.git` folder is in the image: the whole history of the repository, "
                   "and any credentials in its config; add `.git` to `.dockerignore`");
      continue;
    }
    if (node.type != EntryType::kFile) continue;
    auto it = visible.find(path);
    const std::string kind = SecretKind(path, it == visible.end() ? nullptr : &it->second->content);
    if (kind.empty() || UnderVendored(path)) continue;
    ctx.ReportAt(node.layer, path,
                 fmt::format("The image contains {}; whoever pulls the image can read it", kind));
  }
  // Deleted in a later layer, yet still in the blob of the layer that added it.
  for (const image::Inspected& f : img.inspected) {
    if (f.visible) continue;
    const std::string kind = SecretKind(f.path, &f.content);
    if (kind.empty() || UnderVendored(f.path)) continue;
    ctx.ReportAt(f.layer, f.path,
                 fmt::format("Layer {} contains {}; a later layer deletes or replaces it, but "
                             "the layer still ships it and anyone can extract it",
                             f.layer, kind));
  }
}

}  // namespace

extern const Rule kSP806 = {
    .code = "SP806",
    .name = "image-secret-file",
    .severity = base::Severity::kError,
    .category = "image",
    .summary = "A secret file is in the image",
    .doc = R"md(## What it does
Looks at the image's files for secrets: SSH private keys (`id_rsa`, ...), `.pem`/`.key` files
holding a private key, `.env` files, an `.npmrc` with a registry token, a `.pypirc` with a
password, `.netrc`, `.git-credentials`, AWS, Google Cloud, Azure and Docker credential files,
and `.git` folders (outside `node_modules` and `vendor`). Files deleted by a later layer are
reported too: the layer that added them still carries them.

## Why is this bad?
Every layer is downloaded whole by whoever pulls the image; deleting a file in a later layer
hides it from the container, not from `tar -x` on the layer.

## Example
```dockerfile
FROM alpine:3.20
COPY . /app
RUN rm /app/.env
```

## Use instead
```dockerfile
FROM alpine:3.20
COPY --exclude=.env --exclude=.git . /app
```

## Fix safety
There is no fix: rotate the secret, keep it out of the build context (`.dockerignore`), or use
a secret mount.

## Differences from hadolint
hadolint cannot see files. dockle's CIS-DI-0010 and DKL-LI-0003 flag similar names in the final
file system only, not files deleted in a later layer.
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
