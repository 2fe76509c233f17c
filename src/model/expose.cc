#include "model/expose.h"

#include <fmt/format.h>

#include <cstdint>
#include <optional>

#include "base/go_quote.h"
#include "base/go_strconv.h"
#include "base/utf8.h"

namespace shipshape::model {
namespace {

std::vector<std::string_view> SplitAll(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t at = s.find(sep);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

// Go's parseIPv4Fields over the whole of `s`.
bool ParseIpv4(std::string_view s) {
  int value = 0;
  int fields = 0;
  int digits = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (digits == 1 && value == 0) return false;  // Leading zero.
      value = value * 10 + (c - '0');
      ++digits;
      if (value > 255) return false;
    } else if (c == '.') {
      if (i == 0 || i == s.size() - 1 || s[i - 1] == '.') return false;
      if (fields == 3) return false;
      ++fields;
      value = 0;
      digits = 0;
    } else {
      return false;
    }
  }
  return fields == 3;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Go's netip parseIPv6 without a zone.
bool ParseIpv6(std::string_view s) {
  int ellipsis = -1;  // Byte position in the 16-byte address.
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = 0;
    s.remove_prefix(2);
    if (s.empty()) return true;
  }
  int i = 0;
  while (i < 16) {
    std::size_t off = 0;
    std::uint32_t acc = 0;
    for (; off < s.size(); ++off) {
      const int h = HexValue(s[off]);
      if (h < 0) break;
      acc = (acc << 4) + static_cast<std::uint32_t>(h);
      if (off > 3 || acc > 0xFFFF) return false;
    }
    if (off == 0) return false;
    if (off < s.size() && s[off] == '.') {
      // Embedded IPv4 in the last 4 bytes.
      if (ellipsis < 0 && i != 12) return false;
      if (i + 4 > 16) return false;
      if (!ParseIpv4(s)) return false;
      s = {};
      i += 4;
      break;
    }
    i += 2;
    s.remove_prefix(off);
    if (s.empty()) break;
    if (s[0] != ':' || s.size() == 1) return false;
    s.remove_prefix(1);
    if (s[0] == ':') {
      if (ellipsis >= 0) return false;
      ellipsis = i;
      s.remove_prefix(1);
      if (s.empty()) break;
    }
  }
  if (!s.empty()) return false;
  if (i < 16) return ellipsis >= 0;
  return ellipsis < 0;  // `::` must stand for at least one group.
}

// Go's net.SplitHostPort(hostport) host part, or nullopt with the net.AddrError text.
std::optional<std::string> SplitHostPortHost(std::string_view hostport, std::string* error) {
  const auto fail = [&](std::string_view why) -> std::optional<std::string> {
    *error = fmt::format("address {}: {}", hostport, why);
    return std::nullopt;
  };
  constexpr std::string_view kMissingPort = "missing port in address";
  constexpr std::string_view kTooManyColons = "too many colons in address";
  const std::size_t last_colon = hostport.rfind(':');
  if (last_colon == std::string_view::npos) return fail(kMissingPort);
  std::string_view host;
  std::size_t j = 0;
  std::size_t k = 0;
  if (hostport[0] == '[') {
    const std::size_t end = hostport.find(']');
    if (end == std::string_view::npos) return fail("missing ']' in address");
    if (end + 1 == hostport.size()) return fail(kMissingPort);
    if (end + 1 != last_colon) {
      return fail(hostport[end + 1] == ':' ? kTooManyColons : kMissingPort);
    }
    host = hostport.substr(1, end - 1);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.substr(0, last_colon);
    if (host.find(':') != std::string_view::npos) return fail(kTooManyColons);
  }
  if (hostport.find('[', j) != std::string_view::npos) {
    return fail("unexpected '[' in address");
  }
  if (hostport.find(']', k) != std::string_view::npos) {
    return fail("unexpected ']' in address");
  }
  return std::string(host);
}

struct PortRange {
  std::uint64_t start = 0;
  std::uint64_t end = 0;
};

// BuildKit's parsePortRange; its error text is never shown (callers replace it).
std::optional<PortRange> ParsePortRange(std::string_view ports) {
  if (ports.empty()) return std::nullopt;
  if (ports.find('-') == std::string_view::npos) {
    const auto port = base::ParseUint(ports, 10, 16);
    if (!port.ok()) return std::nullopt;
    return PortRange{port.value, port.value};
  }
  const std::vector<std::string_view> parts = SplitAll(ports, '-');
  if (parts.size() != 2) return std::nullopt;
  const auto start = base::ParseUint(parts[0], 10, 16);
  if (!start.ok()) return std::nullopt;
  const auto end = base::ParseUint(parts[1], 10, 16);
  if (!end.ok()) return std::nullopt;
  if (end.value < start.value) return std::nullopt;
  return PortRange{start.value, end.value};
}

}  // namespace

bool IsGoIpAddress(std::string_view s) {
  // netip.ParseAddr decides by the first '.', ':' or '%'; any '%' ends up rejected by
  // net.ParseIP (either a parse error or a zone).
  for (const char c : s) {
    if (c == '.') return ParseIpv4(s);
    if (c == ':') return s.find('%') == std::string_view::npos && ParseIpv6(s);
    if (c == '%') return false;
  }
  return false;
}

PortSpec ParsePortSpec(std::string_view raw) {
  PortSpec spec;
  const std::vector<std::string_view> parts = SplitAll(raw, ':');
  std::string_view container;
  switch (parts.size()) {
    case 1:
      container = parts[0];
      break;
    case 2:
      spec.host_port = parts[0];
      container = parts[1];
      break;
    default: {
      // Everything before the last two parts is the IP, so unbracketed IPv6 works too.
      const std::size_t n = parts.size();
      for (std::size_t i = 0; i + 2 < n; ++i) {
        if (i > 0) spec.ip.push_back(':');
        spec.ip.append(parts[i]);
      }
      spec.host_port = parts[n - 2];
      container = parts[n - 1];
      break;
    }
  }

  const std::size_t slash = container.find('/');
  spec.container_port = container.substr(0, slash);
  if (slash != std::string_view::npos) spec.proto_as_written = container.substr(slash + 1);
  const auto invalid_port = [&](std::string_view why) {
    spec.error = fmt::format("invalid port: {}: {}", base::GoQuote(raw), why);
    return spec;
  };
  if (spec.container_port.empty()) return invalid_port("no port specified");
  spec.proto = base::ToLower(spec.proto_as_written);
  if (spec.proto.empty()) {
    spec.proto = "tcp";
  } else if (spec.proto != "tcp" && spec.proto != "udp" && spec.proto != "sctp") {
    return invalid_port("invalid proto: " + spec.proto);
  }

  std::string ip = spec.ip;
  if (!ip.empty() && ip[0] == '[') {
    std::string error;
    std::optional<std::string> host = SplitHostPortHost(ip + ":", &error);
    if (!host) {
      spec.error = fmt::format("invalid IP address {}: {}", ip, error);
      return spec;
    }
    ip = std::move(*host);
  }
  if (!ip.empty() && !IsGoIpAddress(ip)) {
    spec.error = "invalid IP address: " + ip;
    return spec;
  }

  const std::optional<PortRange> container_range = ParsePortRange(spec.container_port);
  if (!container_range) {
    spec.error = "invalid containerPort: " + spec.container_port;
    return spec;
  }
  if (!spec.host_port.empty()) {
    const std::optional<PortRange> host_range = ParsePortRange(spec.host_port);
    if (!host_range) {
      spec.error = "invalid hostPort: " + spec.host_port;
      return spec;
    }
    // A host range is allowed with a single container port (a pool to allocate from).
    if (container_range->end - container_range->start != host_range->end - host_range->start &&
        container_range->end != container_range->start) {
      spec.error = fmt::format("invalid ranges specified for container and host Ports: {} and {}",
                               spec.container_port, spec.host_port);
      return spec;
    }
  }
  for (std::uint64_t port = container_range->start; port <= container_range->end; ++port) {
    spec.ports.push_back(fmt::format("{}/{}", port, spec.proto));
  }
  return spec;
}

PortSpecsResult ParsePortSpecs(const std::vector<std::string>& specs) {
  PortSpecsResult result;
  for (const std::string& raw : specs) {
    PortSpec spec = ParsePortSpec(raw);
    if (!spec.ok()) {
      result.ports.clear();
      result.error = std::move(spec.error);
      return result;
    }
    result.ports.insert(result.ports.end(), spec.ports.begin(), spec.ports.end());
  }
  return result;
}

}  // namespace shipshape::model
