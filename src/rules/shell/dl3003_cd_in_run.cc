// DL3003 cd-in-run: `cd` in a RUN; WORKDIR changes directory for what follows.
#include <fmt/format.h>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "cd") return;
  // `cd` inside `( ... )` or `$( ... )` is scoped on purpose: the rest of the RUN is unaffected.
  if (cmd.context.in_subshell || cmd.context.in_substitution) return;
  const std::string where = cmd.args.empty() ? "" : " " + cmd.args[0].value;
  ctx.Report(cmd.command.range,
             fmt::format("`cd{}` changes directory only for the rest of this RUN; use `WORKDIR{}`",
                         where, where));
}

}  // namespace

extern const Rule kDL3003 = {
    .code = "DL3003",
    .name = "cd-in-run",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "shell",
    .fixable = Fixable::kNever,
    .summary = "Use WORKDIR to switch to a directory",
    .doc = R"md(## What it does
Flags `cd` in a RUN instruction.

## Why is this bad?
A directory changed with `cd` lasts only until the end of that RUN, so the next instruction
runs elsewhere and readers have to track where each command runs. `WORKDIR` changes it for
every following instruction of the stage, and creates it when missing.

## Example
```dockerfile
FROM golang:1.22
COPY . /src
RUN cd /src && go build -o /app .
```

## Use instead
```dockerfile
FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
```

## Fix safety
There is no fix: moving the directory change to a `WORKDIR` also moves where the following
instructions run.

## Differences from hadolint
hadolint flags every `cd`, also `(cd sub && make)` and `$(cd dir && pwd)`, whose effect is
deliberately limited to a subshell; shipshape does not. shipshape also sees `cd` behind
`sh -c "..."`, checks `ONBUILD RUN` too, and points at the `cd` itself instead of the RUN's
first line.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
