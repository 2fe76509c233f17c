// SP401 secret-value: a well-known token format (AWS key, GitHub token, private key, JWT, a
// URL with a password, ...) written into the Dockerfile.
#include <fmt/format.h>

#include "rules/rule.h"
#include "rules/secrets/secret_util.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (ctx.in_onbuild()) return;  // the ONBUILD's own range covers its trigger
  const std::string_view text = ctx.Text(inst.range);
  for (const SecretMatch& m : FindSecrets(text)) {
    const auto begin = static_cast<std::uint32_t>(inst.range.begin + m.begin);
    const auto end = static_cast<std::uint32_t>(inst.range.begin + m.end);
    ctx.Report({begin, end},
               fmt::format("This is {} written into the Dockerfile: it stays in the image or "
                           "its history and in version control; revoke it, and pass the new one "
                           "with `RUN --mount=type=secret`",
                           m.kind));
  }
}

}  // namespace

extern const Rule kSP401 = {
    .code = "SP401",
    .name = "secret-value",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "secrets",
    .summary = "No credentials in the Dockerfile",
    .doc = R"md(## What it does
Flags well-known credential formats written anywhere in an instruction (ARG, ENV and LABEL
values, RUN command lines and heredocs, ADD URLs): AWS access key ids (`AKIA...`), GitHub
(`ghp_...`, `github_pat_...`), GitLab (`glpat-...`), Slack (`xoxb-...`, webhook URLs), Stripe
(`sk_live_...`), Google API (`AIza...`), npm (`npm_...`), PyPI, Docker Hub (`dckr_pat_...`) and
OpenAI (`sk-proj-...`) tokens, private key blocks (`-----BEGIN ... PRIVATE KEY-----`), JSON
Web Tokens, and URLs with a literal password (`https://user:s3cr3t@host/`). Placeholders such
as `AKIAIOSFODNN7EXAMPLE`, `xxxx` or `$PASSWORD` are not flagged.

## Why is this bad?
A credential in a Dockerfile is in version control, in every image built from it (ENV, LABEL,
files) or in the image's history (ARG values, RUN command lines), where anyone who can pull the
image can read it. Deleting it later does not help: the old layers keep it. Treat it as leaked:
revoke it, and pass the new one at build time with a secret mount.

## Example
```dockerfile
FROM alpine:3.20
ENV GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345
RUN git clone https://ci:hunter2@git.example.com/org/app.git /src
```

## Use instead
```dockerfile
# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN --mount=type=secret,id=git_token \
    git clone "https://ci:$(cat /run/secrets/git_token)@git.example.com/org/app.git" /src
```

## Fix safety
There is no fix: the credential has to be revoked, not moved.

## Differences from hadolint
hadolint has no such rule; DL3064 (and Docker's SecretsUsedInArgOrEnv) only judges variable
names. Trivy's secret scanner finds such tokens in images; shipshape finds them in the
Dockerfile, before the image exists.
)md",
    .onbuild = false,
    .sees_invalid = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
