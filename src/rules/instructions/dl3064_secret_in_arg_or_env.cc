// DL3064 secret-in-arg-or-env: an ARG or ENV whose name says it holds a secret.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "base/utf8.h"
#include "rules/rule.h"
#include "rules/secrets/secret_util.h"

namespace shipshape::rules {
namespace {

void Report(Context& ctx, std::string_view keyword, std::string_view name, base::Range range) {
  ctx.Report(range, fmt::format("`{} {}` looks like a secret, and {}; pass it with "
                                "`RUN --mount=type=secret,id=NAME` instead and read "
                                "`/run/secrets/NAME` in the RUN that needs it",
                                keyword, name,
                                keyword == "ARG" ? "build arguments are recorded in the image's "
                                                   "history"
                                                 : "ENV values are stored in the image"));
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  // Selected by its BuildKit name: BuildKit's word list, and no ONBUILD (run downstream).
  const bool buildkit = ctx.as_buildkit_check();
  if (buildkit && ctx.in_onbuild()) return;
  const auto secret = [&](std::string_view name) {
    return buildkit ? LooksSecretToBuildKit(name) : LooksSecret(name);
  };
  if (inst.keyword == syntax::Keyword::kArg) {
    // An ARG before the first FROM only feeds FROM lines: its value reaches no image.
    if (!ctx.in_onbuild() && !ctx.stage()) return;
    for (const syntax::Word& word : inst.args) {
      const std::string_view name = word.value.substr(0, word.value.find('='));
      if (name.empty() || !secret(name)) continue;
      // The name as written starts the word, unless quotes or line joins get in the way.
      const std::string_view written = ctx.Text(word.range);
      const base::Range range =
          written.substr(0, name.size()) == name
              ? base::Range{word.range.begin,
                            word.range.begin + static_cast<std::uint32_t>(name.size())}
              : word.range;
      Report(ctx, "ARG", name, range);
    }
  } else if (inst.keyword == syntax::Keyword::kEnv) {
    for (const syntax::KeyValue& pair : inst.pairs) {
      std::string key(pair.key.value);
      // BuildKit expands ENV keys; inside ONBUILD that happens downstream.
      if (key.find_first_of("$'\"\\`") != std::string::npos) {
        if (ctx.in_onbuild()) continue;
        model::Resolved r = ctx.model().Resolve(ctx.index(), pair.key.value);
        if (!r.known) continue;
        key = std::move(r.value);
      }
      if (key.empty() || !secret(key)) continue;
      Report(ctx, "ENV", key, pair.key.range);
    }
  }
}

}  // namespace

extern const Rule kDL3064 = {
    .code = "DL3064",
    .name = "secret-in-arg-or-env",
    .buildkit_name = "SecretsUsedInArgOrEnv",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kNever,
    .summary = "Potentially sensitive data should not be used in the `ARG` or `ENV` commands",
    .doc = R"md(## What it does
Flags an `ARG` or `ENV` whose name says it holds a secret: names containing `password`,
`secret`, `token`, `api_key`/`apikey`, `client_key` or `private_key`, names with the word
`passwd`, `pword`, `credential` or `credentials`, and well-known secret variables such as
`AWS_ACCESS_KEY_ID` or `GITHUB_TOKEN`. Names with the word `file`, `public` or `version`
(`DB_PASSWORD_FILE`, `TOKEN_VERSION`) are not flagged: they do not hold the secret. ARGs
declared before the first `FROM` are not checked: they only feed `FROM` lines.

## Why is this bad?
`ENV` values are stored in the image's configuration, and the values of build arguments used
by a `RUN` are recorded in the image's history: anyone who can pull the image can read them
(`docker history`, `docker inspect`). BuildKit's secret mounts give a `RUN` the secret without
leaving it in any layer or in the metadata.

## Example
```dockerfile
FROM node:22
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > ~/.npmrc && npm ci
```

## Use instead
```dockerfile
FROM node:22
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
```

## Fix safety
There is no fix: moving to a secret mount changes how the build is invoked.

## Differences from hadolint
hadolint flags any name containing `username` or `private`, so the dev-container convention
`ARG USERNAME=vscode` (the most frequent DL3064 in real Dockerfiles) and names such as
`PRIVATE_REGISTRY` are flagged, as are `TOKENIZERS_PARALLELISM` and entries of its list that
name no secret (`DOCKER_USERNAME`, `TRAVIS_OS_NAME`, `FACEBOOK_APP_ID`, ...); shipshape does not.
shipshape also recognises `apikey` (hadolint wants `api_key`) and Docker's `passwd`, `pword` and
`credential(s)` words, and follows Docker's SecretsUsedInArgOrEnv check in skipping names with
the word `file`, `public` or `version`, and ARGs declared before the first `FROM` (they only
feed `FROM` lines and reach no image). Docker's words `key` and `auth` are not used: they flag
`GPG_KEY` (a public key id in many official images) and `POSTGRES_HOST_AUTH_METHOD`. ENV keys
are expanded as BuildKit expands them. One finding per name, at the name (hadolint reports the
instruction once).

Selected by its BuildKit name (`--select SecretsUsedInArgOrEnv`), the rule is Docker's check,
word list included: `key` and `auth` count, the known names and the words found inside other
words (`DB_PASSWORD2`, `CLIENTSECRET`) do not, and `ONBUILD` is not checked.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
