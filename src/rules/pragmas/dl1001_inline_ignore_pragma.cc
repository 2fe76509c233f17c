// DL1001 inline-ignore-pragma: an inline `# hadolint ignore=` (or `# shipshape ignore=`)
// pragma; some teams want suppressions kept in the configuration, where they are reviewed.
#include <fmt/format.h>

#include "rules/rule.h"
#include "suppress/pragma.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  // The pragma parser the suppression pass uses (src/suppress/pragma.h): hadolint's grammar
  // for `# hadolint` pragmas, comments inside a continuation dropped.
  for (const suppress::Pragma& p : suppress::FindPragmas(ctx.dockerfile())) {
    if (p.scope != suppress::PragmaScope::kNext) continue;
    ctx.Report(p.range, fmt::format("Inline ignore pragma `{}`: fix the findings or ignore the "
                                    "rule in the configuration",
                                    ctx.Text(p.range)));
  }
}

}  // namespace

extern const Rule kDL1001 = {
    .code = "DL1001",
    .name = "inline-ignore-pragma",
    .severity = base::Severity::kInfo,
    .default_enabled = false,
    .category = "pragmas",
    .fixable = Fixable::kNever,
    .summary = "Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`",
    .doc = R"md(## What it does
Flags every inline ignore pragma: a comment line `# hadolint ignore=DL3008,DL3009` or
`# shipshape ignore=DL3008` that silences rules for the instruction below it. The rule is off
by default; turn it on by giving it a severity (`--warning DL1001`) or selecting it.

## Why is this bad?
An inline pragma lets whoever edits the Dockerfile switch a check off where it fires, without
anyone else noticing. Teams that want every exception reviewed in one place keep them in the
configuration file (`ignored:`), or forbid pragmas altogether; this rule finds the ones that
slipped in.

## Example
```dockerfile
FROM debian:12
# hadolint ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends curl
```

## Use instead
```dockerfile
FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
```

## Fix safety
There is no fix: removing the pragma brings back the findings it hides, which then need a
decision.

## Differences from hadolint
Same grammar as hadolint's: the comment must be exactly `hadolint`, `ignore`, `=` and a
comma-separated list of codes made of `D`, `L`, `S`, `C` and digits, with optional blanks
around `=` and `,` and an optional trailing `# reason`; anything else (lower-case codes,
space-separated lists) is not a pragma for hadolint, so it is not flagged. `global ignore` and
`stage ignore` pragmas are not flagged, as in hadolint. shipshape also flags its own
`# shipshape ignore=` pragmas (whose codes may be any selector: SP codes, prefixes, names, and
whose reason follows `--` or `#`), with the same parser the suppression pass uses, and points
at the pragma itself rather than at the line with column 1.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
