// One HTTP request through libcurl: timeouts, a cap on the body, TLS always verified for
// https. Retries and authentication are the client's (client.h).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace shipshape::registry {

/// Whether this build can reach registries (it has libcurl and OpenSSL).
bool HaveHttp();

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  /// `Name: value` lines.
  std::vector<std::string> headers;
  /// The whole request, connection included.
  long timeout_ms = 30000;
  long connect_timeout_ms = 10000;
  /// Larger bodies are an error (manifests are small; 4 MiB as containerd allows).
  std::size_t max_body = std::size_t{4} << 20;
};

struct HttpResponse {
  /// The HTTP status, 0 when no response came (`error` says why).
  long status = 0;
  /// Header values by lower-cased name (the last one of a name wins, except
  /// `www-authenticate`, whose values are joined with `, `).
  std::map<std::string, std::string> headers;
  std::string body;
  /// The transport's error (cannot connect, timeout, TLS), empty when a response came.
  std::string error;
  /// The transport failed in a way worth retrying (connection refused or reset, timeout).
  bool transient = false;
};

/// Performs `request`. Follows redirects (registries send blobs and tokens elsewhere) up to 5,
/// only to http(s).
HttpResponse Perform(const HttpRequest& request);

}  // namespace shipshape::registry
