// DL3026 untrusted-registry: an image pulled from a registry outside the trusted list.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "base/utf8.h"
#include "model/image_ref.h"
#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

/// Names users give Docker Hub; references without a registry normalise to `docker.io`.
bool IsDockerHub(std::string_view registry) {
  for (std::string_view name : {"docker.io", "hub.docker.com", "index.docker.io",
                                "registry-1.docker.io", "registry.hub.docker.com"}) {
    if (base::EqualsIgnoreCase(registry, name)) return true;
  }
  return false;
}

/// hadolint's patterns: `*` (any), `*.example.com` (suffix), `prefix*`, or an exact name.
bool Matches(std::string_view pattern, std::string_view registry) {
  const std::string p = base::ToLower(pattern);
  const std::string r = base::ToLower(registry);
  if (p == "*") return true;
  if (p.size() > 1 && p[0] == '*') return r.ends_with(std::string_view(p).substr(1));
  if (p.size() > 1 && p.back() == '*') {
    return r.starts_with(std::string_view(p).substr(0, p.size() - 1));
  }
  return p == r || (IsDockerHub(p) && IsDockerHub(r));
}

bool Trusted(std::string_view registry, const std::vector<std::string>& trusted) {
  for (const std::string& pattern : trusted) {
    if (Matches(pattern, registry)) return true;
  }
  return false;
}

void Report(Context& ctx, base::Range range, const model::ImageRef& image) {
  ctx.Report(range, fmt::format("Image `{}` comes from registry `{}`, which is not trusted",
                                image.familiar, image.domain));
}

/// The flag of `inst` holding the reference `text` (its `--from` or `--mount`).
base::Range FlagRange(const syntax::Instruction& inst, std::string_view text) {
  for (const syntax::Flag& f : inst.flags) {
    if ((f.Name() == "from" || f.Name() == "mount") &&
        f.text.find(text) != std::string_view::npos) {
      return f.range;
    }
  }
  return inst.word.range;
}

void Check(Context& ctx) {
  const std::vector<std::string>& trusted = ctx.options().trusted_registries;
  if (trusted.empty()) return;
  const model::Model& model = ctx.model();
  for (const model::Stage& stage : model.stages()) {
    if (stage.base_kind == model::BaseKind::kImage && KnownExceptPlatform(model, stage.base) &&
        !Trusted(stage.image.domain, trusted) && !stage.from->args.empty()) {
      Report(ctx, stage.from->args[0].range, stage.image);
    }
    // `COPY --from=<image>` and `RUN --mount=from=<image>` pull images too. Stage names and
    // indexes, and values with variables (BuildKit does not expand them), are not images.
    for (const model::StageRef& ref : stage.refs) {
      if (ref.kind == model::StageRef::Kind::kFrom || ref.stage || ref.text.empty() ||
          ref.text.find('$') != std::string::npos ||
          ref.text.find_first_not_of("0123456789") == std::string::npos) {
        continue;
      }
      const model::ImageRef image = model::ParseNormalizedNamed(ref.text);
      if (image.ok() && !Trusted(image.domain, trusted)) {
        Report(ctx, FlagRange(*ref.instruction, ref.text), image);
      }
    }
  }
}

}  // namespace

extern const Rule kDL3026 = {
    .code = "DL3026",
    .name = "untrusted-registry",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "base-image",
    .fixable = Fixable::kNever,
    .summary = "Use only an allowed registry in the FROM image",
    .doc = R"md(## What it does
When trusted registries are configured (`--trusted-registry`, or `trustedRegistries` in the
configuration), flags every image pulled from another registry: `FROM` images,
`COPY --from=<image>` and `RUN --mount=...,from=<image>`. Patterns are `*` (any registry),
`*.example.com` (any subdomain), `prefix*`, or an exact registry name. Images without a registry
come from Docker Hub, which is trusted only when `docker.io` (or `hub.docker.com`) is in the
list.

<!-- shipshape-test: --trusted-registry=registry.example.com -->

## Why is this bad?
Organisations that mirror and scan their base images want every build to use the mirror: an
image pulled straight from a public registry skips the scanning, can disappear, and is subject
to rate limits.

## Example
```dockerfile
FROM ubuntu:24.04
RUN echo "hello"
```

## Use instead
```dockerfile
FROM registry.example.com/library/ubuntu:24.04
RUN echo "hello"
```

## Fix safety
There is no fix: the mirror's path for an image is not something a linter can know.

## Differences from hadolint
- The registry is read as Docker reads it: `localhost:5000/app` comes from `localhost:5000`;
  hadolint takes only a first path component with a `.` as a registry, so it treats
  `localhost:5000/app` as a Docker Hub image.
- Docker Hub images match `docker.io`, `hub.docker.com`, `index.docker.io` and patterns that
  match those names (`docker*`); hadolint accepts them only for the exact entries `docker.io`
  and `hub.docker.com`. Registry names are compared case-insensitively.
- `FROM ${IMAGE}` is judged by the image the global ARGs give it; an image whose value only
  the build knows is not flagged.
- Stage names match as BuildKit matches them (case-insensitively for `--from`), and the
  finding points at the image word or the flag that names the image.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
