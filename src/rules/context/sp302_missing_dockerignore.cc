// SP302 missing-dockerignore: the whole build context is copied and nothing keeps files out.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  const context::BuildContext* build = ctx.options().context.get();
  // A `.dockerignore` further up suggests the build runs from there, not from this folder.
  if (!build || build->dockerignore_text() || !build->parent_dockerignore().empty()) return;
  const std::optional<WholeContextCopy> whole = FirstWholeContextCopy(ctx);
  if (!whole) return;
  std::vector<std::string> entries = SensitiveEntries(ctx, *build);
  // `.git` always, unless the build uses it: it is the usual leak, and one may appear later.
  if (!Referenced(ctx, ".git") &&
      std::find(entries.begin(), entries.end(), ".git") == entries.end()) {
    entries.insert(entries.begin(), ".git");
  }
  std::optional<base::Fix> fix;
  if (!entries.empty()) {
    std::string text;
    for (const std::string& e : entries) text += fmt::format("{}\n", e);
    fix = base::Fix{fmt::format("Create `.dockerignore` excluding {}", NameList(entries)),
                    base::Applicability::kSafe,
                    {}, {{build->dockerignore_path(), std::nullopt, std::move(text)}}};
  }
  std::vector<std::string> present = SensitiveEntries(ctx, *build);
  ctx.Report(whole->word->range,
             present.empty()
                 ? fmt::format("`{}` copies the whole build context, which has no `.dockerignore`",
                               whole->shown)
                 : fmt::format("`{}` copies the whole build context, which has no "
                               "`.dockerignore`, into the image: {} included",
                               whole->shown, NameList(present)),
             std::move(fix));
}

}  // namespace

extern const Rule kSP302 = {
    .code = "SP302",
    .name = "missing-dockerignore",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "context",
    .fixable = Fixable::kSometimes,
    .summary = "Add a .dockerignore when copying the whole build context",
    .doc = R"md(## What it does
Flags the first `COPY . <dest>` or `ADD . <dest>` (a source that is the whole build context:
`.`, `./`, `/`) when the context has no `.dockerignore` (nor the Dockerfile its own
`<Dockerfile>.dockerignore`).

## Why is this bad?
Without a `.dockerignore`, everything in the folder goes to the builder and, through
`COPY . .`, into the image: the `.git` history, `.env` files with credentials, private keys,
`node_modules` built for another system. Secrets in a layer stay there even if a later step
deletes them, and every unrelated change invalidates the build cache.

## Example
<!-- shipshape-test: --context-file=.git/HEAD --context-file=.env --context-file=app.py -->
In a context holding `.git`, `.env` and `app.py`, and no `.dockerignore`:
```dockerfile
FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD ["python", "app.py"]
```

## Use instead
```dockerfile
FROM python:3.12-slim
WORKDIR /app
COPY app.py .
CMD ["python", "app.py"]
```

## Fix safety
The fix creates `.dockerignore` (never replacing one that appeared meanwhile) listing `.git`
and the sensitive entries found at the top of the context (`.env`, `.env.*` except
`.env.example` and similar templates, `node_modules`, `*.pem`, `*.key`, `*.p12`, `*.pfx`,
`id_rsa` and other SSH keys, `.npmrc`, `.pypirc`, `.netrc`, `.aws`, `.ssh`, `.gnupg`,
`.htpasswd`), each by its exact name. Entries an instruction names (`COPY .npmrc .`,
`--mount=...,source=.git`) are left out, and so is `.git` when a `RUN` runs `git`: so are entries
another Dockerfile of the context mentions (those at the top of the context folder, and those
linted with it): the build still finds what it uses, so the fix is safe as far as the
Dockerfiles show. A program in the
image that reads such a file at run time would miss it.

## Differences from hadolint
hadolint does not look at the build context. This rule needs one: `lint --context DIR`, by
default the Dockerfile's folder (none for standard input). Without `--context`, a
`.dockerignore` in a folder above the Dockerfile's (up to the repository root, the folder with
`.git`) is taken as a sign that the build runs from there, and the rule stays silent. Only the
top folder of the context is listed, so the check costs one directory read.
)md",
    .on_file = Check,
};

}  // namespace shipshape::rules
