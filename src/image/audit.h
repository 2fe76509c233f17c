// Runs the image rules (src/rules/image) over an image read by image::Read, with lint's
// selection and severity overrides; maps layers to the Dockerfile instructions that made them.
// Unlike the rest of src/image, this part sits above src/rules and src/lint.
#pragma once

#include <optional>
#include <vector>

#include "base/diagnostic.h"
#include "image/image.h"
#include "lint/engine.h"
#include "model/model.h"
#include "syntax/ast.h"

namespace shipshape::image {

/// For each layer of `image`, the index (in df.instructions) of the instruction of the shipped
/// stages that made it, matched on the history's created_by (BuildKit's `RUN /bin/sh -c ...
/// # buildkit`, the classic builder's `/bin/sh -c #(nop) COPY ...`, buildah's forms). Layers of
/// the base image stay nullopt. Matching goes from the top layer down, so that a base image's
/// layer never takes an instruction a later layer made.
std::vector<std::optional<std::size_t>> MapLayers(const Image& image, const syntax::Dockerfile& df,
                                                  const model::Model& model);

/// The findings of the selected image rules, in rule order. With `df` (and its model), a
/// finding from a mapped layer gets the instruction's range; `mapped` tells which did.
struct AuditResult {
  std::vector<base::Diagnostic> diagnostics;
  std::vector<bool> mapped;
};
AuditResult Audit(const Image& image, const lint::Selection& selection,
                  const syntax::Dockerfile* df = nullptr, const model::Model* model = nullptr);

}  // namespace shipshape::image
