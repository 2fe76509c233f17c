// Applying layers: whiteouts and opaque folders as the OCI image spec says, the final file
// tree, the bytes hidden on the way, dive's efficiency, the per-layer top paths. Internal.
#pragma once

#include <vector>

#include "image/image.h"
#include "image/layer.h"

namespace shipshape::image {

/// Fills image.files, shadowed, inspected, efficiency, total_bytes, layer_bytes and each
/// layer's top_paths from the scans of its layers (bottom first).
void Merge(Image& image, const std::vector<const LayerScan*>& layers);

}  // namespace shipshape::image
