// DL3066 non-numeric-user: the image's user is a name, not a numeric UID.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  // The image's user is the last USER of the target stage, or of the stages it is built FROM
  // (each one earlier than its child); earlier USERs only matter during the build.
  std::optional<std::size_t> s = model.TargetStage();
  // Windows containers have no UIDs: their users are names (`ContainerUser`).
  if (s && IsWindowsStage(model, *s)) return;
  for (; s && *s < model.stages().size(); s = model.stages()[*s].base_stage) {
    const model::Stage& stage = model.stages()[*s];
    for (std::size_t i = stage.end; i-- > stage.begin;) {
      const syntax::Instruction& inst = insts[i];
      if (inst.keyword != syntax::Keyword::kUser) continue;
      if (inst.args.empty()) return;
      const syntax::Word& arg = inst.args[0];
      const model::Resolved r = model.Resolve(i, arg.value);
      // A user only the build decides (`USER $UID` with `ARG UID`) cannot be judged.
      if (!r.known) return;
      const std::string_view user = std::string_view(r.value).substr(0, r.value.find(':'));
      if (std::all_of(user.begin(), user.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return;
      }
      const std::string_view written = ctx.Text(arg.range);
      ctx.Report(arg.range,
                 fmt::format("The image runs as user `{}`{}, not a numeric UID; hosts and "
                             "Kubernetes' `runAsNonRoot` cannot resolve a user name",
                             user, r.value == written ? "" : fmt::format(" (from `{}`)", written)));
      return;
    }
    // A stage is built on an earlier one: stop on anything else rather than loop.
    if (stage.base_stage && *stage.base_stage >= *s) return;
  }
}

}  // namespace

extern const Rule kDL3066 = {
    .code = "DL3066",
    .name = "non-numeric-user",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "stages",
    .fixable = Fixable::kNever,
    .summary = "Non-numeric user-id may not be resolvable by host system",
    .doc = R"md(## What it does
Flags the `USER` that sets the image's user when it names the user (`USER app`, `USER root`,
`USER app:app`) instead of giving a numeric UID (`USER 10001`, `USER 10001:10001`). That `USER`
is the last one of the target stage (the last stage, or `--target`), or of the stages it is
built `FROM` when the target stage has none. Values of ARG and ENV are expanded first.

## Why is this bad?
A user name means something only inside the image's `/etc/passwd`. The host and the
orchestrator see UIDs: Kubernetes cannot verify `runAsNonRoot` for a named user and refuses to
start the pod, and volume permissions on the host are set by UID.

## Example
```dockerfile
FROM debian:12
RUN useradd --uid 10001 --create-home app
USER app
```

## Use instead
```dockerfile
FROM debian:12
RUN useradd --uid 10001 --create-home app
USER 10001
```

## Fix safety
There is no fix: the user's UID is set by the image's `/etc/passwd`, which the linter does not
know.

## Differences from hadolint
hadolint 2.15.1 flags every `USER` in every stage, also the temporary `USER root` before a
package install and the users of builder stages (hadolint's pull request #1239 restricts it to
the last USER of the last stage); shipshape flags only the `USER` that decides who the image
runs as. hadolint skips any `$VAR` that names an earlier ARG and flags ENV-based ones without
looking; shipshape expands ARG and ENV values as BuildKit does (`USER ${APP_UID}` with
`ARG APP_UID=10001` is fine, with `ENV APP_USER=app` it is flagged), and leaves alone a user
that only the build decides. Windows images are not flagged (Windows has no UIDs, its users
are names such as `ContainerUser`), by the same decision SP701 and the shell rules use: see
[the index](index.md#windows-or-linux).
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
