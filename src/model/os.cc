#include "model/os.h"

#include <algorithm>
#include <vector>

namespace shipshape::model {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::string_view Last(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::vector<std::string_view> Split(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || separators.find(s[i]) != std::string_view::npos) {
      if (i > start) out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

/// A tag naming a Windows release or edition: `nanoserver`, `windowsservercore`, `servercore`,
/// `ltsc2016`...`ltsc2025`, the semi-annual channel versions `1709` to `1909`, `win2019`. (The
/// later `2004` and `20h2` read too often as years in other images' tags.)
bool WindowsTag(std::string_view tag) {
  for (std::string_view part : Split(tag, "-._")) {
    if (part.starts_with("nanoserver") || part.starts_with("windowsservercore") ||
        part == "servercore" || part.starts_with("ltsc20") || part == "windows" ||
        part == "1709" || part == "1803" || part == "1809" || part == "1903" || part == "1909" ||
        part == "win2019" || part == "win2022") {
      return true;
    }
  }
  return false;
}

/// Microsoft's Windows base images: a path component that names one.
bool WindowsName(std::string_view domain, std::string_view path) {
  const std::vector<std::string_view> parts = Split(path, "/");
  const bool microsoft = domain == "mcr.microsoft.com" ||
                         (domain == "docker.io" && !parts.empty() && parts[0] == "microsoft");
  for (std::string_view part : parts) {
    if (microsoft && (part.starts_with("windows") || part.starts_with("nanoserver") ||
                      part.starts_with("servercore"))) {
      return true;
    }
  }
  const std::string_view last = Last(path);
  return last.ends_with("-windows") || last.starts_with("windows-") ||
         last == "windowsservercore" || last == "nanoserver";
}

/// Images that are Linux unless their tag says Windows: distributions, distroless and the
/// official language and server images.
bool LinuxName(std::string_view domain, std::string_view path) {
  if (domain == "gcr.io" && path.starts_with("distroless/")) return true;
  if (domain == "cgr.dev" || domain == "registry.access.redhat.com" ||
      domain == "registry.redhat.io") {
    return true;  // Chainguard and Red Hat (UBI): Linux images only
  }
  static constexpr std::string_view kLinux[] = {
      "alpine", "almalinux", "amazonlinux", "archlinux", "busybox", "centos", "clearlinux",
      "debian", "fedora", "gentoo/stage3", "mageia", "opensuse/leap", "opensuse/tumbleweed",
      "oraclelinux", "photon", "rockylinux", "ubuntu", "buildpack-deps", "scratch",
      "python", "node", "golang", "rust", "ruby", "php", "perl", "gcc", "openjdk",
      "eclipse-temurin", "amazoncorretto", "ibmjava", "maven", "gradle", "elixir", "erlang",
      "haskell", "julia", "swift", "clojure", "groovy", "dart", "nginx", "httpd", "redis",
      "postgres", "mysql", "mariadb", "mongo", "memcached", "rabbitmq", "tomcat", "jetty",
      "haproxy", "traefik", "caddy", "docker", "bash"};
  if (domain != "docker.io") return false;
  const std::string_view repo = path.starts_with("library/") ? path.substr(8) : path;
  return std::find(std::begin(kLinux), std::end(kLinux), repo) != std::end(kLinux);
}

}  // namespace

Os ImageOs(const ImageRef& image) {
  if (!image.ok()) return Os::kUnknown;
  const std::string domain = Lower(image.domain);
  const std::string path = Lower(image.path);
  const std::string tag = Lower(image.tag);
  if (WindowsName(domain, path) || WindowsTag(tag)) return Os::kWindows;
  if (LinuxName(domain, path)) return Os::kLinux;
  return Os::kUnknown;
}

Os PlatformOs(std::string_view platform) {
  const std::string p = Lower(platform);
  if (p.starts_with("windows")) return Os::kWindows;
  if (p.starts_with("linux")) return Os::kLinux;
  return Os::kUnknown;
}

Os ShellOs(std::span<const std::string> shell) {
  if (shell.empty()) return Os::kUnknown;
  std::string exe = Lower(Last(shell[0]));
  const std::size_t backslash = exe.rfind('\\');
  if (backslash != std::string::npos) exe = exe.substr(backslash + 1);
  if (exe.ends_with(".exe")) exe.resize(exe.size() - 4);
  if (exe == "cmd" || exe == "powershell") return Os::kWindows;
  for (std::string_view posix : {"sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "busybox"}) {
    if (exe == posix) return Os::kLinux;
  }
  return Os::kUnknown;
}

bool IsWindowsPath(std::string_view path) {
  if (!path.empty() && (path.front() == '"' || path.front() == '\'')) path.remove_prefix(1);
  return path.size() >= 3 && path[1] == ':' && (path[2] == '\\' || path[2] == '/') &&
         ((path[0] >= 'a' && path[0] <= 'z') || (path[0] >= 'A' && path[0] <= 'Z'));
}

}  // namespace shipshape::model
