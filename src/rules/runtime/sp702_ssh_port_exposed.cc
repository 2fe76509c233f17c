// SP702 ssh-port-exposed: EXPOSE 22.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model/expose.h"
#include "rules/buildkit/expose_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kExpose) return;
  for (const syntax::Word& w : inst.args) {
    for (const std::string& spec : ExposeSpecs(ctx, w).specs) {
      const model::PortSpec port = model::ParsePortSpec(spec);
      if (!port.ok() || std::find(port.ports.begin(), port.ports.end(), "22/tcp") ==
                            port.ports.end()) {
        continue;
      }
      ctx.Report(w.range, fmt::format("`EXPOSE {}` opens SSH's port: containers are not meant "
                                      "to run an SSH server; use `docker exec` or "
                                      "`kubectl exec` to get a shell",
                                      w.value));
      break;
    }
  }
}

}  // namespace

extern const Rule kSP702 = {
    .code = "SP702",
    .name = "ssh-port-exposed",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "runtime",
    .summary = "Do not expose SSH (port 22)",
    .doc = R"md(## What it does
Flags `EXPOSE` of port 22 (TCP), alone or inside a range, written out or through an ARG/ENV.

## Why is this bad?
An SSH server in a container is one more daemon to patch, with keys or passwords to manage, and
a way in that bypasses the orchestrator's access control and audit. `docker exec`,
`kubectl exec` and `kubectl debug` give a shell without it.

## Example
```dockerfile
FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server \
    && rm -rf /var/lib/apt/lists/*
EXPOSE 22 8080
```

## Use instead
```dockerfile
FROM debian:12
EXPOSE 8080
```

## Fix safety
There is no fix: removing the port does not remove the SSH server.

## Differences from hadolint
hadolint has no such rule; Trivy (DS-0004), Checkov (CKV_DOCKER_1) and KICS flag it too.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
