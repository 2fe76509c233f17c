// Platform specifiers (`linux/arm64/v8`) as containerd's platforms.Parse reads them for
// `FROM --platform`, with its normalisation of OS and architecture aliases.
#pragma once

#include <string>
#include <string_view>

namespace shipshape::model {

/// An OCI platform.
struct Platform {
  std::string os;
  std::string architecture;
  std::string variant;
  /// From `os(version)`, e.g. `windows(10.0.17763)`.
  std::string os_version;

  bool operator==(const Platform&) const = default;
};

/// A parsed platform or containerd's error text.
struct PlatformResult {
  Platform platform;
  /// containerd's error text, e.g. `"linux/amd64/v8/x": cannot parse platform specifier:
  /// invalid argument`; empty on success.
  std::string error;

  bool ok() const { return error.empty(); }
};

/// containerd platforms.Parse: `<os>[(<osversion>)]`, `<arch>` or
/// `<os>[(<osversion>)]/<arch>[/<variant>]`. A lone OS or architecture takes the missing part
/// from `host` (containerd uses the machine running BuildKit). Architecture aliases are
/// normalised (aarch64 -> arm64, x86_64 / x86-64 -> amd64, i386 -> 386, armhf -> arm,
/// armel -> arm/v6), as are OS names (lower case, macos -> darwin); like containerd,
/// `linux/arm64/v8` keeps its explicit `v8` and `linux/arm` drops the default `v7`.
PlatformResult ParsePlatform(std::string_view specifier,
                             const Platform& host = {"linux", "amd64", "", ""});

/// containerd platforms.Normalize: the canonical form used for comparisons (drops the default
/// variants arm64/v8, amd64/v1; makes plain arm arm/v7; an empty OS becomes `host.os`).
Platform NormalizePlatform(Platform platform, const Platform& host = {"linux", "amd64", "", ""});

/// containerd platforms.Format: `os/arch[/variant]`, or `unknown` without an OS.
std::string FormatPlatform(const Platform& platform);

/// BuildKit's check of an expanded `FROM --platform` value: `empty platform value from
/// expression <raw>` when `expanded` is empty, else `failed to parse platform <raw>: <reason>`
/// when containerd rejects it. `raw` is the value as written in the Dockerfile.
PlatformResult ParseFromPlatform(std::string_view raw, std::string_view expanded,
                                 const Platform& host = {"linux", "amd64", "", ""});

}  // namespace shipshape::model
