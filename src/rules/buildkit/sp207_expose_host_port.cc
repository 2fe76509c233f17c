// SP207 expose-host-port: `EXPOSE 8080:80` or an IP address in EXPOSE (BuildKit's
// ExposeInvalidFormat).
#include <fmt/format.h>

#include "model/expose.h"
#include "rules/buildkit/expose_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kExpose) return;
  for (const syntax::Word& word : inst.args) {
    const ExposeWord expose = ExposeSpecs(ctx, word);
    for (const std::string& spec : expose.specs) {
      if (spec.find(':') == std::string::npos) continue;
      std::optional<base::Fix> fix;
      const model::PortSpec port = model::ParsePortSpec(spec);
      if (expose.literal && port.ok()) {
        // BuildKit exposes the container port only; the IP and host port are dropped.
        const std::string kept = spec.substr(spec.rfind(':') + 1);
        fix = base::Fix{fmt::format("Keep the container port `{}`", kept),
                        base::Applicability::kSafe,
                        {{word.range, kept}}};
      }
      const std::string shown = spec == word.value
                                    ? fmt::format("`{}`", spec)
                                    : fmt::format("`{}` (from `{}`)", spec, word.value);
      ctx.Report(word.range,
                 fmt::format("EXPOSE port {} defines an IP address or host port, which EXPOSE "
                             "ignores",
                             shown),
                 std::move(fix));
    }
  }
}

}  // namespace

extern const Rule kSP207 = {
    .code = "SP207",
    .name = "expose-host-port",
    .buildkit_name = "ExposeInvalidFormat",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "buildkit",
    .fixable = Fixable::kSometimes,
    .summary = "EXPOSE should not define an IP address or host port",
    .doc = R"md(## What it does
Flags an `EXPOSE` port spec with an IP address or a host port (`127.0.0.1:80:80`,
`8080:80`), after the port's variables are expanded.

## Why is this bad?
`EXPOSE` only documents which container ports the image listens on. BuildKit accepts
`[ip:][hostPort:]containerPort` for compatibility but keeps only the container port: the
mapping to the host is made when the container is run (`docker run -p 8080:80`). A host port
or IP in the Dockerfile suggests a mapping that does not happen. Docker's own build check
`ExposeInvalidFormat` warns about it.

## Example
```dockerfile
FROM nginx:1.27
EXPOSE 8080:80
```

## Use instead
```dockerfile
FROM nginx:1.27
EXPOSE 80
```

## Fix safety
The fix keeps the container port (with its protocol) and drops the IP and host port. It is
safe: the image exposes exactly the same ports, since BuildKit ignores those parts. A port spec
BuildKit rejects, or one written with variables, gets no fix.

## Differences from hadolint
hadolint has no such rule (DL3011 checks the port numbers).
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
