// DL3011 invalid-port: an EXPOSE port BuildKit rejects (out of 0-65535, or not a port spec).
#include <fmt/format.h>

#include <string>

#include "base/go_strconv.h"
#include "model/expose.h"
#include "rules/buildkit/expose_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Whether `ports` (`80`, `8000-8100`) holds a number above 65535 (and nothing else wrong).
bool OutOfRange(std::string_view ports) {
  bool above = false;
  while (!ports.empty()) {
    const std::size_t dash = ports.find('-');
    const std::string_view part = ports.substr(0, dash);
    const auto n = base::ParseUint(part, 10, 64);
    if (!n.ok()) return false;
    above = above || n.value > 65535;
    ports = dash == std::string_view::npos ? std::string_view() : ports.substr(dash + 1);
  }
  return above;
}

void CheckSpec(Context& ctx, const syntax::Word& word, std::string_view spec) {
  const model::PortSpec port = model::ParsePortSpec(spec);
  if (port.ok()) return;
  const std::string shown = spec == word.value ? fmt::format("`{}`", spec)
                                               : fmt::format("`{}` (from `{}`)", spec, word.value);
  if (OutOfRange(port.container_port) || OutOfRange(port.host_port)) {
    ctx.Report(word.range,
               fmt::format("Port {} is out of range: valid ports are 0 to 65535", shown));
    return;
  }
  // BuildKit's `invalid port: "<spec>": <why>` names the spec the message already shows.
  std::string_view why = port.error;
  const std::string prefix = fmt::format("invalid port: \"{}\": ", spec);
  if (why.starts_with(prefix)) why.remove_prefix(prefix.size());
  ctx.Report(word.range, fmt::format("Port {} is not a valid port spec: {}", shown, why));
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kExpose) return;
  // One word may expand to several ports (`EXPOSE $PORTS`).
  for (const syntax::Word& word : inst.args) {
    for (const std::string& spec : ExposeSpecs(ctx, word).specs) CheckSpec(ctx, word, spec);
  }
}

}  // namespace

extern const Rule kDL3011 = {
    .code = "DL3011",
    .name = "invalid-port",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kNever,
    .summary = "Valid UNIX ports range from 0 to 65535",
    .doc = R"md(## What it does
Flags an `EXPOSE` port that BuildKit rejects: a port number (or either end of a range) above
65535, or a word that is not a port spec at all (`80/http`, `8080-80`, `abc`), after variables
are expanded.

## Why is this bad?
The build fails on it (`invalid containerPort: 70000`), and until then it documents a port the
container cannot listen on.

## Example
```dockerfile
FROM nginx:1.27
EXPOSE 80800
```

## Use instead
```dockerfile
FROM nginx:1.27
EXPOSE 8080
```

## Fix safety
There is no fix: which port was meant is not knowable.

## Differences from hadolint
- Variables are expanded with the ARG and ENV values in force: `EXPOSE $PORT` with
  `ARG PORT=70000` is flagged; hadolint does not look inside variables. Values only the build
  knows are not checked.
- Besides out-of-range numbers, every other port spec BuildKit rejects is flagged, with
  BuildKit's reason: an unknown protocol, a range whose end is below its start, a word that is
  not a number. hadolint checks only the numbers.
- `ONBUILD EXPOSE` is checked too, and each bad port is its own finding, at its word.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
