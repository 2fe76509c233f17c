// SP304 invalid-dockerignore: a `.dockerignore` pattern BuildKit rejects, failing the build.
#include <fmt/format.h>

#include <string>

#include "context/dockerignore.h"
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  const context::BuildContext* build = ctx.options().context.get();
  if (!build || !build->dockerignore() || build->dockerignore()->errors().empty()) return;
  // Reported where the build first reads the context; a build that reads none never sends it.
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  base::Range at;
  bool found = false;
  for (std::size_t i = 0; i < insts.size() && !found; ++i) {
    const std::vector<ContextSource> sources = ContextSources(ctx, i, insts[i]);
    if (!sources.empty()) {
      at = sources.front().word->range;
      found = true;
    }
  }
  if (!found) return;
  for (const context::IgnoreError& e : build->dockerignore()->errors()) {
    ctx.Report(at, fmt::format("`{}:{}:{}`: {}; BuildKit fails the build on it",
                               build->dockerignore_path(), e.line, e.column, e.message));
  }
}

}  // namespace

extern const Rule kSP304 = {
    .code = "SP304",
    .name = "invalid-dockerignore",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "context",
    .fixable = Fixable::kNever,
    .summary = "Fix .dockerignore patterns BuildKit rejects",
    .doc = R"md(## What it does
Reports each pattern of the build context's `.dockerignore` that BuildKit rejects: a class
that is not closed (`[abc`), starts with `]` or `-`, or has a range out of order (`[z-a]`), a
trailing `\`, an escape Go's regexp rejects (`\e`, `\1`; BuildKit turns patterns into
regexps), a lone `!`, or a line longer than 64 KiB. The finding names the file, line and
column of the pattern, and points at the first `COPY` or `ADD` that reads the context (a
Dockerfile that reads nothing from the context is not reported).

## Why is this bad?
BuildKit reads `.dockerignore` before anything else and stops with `syntax error in pattern`:
no stage builds until the pattern is fixed.

## Example
<!-- shipshape-test: --context-file=app.py --dockerignore=[abc -->
With `.dockerignore` reading `[abc`:
```dockerfile
FROM alpine:3.20
COPY app.py /srv/
```

## Use instead
<!-- shipshape-test-use-instead: --context-file=app.py --dockerignore=[abc] -->
With `.dockerignore` reading `[abc]` (the class closed):
```dockerfile
FROM alpine:3.20
COPY app.py /srv/
```

## Fix safety
There is no fix: only the author knows what the pattern should match.

## Differences from hadolint
hadolint does not read `.dockerignore`. This rule needs a build context: `lint --context DIR`,
by default the Dockerfile's folder (none for standard input). BuildKit reports only the first
bad pattern; shipshape reports all of them.
)md",
    .on_file = Check,
};

}  // namespace shipshape::rules
