// DL3007 latest-tag: FROM an image pinned to the moving `latest` tag.
#include <fmt/format.h>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

constexpr std::string_view kLatest = ":latest";

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kFrom || inst.args.empty()) return;
  const std::optional<std::size_t> index = ctx.stage();
  if (!index) return;
  const model::Stage& stage = ctx.model().stages()[*index];
  const syntax::Word& word = inst.args[0];
  std::string image;
  if (stage.base_kind == model::BaseKind::kImage && KnownExceptPlatform(ctx.model(), stage.base)) {
    if (stage.image.tag != "latest" || !stage.image.digest.empty()) return;
    image = stage.base.value;
  } else if (stage.base_kind == model::BaseKind::kUnknown ||
             stage.base_kind == model::BaseKind::kImage) {
    // `${REGISTRY}/app:latest`: the tag is written out whatever the variable holds.
    const std::string_view tail = LiteralTail(word.value);
    if (!tail.ends_with(kLatest) || tail.find('@') != std::string_view::npos) return;
    image = std::string(word.value);
  } else {
    return;
  }
  // Point at the tag itself when it is written out in the FROM line.
  base::Range range = word.range;
  if (word.value.ends_with(kLatest) && ctx.Text(word.range) == word.value) {
    range.begin = range.end - static_cast<std::uint32_t>(kLatest.size() - 1);
  }
  const std::string shown = image == word.value
                                ? fmt::format("`{}`", image)
                                : fmt::format("`{}` (from `{}`)", image, word.value);
  ctx.Report(range, fmt::format("Image {} uses the moving `latest` tag; pin a release tag or a "
                                "digest",
                                shown));
}

}  // namespace

extern const Rule kDL3007 = {
    .code = "DL3007",
    .name = "latest-tag",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "base-image",
    .fixable = Fixable::kNever,
    .summary = "Using latest is prone to errors if the image will ever update",
    .doc = R"md(## What it does
Flags a `FROM` whose image is tagged `latest` without a digest, after the global ARGs are
expanded.

## Why is this bad?
`latest` is just the tag a publisher moves with each release. Writing it out looks pinned but
is not: the same Dockerfile builds on a different base image after each push upstream, and a
rebuild can break without any change in the repository.

## Example
```dockerfile
FROM alpine:latest
RUN apk add --no-cache curl=8.12.1-r0
```

## Use instead
```dockerfile
FROM alpine:3.21
RUN apk add --no-cache curl=8.12.1-r0
```

## Fix safety
There is no fix: only the author knows which release to pin.

## Differences from hadolint
- Variables are expanded with the global ARGs: `FROM ${BASE}` with `ARG BASE=alpine:latest` is
  flagged; hadolint never looks inside variables. When a value only the build can set is
  involved, the image is flagged only if `:latest` is written after the last variable, as in
  `FROM ${REGISTRY}/app:latest`.
- `latest` with a digest (`alpine:latest@sha256:...`) is pinned by the digest and is not
  flagged, as in hadolint.
- The finding points at the `latest` tag when it is written in the `FROM` line.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
