// SP212 base-image-platform-mismatch: a stage asks `--platform` for one platform and names an
// image that exists for another only (BuildKit's InvalidBaseImagePlatform, where the image's
// platform is known without pulling it).
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// An operating system and architecture (`linux`, `arm64`); the architecture may be empty.
struct Platform {
  std::string os;
  std::string arch;
  std::string variant;

  std::string Text() const {
    std::string out = os;
    if (!arch.empty()) out += "/" + arch;
    if (!variant.empty()) out += "/" + variant;
    return out;
  }
};

/// containerd's architecture normalisation (`aarch64` -> `arm64`, `x86_64` -> `amd64`, ...),
/// with the variant it implies.
std::pair<std::string, std::string> NormalizeArch(std::string arch, std::string variant) {
  if (arch == "i386" || arch == "x86") return {"386", ""};
  if (arch == "x86_64" || arch == "x86-64") return {"amd64", ""};
  if (arch == "aarch64" || arch == "arm64") return {"arm64", variant == "8" ? "v8" : variant};
  if (arch == "armhf") return {"arm", "v7"};
  if (arch == "armel") return {"arm", "v6"};
  return {std::move(arch), std::move(variant)};
}

bool IsKnownArch(std::string_view arch) {
  for (std::string_view a : {"386", "amd64", "arm", "arm64", "mips64le", "ppc64le", "riscv64",
                             "s390x", "i386", "x86", "x86_64", "x86-64", "aarch64", "armhf",
                             "armel"}) {
    if (arch == a) return true;
  }
  return false;
}

/// containerd's platforms.Parse for what static linting can know: `os[/arch[/variant]]`, or a
/// lone architecture (Linux assumed, as on a Linux builder). nullopt for anything else.
std::optional<Platform> ParsePlatform(std::string_view text) {
  const std::string lower = base::AsciiLower(text);
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (true) {
    const std::size_t slash = lower.find('/', at);
    parts.push_back(lower.substr(at, slash == std::string::npos ? std::string::npos : slash - at));
    if (slash == std::string::npos) break;
    at = slash + 1;
  }
  if (parts.empty() || parts.size() > 3) return std::nullopt;
  for (const std::string& p : parts) {
    if (p.empty()) return std::nullopt;
  }
  Platform out;
  if (parts.size() == 1) {
    if (parts[0] == "linux" || parts[0] == "windows" || parts[0] == "darwin" ||
        parts[0] == "freebsd") {
      out.os = parts[0];
      return out;
    }
    if (!IsKnownArch(parts[0])) return std::nullopt;
    out.os = "linux";
    std::tie(out.arch, out.variant) = NormalizeArch(parts[0], "");
    return out;
  }
  out.os = parts[0];
  std::tie(out.arch, out.variant) = NormalizeArch(parts[1], parts.size() == 3 ? parts[2] : "");
  return out;
}

/// The one platform an image reference is published for, when its name says so, and the
/// multi-platform image to use instead (empty when there is none to name).
struct KnownImage {
  Platform platform;
  std::string instead;
};

std::optional<KnownImage> SinglePlatformImage(const model::ImageRef& ref) {
  const std::string_view path = ref.path;
  const std::size_t slash = path.find('/');
  // Docker Hub's per-architecture namespaces of the official images (`arm64v8/alpine`).
  if (ref.domain == "docker.io" && slash != std::string_view::npos) {
    static constexpr std::pair<std::string_view, std::string_view> kNamespaces[] = {
        {"amd64", "linux/amd64"},       {"arm32v5", "linux/arm/v5"},
        {"arm32v6", "linux/arm/v6"},    {"arm32v7", "linux/arm/v7"},
        {"arm64v8", "linux/arm64/v8"},  {"i386", "linux/386"},
        {"mips64le", "linux/mips64le"}, {"ppc64le", "linux/ppc64le"},
        {"riscv64", "linux/riscv64"},   {"s390x", "linux/s390x"},
        {"winamd64", "windows/amd64"},
    };
    const std::string_view ns = path.substr(0, slash);
    for (const auto& [name, platform] : kNamespaces) {
      if (ns != name) continue;
      std::string instead(path.substr(slash + 1));
      if (!ref.tag.empty()) instead += ":" + ref.tag;
      return KnownImage{*ParsePlatform(platform), std::move(instead)};
    }
    return std::nullopt;
  }
  if (ref.domain != "mcr.microsoft.com") return std::nullopt;
  // Windows base images, and .NET tags for one architecture (`8.0-alpine-arm64v8`).
  if (path.starts_with("windows/") || path.find("nanoserver") != std::string_view::npos ||
      ref.tag.find("nanoserver") != std::string::npos ||
      ref.tag.find("windowsservercore") != std::string::npos) {
    return KnownImage{{"windows", "", ""}, ""};
  }
  if (!path.starts_with("dotnet/")) return std::nullopt;
  static constexpr std::pair<std::string_view, std::string_view> kSuffixes[] = {
      {"-amd64", "linux/amd64"}, {"-arm64v8", "linux/arm64/v8"}, {"-arm32v7", "linux/arm/v7"}};
  for (const auto& [suffix, platform] : kSuffixes) {
    if (!ref.tag.ends_with(suffix)) continue;
    return KnownImage{*ParsePlatform(platform),
                      fmt::format("{}/{}:{}", ref.domain, ref.path,
                                  ref.tag.substr(0, ref.tag.size() - suffix.size()))};
  }
  return std::nullopt;
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kFrom || inst.args.empty()) return;
  const std::optional<std::size_t> index = ctx.stage();
  if (!index) return;
  const model::Stage& stage = ctx.model().stages()[*index];
  if (stage.base_kind != model::BaseKind::kImage || !stage.image.ok()) return;
  // The platform asked for must be fixed by the Dockerfile: `$TARGETPLATFORM`, or no flag,
  // means the machine or the build's `--platform`, which linting does not know.
  if (stage.platform_text.empty() || !stage.platform.known || !stage.platform.error.empty()) {
    return;
  }
  const std::optional<Platform> expected = ParsePlatform(stage.platform.value);
  const std::optional<KnownImage> image = SinglePlatformImage(stage.image);
  if (!expected || !image) return;
  const Platform& actual = image->platform;
  if (actual.os == expected->os &&
      (actual.arch.empty() || expected->arch.empty() || actual.arch == expected->arch)) {
    return;
  }
  ctx.Report(inst.args[0].range,
             fmt::format("`{}` is published for {} only, but the stage asks for `{}` with "
                         "`--platform`: its programs would run emulated, or not at all; {}",
                         stage.image.familiar, actual.Text(), stage.platform.value,
                         image->instead.empty()
                             ? fmt::format("use an image built for {}", expected->Text())
                             : fmt::format("use the multi-platform image `{}`", image->instead)));
}

}  // namespace

extern const Rule kSP212 = {
    .code = "SP212",
    .name = "base-image-platform-mismatch",
    .buildkit_name = "InvalidBaseImagePlatform",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "buildkit",
    .fixable = Fixable::kNever,
    .summary = "The base image should exist for the platform the stage asks for",
    .doc = R"md(## What it does
Flags a `FROM --platform=P image` where the image is published for one platform only and it is
not `P`, when both are known without pulling anything: `P` is fixed by the Dockerfile (a
constant, or ARG defaults), and the image's name says its platform: Docker Hub's
per-architecture namespaces of the official images (`arm64v8/`, `arm32v7/`, `amd64/`, `i386/`,
`ppc64le/`, `s390x/`, `riscv64/`, `mips64le/`, `arm32v5/`, `arm32v6/`, `winamd64/`),
Microsoft's Windows images (`mcr.microsoft.com/windows/...`, `nanoserver`,
`windowsservercore` tags) and .NET tags for one architecture (`mcr.microsoft.com/dotnet/...:
8.0-alpine-arm64v8`). Operating system and architecture are compared, as BuildKit does.

## Why is this bad?
BuildKit pulls the image anyway and warns (`InvalidBaseImagePlatform`, "Base image ... was
pulled with platform ..., expected ... for current build"); every `RUN` of the stage then needs
an emulator for the other architecture, slow when there is one and failing when there is not,
and the image produced claims a platform its binaries are not for.

## Example
```dockerfile
FROM --platform=linux/amd64 arm64v8/alpine:3.20
```

## Use instead
```dockerfile
FROM --platform=linux/amd64 alpine:3.20
```

## Fix safety
There is no fix: whether the platform or the image is wrong is the author's call.

## Differences from hadolint
hadolint has no such rule. BuildKit's check compares the platform of the image it pulled
with the platform of the build, so it also fires without `--platform` (an `arm64v8/` image
built on an amd64 machine); shipshape does not know the machine and judges only a
`--platform` the Dockerfile fixes.
)md",
    .on_instruction = Check,
};

}  // namespace shipshape::rules
