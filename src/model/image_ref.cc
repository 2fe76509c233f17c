#include "model/image_ref.h"

#include <optional>

#include "base/utf8.h"

namespace shipshape::model {
namespace {

constexpr std::size_t kNameTotalLengthMax = 255;
constexpr std::string_view kDefaultDomain = "docker.io";
constexpr std::string_view kLegacyDefaultDomain = "index.docker.io";
constexpr std::string_view kOfficialRepoPrefix = "library/";

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsAlnum(char c) { return IsLowerAlnum(c) || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsWord(char c) { return IsAlnum(c) || c == '_'; }

// pathComponent: `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`
bool MatchPathComponent(std::string_view s) {
  std::size_t i = 0;
  while (true) {
    const std::size_t start = i;
    while (i < s.size() && IsLowerAlnum(s[i])) ++i;
    if (i == start) return false;
    if (i == s.size()) return true;
    const std::size_t sep_start = i;
    while (i < s.size() && !IsLowerAlnum(s[i])) ++i;
    const std::string_view sep = s.substr(sep_start, i - sep_start);
    const bool dashes = sep.find_first_not_of('-') == std::string_view::npos;
    if (sep != "." && sep != "_" && sep != "__" && !dashes) return false;
  }
}

// remoteName: pathComponent(/pathComponent)*
bool MatchRemoteName(std::string_view s) {
  while (true) {
    const std::size_t slash = s.find('/');
    if (!MatchPathComponent(s.substr(0, slash))) return false;
    if (slash == std::string_view::npos) return true;
    s.remove_prefix(slash + 1);
  }
}

// domainNameComponent: `[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`
bool MatchDomainComponent(std::string_view s) {
  if (s.empty() || !IsAlnum(s.front()) || !IsAlnum(s.back())) return false;
  for (const char c : s) {
    if (!IsAlnum(c) && c != '-') return false;
  }
  return true;
}

// domainAndPort: (domainName | `\[[a-fA-F0-9:]+\]`) (`:[0-9]+`)?
bool MatchDomainAndPort(std::string_view s) {
  std::string_view port_part;
  if (!s.empty() && s[0] == '[') {
    const std::size_t close = s.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    for (const char c : s.substr(1, close - 1)) {
      if (!IsHex(c) && c != ':') return false;
    }
    port_part = s.substr(close + 1);
  } else {
    const std::size_t colon = s.find(':');
    std::string_view host = s.substr(0, colon);
    while (true) {
      const std::size_t dot = host.find('.');
      if (!MatchDomainComponent(host.substr(0, dot))) return false;
      if (dot == std::string_view::npos) break;
      host.remove_prefix(dot + 1);
    }
    if (colon != std::string_view::npos) port_part = s.substr(colon);
  }
  if (port_part.empty()) return true;
  if (port_part[0] != ':' || port_part.size() == 1) return false;
  for (const char c : port_part.substr(1)) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// tag: `[\w][\w.-]{0,127}`
bool MatchTag(std::string_view s) {
  if (s.empty() || s.size() > 128 || !IsWord(s[0])) return false;
  for (const char c : s) {
    if (!IsWord(c) && c != '.' && c != '-') return false;
  }
  return true;
}

// digestPat: `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}`
bool MatchDigest(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view algorithm = s.substr(0, colon);
  while (true) {
    if (algorithm.empty() || !((algorithm[0] >= 'a' && algorithm[0] <= 'z') ||
                               (algorithm[0] >= 'A' && algorithm[0] <= 'Z'))) {
      return false;
    }
    std::size_t i = 1;
    while (i < algorithm.size() && IsAlnum(algorithm[i])) ++i;
    if (i == algorithm.size()) break;
    const char sep = algorithm[i];
    if (sep != '-' && sep != '_' && sep != '+' && sep != '.') return false;
    algorithm.remove_prefix(i + 1);
  }
  const std::string_view hex = s.substr(colon + 1);
  if (hex.size() < 32) return false;
  for (const char c : hex) {
    if (!IsHex(c)) return false;
  }
  return true;
}

// go-digest's DigestRegexp, anchored: `[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+`
bool MatchGoDigestSyntax(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view algorithm = s.substr(0, colon);
  while (true) {
    std::size_t i = 0;
    while (i < algorithm.size() && IsLowerAlnum(algorithm[i])) ++i;
    if (i == 0) return false;
    if (i == algorithm.size()) break;
    const char sep = algorithm[i];
    if (sep != '.' && sep != '+' && sep != '_' && sep != '-') return false;
    algorithm.remove_prefix(i + 1);
  }
  const std::string_view encoded = s.substr(colon + 1);
  if (encoded.empty()) return false;
  for (const char c : encoded) {
    if (!IsAlnum(c) && c != '=' && c != '_' && c != '-') return false;
  }
  return true;
}

// go-digest Digest.Validate with sha256, sha384 and sha512 registered (as in BuildKit).
std::string ValidateDigest(std::string_view s) {
  constexpr char kInvalidFormat[] = "invalid checksum digest format";
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == s.size()) {
    return kInvalidFormat;
  }
  const std::string_view algorithm = s.substr(0, colon);
  const std::string_view encoded = s.substr(colon + 1);
  std::size_t size;
  if (algorithm == "sha256") {
    size = 32;
  } else if (algorithm == "sha384") {
    size = 48;
  } else if (algorithm == "sha512") {
    size = 64;
  } else {
    return MatchGoDigestSyntax(s) ? "unsupported digest algorithm" : kInvalidFormat;
  }
  if (encoded.size() != size * 2) return "invalid checksum digest length";
  for (const char c : encoded) {
    if (!(IsDigit(c) || (c >= 'a' && c <= 'f'))) return kInvalidFormat;
  }
  return {};
}

struct ReferenceMatch {
  std::string_view domain;
  std::string_view path;
  std::string_view name;
  std::string_view tag;
  std::string_view digest;
};

// The anchored ReferenceRegexp with its captures. The split is unambiguous: `@` only starts
// the digest, and a `:` after the last `/` of the rest can only start the tag. Within the name
// the optional domain group is greedy, so the first component is the domain whenever it can be.
std::optional<ReferenceMatch> MatchReference(std::string_view s) {
  ReferenceMatch m;
  std::string_view left = s;
  if (const std::size_t at = s.find('@'); at != std::string_view::npos) {
    m.digest = s.substr(at + 1);
    if (!MatchDigest(m.digest)) return std::nullopt;
    left = s.substr(0, at);
  }
  const std::size_t last_colon = left.rfind(':');
  const std::size_t last_slash = left.rfind('/');
  if (last_colon != std::string_view::npos &&
      (last_slash == std::string_view::npos || last_colon > last_slash)) {
    m.tag = left.substr(last_colon + 1);
    if (!MatchTag(m.tag)) return std::nullopt;
    left = left.substr(0, last_colon);
  }
  m.name = left;
  if (const std::size_t slash = left.find('/'); slash != std::string_view::npos) {
    const std::string_view domain = left.substr(0, slash);
    const std::string_view rest = left.substr(slash + 1);
    if (MatchDomainAndPort(domain) && MatchRemoteName(rest)) {
      m.domain = domain;
      m.path = rest;
      return m;
    }
  }
  if (!MatchRemoteName(left)) return std::nullopt;
  m.path = left;
  return m;
}

void FillStrings(ImageRef& ref) {
  ref.name = ref.domain.empty() ? ref.path : ref.domain + "/" + ref.path;
  ref.normalized = ref.name;
  // familiarizeName: drop docker.io, and library/ for single-component official names.
  std::string familiar_domain = ref.domain;
  std::string familiar_path = ref.path;
  if (familiar_domain == kDefaultDomain) {
    familiar_domain.clear();
    if (familiar_path.starts_with(kOfficialRepoPrefix) &&
        familiar_path.find('/', kOfficialRepoPrefix.size()) == std::string::npos) {
      familiar_path.erase(0, kOfficialRepoPrefix.size());
    }
  }
  ref.familiar = familiar_domain.empty() ? familiar_path : familiar_domain + "/" + familiar_path;
  for (std::string* out : {&ref.normalized, &ref.familiar}) {
    if (!ref.tag.empty()) *out += ":" + ref.tag;
    if (!ref.digest.empty()) *out += "@" + ref.digest;
  }
}

ImageRef Failure(std::string error) {
  ImageRef ref;
  ref.error = std::move(error);
  return ref;
}

// splitDockerDomain: where the registry ends and the repository begins.
void SplitDockerDomain(std::string_view name, std::string* domain, std::string* remainder) {
  const std::size_t slash = name.find('/');
  if (slash == std::string_view::npos) {
    *domain = kDefaultDomain;
    *remainder = std::string(kOfficialRepoPrefix) + std::string(name);
    return;
  }
  const std::string_view maybe_domain = name.substr(0, slash);
  const std::string_view maybe_remainder = name.substr(slash + 1);
  if (maybe_domain == "localhost") {
    *domain = maybe_domain;
    *remainder = maybe_remainder;
  } else if (maybe_domain == kLegacyDefaultDomain) {
    *domain = kDefaultDomain;
    *remainder = maybe_remainder;
  } else if (maybe_domain.find_first_of(".:") != std::string_view::npos ||
             base::ToLower(maybe_domain) != maybe_domain) {
    // A dot or colon (host name, IP, port) or upper case (never valid in a repository) marks a
    // registry.
    *domain = maybe_domain;
    *remainder = maybe_remainder;
  } else {
    *domain = kDefaultDomain;
    *remainder = name;
  }
  if (*domain == kDefaultDomain && remainder->find('/') == std::string::npos) {
    remainder->insert(0, kOfficialRepoPrefix);
  }
}

}  // namespace

ImageRef ParseReference(std::string_view s) {
  const std::optional<ReferenceMatch> m = MatchReference(s);
  if (!m) {
    if (s.empty()) return Failure("repository name must have at least one component");
    if (MatchReference(base::ToLower(s))) return Failure("repository name must be lowercase");
    return Failure("invalid reference format");
  }
  if (m->name.size() > kNameTotalLengthMax) {
    return Failure("repository name must not be more than 255 characters");
  }
  if (!m->digest.empty()) {
    std::string digest_error = ValidateDigest(m->digest);
    if (!digest_error.empty()) return Failure(std::move(digest_error));
  }
  ImageRef ref;
  ref.domain = m->domain;
  ref.path = m->path;
  ref.tag = m->tag;
  ref.digest = m->digest;
  FillStrings(ref);
  return ref;
}

ImageRef ParseNormalizedNamed(std::string_view s) {
  if (s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos) {
    return Failure("invalid repository name (" + std::string(s) +
                   "), cannot specify 64-byte hexadecimal strings");
  }
  std::string domain;
  std::string remainder;
  SplitDockerDomain(s, &domain, &remainder);
  const std::string remote = remainder.substr(0, remainder.find(':'));
  if (base::ToLower(remote) != remote) {
    return Failure("invalid reference format: repository name (" + remote + ") must be lowercase");
  }
  return ParseReference(domain + "/" + remainder);
}

std::string DockerRefString(const ImageRef& ref) {
  if (!ref.digest.empty()) return ref.name + "@" + ref.digest;
  return ref.name + ":" + (ref.tag.empty() ? std::string("latest") : ref.tag);
}

}  // namespace shipshape::model
