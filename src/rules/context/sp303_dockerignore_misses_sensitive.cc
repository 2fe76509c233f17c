// SP303 dockerignore-misses-sensitive: `.dockerignore` lets secrets or bulk into a whole-context
// copy.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  const context::BuildContext* build = ctx.options().context.get();
  if (!build || !build->dockerignore_text() || !build->dockerignore()->errors().empty()) return;
  const std::optional<WholeContextCopy> whole = FirstWholeContextCopy(ctx);
  if (!whole) return;
  const std::vector<std::string> missing = Unexcluded(ctx, *build);
  if (missing.empty()) return;
  const std::string& now = *build->dockerignore_text();
  std::string text = !now.empty() && now.back() != '\n' ? "\n" : "";
  for (const std::string& m : missing) text += fmt::format("{}\n", m);
  const std::string file =
      build->dockerignore_path().substr(build->dockerignore_path().find_last_of('/') + 1);
  ctx.Report(whole->word->range,
             fmt::format("`{}` does not exclude {}, which `{}` copies into the image", file,
                         NameList(missing), whole->shown),
             base::Fix{fmt::format("Add {} to `{}`", NameList(missing), file),
                       base::Applicability::kSafe,
                       {},
                       {{build->dockerignore_path(), now, std::move(text)}}});
}

}  // namespace

extern const Rule kSP303 = {
    .code = "SP303",
    .name = "dockerignore-misses-sensitive",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "context",
    .fixable = Fixable::kAlways,
    .summary = "Exclude secrets, .git and node_modules in .dockerignore",
    .doc = R"md(## What it does
Flags the first `COPY . <dest>` or `ADD . <dest>` (a source that is the whole build context)
when the context's `.dockerignore` does not exclude sensitive entries that exist at the top of
the context: `.git`, `.env` and `.env.*` files (not `.env.example` and similar templates),
`node_modules`, private keys (`*.pem`, `*.key`, `*.p12`, `*.pfx`, `id_rsa` and other SSH keys)
and credential files (`.npmrc`, `.pypirc`, `.netrc`, `.aws`, `.ssh`, `.gnupg`, `.htpasswd`).

## Why is this bad?
What `.dockerignore` lets through, `COPY . .` puts in a layer of the image, where anyone who
pulls it can read it: tokens in `.env`, the full `.git` history, keys. A later `RUN rm` does not
help, the layer keeps the file.

## Example
<!-- shipshape-test: --context-file=.env --context-file=app.py --dockerignore=*.pyc -->
In a context holding `.env` and `app.py`, with `.dockerignore` reading `*.pyc`:
```dockerfile
FROM python:3.12-slim
WORKDIR /app
COPY . .
```

## Use instead
```dockerfile
FROM python:3.12-slim
WORKDIR /app
COPY app.py .
```

## Fix safety
The fix appends the missing entries, each by its exact name, to the `.dockerignore` in force.
Entries an instruction names (`COPY .npmrc .`), `.git` when a `RUN` runs `git`, and entries a
`!` exception takes back on purpose are not flagged, nor entries another Dockerfile of the
context mentions (those at the top of the context folder, and those linted with it), so the
builds still find what they use: the fix is safe as far as the Dockerfiles show. A program in
the image that reads such a file at run time would miss it.

## Differences from hadolint
hadolint does not look at the build context. This rule needs one: `lint --context DIR`, by
default the Dockerfile's folder (none for standard input). Only the top folder of the context
is listed (no tree walk), so a `.env` deeper down is not seen.
)md",
    .on_file = Check,
};

}  // namespace shipshape::rules
