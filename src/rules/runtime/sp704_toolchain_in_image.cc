// SP704 toolchain-in-image: the stage that ships compiles, so the compiler ships with it.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// What a build command needs: `go build` -> "the Go toolchain". Empty for other commands.
std::string_view Toolchain(const shell::Command& c) {
  if (c.name == "go" && c.IsSubcommand({"build", "install"})) return "the Go toolchain";
  if (c.name == "cargo" && c.IsSubcommand({"build", "install"})) return "the Rust toolchain";
  if (c.name == "rustc") return "the Rust toolchain";
  for (std::string_view cc : {"gcc", "g++", "cc", "c++", "clang", "clang++", "make", "cmake",
                              "ninja", "meson"}) {
    if (c.name == cc) return "a C/C++ toolchain";
  }
  if ((c.name == "mvn" || c.name == "mvnw") && c.subcommand) return "Maven and a JDK";
  if ((c.name == "gradle" || c.name == "gradlew") && c.subcommand) return "Gradle and a JDK";
  if (c.name == "javac") return "a JDK";
  if (c.name == "dotnet" && c.IsSubcommand({"build", "publish"})) return "the .NET SDK";
  return "";
}

/// Whether a RUN removes what it installed to build (`apt-get purge`, `apk del`, `dnf remove`,
/// ...): then the compiler does not stay, the official images' way.
bool RemovesBuildDeps(const shell::Analysis& run) {
  for (const shell::Command& c : run.commands()) {
    if (((c.name == "apt-get" || c.name == "apt") && c.IsSubcommand({"purge", "remove", "autoremove"})) ||
        (c.name == "apk" && c.IsSubcommand({"del"})) ||
        ((c.name == "dnf" || c.name == "yum" || c.name == "microdnf") &&
         c.IsSubcommand({"remove", "erase", "autoremove"})) ||
        (c.name == "zypper" && c.IsSubcommand({"remove", "rm"}))) {
      return true;
    }
  }
  return false;
}

/// The toolchain a base image is (`golang` -> the Go toolchain): building with it ships it,
/// whatever a RUN removes. Empty for other images.
std::string_view ImageToolchain(const model::ImageRef& image) {
  const std::string_view path = image.path;
  const std::string_view tag = image.tag;
  if (path == "library/golang") return "the Go toolchain";
  if (path == "library/rust") return "the Rust toolchain";
  if (path == "library/gcc") return "a C/C++ toolchain";
  if (path == "library/maven") return "Maven and a JDK";
  if (path == "library/gradle") return "Gradle and a JDK";
  if (path.find("dotnet/sdk") != std::string_view::npos) return "the .NET SDK";
  if ((path == "library/eclipse-temurin" || path == "library/openjdk" ||
       path == "library/amazoncorretto") &&
      tag.find("jre") == std::string_view::npos) {
    return "a JDK";
  }
  return "";
}

/// Whether `c` only asks for a version (`javac --version`, `rustc -V`): a check, not a build.
bool VersionCheck(const shell::Command& c) {
  for (const shell::Argument& a : c.argv) {
    if (a.value == "--version" || a.value == "-version" || a.value == "-V" || a.value == "version" ||
        a.value == "-v" || a.value == "--help") {
      return true;
    }
  }
  return false;
}

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  const std::vector<std::size_t> shipped = model.ShippedStages();
  if (shipped.empty()) return;
  const model::Stage& root = model.stages()[shipped.front()];
  const std::string_view image_toolchain =
      root.base_kind == model::BaseKind::kImage ? ImageToolchain(root.image) : "";
  for (std::size_t s : shipped) {
    const model::Stage& stage = model.stages()[s];
    for (std::size_t i = stage.begin + 1; i < stage.end; ++i) {
      if (insts[i].keyword != syntax::Keyword::kRun) continue;
      const shell::Analysis& run = ctx.Shell(i);
      if (!run.posix()) continue;
      const bool removes = RemovesBuildDeps(run);
      for (const shell::Command& c : run.commands()) {
        const std::string_view toolchain = Toolchain(c);
        if (toolchain.empty() || c.context.in_condition || VersionCheck(c)) continue;
        // Build packages removed in the same RUN do not ship, unless the base image is the
        // toolchain (or the JDK that Maven, Gradle and javac run on).
        const bool from_image = !image_toolchain.empty() &&
                                (toolchain == image_toolchain ||
                                 (image_toolchain == "a JDK" && toolchain.ends_with("JDK")));
        if (removes && !from_image) continue;
        ctx.Report(c.command.range,
                   fmt::format("`{}` builds in the stage that ships, so {} ships too; build in "
                               "a stage of its own and `COPY --from` only what runs into a "
                               "small runtime image",
                               c.name, toolchain));
        return;  // one finding per image
      }
    }
  }
}

}  // namespace

extern const Rule kSP704 = {
    .code = "SP704",
    .name = "toolchain-in-image",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "runtime",
    .summary = "Build in a builder stage, not in the stage that ships",
    .doc = R"md(## What it does
Flags the first build command (`go build`, `cargo build`, `gcc`, `make`, `cmake`, `mvn`,
`gradle`, `javac`, `dotnet build/publish`) in the stages that end up in the image: the target
stage and the stages it is built `FROM`. Builder stages that only feed `COPY --from` are not
judged, nor are version checks (`javac --version`). A RUN that removes its build packages again
(`apt-get purge`, `apk del`, `dnf remove`, as the official images do) is not flagged, unless the
base image is itself the toolchain used (`go build` on `golang`, `mvn` on `maven` or a JDK).

## Why is this bad?
A compiler, build tools and headers make the image hundreds of megabytes larger, slower to pull
and start, and give an attacker who gets in everything needed to build their own tools. A
multi-stage build compiles in one stage and copies only the artifact into a minimal one (a Go
binary on `gcr.io/distroless/static` is a few megabytes instead of 800).

## Example
```dockerfile
FROM golang:1.23
WORKDIR /src
COPY . .
RUN go build -o /app .
CMD ["/app"]
```

## Use instead
```dockerfile
FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /app /app
CMD ["/app"]
```

## Fix safety
There is no fix: which files the runtime needs is the author's call.

## Differences from hadolint
hadolint has no such rule.
)md",
    .on_file = Check,
};

}  // namespace shipshape::rules
