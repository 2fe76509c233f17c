// SP805 image-secret-in-label: a secret is in the image's labels.
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
  for (const auto& [name, value] : ctx.image().config.labels) {
    std::string upper;
    for (char c : name) upper += c == '.' || c == '-' ? '_' : static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    if (std::optional<std::string> why = SecretAssignment(upper, value)) {
      ctx.Report(fmt::format("The label `{}` holds {} ({}); labels are public metadata", name,
                             *why == "a secret-looking name" ? "a value under a secret-looking name" : *why,
                             Masked(value)));
    }
  }
}

}  // namespace

extern const Rule kSP805 = {
    .code = "SP805",
    .name = "image-secret-in-label",
    .severity = base::Severity::kError,
    .category = "image",
    .summary = "A secret is in the image's labels",
    .doc = R"md(## What it does
Reads the image's labels and flags those whose value is in a known token format, or whose
name (dots and dashes read as `_`) says it holds a secret (`com.example.api-token`).

## Why is this bad?
Labels are shown by `docker inspect`, registries and scanners: they are public metadata.

## Example
```dockerfile
FROM alpine:3.20
LABEL com.example.deploy-token="glpat-abcdefghij0123456789"
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL com.example.team="payments"
```

## Fix safety
There is no fix: rotate the secret and remove the label.

## Differences from hadolint
hadolint only sees the Dockerfile (DL3064 for ARG/ENV names); the image shows what the build
really recorded, including values passed with `--build-arg` and secrets of the base image.
dockle's CIS-DI-0010 reads history text only, with substring matching (`KEYBOARD` matches
`KEY`); shipshape matches whole words and the token formats of SP401.
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
