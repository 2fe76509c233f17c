// Where an image reference's registry is reached: Docker Hub's API host, the scheme (plain
// HTTP only for loopback registries and those named insecure), the manifest URL, and the key
// a reference has in the lock file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/image_ref.h"

namespace shipshape::registry {

/// The host (with port) serving a reference's Registry HTTP API v2.
struct Endpoint {
  /// `registry-1.docker.io` for Docker Hub, else the reference's domain (`localhost:5000`).
  std::string host;
  /// `http` for loopback hosts and insecure registries, else `https` (TLS verified).
  bool plain_http = false;
};

/// The host name of a domain without its port (`[::1]:5000` -> `::1`, `a.io:443` -> `a.io`).
std::string HostName(std::string_view domain);

/// Whether a domain names the local machine: `localhost`, `*.localhost`, 127.0.0.0/8, `::1`.
bool IsLoopback(std::string_view domain);

/// Whether `domain` is one of `insecure` (each a domain with or without port, or a host name).
bool IsInsecure(std::string_view domain, const std::vector<std::string>& insecure);

/// The endpoint of a registry domain (`docker.io` and `index.docker.io` are Docker Hub).
Endpoint EndpointFor(std::string_view domain, const std::vector<std::string>& insecure);

/// `<scheme>://<host>/v2/<path>/manifests/<reference>`.
std::string ManifestUrl(const Endpoint& endpoint, std::string_view path,
                        std::string_view reference);

/// The tag a reference asks the registry for: its tag, or `latest` when it has none.
std::string TagOf(const model::ImageRef& ref);

/// The key of a reference in the lock file: normalized name and tag
/// (`docker.io/library/alpine:3.19`), whatever digest it is pinned to.
std::string LockKey(const model::ImageRef& ref);

}  // namespace shipshape::registry
