#include "registry/endpoint.h"

#include <fmt/format.h>

#include "base/utf8.h"

namespace shipshape::registry {

std::string HostName(std::string_view domain) {
  if (!domain.empty() && domain.front() == '[') {
    const std::size_t close = domain.find(']');
    if (close != std::string_view::npos) return std::string(domain.substr(1, close - 1));
  }
  const std::size_t colon = domain.rfind(':');
  if (colon != std::string_view::npos && domain.find(':') == colon) domain = domain.substr(0, colon);
  return base::ToLower(domain);
}

bool IsLoopback(std::string_view domain) {
  const std::string host = HostName(domain);
  if (host == "localhost" || host == "::1") return true;
  if (host.size() > 10 && host.ends_with(".localhost")) return true;
  // 127.0.0.0/8 written as a dotted quad.
  if (!host.starts_with("127.")) return false;
  int parts = 0;
  std::size_t digits = 0;
  for (const char c : host) {
    if (c == '.') {
      if (digits == 0 || digits > 3) return false;
      ++parts;
      digits = 0;
    } else if (c >= '0' && c <= '9') {
      ++digits;
    } else {
      return false;
    }
  }
  return parts == 3 && digits > 0 && digits <= 3;
}

bool IsInsecure(std::string_view domain, const std::vector<std::string>& insecure) {
  const std::string lower = base::ToLower(domain);
  for (const std::string& name : insecure) {
    const std::string n = base::ToLower(name);
    if (n == lower) return true;
    // A name without port covers every port of that host.
    if (n.find(':') == std::string::npos && n == HostName(domain)) return true;
  }
  return false;
}

Endpoint EndpointFor(std::string_view domain, const std::vector<std::string>& insecure) {
  Endpoint e;
  if (domain == "docker.io" || domain == "index.docker.io") {
    e.host = "registry-1.docker.io";
    return e;
  }
  e.host = std::string(domain);
  e.plain_http = IsLoopback(domain) || IsInsecure(domain, insecure);
  return e;
}

std::string ManifestUrl(const Endpoint& endpoint, std::string_view path,
                        std::string_view reference) {
  return fmt::format("{}://{}/v2/{}/manifests/{}", endpoint.plain_http ? "http" : "https",
                     endpoint.host, path, reference);
}

std::string TagOf(const model::ImageRef& ref) { return ref.tag.empty() ? "latest" : ref.tag; }

std::string LockKey(const model::ImageRef& ref) {
  return fmt::format("{}:{}", ref.name, TagOf(ref));
}

}  // namespace shipshape::registry
