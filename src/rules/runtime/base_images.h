// The base-image table SP705 (the Dockerfile's FROM) and SP812 (the built image) share: full
// distribution and SDK images with their usual size and a smaller image to use instead.
#pragma once

#include <string_view>

namespace shipshape::rules {

/// A smaller image to suggest for a large one, with approximate compressed sizes from the
/// images' registries (docs/rules/SP705.md lists the sources).
struct BaseImageSize {
  std::string_view image;    // repository path (`library/golang`)
  std::string_view size;     // its usual size
  std::string_view instead;  // what to use
};

inline constexpr BaseImageSize kLargeBaseImages[] = {
    {"library/golang", "about 800 MB",
     "`gcr.io/distroless/static` (about 2 MB) for a static Go binary built in a builder stage"},
    {"library/rust", "about 1.5 GB",
     "`gcr.io/distroless/cc` (about 5 MB) for a binary built in a builder stage"},
    {"library/gcc", "about 1.3 GB",
     "`gcr.io/distroless/cc` (about 5 MB) for a binary built in a builder stage"},
    {"library/maven", "about 500 MB",
     "a JRE image such as `eclipse-temurin:21-jre` (about 90 MB) for the built jar"},
    {"library/gradle", "about 600 MB",
     "a JRE image such as `eclipse-temurin:21-jre` (about 90 MB) for the built jar"},
    {"library/node", "about 400 MB", "`node:<version>-slim` (about 70 MB)"},
    {"library/python", "about 400 MB", "`python:<version>-slim` (about 52 MB)"},
    {"library/ubuntu", "about 78 MB",
     "`debian:<version>-slim` (about 28 MB), `alpine` (about 7 MB) or a distroless image"},
    {"library/debian", "about 50 MB", "`debian:<version>-slim` (about 28 MB)"},
};

/// Whether a tag names a slim variant (`3.12-slim`, `alpine`, `21-jre`).
inline bool IsSlimTag(std::string_view tag) {
  for (std::string_view s : {"slim", "alpine", "distroless", "minimal", "chiseled", "jre"}) {
    if (tag.find(s) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace shipshape::rules
