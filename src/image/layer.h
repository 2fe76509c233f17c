// One layer blob streamed through libarchive: its digests, sizes and entries (metadata only,
// plus the small files the audit reads). Internal to src/image.
#pragma once

#include "base/hash.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "image/image.h"

namespace shipshape::image {

/// Pulls the next chunk of a blob: sets `data` and returns its size, 0 at the end, -1 on error
/// (`error` set).
using ChunkSource = std::function<long(const void** data, std::string& error)>;

/// A streaming SHA-256 or SHA-512, named by the digest's algorithm (base/hash.h).
using Hasher = base::Hash;
using base::Digest;

struct LayerEntry {
  std::string path;  // normalised: no leading `./` or `/`, no trailing `/`
  Node node;
  bool whiteout = false;  // `.wh.<name>`: `path` is the name it hides
  bool opaque = false;    // `.wh..wh..opq`: `path` is the folder it empties
};

struct LayerScan {
  std::string blob_digest;  // of the bytes as stored, in the expected digest's algorithm
  std::string diff_id;      // sha256 of the decompressed tar
  std::string compression;
  std::uint64_t blob_bytes = 0, tar_bytes = 0, content_bytes = 0;
  std::vector<LayerEntry> entries;
  /// Small files read for the audit (Inspected::layer unset here).
  std::vector<Inspected> files;
  std::uint64_t odd_names = 0;
  std::string error;
};

/// Whether the audit reads the content of the file at `path` (passwd, keys, .npmrc, ...).
bool IsInspected(std::string_view path);

/// Reads one layer blob from `source`. `digest_algorithm` picks the blob hash. `entry_budget`
/// is decremented per entry (an error when it runs out); `inspected_budget` per byte kept.
LayerScan ScanLayer(const ChunkSource& source, std::string_view digest_algorithm,
                    const Limits& limits, std::uint64_t& entry_budget,
                    std::uint64_t& inspected_budget);

/// Normalises a tar entry name; false for the root itself (`.`, `./`, `/`). Sets `odd` for
/// absolute names and `..` components (kept as data, never followed).
bool NormalizeName(std::string_view name, std::string& out, bool& odd);

}  // namespace shipshape::image
