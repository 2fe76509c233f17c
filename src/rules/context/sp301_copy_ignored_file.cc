// SP301 copy-ignored-file: a COPY or ADD source that `.dockerignore` keeps out of the context.
#include <fmt/format.h>

#include <optional>
#include <string>

#include "context/dockerignore.h"
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Whether an exception (`!pattern`) could re-include something at or below `path`; unsure
/// (a wildcard in the exception, or in the source, which COPY expands) counts as yes.
bool MayReinclude(const context::Dockerignore& ignore, const std::string& path) {
  const bool wildcard = path.find_first_of("*?[") != std::string::npos;
  for (const context::IgnorePattern& p : ignore.patterns()) {
    if (!p.exclusion) continue;
    if (path == "." || wildcard || p.cleaned.find_first_of("*?[\\^") != std::string::npos) {
      return true;
    }
    if (p.cleaned.starts_with(path) &&
        (p.cleaned.size() == path.size() || p.cleaned[path.size()] == '/')) {
      return true;
    }
  }
  return false;
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  const context::BuildContext* build = ctx.options().context.get();
  if (!build || !build->dockerignore() || !build->dockerignore()->errors().empty()) return;
  const context::Dockerignore& ignore = *build->dockerignore();
  const bool add = inst.keyword == syntax::Keyword::kAdd;
  for (const ContextSource& source : ContextSources(ctx, ctx.index(), inst)) {
    if (!source.value) continue;
    // BuildKit cleans the source; the context is its root, so `/x` is `x`.
    const std::string shown = context::CleanPath(*source.value);
    const std::size_t start = shown.find_first_not_of('/');
    const std::string path = start == std::string::npos ? "." : shown.substr(start);
    bool excluded;
    if (path == ".") {
      // The whole context: only a pattern that excludes everything at the top counts.
      excluded = false;
      for (const context::IgnorePattern& p : ignore.patterns()) {
        if (!p.exclusion && (p.cleaned == "*" || p.cleaned == "**" || p.cleaned == "**/*")) {
          excluded = true;
        }
      }
    } else {
      excluded = ignore.Excludes(path);
    }
    if (!excluded || (ignore.has_exclusions() && MayReinclude(ignore, path))) continue;
    ctx.Report(source.word->range,
               fmt::format("`{}` source `{}` is excluded by `{}`", add ? "ADD" : "COPY", shown,
                           build->dockerignore_path().substr(
                               build->dockerignore_path().find_last_of('/') + 1)));
  }
}

}  // namespace

extern const Rule kSP301 = {
    .code = "SP301",
    .name = "copy-ignored-file",
    .buildkit_name = "CopyIgnoredFile",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "context",
    .fixable = Fixable::kNever,
    .summary = "Do not COPY or ADD a file that .dockerignore excludes",
    .doc = R"md(## What it does
Flags a `COPY` or `ADD` source from the build context that the context's `.dockerignore` (or
the Dockerfile's own `<Dockerfile>.dockerignore`) excludes: the pattern matches the path or one
of its parent folders, and no later `!` exception takes it back.

## Why is this bad?
Excluded files never reach the builder. The copy either fails (`failed to compute cache key:
"/app.log": not found`) or, with a wildcard, silently copies less than it says. Either the
pattern is too broad or the `COPY` is stale.

## Example
<!-- shipshape-test: --context-file=app.log --dockerignore=*.log -->
With `.dockerignore` reading `*.log`:
```dockerfile
FROM alpine:3.20
COPY app.log /var/log/
```

## Use instead
```dockerfile
FROM alpine:3.20
COPY app.conf /etc/app/
```

## Fix safety
There is no fix: only the author knows whether the pattern or the `COPY` is wrong.

## Differences from hadolint
hadolint has no such rule; Docker's build check `CopyIgnoredFile` does, and this rule follows
its matching (`moby/patternmatcher`, parent folders included). Where they differ:
- BuildKit gives up on any `.dockerignore` that has a `!` exception; shipshape still reports a
  path unless an exception could take back something at or below it.
- An absolute source (`COPY /app.log .`) is matched as the context path it copies.
- Sources with variables are expanded with the ARG and ENV values the Dockerfile fixes;
  sources that depend on build arguments are skipped.
- A `.dockerignore` with an invalid pattern fails the whole build in BuildKit; this rule then
  says nothing.
- Rules in the `context` category need a build context: `lint --context DIR`, by default the
  Dockerfile's folder (none for standard input).
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
