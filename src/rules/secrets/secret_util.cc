#include "rules/secrets/secret_util.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "base/utf8.h"

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

/// Docker's whole-word test on a lower-cased name: a `_`-separated word is in `words`
/// (`secret` is then set) or in kHarmlessSegments (the result is false whatever else).
template <std::size_t N>
bool SegmentsSaySecret(std::string_view lower, const std::string_view (&words)[N], bool secret) {
  while (true) {
    const std::size_t sep = lower.find('_');
    const std::string_view segment = lower.substr(0, sep);
    if (Contains(kHarmlessSegments, segment)) return false;
    secret = secret || Contains(words, segment);
    if (sep == std::string_view::npos) return secret;
    lower.remove_prefix(sep + 1);
  }
}

}  // namespace

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
  return SegmentsSaySecret(lower, kSecretSegments, secret);
}

bool LooksSecretToBuildKit(std::string_view name) {
  static constexpr std::string_view kWords[] = {
      "apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd",
      "secret", "token",
  };
  return SegmentsSaySecret(base::AsciiLower(name), kWords, false);
}

namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsUpperDigit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsTokenChar(char c) { return IsAlnum(c) || c == '_' || c == '-'; }

/// The length of the run of characters satisfying `ok` at `at`.
template <typename Pred>
std::size_t Run(std::string_view text, std::size_t at, Pred ok) {
  std::size_t n = 0;
  while (at + n < text.size() && ok(text[at + n])) ++n;
  return n;
}

/// Whether a token is a placeholder: `EXAMPLE`, `xxxx`, `****`, `...`, `<...>`.
bool Placeholder(std::string_view token) {
  const std::string lower = base::AsciiLower(token);
  if (lower.find("example") != std::string::npos || lower.find("xxxx") != std::string::npos ||
      lower.find("****") != std::string::npos || lower.find("...") != std::string::npos ||
      lower.find("your") != std::string::npos || lower.find("dummy") != std::string::npos ||
      lower.find("fake") != std::string::npos) {
    return true;
  }
  return false;
}

/// `scheme://user:password@host` with a literal password.
void UrlPasswords(std::string_view text, std::vector<SecretMatch>& out) {
  for (std::size_t at = text.find("://"); at != std::string_view::npos;
       at = text.find("://", at + 3)) {
    const std::size_t start = at + 3;
    std::size_t end = start;
    while (end < text.size() && text[end] != '@' && text[end] != '/' && text[end] != ' ' &&
           text[end] != '\n' && text[end] != '"' && text[end] != '\'') {
      ++end;
    }
    if (end >= text.size() || text[end] != '@') continue;
    const std::string_view userinfo = text.substr(start, end - start);
    const std::size_t colon = userinfo.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view password = userinfo.substr(colon + 1);
    const std::string_view user = userinfo.substr(0, colon);
    if (password.size() < 3 || user.empty() || password.find('$') != std::string_view::npos ||
        password.find('%') == 0 || Placeholder(password)) {
      continue;
    }
    const std::string lower = base::AsciiLower(password);
    if (lower == "password" || lower == "pass" || lower == "passwd" || lower == "secret" ||
        lower == "changeme" || lower == "token") {
      continue;
    }
    out.push_back({start + colon + 1, end, "a URL with a password"});
  }
}

bool IsAlnumOrUnderscore(char c) { return IsAlnum(c) || c == '_'; }
bool IsAlnumOrDash(char c) { return IsAlnum(c) || c == '-'; }
bool IsAlnumOrSlash(char c) { return IsAlnum(c) || c == '/'; }

/// A token format: `prefix` then at least `min` characters of `ok` (and, with `max`, no more
/// than that many), not glued to a word character before it.
struct TokenFormat {
  std::string_view prefix;
  std::size_t min;
  std::size_t max;
  bool (*ok)(char);
  std::string_view kind;
};

constexpr TokenFormat kTokenFormats[] = {
    {"AKIA", 16, 16, IsUpperDigit, "an AWS access key id"},
    {"ASIA", 16, 16, IsUpperDigit, "an AWS access key id"},
    {"AGPA", 16, 16, IsUpperDigit, "an AWS access key id"},
    {"AIDA", 16, 16, IsUpperDigit, "an AWS access key id"},
    {"AROA", 16, 16, IsUpperDigit, "an AWS access key id"},
    {"ANPA", 16, 16, IsUpperDigit, "an AWS access key id"},
    {"ANVA", 16, 16, IsUpperDigit, "an AWS access key id"},
    {"AIPA", 16, 16, IsUpperDigit, "an AWS access key id"},
    {"ghp_", 36, 0, IsAlnum, "a GitHub token"},
    {"gho_", 36, 0, IsAlnum, "a GitHub token"},
    {"ghu_", 36, 0, IsAlnum, "a GitHub token"},
    {"ghs_", 36, 0, IsAlnum, "a GitHub token"},
    {"ghr_", 36, 0, IsAlnum, "a GitHub token"},
    {"github_pat_", 22, 0, IsAlnumOrUnderscore, "a GitHub token"},
    {"glpat-", 20, 0, IsTokenChar, "a GitLab token"},
    {"xoxb-", 10, 0, IsAlnumOrDash, "a Slack token"},
    {"xoxa-", 10, 0, IsAlnumOrDash, "a Slack token"},
    {"xoxp-", 10, 0, IsAlnumOrDash, "a Slack token"},
    {"xoxr-", 10, 0, IsAlnumOrDash, "a Slack token"},
    {"xoxs-", 10, 0, IsAlnumOrDash, "a Slack token"},
    {"hooks.slack.com/services/T", 20, 0, IsAlnumOrSlash, "a Slack webhook URL"},
    {"sk_live_", 24, 0, IsAlnum, "a Stripe secret key"},
    {"rk_live_", 24, 0, IsAlnum, "a Stripe restricted key"},
    {"AIza", 35, 35, IsTokenChar, "a Google API key"},
    {"npm_", 36, 36, IsAlnum, "an npm token"},
    {"pypi-AgEIcHlwaS5vcmc", 50, 0, IsTokenChar, "a PyPI token"},
    {"dckr_pat_", 20, 0, IsTokenChar, "a Docker Hub token"},
    {"sk-proj-", 40, 0, IsTokenChar, "an OpenAI key"},
};

/// The first bytes of a token format, a private key block or a JWT: most bytes of a text are
/// ruled out by this table alone.
constexpr std::array<bool, 256> kFirstBytes = [] {
  std::array<bool, 256> first{};
  for (const TokenFormat& f : kTokenFormats) first[static_cast<unsigned char>(f.prefix[0])] = true;
  first['-'] = true;
  first['e'] = true;
  return first;
}();

/// The first two bytes of a token format, a private key block (`-----BEGIN `) or a JWT
/// (`eyJ`), as a bit set indexed by `first * 256 + second`.
constexpr std::array<std::uint64_t, 1024> kFirstPairs = [] {
  std::array<std::uint64_t, 1024> pairs{};
  auto add = [&](std::string_view prefix) {
    const unsigned pair = static_cast<unsigned char>(prefix[0]) * 256u +
                          static_cast<unsigned char>(prefix[1]);
    pairs[pair / 64] |= std::uint64_t{1} << (pair % 64);
  };
  for (const TokenFormat& f : kTokenFormats) add(f.prefix);
  add("--");
  add("ey");
  return pairs;
}();

/// A private key block starting at `at` (`-----BEGIN ... PRIVATE KEY-----`).
void PrivateKeyAt(std::string_view text, std::size_t at, std::vector<SecretMatch>& out) {
  if (text.compare(at, 11, "-----BEGIN ") != 0) return;
  const std::size_t close = text.find("-----", at + 11);
  if (close == std::string_view::npos || close - at > 40) return;
  const std::string_view label = text.substr(at + 11, close - at - 11);
  if (label.ends_with("PRIVATE KEY")) out.push_back({at, close + 5, "a private key"});
}

/// A JSON Web Token starting at `at`: three base64url parts, the first two JSON objects (`eyJ`).
void JwtAt(std::string_view text, std::size_t at, std::vector<SecretMatch>& out) {
  if (text.compare(at, 3, "eyJ") != 0) return;
  if (at > 0 && IsTokenChar(text[at - 1])) return;
  const std::size_t a = Run(text, at, IsTokenChar);
  if (a < 10 || at + a >= text.size() || text[at + a] != '.') return;
  const std::size_t b_at = at + a + 1;
  if (text.substr(b_at, 3) != "eyJ") return;
  const std::size_t b = Run(text, b_at, IsTokenChar);
  if (b < 10 || b_at + b >= text.size() || text[b_at + b] != '.') return;
  const std::size_t c = Run(text, b_at + b + 1, IsTokenChar);
  if (c < 10) return;
  out.push_back({at, b_at + b + 1 + c, "a JSON Web Token"});
}

}  // namespace

std::vector<SecretMatch> FindSecrets(std::string_view text) {
  std::vector<SecretMatch> out;
  if (text.size() < 16) return out;
  // One pass over the text; only where a format's first two bytes are is looked at further.
  for (std::size_t at = 0; at + 1 < text.size(); ++at) {
    const char c = text[at];
    if (!kFirstBytes[static_cast<unsigned char>(c)]) continue;
    const unsigned pair =
        static_cast<unsigned char>(c) * 256u + static_cast<unsigned char>(text[at + 1]);
    if (!(kFirstPairs[pair / 64] >> (pair % 64) & 1)) continue;
    if (c == '-') PrivateKeyAt(text, at, out);
    if (c == 'e') JwtAt(text, at, out);
    for (const TokenFormat& f : kTokenFormats) {
      if (f.prefix[0] != c || text.compare(at, f.prefix.size(), f.prefix) != 0) continue;
      if (at > 0 && IsTokenChar(text[at - 1])) continue;
      const std::size_t n = Run(text, at + f.prefix.size(), f.ok);
      if (n < f.min || (f.max && n > f.max)) continue;
      out.push_back({at, at + f.prefix.size() + n, f.kind});
    }
  }
  UrlPasswords(text, out);
  std::erase_if(out, [&](const SecretMatch& m) {
    return m.kind != "a private key" && m.kind != "a URL with a password" &&
           Placeholder(text.substr(m.begin, m.end - m.begin));
  });
  // Found in text order; a URL's password may start where a token does (the token first).
  std::stable_sort(out.begin(), out.end(),
                   [](const SecretMatch& a, const SecretMatch& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace shipshape::rules
