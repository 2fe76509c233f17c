// SP508 base-image-not-pinned-by-digest: `FROM image:tag` without `@sha256:...`.
#include <fmt/format.h>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  for (const model::Stage& stage : ctx.model().stages()) {
    if (stage.base_kind != model::BaseKind::kImage || !stage.image.digest.empty()) continue;
    if (stage.from->args.empty()) continue;
    ctx.Report(stage.from->args[0].range,
               fmt::format("`{}` is not pinned by digest: the tag can be moved to another image; "
                           "pin it (`{}@sha256:<digest>`) and let a bot such as Renovate or "
                           "Dependabot update it",
                           stage.image.familiar, stage.image.familiar));
  }
}

}  // namespace

extern const Rule kSP508 = {
    .code = "SP508",
    .name = "base-image-not-pinned-by-digest",
    .severity = base::Severity::kInfo,
    .default_enabled = false,
    .presets = kHardened,
    .category = "supply-chain",
    .summary = "Pin base images by digest",
    .doc = R"md(## What it does
Flags `FROM` images (once ARG values apply) that have no `@sha256:...` digest. Stages built on
other stages, `scratch`, and images only the build knows (`FROM $BASE` without a default) are
not flagged. Untagged and `latest` images are DL3006's and DL3007's findings as well.

## Why is this bad?
A tag is a pointer its publisher (or whoever takes over the account) can move: the same
Dockerfile then builds on a different base image, with different packages and maybe different
behaviour, and nothing records which one was used. A digest names exactly one image; keep the
tag next to it for readers and let an update bot bump both.

## Example
```dockerfile
FROM python:3.12-slim
```

## Use instead
```dockerfile
FROM python:3.12-slim@sha256:2be8daddbb82756f7d1f2c7ece706aadcb284bf6ab6d769ea695cc3ed6016743
```

## Fix safety
`shipshape lint --fix` has no fix: the digest has to come from the registry. Run
`shipshape pin` instead: it asks each image's registry which digest its tag serves (the
multi-platform index when there is one, the bytes checked against the digest), writes
`FROM image:tag@sha256:...` (or into the ARG default the image comes from), and records the
digests in `shipshape.lock`. `shipshape pin --diff` previews the edits, `shipshape pin
--check` fails CI when a reference is unpinned or its tag has moved, `--offline` pins from
the lock file alone, and `--update` moves the pins to what the tags serve now.

## Differences from hadolint
hadolint has no such rule; DL3006 and DL3007 only ask for a tag other than `latest`.
)md",
    .on_file = Check,
};

}  // namespace shipshape::rules
