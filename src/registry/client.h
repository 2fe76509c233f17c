// A Registry HTTP API v2 client that resolves a tag to the digest of what it serves: anonymous
// or credentialed bearer tokens from the `WWW-Authenticate` challenge, Basic auth, retries
// with backoff on 429 and 5xx, and the `Docker-Content-Digest` header checked against the
// SHA-256 of the manifest bytes.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/image_ref.h"
#include "registry/auth.h"

namespace shipshape::registry {

/// The manifest media types asked for, multi-platform first: what the tag serves is pinned,
/// the index when there is one.
inline constexpr const char* kManifestAccept =
    "application/vnd.oci.image.index.v1+json, "
    "application/vnd.docker.distribution.manifest.list.v2+json, "
    "application/vnd.oci.image.manifest.v1+json, "
    "application/vnd.docker.distribution.manifest.v2+json";

struct ClientOptions {
  /// Registries reached over plain HTTP besides loopback ones (`--insecure-registry`).
  std::vector<std::string> insecure_registries;
  /// Per request, connection included.
  long timeout_ms = 30000;
  /// Tries per request when the answer is 429, a 5xx or a dropped connection.
  int attempts = 4;
  /// The wait before the second try, doubled before each next one (a 429's `Retry-After` is
  /// honoured up to kMaxRetryAfterMs).
  long backoff_ms = 250;
  /// The Docker config file (DockerConfigPath() when empty); a missing file means no
  /// credentials.
  std::string docker_config;
};

inline constexpr long kMaxRetryAfterMs = 10000;

/// What a tag resolved to.
struct Resolution {
  /// `sha256:...` of the manifest (or index) the tag serves.
  std::string digest;
  std::string media_type;
  /// Why it could not be resolved (unknown tag, unauthorized, registry down), empty on success.
  std::string error;
  bool ok() const { return error.empty(); }
};

class Client {
 public:
  explicit Client(ClientOptions options);

  /// The digest `ref`'s tag (`latest` when untagged) serves now. Any digest in `ref` is ignored.
  Resolution Resolve(const model::ImageRef& ref);

  /// How long to wait before retrying; tests replace it to not sleep.
  std::function<void(long ms)> sleep;

 private:
  struct Response;
  Response Send(const std::string& method, const std::string& url,
                const std::vector<std::string>& headers);
  std::optional<Credentials> CredentialsFor(const std::string& domain, std::string& error);
  std::string FetchToken(const Challenge& challenge, const std::string& scope,
                         const std::optional<Credentials>& credentials, std::string& error);

  ClientOptions options_;
  /// The Docker config, read once: nullopt until read.
  std::optional<std::string> config_text_;
  std::string config_error_;
  /// `Authorization` header values that worked, by registry host and repository.
  std::map<std::string, std::string> authorization_;
};

}  // namespace shipshape::registry
