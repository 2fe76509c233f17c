// SP701 root-by-default: the image never sets USER, so containers run as root unless the base
// image switched user.
#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

/// Whether a well-known base image already runs as an unprivileged user. Sources: each
/// project's published image configuration (`docker inspect -f '{{.Config.User}}'`): Google's
/// distroless `:nonroot` tags (65532), Chainguard's images (65532, except `-dev`), Bitnami
/// (1001), Microsoft's chiseled .NET images (1654), nginx-unprivileged (101), Jenkins (jenkins), Grafana (472), Prometheus and its
/// exporters (nobody), Elastic (elasticsearch/kibana, 1000), Red Hat's S2I and UBI language
/// images (`ubi*/python-*`, `nodejs-*`, `openjdk-*`: 1001).
bool RunsAsNonRoot(const model::ImageRef& image) {
  const std::string_view name = image.name;
  const std::string_view tag = image.tag;
  auto starts = [&](std::string_view p) { return name.starts_with(p); };
  if (tag.find("nonroot") != std::string_view::npos) return true;
  // Microsoft's chiseled .NET images run as `app` (1654).
  if (tag.find("chiseled") != std::string_view::npos) return true;
  if (starts("cgr.dev/chainguard/")) return tag.find("dev") == std::string_view::npos;
  if (starts("docker.io/bitnami/") || starts("docker.io/nginxinc/nginx-unprivileged") ||
      starts("docker.io/jenkins/jenkins") || starts("docker.io/jenkins/inbound-agent") ||
      starts("docker.io/grafana/grafana") || starts("docker.io/prom/") ||
      starts("quay.io/prometheus/") || starts("docker.elastic.co/elasticsearch/") ||
      starts("docker.elastic.co/kibana/")) {
    return true;
  }
  if (starts("registry.access.redhat.com/ubi") || starts("registry.redhat.io/ubi")) {
    for (std::string_view lang : {"/python-", "/nodejs-", "/openjdk-", "/ruby-", "/php-", "/go-toolset",
                                  "/perl-", "/dotnet-"}) {
      if (name.find(lang) != std::string_view::npos) return true;
    }
  }
  return false;
}

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  const std::vector<std::size_t> shipped = model.ShippedStages();
  if (shipped.empty()) return;
  // The root of the chain decides what the base image does.
  const model::Stage& root = model.stages()[shipped.front()];
  if (root.base_kind != model::BaseKind::kImage || RunsAsNonRoot(root.image)) return;
  if (IsWindowsStage(model, shipped.back())) return;  // ContainerUser/ContainerAdministrator
  for (std::size_t s : shipped) {
    const model::Stage& stage = model.stages()[s];
    for (std::size_t i = stage.begin + 1; i < stage.end; ++i) {
      if (insts[i].keyword == syntax::Keyword::kUser) return;  // DL3002 judges its value
    }
  }
  // The entrypoint starts as root on purpose and drops to a user (gosu, su-exec, ...).
  if (!DropsPrivilegesAtStart(ctx.dockerfile(), model, shipped).empty()) return;
  const model::Stage& target = model.stages()[shipped.back()];
  ctx.Report(target.from->word.range,
             fmt::format("The image never sets `USER`, so containers run as root (`{}` is not "
                         "known to switch user); add `USER <name>` after the steps that need root",
                         root.image.familiar),
             AppendUserFix(ctx, shipped));
}

}  // namespace

extern const Rule kSP701 = {
    .code = "SP701",
    .name = "root-by-default",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "runtime",
    .fixable = Fixable::kAlways,
    .summary = "The image never sets a USER, so it runs as root",
    .doc = R"md(## What it does
Flags the image (the target stage, `--target` or the last one, with the stages it is built
`FROM`) when none of its stages sets `USER`, so containers run as root, unless its base image is
a well-known one that already runs as an unprivileged user: Google's distroless `:nonroot`
tags, Microsoft's `chiseled` .NET images, Chainguard images (not `-dev`), Bitnami, `nginxinc/nginx-unprivileged`, Jenkins, Grafana,
Prometheus and its exporters, Elasticsearch and Kibana, and Red Hat's UBI language images. The
finding points at the target stage's `FROM`. Builder stages that only feed `COPY --from` are
not judged. An image with a `USER` is left to DL3002, which flags a last `USER root`.

Windows images are not judged: Windows containers run as `ContainerUser` (nanoserver) or
`ContainerAdministrator` (servercore), accounts that `USER` in the Linux sense does not
describe, and a `USER nobody` would fail there. Which stages are Windows is the model's one
decision, shared with DL3066 and the shell rules (see [the index](index.md#windows-or-linux)):
Microsoft's `mcr.microsoft.com/windows*`, `nanoserver*` and `servercore*` images (`-insider`
ones included), `microsoft/windowsservercore` and `microsoft/nanoserver`, Windows tags
(`*-nanoserver-*`, `*windowsservercore*`, `ltsc2022`, `1809`, ...), names ending in
`-windows` or starting with `windows-`, `--platform windows/...`, a `cmd`/`powershell` SHELL,
Windows paths in `WORKDIR` or `COPY` destinations, and, only when the base image says nothing,
the backtick escape directive. A fragment (no `FROM`) is not an image and is not judged.

An image that is known to drop root when it starts is not flagged either: its start command
(ENTRYPOINT and CMD, through `tini`, `dumb-init` and `exec`) runs through `gosu`, `su-exec`,
`setpriv`, `runuser`, `chpst` or `s6-setuidgid`; or its ENTRYPOINT is a shell script
(`docker-entrypoint.sh`, any `*.sh`, a name with `entrypoint`) and the image installs `gosu`,
`su-exec`, `chpst` or `s6-setuidgid` (a RUN, COPY or ADD naming it). That is how the official
images of databases and servers work: the entrypoint starts as root to fix the ownership of
mounted volumes, then `exec gosu postgres "$@"` runs the server unprivileged, and a `USER` in
the Dockerfile would break the first step. (`setpriv` and `runuser` ship with util-linux on
most distributions, so only their use in the start command itself counts.)

## Why is this bad?
Root in a container is root on every volume mounted into it and one kernel bug away from root on
the host; a process that does not need it should not have it. Most images only need root to
install packages, which happens at build time.

## Example
```dockerfile
FROM python:3.12-slim
RUN useradd --create-home app
COPY app.py /home/app/
CMD ["python", "/home/app/app.py"]
```

## Use instead
```dockerfile
FROM python:3.12-slim
RUN useradd --create-home app
COPY app.py /home/app/
USER app
CMD ["python", "/home/app/app.py"]
```

## Fix safety
The fix appends `USER <user>` after the target stage's last instruction, so build steps keep
running as root. When the image is known to have an unprivileged user (a RUN with `useradd app`
or `adduser app`), the fix uses it and is unsafe: the application may need root at run time (a
port below 1024, files it writes). Otherwise it is display-only and shows `USER nobody`.
There is no fix when that last instruction ends in a heredoc with no terminator: the
appended line would be part of its body.

## Differences from hadolint
hadolint's DL3002 only flags an explicit `USER root`; an image that never sets `USER` passes.
Trivy (DS-0002), Checkov (CKV_DOCKER_3) and KICS flag a missing `USER` in every Dockerfile,
whatever the base image runs as and whichever stage ships.
)md",
    .on_file = Check,
};

}  // namespace shipshape::rules
