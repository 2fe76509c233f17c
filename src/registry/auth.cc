#include "registry/auth.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace shipshape::registry {
namespace {

bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~/:").find(c) != std::string_view::npos;
}

void SkipSpaces(std::string_view s, std::size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
}

std::string_view ReadToken(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  while (i < s.size() && IsTokenChar(s[i])) ++i;
  return s.substr(start, i - start);
}

/// A host name from an `auths` key: the scheme and any path dropped, lower-cased.
std::string KeyHost(std::string_view key) {
  if (const std::size_t scheme = key.find("://"); scheme != std::string_view::npos) {
    key = key.substr(scheme + 3);
  }
  key = key.substr(0, key.find('/'));
  return base::ToLower(key);
}

bool IsDockerHub(std::string_view host) {
  return host == "docker.io" || host == "index.docker.io" || host == "registry-1.docker.io";
}

}  // namespace

std::vector<Challenge> ParseChallenges(std::string_view s) {
  std::vector<Challenge> out;
  std::size_t i = 0;
  while (i < s.size()) {
    SkipSpaces(s, i);
    if (i < s.size() && s[i] == ',') {
      ++i;
      continue;
    }
    const std::string_view scheme = ReadToken(s, i);
    if (scheme.empty()) {
      ++i;  // not a token: skip the character
      continue;
    }
    Challenge c;
    c.scheme = base::ToLower(scheme);
    // Parameters: name=value pairs separated by commas, until the next scheme (a token not
    // followed by `=`).
    while (true) {
      std::size_t j = i;
      SkipSpaces(s, j);
      while (j < s.size() && s[j] == ',') {
        ++j;
        SkipSpaces(s, j);
      }
      std::size_t k = j;
      const std::string_view name = ReadToken(s, k);
      SkipSpaces(s, k);
      if (name.empty() || k >= s.size() || s[k] != '=') break;
      ++k;
      SkipSpaces(s, k);
      std::string value;
      if (k < s.size() && s[k] == '"') {
        ++k;
        while (k < s.size() && s[k] != '"') {
          if (s[k] == '\\' && k + 1 < s.size()) ++k;
          value += s[k++];
        }
        if (k < s.size()) ++k;  // the closing quote
      } else {
        value = std::string(ReadToken(s, k));
      }
      c.params[base::ToLower(name)] = std::move(value);
      i = k;
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::string Base64Encode(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i + 1 == bytes.size()) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

CredentialsResult LookupCredentials(std::string_view config_text, std::string_view domain) {
  CredentialsResult r;
  const nlohmann::json config = nlohmann::json::parse(config_text, nullptr, false);
  if (config.is_discarded() || !config.is_object()) {
    r.error = "not a JSON object";
    return r;
  }
  const auto auths = config.find("auths");
  if (auths == config.end()) return r;
  if (!auths->is_object()) {
    r.error = "`auths` is not an object";
    return r;
  }
  const std::string want = base::ToLower(domain);
  for (const auto& [key, entry] : auths->items()) {
    const std::string host = KeyHost(key);
    if (!(host == want || (IsDockerHub(host) && IsDockerHub(want)))) continue;
    if (!entry.is_object()) {
      r.error = "`auths` entry `" + key + "` is not an object";
      return r;
    }
    Credentials c;
    if (const auto auth = entry.find("auth"); auth != entry.end() && auth->is_string() &&
                                             !auth->get<std::string>().empty()) {
      const std::optional<std::string> decoded = Base64Decode(auth->get<std::string>());
      const std::size_t colon = decoded ? decoded->find(':') : std::string::npos;
      if (colon == std::string::npos) {
        r.error = "`auths` entry `" + key + "`: `auth` is not base64 of `user:password`";
        return r;
      }
      c.username = decoded->substr(0, colon);
      c.password = decoded->substr(colon + 1);
    } else {
      if (const auto u = entry.find("username"); u != entry.end() && u->is_string()) {
        c.username = u->get<std::string>();
      }
      if (const auto p = entry.find("password"); p != entry.end() && p->is_string()) {
        c.password = p->get<std::string>();
      }
    }
    if (c.username.empty() && c.password.empty()) continue;  // an entry for a helper's sake
    r.credentials = std::move(c);
    return r;
  }
  return r;
}

std::string DockerConfigPath() {
  if (const char* dir = std::getenv("DOCKER_CONFIG"); dir != nullptr && *dir != '\0') {
    return std::string(dir) + "/config.json";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.docker/config.json";
  }
  return "";
}

}  // namespace shipshape::registry
