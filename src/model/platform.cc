#include "model/platform.h"

#include <array>
#include <tuple>
#include <utility>
#include <vector>

#include "base/go_quote.h"
#include "base/utf8.h"

namespace shipshape::model {
namespace {

constexpr std::string_view kSpecifierPattern = "^[A-Za-z0-9_.-]+$";
constexpr std::string_view kOsAndVersionPattern = R"(^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$)";
constexpr std::string_view kInvalidArgument = "invalid argument";

bool IsWordByte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// `^[A-Za-z0-9_.-]+$`
bool MatchesSpecifier(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!IsWordByte(c) && c != '.') return false;
  }
  return true;
}

// `^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$`, giving the OS and the version.
bool MatchesOsAndVersion(std::string_view s, std::string_view* os, std::string_view* version) {
  std::size_t i = 0;
  while (i < s.size() && IsWordByte(s[i])) ++i;
  if (i == 0) return false;
  *os = s.substr(0, i);
  *version = {};
  if (i == s.size()) return true;
  if (s[i] != '(' || s.back() != ')') return false;
  const std::string_view inside = s.substr(i + 1, s.size() - i - 2);
  for (const char c : inside) {
    if (!IsWordByte(c) && c != '.') return false;
  }
  *version = inside;
  return true;
}

bool IsKnownOs(std::string_view os) {
  static constexpr std::array<std::string_view, 17> kKnown = {
      "aix",   "android", "darwin", "dragonfly", "freebsd", "hurd",    "illumos", "ios", "js",
      "linux", "nacl",    "netbsd", "openbsd",   "plan9",   "solaris", "windows", "zos"};
  for (std::string_view known : kKnown) {
    if (os == known) return true;
  }
  return false;
}

bool IsKnownArch(std::string_view arch) {
  static constexpr std::array<std::string_view, 24> kKnown = {
      "386",     "amd64",   "amd64p32", "arm",    "armbe",  "arm64",    "arm64be",   "ppc64",
      "ppc64le", "loong64", "mips",     "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le",
      "ppc",     "riscv",   "riscv64",  "s390",   "s390x",  "sparc",    "sparc64",   "wasm"};
  for (std::string_view known : kKnown) {
    if (arch == known) return true;
  }
  return false;
}

std::string NormalizeOs(std::string_view os, const Platform& host) {
  if (os.empty()) return host.os;
  std::string lower = base::ToLower(os);
  if (lower == "macos") return "darwin";
  return lower;
}

std::pair<std::string, std::string> NormalizeArch(std::string_view arch_in,
                                                  std::string_view variant_in) {
  std::string arch = base::ToLower(arch_in);
  std::string variant = base::ToLower(variant_in);
  if (arch == "i386") {
    arch = "386";
    variant.clear();
  } else if (arch == "x86_64" || arch == "x86-64" || arch == "amd64") {
    arch = "amd64";
    if (variant == "v1") variant.clear();
  } else if (arch == "aarch64" || arch == "arm64") {
    arch = "arm64";
    if (variant == "8" || variant == "v8" || variant == "v8.0") {
      variant.clear();
    } else if (variant == "9" || variant == "9.0" || variant == "v9.0") {
      variant = "v9";
    }
  } else if (arch == "armhf") {
    arch = "arm";
    variant = "v7";
  } else if (arch == "armel") {
    arch = "arm";
    variant = "v6";
  } else if (arch == "arm") {
    if (variant.empty() || variant == "7") {
      variant = "v7";
    } else if (variant == "5" || variant == "6" || variant == "8") {
      variant = "v" + variant;
    }
  }
  return {std::move(arch), std::move(variant)};
}

}  // namespace

PlatformResult ParsePlatform(std::string_view specifier, const Platform& host) {
  PlatformResult result;
  const auto fail = [&](std::string message) {
    PlatformResult r;
    r.error = std::move(message);
    r.error += ": ";
    r.error += kInvalidArgument;
    return r;
  };
  if (specifier.find('*') != std::string_view::npos) {
    return fail(base::GoQuote(specifier) + ": wildcards not yet supported");
  }
  // strings.SplitN(specifier, "/", 4): the fourth part keeps any further slashes.
  std::vector<std::string_view> parts;
  std::string_view rest = specifier;
  while (parts.size() < 3) {
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) break;
    parts.push_back(rest.substr(0, slash));
    rest.remove_prefix(slash + 1);
  }
  parts.push_back(rest);

  Platform& p = result.platform;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i == 0) {
      std::string_view os;
      std::string_view version;
      if (!MatchesOsAndVersion(parts[0], &os, &version)) {
        return fail(base::GoQuote(parts[0]) + " is an invalid OS component of " +
                    base::GoQuote(specifier) + ": OSAndVersion specifier component must match " +
                    base::GoQuote(kOsAndVersionPattern));
      }
      p.os = NormalizeOs(os, host);
      p.os_version = std::string(version);
    } else if (!MatchesSpecifier(parts[i])) {
      return fail(base::GoQuote(parts[i]) + " is an invalid component of " +
                  base::GoQuote(specifier) + ": platform specifier component must match " +
                  base::GoQuote(kSpecifierPattern));
    }
  }

  switch (parts.size()) {
    case 1:
      // A known OS takes the host's architecture; otherwise the word must be an architecture.
      if (IsKnownOs(p.os)) {
        p.architecture = host.architecture;
        if (p.architecture == "arm" && host.variant != "v7") p.variant = host.variant;
        return result;
      }
      std::tie(p.architecture, p.variant) = NormalizeArch(parts[0], "");
      if (p.architecture == "arm" && p.variant == "v7") p.variant.clear();
      if (IsKnownArch(p.architecture)) {
        p.os = host.os;
        return result;
      }
      return fail(base::GoQuote(specifier) + ": unknown operating system or architecture");
    case 2:
      std::tie(p.architecture, p.variant) = NormalizeArch(parts[1], "");
      if (p.architecture == "arm" && p.variant == "v7") p.variant.clear();
      return result;
    case 3:
      std::tie(p.architecture, p.variant) = NormalizeArch(parts[1], parts[2]);
      if (p.architecture == "arm64" && p.variant.empty()) p.variant = "v8";
      return result;
    default:
      return fail(base::GoQuote(specifier) + ": cannot parse platform specifier");
  }
}

Platform NormalizePlatform(Platform platform, const Platform& host) {
  platform.os = NormalizeOs(platform.os, host);
  std::tie(platform.architecture, platform.variant) =
      NormalizeArch(platform.architecture, platform.variant);
  return platform;
}

std::string FormatPlatform(const Platform& platform) {
  if (platform.os.empty()) return "unknown";
  // Go's path.Join: empty elements are skipped, then `.` and `..` are resolved.
  std::vector<std::string_view> kept;
  for (std::string_view part :
       {std::string_view(platform.os), std::string_view(platform.architecture),
        std::string_view(platform.variant)}) {
    if (part.empty() || part == ".") continue;
    if (part == ".." && !kept.empty() && kept.back() != "..") {
      kept.pop_back();
      continue;
    }
    kept.push_back(part);
  }
  if (kept.empty()) return ".";
  std::string out;
  for (std::string_view part : kept) {
    if (!out.empty()) out.push_back('/');
    out.append(part);
  }
  return out;
}

PlatformResult ParseFromPlatform(std::string_view raw, std::string_view expanded,
                                 const Platform& host) {
  PlatformResult result;
  if (expanded.empty()) {
    result.error = "empty platform value from expression " + std::string(raw);
    return result;
  }
  result = ParsePlatform(expanded, host);
  if (!result.ok()) {
    result.error = "failed to parse platform " + std::string(raw) + ": " + result.error;
  }
  return result;
}

}  // namespace shipshape::model
