// The image references a Dockerfile pulls (FROM, `COPY --from=<image>`, `RUN
// --mount=from=<image>`), resolved through the semantic model as the rules resolve them, with
// the bytes where each one's digest is written or goes; and the edits that pin them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/range.h"
#include "model/image_ref.h"
#include "model/model.h"
#include "syntax/ast.h"

namespace shipshape::registry {

/// One place a Dockerfile names an image.
struct ImageSite {
  enum class Kind : std::uint8_t { kFrom, kCopyFrom, kMountFrom };
  Kind kind = Kind::kFrom;
  /// Index of the instruction in Dockerfile::instructions.
  std::size_t instruction = 0;
  /// What messages point at: the FROM image word, the `--from` or `--mount` flag.
  base::Range range;
  /// The reference as written (`alpine:3.19`, `${BASE}`).
  std::string written;
  /// The reference once ARG defaults apply, parsed (not ok when `problem` says so).
  model::ImageRef image;
  /// The bytes of the written digest (without `@`) when pinned; else the empty range where
  /// `@<digest>` is inserted.
  base::Range edit;
  /// The ARG whose default holds the reference's end (and so gets the digest), else empty.
  std::string arg;
  /// Why it cannot be pinned (only the build knows the image, the digest would go inside a
  /// `${...}` form, ...); empty when it can.
  std::string problem;

  bool pinned() const { return !image.digest.empty(); }
};

/// The image references of `model`'s Dockerfile, in file order: each stage's FROM image (not
/// stages, not `scratch`, not what does not parse as a reference) and the images (not stage
/// names or indexes) its `COPY --from` and `RUN --mount` `from=` name. References whose image
/// only the build knows are listed with a problem.
std::vector<ImageSite> FindImageSites(const model::Model& model);

/// The Dockerfile's text with `digests[i]` (when set) written into site `i`: appended as
/// `@<digest>` when unpinned, replacing the written digest when pinned. Each edit is an exact
/// byte edit applied through fix::ApplyOnce; the result is parsed again and each site checked
/// to resolve to its reference pinned to its digest.
struct PinEdit {
  std::string text;
  /// Why it cannot be done (two references need different digests in one ARG default, the
  /// edited file does not resolve as expected); empty on success.
  std::string error;
};
PinEdit ApplyDigests(const syntax::Dockerfile& df, const std::vector<ImageSite>& sites,
                     const std::vector<std::optional<std::string>>& digests);

}  // namespace shipshape::registry
