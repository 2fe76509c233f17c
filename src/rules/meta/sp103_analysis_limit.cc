// SP103 analysis-limit: shipshape stopped following part of the file at one of its limits, so
// checks there may miss problems.
#include <fmt/format.h>

#include <string_view>

#include "rules/rule.h"
#include "shell/parser.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  for (const model::Limit& limit : ctx.model().limits()) {
    ctx.Report(limit.range, fmt::format("Not analysed further: {}", limit.message));
  }
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  for (std::size_t i = 0; i < insts.size(); ++i) {
    if (!IsRun(insts[i])) continue;
    for (const shell::ShellError& e : ctx.Shell(i).errors()) {
      if (std::string_view(e.message).find("too deeply") == std::string_view::npos) continue;
      ctx.Report({e.begin, e.end},
                 fmt::format("Not analysed further: {} (shipshape's limit is {} levels; nor is "
                             "the script given to ShellCheck)",
                             e.message, shell::kMaxNesting));
    }
  }
}

}  // namespace

extern const Rule kSP103 = {
    .code = "SP103",
    .name = "analysis-limit",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "meta",
    .summary = "shipshape stopped analysing part of the file at one of its limits",
    .doc = R"md(## What it does
Reports where shipshape stopped following the file because it passed one of its limits, so
that checks there may miss problems:
- an ARG or ENV value whose expansion is longer than 1 MiB (`ARG B=$A$A` chains double at
  each step: 60 of them would need an exabyte); the value is treated as unknown;
- variables nested more than 1000 levels deep (`${A:-${B:-...}}`);
- ARG and ENV variables taking more than 64 MiB to follow through the file (thousands of
  variables, or many large values); later values are treated as unknown;
- shell commands or substitutions in a RUN nested more than 200 levels deep.

With ShellCheck on (`--shellcheck`), it also reports the RUN scripts ShellCheck did not check,
because ShellCheck's time and memory grow much faster than its input (a 16 KiB chain of `&&`
takes it 4 s and 1.2 GB, twice that 22 s and 4.9 GB; 10,000 nested `$(` more than a minute):
- scripts nested past the limit above, scripts larger than 64 KiB and the RUN scripts of a
  file after its first 500 are not given to ShellCheck;
- ShellCheck gave up: it was still running after 10 s on the script alone
  (`SHIPSHAPE_SHELLCHECK_TIME_LIMIT=SECONDS` sets the limit; a batch of scripts gets 50 ms
  more per script, and a batch that runs out is checked again one script at a time, so only
  the script at fault goes unchecked), or it ran out of the 1 GiB of address space each
  ShellCheck process is allowed.

The other limits are errors of their own: a file larger than 64 MiB is not read, and a line
longer than 65,535 bytes is a syntax error, as in BuildKit.

## Why is this bad?
Such a file is almost certainly generated or hostile; a real build would exhaust memory on it
(BuildKit has none of these limits). shipshape stays fast and bounded instead, and says where
its analysis is partial.

## Example
```dockerfile
FROM alpine:3.20
ARG A0=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
ARG A1=${A0}${A0}
ARG A2=${A1}${A1}
ARG A3=${A2}${A2}
ARG A4=${A3}${A3}
ARG A5=${A4}${A4}
ARG A6=${A5}${A5}
ARG A7=${A6}${A6}
ARG A8=${A7}${A7}
ARG A9=${A8}${A8}
ARG A10=${A9}${A9}
ARG A11=${A10}${A10}
ARG A12=${A11}${A11}
ARG A13=${A12}${A12}
ARG A14=${A13}${A13}
ARG A15=${A14}${A14}
```

## Use instead
```dockerfile
FROM alpine:3.20
ARG A0=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
ARG A1=${A0}${A0}
```

## Fix safety
There is no fix.

## Differences from hadolint
hadolint has no such rule; it has no limits either, and runs out of memory on such files.
)md",
    .on_file = Check,
};

}  // namespace shipshape::rules
