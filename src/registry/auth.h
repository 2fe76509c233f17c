// Registry authentication: the `WWW-Authenticate` challenges a registry answers 401 with, and
// the credentials of the Docker config (`~/.docker/config.json` `auths`, DOCKER_CONFIG honoured).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape::registry {

/// One challenge: `Bearer realm="https://auth.docker.io/token",service="registry.docker.io"`.
struct Challenge {
  /// Lower-cased: `bearer`, `basic`.
  std::string scheme;
  /// Parameters by lower-cased name, values unquoted (`realm`, `service`, `scope`).
  std::map<std::string, std::string> params;
};

/// The challenges of a `WWW-Authenticate` header value (RFC 7235: comma-separated
/// `scheme param=value, ...`, values as tokens or quoted strings with `\` escapes). Malformed
/// parts are skipped.
std::vector<Challenge> ParseChallenges(std::string_view header);

/// A user name and password (or token) for one registry.
struct Credentials {
  std::string username;
  std::string password;
};

/// Credentials for `domain` in a Docker config's text, or why the config cannot be read.
struct CredentialsResult {
  std::optional<Credentials> credentials;
  std::string error;
};

/// Looks `domain` up in `auths` of a Docker config.json text. Keys may be URLs
/// (`https://index.docker.io/v1/`) or host names; Docker Hub (`docker.io`) matches
/// `index.docker.io`, `registry-1.docker.io` and `docker.io`. An entry gives `auth` (base64 of
/// `user:password`) or `username` and `password`. Credential helpers (`credsStore`,
/// `credHelpers`) are not run.
CredentialsResult LookupCredentials(std::string_view config_text, std::string_view domain);

/// The Docker config file: `$DOCKER_CONFIG/config.json`, else `$HOME/.docker/config.json`.
std::string DockerConfigPath();

/// Standard base64 with padding.
std::string Base64Encode(std::string_view bytes);
/// Decodes standard base64 (padding optional); nullopt on a character outside the alphabet.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace shipshape::registry
