// What looks like a secret: variable names (DL3064, SP402) and well-known token formats
// (SP401).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace shipshape::rules {

/// Whether a variable name says it holds a secret (`DB_PASSWORD`, `GITHUB_TOKEN`, `APIKEY`),
/// as hadolint's DL3064 list and Docker's SecretsUsedInArgOrEnv judge it; `PASSWORD_FILE`,
/// `GPG_PUBLIC_KEY` and `TOKEN_VERSION` do not.
bool LooksSecret(std::string_view name);

/// Exactly BuildKit's SecretsUsedInArgOrEnv test: a `_`-separated word of `name` is `apikey`,
/// `auth`, `credential(s)`, `key`, `password`, `pword`, `passwd`, `secret` or `token`, and none
/// is `public`, `file` or `version` (any case). Wider than LooksSecret on `key` and `auth`
/// (`GPG_KEY`, `POSTGRES_HOST_AUTH_METHOD`), narrower on names such as `DB_PASSWORD2`.
bool LooksSecretToBuildKit(std::string_view name);

/// A well-known secret found in a text: where, and what kind (`a GitHub token`).
struct SecretMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view kind;
};

/// The well-known token formats in `text`: AWS access key ids, GitHub, GitLab, Slack, Stripe,
/// Google API, npm, PyPI, Docker Hub and OpenAI tokens, private key blocks, JWTs, and URLs
/// with a literal password. Placeholders (`EXAMPLE`, `xxx`, variables) are not secrets.
std::vector<SecretMatch> FindSecrets(std::string_view text);

}  // namespace shipshape::rules
