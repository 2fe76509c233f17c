// DL3057 missing-healthcheck: the image has no HEALTHCHECK.
#include <fmt/format.h>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::optional<std::size_t> target = model.TargetStage();
  if (!target || !model.stages()[*target].from) return;
  // The image's config comes from the target stage and the stages it is built FROM; a
  // HEALTHCHECK in any of them (`HEALTHCHECK NONE` included: a deliberate choice) settles it.
  // ONBUILD HEALTHCHECK is for downstream images.
  for (std::optional<std::size_t> s = target; s && *s < model.stages().size();
       s = model.stages()[*s].base_stage) {
    const model::Stage& stage = model.stages()[*s];
    for (std::size_t i = stage.begin; i < stage.end; ++i) {
      if (ctx.dockerfile().instructions[i].keyword == syntax::Keyword::kHealthcheck) return;
    }
    // A stage is built on an earlier one: stop on anything else rather than loop.
    if (stage.base_stage && *stage.base_stage >= *s) break;
  }
  const model::Stage& stage = model.stages()[*target];
  ctx.Report(stage.from->word.range,
             fmt::format("The image of stage `{}` has no `HEALTHCHECK`; add one, or write "
                         "`HEALTHCHECK NONE` if the orchestrator checks health itself",
                         stage.DisplayName()));
}

}  // namespace

extern const Rule kDL3057 = {
    .code = "DL3057",
    .name = "missing-healthcheck",
    .severity = base::Severity::kInfo,
    .off_in_hadolint = true,
    .category = "stages",
    .fixable = Fixable::kNever,
    .summary = "`HEALTHCHECK` instruction missing",
    .doc = R"md(## What it does
Flags an image built without a `HEALTHCHECK`: neither the target stage (the last one, or
`--target`) nor the stages it is built `FROM` has one. The finding is on the target stage's
`FROM`. `HEALTHCHECK NONE` counts as a decision. The rule is on by default at the `info`
severity.

## Why is this bad?
Without a health check, Docker and Swarm only know whether the container's process runs, not
whether it still serves; a hung server stays "running" and is never restarted or taken out of
load balancing.

## Example
```dockerfile
FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
```

## Use instead
```dockerfile
FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
HEALTHCHECK --interval=30s CMD curl -fsS http://localhost/ || exit 1
```

## Fix safety
There is no fix: the right check depends on what the container serves.

## Differences from hadolint
hadolint reports every stage without a HEALTHCHECK (except those whose parent or child stage
has one), builder stages included; shipshape judges only the image that is built, once: the
target stage and its `FROM` chain. `HEALTHCHECK NONE` counts as a decision, as in hadolint. A
health check inherited from the external base image is not known to either tool.

hadolint has the rule off by default; shipshape runs it at `info`, a missing health check
being one of the image checks every audit lists. Orchestrators such as Kubernetes ignore
`HEALTHCHECK` and probe the container themselves: there, write `HEALTHCHECK NONE` to record
the choice, or `--ignore DL3057`. A project configured by a `.hadolint.yaml` keeps hadolint's
default (off; `override: {info: [DL3057]}` turns it on), so moving to shipshape changes none
of its DL findings.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
