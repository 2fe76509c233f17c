// DL3064 secret-in-arg-or-env: an ARG or ENV whose name says it holds a secret.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// hadolint's list of well-known secret variables, without its entries that name no secret
/// (user names, ids, `TRAVIS_OS_NAME`, ...). Most are also caught by kSecretWords.
constexpr std::string_view kKnownSecrets[] = {
    "access_token",
    "application_key",
    "app_secret",
    "auth_token",
    "aws_access_key_id",
    "aws_secret_access_key",
    "bittrex_api_key",
    "bittrex_api_secret",
    "cf_password",
    "circle_token",
    "ci_deploy_password",
    "dockerhub_password",
    "docker_password",
    "facebook_access_token",
    "facebook_app_secret",
    "firebase_api_token",
    "firebase_token",
    "fossa_api_key",
    "gh_enterprise_token",
    "gh_token",
    "github_enterprise_token",
    "github_token",
    "heroku_api_key",
    "npm_auth_token",
    "npm_token",
    "okta_client_token",
    "okta_oauth2_clientsecret",
    "openai_api_key",
    "os_password",
    "postgres_password",
    "slack_token",
    "stripe_api_key",
    "vault_client_key",
    "vault_token",
};

/// Words that mark a secret anywhere in a name (`DB_PASSWORD`, `CLIENTSECRET`, `APIKEY`).
constexpr std::string_view kSecretWords[] = {
    "password", "secret", "api_key", "apikey", "client_key", "private_key", "privatekey",
};

/// Whole `_`-separated words that mark a secret (Docker's SecretsUsedInArgOrEnv).
constexpr std::string_view kSecretSegments[] = {"passwd", "pword", "credential", "credentials"};

/// Whole words that say the value is not the secret itself: `PASSWORD_FILE` names a file
/// holding it (the recommended way), `GPG_PUBLIC_KEY`, `TOKEN_VERSION` (Docker's exceptions).
constexpr std::string_view kHarmlessSegments[] = {"file", "public", "version"};

template <std::size_t N>
bool Contains(const std::string_view (&list)[N], std::string_view s) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

bool LooksSecret(std::string_view name) {
  const std::string lower = base::AsciiLower(name);
  bool secret = Contains(kKnownSecrets, lower);
  for (std::string_view word : kSecretWords) {
    secret = secret || lower.find(word) != std::string::npos;
  }
  // `token`, but not `tokenizer` (TOKENIZERS_PARALLELISM is a Hugging Face switch).
  for (std::size_t at = lower.find("token"); at != std::string::npos && !secret;
       at = lower.find("token", at + 1)) {
    secret = lower.compare(at + 5, 2, "iz") != 0;
  }
  std::string_view rest = lower;
  while (true) {
    const std::size_t sep = rest.find('_');
    const std::string_view segment = rest.substr(0, sep);
    if (Contains(kHarmlessSegments, segment)) return false;
    secret = secret || Contains(kSecretSegments, segment);
    if (sep == std::string_view::npos) break;
    rest.remove_prefix(sep + 1);
  }
  return secret;
}

void Report(Context& ctx, std::string_view keyword, std::string_view name, base::Range range) {
  ctx.Report(range, fmt::format("`{} {}` looks like a secret, and {}; pass it with "
                                "`RUN --mount=type=secret` instead",
                                keyword, name,
                                keyword == "ARG" ? "build arguments are recorded in the image's "
                                                   "history"
                                                 : "ENV values are stored in the image"));
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword == syntax::Keyword::kArg) {
    // An ARG before the first FROM only feeds FROM lines: its value reaches no image.
    if (!ctx.in_onbuild() && !ctx.stage()) return;
    for (const syntax::Word& word : inst.args) {
      const std::string_view name = word.value.substr(0, word.value.find('='));
      if (name.empty() || !LooksSecret(name)) continue;
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
      if (key.empty() || !LooksSecret(key)) continue;
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
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
