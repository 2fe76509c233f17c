// DL3006 untagged-image: FROM an image without a tag or digest, i.e. whatever `latest` is.
#include <fmt/format.h>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kFrom || inst.args.empty()) return;
  const std::optional<std::size_t> index = ctx.stage();
  if (!index) return;
  const model::Stage& stage = ctx.model().stages()[*index];
  const syntax::Word& word = inst.args[0];
  if (stage.base_kind == model::BaseKind::kImage && KnownExceptPlatform(ctx.model(), stage.base)) {
    if (!stage.image.tag.empty() || !stage.image.digest.empty()) return;
    const std::string& image = stage.base.value;
    const std::string shown = image == word.value
                                  ? fmt::format("`{}`", image)
                                  : fmt::format("`{}` (from `{}`)", image, word.value);
    ctx.Report(word.range,
               fmt::format("Image {} has no tag; pin a version (`{}:<version>`) or a digest", shown,
                           image));
    return;
  }
  if (stage.base_kind != model::BaseKind::kUnknown && stage.base_kind != model::BaseKind::kImage) {
    return;
  }
  // `${REGISTRY}/app`: whatever the variable holds, nothing after it adds a tag.
  const std::string_view tail = LiteralTail(word.value);
  const std::size_t slash = tail.rfind('/');
  if (slash == std::string_view::npos) return;
  const std::string_view name = tail.substr(slash + 1);
  if (name.empty() || name.find_first_of(":@") != std::string_view::npos) return;
  ctx.Report(word.range, fmt::format("Image `{}` has no tag; pin a version (`{}:<version>`) or "
                                     "a digest",
                                     word.value, word.value));
}

}  // namespace

extern const Rule kDL3006 = {
    .code = "DL3006",
    .name = "untagged-image",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "base-image",
    .fixable = Fixable::kNever,
    .summary = "Always tag the version of an image explicitly",
    .doc = R"md(## What it does
Flags a `FROM` whose image has neither a tag nor a digest, after the global ARGs are expanded.
`scratch` and earlier stages (`FROM builder`) are not images and are not flagged.

## Why is this bad?
An image without a tag means `latest`, which moves whenever the publisher pushes. The same
Dockerfile then builds different images on different days, and a rebuild can break for reasons
unrelated to any change in the repository.

## Example
```dockerfile
FROM ubuntu
RUN echo "hello"
```

## Use instead
```dockerfile
FROM ubuntu:24.04
RUN echo "hello"
```

## Fix safety
There is no fix: only the author knows which version to pin.

## Differences from hadolint
- Variables are expanded with the global ARGs: `FROM ${BASE}` with `ARG BASE=ubuntu` is
  flagged, and `FROM ${BASE}` with `ARG BASE=ubuntu:24.04` is not. hadolint skips every image
  that starts with `$` and flags `FROM img${TAG}` (issues #219, #858, #979, #1078).
- When a value only the build can set is involved, the image is flagged only if the tag
  position is still literal, as in `FROM ${REGISTRY}/app`; `FROM ${IMAGE}` or
  `FROM app${SUFFIX}` is not.
- Stage names match as BuildKit matches them (`FROM builder` after `AS Builder` is the stage).
- The finding points at the image word.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
