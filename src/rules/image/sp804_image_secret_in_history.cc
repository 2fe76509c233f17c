// SP804 image-secret-in-history: a secret is recorded in the image's history.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "image/image.h"
#include "rules/image/image_context.h"
#include "rules/rule.h"
#include <vector>

#include "rules/secrets/secret_util.h"

namespace shipshape::rules {
namespace {

using image::EntryType;

void Check(ImageContext& ctx) {
  const image::Image& img = ctx.image();
  // The layer each history line belongs to (empty_layer lines: the next layer).
  std::vector<std::optional<std::uint32_t>> layer_of(img.history.size());
  for (std::uint32_t i = 0; i < img.layers.size(); ++i) {
    if (img.layers[i].history) layer_of[*img.layers[i].history] = i;
  }
  for (std::size_t h = 0; h < img.history.size(); ++h) {
    const std::string& line = img.history[h].created_by;
    bool found = false;
    for (const auto& [name, value] : HistoryBuildArgs(line)) {
      if (std::optional<std::string> why = SecretAssignment(name, value)) {
        ctx.ReportAt(layer_of[h], {},
                     fmt::format("History line {} records the build argument `{}` with {} ({}); "
                                 "build arguments are kept in the image: use `RUN --mount=type=secret`",
                                 h, name, *why == "a secret-looking name" ? "a value under a secret-looking name" : *why,
                                 Masked(value)));
        found = true;
      }
    }
    if (found) continue;
    // ENV lines are SP803's (the config holds them); other text with a token format is ours.
    if (HistoryInstruction(line).first == "ENV") continue;
    for (const SecretMatch& m : FindSecrets(line)) {
      ctx.ReportAt(layer_of[h], {},
                   fmt::format("History line {} contains {} ({})", h, m.kind,
                               Masked(std::string_view(line).substr(m.begin, m.end - m.begin))));
      break;
    }
  }
}

}  // namespace

extern const Rule kSP804 = {
    .code = "SP804",
    .name = "image-secret-in-history",
    .severity = base::Severity::kError,
    .category = "image",
    .summary = "A secret is recorded in the image's history",
    .doc = R"md(## What it does
Reads the image's history (`docker history`): build arguments recorded with a `RUN` (the
classic builder and buildah write `|N KEY=value ... /bin/sh -c cmd`, BuildKit `RUN |N KEY=value
... # buildkit`, and BuildKit records each `ARG` step as `ARG KEY=value`), and any other text
of a history line that contains a known token format. Flags values that look like secrets by
name or format; values are masked in the report.

## Why is this bad?
The history is part of the image config: whoever can pull the image can read the token that
was passed with `--build-arg`, even when no file of the image contains it.

## Example
```dockerfile
FROM node:22-slim
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
```

## Use instead
```dockerfile
FROM node:22-slim
RUN --mount=type=secret,id=npm,target=/root/.npmrc npm ci
```

## Fix safety
There is no fix: rotate the secret and rebuild with a secret mount.

## Differences from hadolint
hadolint only sees the Dockerfile (DL3064 for ARG/ENV names); the image shows what the build
really recorded, including values passed with `--build-arg` and secrets of the base image.
dockle's CIS-DI-0010 reads history text only, with substring matching (`KEYBOARD` matches
`KEY`); shipshape matches whole words and the token formats of SP401.
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
