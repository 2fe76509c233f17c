// What an image rule sees (the image read by src/image) and where it reports; and what the
// image rules share: secret-looking assignments, history lines, sizes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "image/image.h"
#include "rules/rule.h"

namespace shipshape::rules {

class ImageContext {
 public:
  ImageContext(const image::Image& image, std::vector<base::Diagnostic>& out)
      : image_(image), out_(out) {}

  const image::Image& image() const { return image_; }

  /// A finding about the image's config (user, health check, environment, labels).
  void Report(std::string message) { ReportAt(std::nullopt, {}, std::move(message)); }
  /// A finding about `path` (relative, as in image().files) that layer `layer` wrote, or about
  /// the layer itself (`path` empty).
  void ReportAt(std::optional<std::uint32_t> layer, std::string_view path, std::string message,
                std::optional<base::Severity> severity = {});

  /// The base image the Dockerfile (`--dockerfile`) builds the image on, or empty.
  const std::string& base_image() const { return base_image_; }
  void SetBaseImage(std::string base) { base_image_ = std::move(base); }

  void SetRule(const Rule* rule) { rule_ = rule; }

 private:
  const image::Image& image_;
  std::vector<base::Diagnostic>& out_;
  const Rule* rule_ = nullptr;
  std::string base_image_;
};

/// `1.5 MB`, `300 B`: decimal units, as registries show sizes.
std::string HumanBytes(std::uint64_t bytes);

/// A value shown masked: its first 3 characters and its length (`npm***` (21 chars)).
std::string Masked(std::string_view value);

/// Why `NAME=value` looks like a secret (`a GitHub token`, `its name`), or nullopt. Empty
/// values, placeholders and variable references are not secrets.
std::optional<std::string> SecretAssignment(std::string_view name, std::string_view value);

/// The build arguments a history line records: `|N K1=v1 ... cmd` (classic builder, buildah,
/// BuildKit's `RUN |N ...`) and BuildKit's `ARG K=v` step.
std::vector<std::pair<std::string, std::string>> HistoryBuildArgs(std::string_view created_by);

/// A history line as an instruction: keyword (upper case, `RUN`, `COPY`, ...) and its text
/// (for RUN, the shell command). The classic builder's `/bin/sh -c #(nop) COPY ...`,
/// BuildKit's `RUN /bin/sh -c ... # buildkit` and bare `/bin/sh -c cmd` are understood.
std::pair<std::string, std::string> HistoryInstruction(std::string_view created_by);

}  // namespace shipshape::rules
