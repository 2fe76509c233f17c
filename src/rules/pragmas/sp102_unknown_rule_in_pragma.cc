// SP102 unknown-rule-in-pragma: a code in an ignore pragma that names no rule, prefix or
// ShellCheck code; it suppresses nothing, and is often a typo of one that would.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/suggest.h"
#include "base/utf8.h"
#include "rules/registry.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// The known spelling closest to `code` (rule codes, BuildKit names, kebab names), as
/// written in the registry, or empty.
std::string Closest(std::string_view code) {
  std::vector<std::string_view> candidates;
  for (const Rule* r : AllRules()) {
    candidates.push_back(r->code);
    if (!r->buildkit_name.empty()) candidates.push_back(r->buildkit_name);
    candidates.push_back(r->name);
  }
  const std::optional<std::string> match = base::Suggest(code, candidates, false);
  if (!match) return {};
  for (std::string_view c : candidates) {
    if (base::EqualsIgnoreCase(c, *match)) return std::string(c);
  }
  return *match;
}

void Check(Context& ctx, std::span<const suppress::Pragma> pragmas) {
  for (const suppress::Pragma& p : pragmas) {
    for (const suppress::PragmaCode& code : p.codes) {
      if (IsKnownSelector(code.text) || IsRetiredHadolintCode(code.text)) continue;
      std::string message = fmt::format("Unknown rule `{}` in pragma", code.text);
      if (const std::string closest = Closest(code.text); !closest.empty()) {
        message += fmt::format(" (did you mean `{}`?)", closest);
      }
      ctx.Report(code.range, std::move(message));
    }
  }
}

}  // namespace

extern const Rule kSP102 = {
    .code = "SP102",
    .name = "unknown-rule-in-pragma",
    .severity = base::Severity::kWarning,
    .category = "pragmas",
    .fixable = Fixable::kNever,
    .summary = "An ignore pragma names a rule that does not exist",
    .doc = R"md(## What it does
Flags each code of an ignore pragma (`# shipshape ignore=`, `global ignore=`, `stage ignore=`
and hadolint's `# hadolint ignore=` forms) that shipshape does not know, and suggests the
closest known code or name when one is near. Known are: rule codes in any case (`DL3008`,
`sp101`), code prefixes (`DL30`, `SP1`), `ALL`, the presets (`recommended`, `hardened`), kebab
names (`apt-get-unpinned-package`), BuildKit check names (`MaintainerDeprecated`) and
ShellCheck codes (`SC2086`). Codes of rules hadolint has deleted (DL3005, DL3017, DL3031,
DL3039) are stale rather than mistyped: SP101 reports them as unused suppressions, at `style`.
It runs after the suppression pass, with the other rules that judge pragmas.

## Why is this bad?
A code that names nothing suppresses nothing: the finding it was meant to silence is still
reported, or, worse, the typo goes unnoticed until the real code is needed.

## Example
```dockerfile
FROM debian:12
# shipshape ignore=DL3800
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
```

## Use instead
```dockerfile
FROM debian:12
# shipshape ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
```

## Fix safety
There is no fix: which rule was meant is for a person to decide.

## Differences from hadolint
hadolint ignores unknown codes silently. Its pragma grammar only accepts codes made of `D`,
`L`, `S`, `C` and digits, so `# hadolint ignore=DL3800` is flagged here while
`# hadolint ignore=dl3008` is no pragma at all (for hadolint as for shipshape).
)md",
    .on_pragmas = Check,
};

}  // namespace shipshape::rules
