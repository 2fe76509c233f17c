// SP101 unused-suppression: a code in an ignore pragma that suppressed no finding. Runs after
// the suppression pass (an `on_pragmas` hook), which records what each code suppressed.
#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <vector>

#include "rules/registry.h"
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kSP101;

namespace {

/// Whether SP101 judges `code`: it names a rule that ran (a rule turned off is not "unused";
/// ShellCheck codes have no rule and ShellCheck may not run), and not SP101 itself (a global
/// `ignore=SP101` cannot be judged by the findings it silences).
bool Judged(const suppress::PragmaCode& code) {
  if (IsRetiredHadolintCode(code.text)) return true;  // nothing can match it any more
  return code.names_rule_that_ran && SelectorMatch(kSP101, code.text) == 0;
}

/// The fix for the unused code `i` of `p`: the whole line when no code of `p` is used, else
/// the code with one separator next to it (the one after it, for the first code).
base::Fix RemoveCode(const suppress::Pragma& p, std::size_t i, bool none_used) {
  base::Fix fix;
  fix.applicability = base::Applicability::kSafe;
  if (none_used) {
    fix.title = "Remove the unused pragma";
    fix.edits.push_back({p.line, ""});
    return fix;
  }
  fix.title = fmt::format("Remove `{}` from the pragma", p.codes[i].text);
  const base::Range range = i == 0 ? base::Range{p.codes[0].range.begin, p.codes[1].range.begin}
                                   : base::Range{p.codes[i - 1].range.end, p.codes[i].range.end};
  fix.edits.push_back({range, ""});
  return fix;
}

void Check(Context& ctx, std::span<const suppress::Pragma> pragmas) {
  for (const suppress::Pragma& p : pragmas) {
    if (!p.honoured) continue;  // --disable-ignore-pragma: nothing could be used
    std::vector<std::size_t> unused;
    bool all_unused = true;
    for (std::size_t i = 0; i < p.codes.size(); ++i) {
      const suppress::PragmaCode& code = p.codes[i];
      if (Judged(code) && !code.used) {
        unused.push_back(i);
      } else {
        all_unused = false;
      }
    }
    for (std::size_t i : unused) {
      const std::string_view text = p.codes[i].text;
      ctx.Report(p.codes[i].range,
                 IsRetiredHadolintCode(text)
                     ? fmt::format("Suppression of `{}` matches no finding: hadolint retired "
                                   "that rule and shipshape has none",
                                   text)
                     : fmt::format("Suppression of `{}` matches no finding", text),
                 RemoveCode(p, i, all_unused));
    }
  }
}

}  // namespace

extern const Rule kSP101 = {
    .code = "SP101",
    .name = "unused-suppression",
    .severity = base::Severity::kStyle,
    .default_enabled = true,
    .category = "pragmas",
    .fixable = Fixable::kAlways,
    .summary = "A code in an ignore pragma suppresses no finding",
    .doc = R"md(## What it does
Flags each code of an ignore pragma (`# shipshape ignore=`, `global ignore=`, `stage ignore=`
and hadolint's `# hadolint ignore=` forms) that suppressed no finding in this run. It runs
after the suppression pass, which records what every code suppressed. Its severity is `style`,
so it is shown but does not fail a build at the default threshold (`info`): a project moving
from hadolint sees which of its pragmas shipshape no longer needs (shipshape resolves
variables and stages that hadolint cannot, so some hadolint pragmas excuse nothing here)
without a red CI. `--warning SP101` makes them count; `--ignore SP101` hides them.

Only codes of rules that ran are judged: a pragma for a rule turned off by the configuration
is not unused, nor is a ShellCheck code (`SC2086`: ShellCheck may not run), nor an unknown
code (SP102 reports those). Codes of rules hadolint has deleted (DL3005, DL3017, DL3031,
DL3039) are always unused: nothing reports them any more. Under `--disable-ignore-pragma` no pragma suppresses anything, so
none is judged.

## Why is this bad?
A pragma that suppresses nothing is noise at best: the problem it excused was fixed, or the
pragma sits where it covers nothing (a hadolint pragma separated from its instruction by a
blank line, a code with a typo in a prefix). At worst it will silently hide a real finding the
next time the line changes.

## Example
```dockerfile
FROM debian:12
# shipshape ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \
 && rm -rf /var/lib/apt/lists/*
```

## Use instead
```dockerfile
FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \
 && rm -rf /var/lib/apt/lists/*
```

## Fix safety
The fix is safe: it removes only what suppressed nothing, so the findings stay the same. When
no code of the pragma is used it deletes the whole pragma line; otherwise it deletes the unused
code and one comma next to it, keeping the list well-formed.

## Differences from hadolint
hadolint has no such check.
)md",
    .on_pragmas = Check,
};

}  // namespace shipshape::rules
