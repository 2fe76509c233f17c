// SP210 invalid-default-arg-in-from: with the ARGs' defaults, FROM names no valid image
// (BuildKit's InvalidDefaultArgInFrom).
#include <fmt/format.h>

#include "model/image_ref.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kFrom || inst.args.empty()) return;
  const std::optional<std::size_t> index = ctx.stage();
  if (!index) return;
  const model::Stage& stage = ctx.model().stages()[*index];
  // Only a FROM with variables: a constant invalid name is an error of its own. The model
  // expands with the defaults, an ARG without one giving the empty string, as BuildKit does for
  // this check.
  if (stage.base_text.find('$') == std::string::npos || !stage.base.error.empty()) return;
  const std::string& value = stage.base.value;
  if (!value.empty() && model::ParseNormalizedNamed(value).ok()) return;
  const std::string shown = value.empty() ? "an empty name" : fmt::format("`{}`", value);
  ctx.Report(inst.args[0].range,
             fmt::format("Default values of the ARGs in `{}` give {}, not a valid base image name",
                         stage.base_text, shown));
}

}  // namespace

extern const Rule kSP210 = {
    .code = "SP210",
    .name = "invalid-default-arg-in-from",
    .buildkit_name = "InvalidDefaultArgInFrom",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .default_set_severity = base::Severity::kStyle,
    .category = "buildkit",
    .fixable = Fixable::kNever,
    .summary = "FROM should name a valid image with the ARGs' default values",
    .doc = R"md(## What it does
Expands a `FROM` image that uses variables with the default values of the global ARGs (an ARG
declared without a default gives the empty string) and flags it when the result is empty or not
a valid image reference (`busybox:`, an upper-case repository name, ...).

In the default set it reports at `style`: most such Dockerfiles are built by a script or CI
job that always passes the `--build-arg` (`ARG BASE_IMAGE` then `FROM $BASE_IMAGE` is a
deliberate parameter, not a mistake), so the finding is advice that should not fail their
lint. Asked for by its code, its BuildKit name or the `hardened` preset, it is a `warning`,
as `docker build --check` reports it.

## Why is this bad?
A build that does not pass `--build-arg` for these ARGs fails with an invalid image name. Giving
each ARG a working default keeps `docker build .` working and documents a sensible value.
Docker's own build check `InvalidDefaultArgInFrom` warns about it.

## Example
```dockerfile
ARG VERSION
FROM busybox:$VERSION
```

## Use instead
```dockerfile
ARG VERSION=1.37
FROM busybox:$VERSION
```

## Fix safety
There is no fix: the default value is the author's choice.

## Differences from hadolint
hadolint has no such rule.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
