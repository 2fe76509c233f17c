#include "registry/client.h"

#include <chrono>
#include <filesystem>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/file.h"
#include "base/hash.h"
#include "registry/digest.h"
#include "registry/endpoint.h"
#include "registry/http.h"

namespace shipshape::registry {

struct Client::Response {
  HttpResponse http;
  int attempts = 0;
};

namespace {

/// The registry's own words from an error body (`{"errors":[{"code":..., "message":...}]}`).
std::string RegistryMessage(const std::string& body) {
  const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("errors") || !j["errors"].is_array() ||
      j["errors"].empty() || !j["errors"][0].is_object()) {
    return "";
  }
  const nlohmann::json& e = j["errors"][0];
  std::string code = e.value("code", std::string());
  std::string message = e.value("message", std::string());
  if (code.empty()) return message;
  return message.empty() ? code : fmt::format("{}: {}", code, message);
}

std::string Said(const std::string& host, const HttpResponse& r) {
  const std::string m = RegistryMessage(r.body);
  return m.empty() ? fmt::format("{} answered HTTP {}", host, r.status)
                   : fmt::format("{} answered HTTP {}: {}", host, r.status, m);
}

/// Percent-encodes a query value.
std::string Escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return out;
}

std::string MediaType(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  while (!content_type.empty() && content_type.back() == ' ') content_type.remove_suffix(1);
  return std::string(content_type);
}

bool IsManifestType(std::string_view t) {
  return t == "application/vnd.oci.image.index.v1+json" ||
         t == "application/vnd.docker.distribution.manifest.list.v2+json" ||
         t == "application/vnd.oci.image.manifest.v1+json" ||
         t == "application/vnd.docker.distribution.manifest.v2+json";
}

}  // namespace

Client::Client(ClientOptions options) : options_(std::move(options)) {
  sleep = [](long ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); };
}

Client::Response Client::Send(const std::string& method, const std::string& url,
                              const std::vector<std::string>& headers) {
  Response r;
  long wait = options_.backoff_ms;
  for (int attempt = 1;; ++attempt) {
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.headers = headers;
    request.timeout_ms = options_.timeout_ms;
    request.connect_timeout_ms = std::min(options_.timeout_ms, 10000L);
    r.http = Perform(request);
    r.attempts = attempt;
    const bool retry = r.http.error.empty()
                           ? (r.http.status == 429 || (r.http.status >= 500 && r.http.status < 600))
                           : r.http.transient;
    if (!retry || attempt >= options_.attempts) return r;
    long delay = wait;
    if (r.http.status == 429) {
      if (const auto it = r.http.headers.find("retry-after"); it != r.http.headers.end()) {
        char* end = nullptr;
        const long seconds = std::strtol(it->second.c_str(), &end, 10);
        if (end != it->second.c_str() && *end == '\0' && seconds >= 0) {
          delay = std::min(seconds * 1000, kMaxRetryAfterMs);
        }
      }
    }
    sleep(delay);
    wait *= 2;
  }
}

std::optional<Credentials> Client::CredentialsFor(const std::string& domain, std::string& error) {
  if (!config_text_) {
    const std::string path =
        options_.docker_config.empty() ? DockerConfigPath() : options_.docker_config;
    config_text_ = "";
    if (!path.empty()) {
      std::error_code ec;
      if (std::filesystem::exists(path, ec)) {
        base::ReadResult file = base::ReadFile(path);
        if (!file.ok()) {
          config_error_ = fmt::format("{}: {}", path, file.error);
        } else {
          config_text_ = std::move(file.text);
          const CredentialsResult check = LookupCredentials(*config_text_, "");
          if (!check.error.empty()) config_error_ = fmt::format("{}: {}", path, check.error);
        }
      }
    }
  }
  if (!config_error_.empty()) {
    error = config_error_;
    return std::nullopt;
  }
  if (config_text_->empty()) return std::nullopt;
  return LookupCredentials(*config_text_, domain).credentials;
}

std::string Client::FetchToken(const Challenge& challenge, const std::string& scope,
                               const std::optional<Credentials>& credentials,
                               std::string& error) {
  const auto realm = challenge.params.find("realm");
  if (realm == challenge.params.end() ||
      !(realm->second.starts_with("https://") || realm->second.starts_with("http://"))) {
    error = "its bearer challenge names no http(s) `realm` to get a token from";
    return "";
  }
  std::string url = realm->second;
  char sep = url.find('?') == std::string::npos ? '?' : '&';
  if (const auto service = challenge.params.find("service"); service != challenge.params.end()) {
    url += fmt::format("{}service={}", sep, Escape(service->second));
    sep = '&';
  }
  url += fmt::format("{}scope={}", sep, Escape(scope));
  std::vector<std::string> headers;
  if (credentials) {
    headers.push_back("Authorization: Basic " +
                      Base64Encode(credentials->username + ":" + credentials->password));
  }
  // A token realm on a non-loopback host over plain http would send credentials in clear.
  if (url.starts_with("http://") && credentials) {
    const std::string host = url.substr(7, url.find('/', 7) - 7);
    if (!IsLoopback(host)) {
      error = fmt::format("its token realm {} is plain http: credentials are not sent there",
                          realm->second);
      return "";
    }
  }
  const Response r = Send("GET", url, headers);
  if (!r.http.error.empty()) {
    error = fmt::format("cannot get a token from {}: {}", realm->second, r.http.error);
    return "";
  }
  if (r.http.status == 401 || r.http.status == 403) {
    error = fmt::format("unauthorized: the token server {} refused {} (HTTP {}){}", realm->second,
                        credentials ? "the Docker config's credentials" : "an anonymous token",
                        r.http.status,
                        credentials ? "" : "; log in (docker login) for a private repository");
    return "";
  }
  if (r.http.status != 200) {
    error = fmt::format("the token server {} answered HTTP {}", realm->second, r.http.status);
    return "";
  }
  const nlohmann::json j = nlohmann::json::parse(r.http.body, nullptr, false);
  std::string token;
  if (j.is_object()) {
    if (j.contains("token") && j["token"].is_string()) token = j["token"].get<std::string>();
    if (token.empty() && j.contains("access_token") && j["access_token"].is_string()) {
      token = j["access_token"].get<std::string>();
    }
  }
  if (token.empty()) {
    error = fmt::format("the token server {} gave no token", realm->second);
    return "";
  }
  return token;
}

Resolution Client::Resolve(const model::ImageRef& ref) {
  Resolution out;
  const Endpoint endpoint = EndpointFor(ref.domain, options_.insecure_registries);
  const std::string tag = TagOf(ref);
  const std::string url = ManifestUrl(endpoint, ref.path, tag);
  const std::string what = fmt::format("{}:{}", ref.name, tag);
  const std::string auth_key = endpoint.host + "/" + ref.path;
  std::vector<std::string> headers = {std::string("Accept: ") + kManifestAccept};
  if (const auto it = authorization_.find(auth_key); it != authorization_.end()) {
    headers.push_back("Authorization: " + it->second);
  }
  Response r = Send("GET", url, headers);
  if (r.http.error.empty() && r.http.status == 401 && headers.size() == 1) {
    // The challenge says how to authenticate: a bearer token from its realm (anonymous, or
    // with the Docker config's credentials), or Basic with those credentials.
    std::string error;
    const std::optional<Credentials> credentials = CredentialsFor(ref.domain, error);
    if (!error.empty()) {
      out.error = fmt::format("{}: cannot read the Docker config: {}", what, error);
      return out;
    }
    const auto header = r.http.headers.find("www-authenticate");
    const std::vector<Challenge> challenges =
        header == r.http.headers.end() ? std::vector<Challenge>{} : ParseChallenges(header->second);
    std::string authorization;
    for (const Challenge& c : challenges) {
      if (c.scheme == "bearer") {
        const std::string scope = fmt::format("repository:{}:pull", ref.path);
        const std::string token = FetchToken(c, scope, credentials, error);
        if (token.empty()) {
          out.error = fmt::format("{}: {}", what, error);
          return out;
        }
        authorization = "Bearer " + token;
        break;
      }
      if (c.scheme == "basic" && credentials) {
        authorization =
            "Basic " + Base64Encode(credentials->username + ":" + credentials->password);
        break;
      }
    }
    if (!authorization.empty()) {
      headers.push_back("Authorization: " + authorization);
      r = Send("GET", url, headers);
      if (r.http.error.empty() && r.http.status == 200) authorization_[auth_key] = authorization;
    }
  }
  if (!r.http.error.empty()) {
    out.error = fmt::format("{}: registry unreachable at {}{}: {}", what, url,
                            r.attempts > 1 ? fmt::format(" after {} tries", r.attempts) : "",
                            r.http.error);
    return out;
  }
  const long status = r.http.status;
  if (status == 401 || status == 403) {
    out.error = fmt::format("{}: unauthorized: {}{}", what, Said(endpoint.host, r.http),
                            "; check the credentials of the Docker config (docker login)");
    return out;
  }
  if (status == 404) {
    const std::string m = RegistryMessage(r.http.body);
    const bool no_repo = m.starts_with("NAME_UNKNOWN");
    out.error = fmt::format("{}: {} ({})", what,
                            no_repo ? fmt::format("unknown repository `{}`", ref.path)
                                    : fmt::format("unknown tag `{}`", tag),
                            Said(endpoint.host, r.http));
    return out;
  }
  if (status != 200) {
    out.error = fmt::format("{}: {}{}", what, Said(endpoint.host, r.http),
                            r.attempts > 1 ? fmt::format(" (after {} tries)", r.attempts) : "");
    return out;
  }
  const auto type = r.http.headers.find("content-type");
  out.media_type = type == r.http.headers.end() ? "" : MediaType(type->second);
  if (!IsManifestType(out.media_type)) {
    out.error = fmt::format("{}: {} served `{}`, not an image manifest or index", what,
                            endpoint.host, out.media_type);
    return out;
  }
  const std::string computed = Sha256Digest(r.http.body);
  if (computed.empty()) {
    out.error = fmt::format("{}: cannot verify the manifest's digest: {}", what,
                            base::HashUnavailable());
    return out;
  }
  if (const auto h = r.http.headers.find("docker-content-digest"); h != r.http.headers.end()) {
    if (h->second != computed) {
      out.error = fmt::format("{}: {} says the manifest is {} but its bytes hash to {}", what,
                              endpoint.host, h->second, computed);
      return out;
    }
  }
  out.digest = computed;
  return out;
}

}  // namespace shipshape::registry
