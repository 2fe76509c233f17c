// A container image read from a file without a daemon: `docker save` archives (legacy and
// Docker 25+), OCI layout folders and oci-archive tars. Layers are streamed once; what is kept
// is metadata (the merged file tree, per-layer sizes) and the few small files the audit reads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape::image {

/// Bounds against hostile archives; each one crossed is an error naming it.
struct Limits {
  /// Bytes a layer may decompress to, and the most it may grow (decompressed / compressed).
  std::uint64_t max_layer_bytes = std::uint64_t{64} << 30;
  std::uint64_t max_ratio = 1000;
  /// The ratio is only judged past this many decompressed bytes (tiny layers compress well).
  std::uint64_t ratio_grace = std::uint64_t{16} << 20;
  /// Manifests, indexes and configs are JSON documents of a few kilobytes.
  std::uint64_t max_json_bytes = std::uint64_t{4} << 20;
  /// Tar entries in all the layers of one input, and entries of the outer archive.
  std::uint64_t max_entries = 2'000'000;
  /// Bytes of a file the audit reads (passwd, .npmrc, keys); larger files are read this far.
  std::uint64_t max_inspected_bytes = 64 << 10;
  /// Nested image indexes followed.
  int max_index_depth = 4;
};

/// How the input was laid out.
enum class Layout { kDockerLegacy, kDocker25, kOciLayout, kOciArchive };
std::string_view LayoutName(Layout layout);

enum class EntryType : std::uint8_t { kFile, kDir, kSymlink, kHardlink, kOther };

/// One path of a layer or of the merged file system. Paths are relative (`etc/passwd`), never
/// `..`-free by guarantee: they are names, never opened.
struct Node {
  EntryType type = EntryType::kFile;
  std::uint32_t mode = 0;  // permission bits with setuid/setgid/sticky
  std::uint32_t uid = 0, gid = 0;
  std::uint64_t size = 0;
  /// The layer (index into Image::layers) that wrote it last.
  std::uint32_t layer = 0;
  std::string link;  // symlink or hardlink target, as recorded
};

/// Bytes a layer added that the final file system does not show.
struct Shadowed {
  std::string path;
  std::uint32_t layer = 0;       // where the bytes were added
  std::uint32_t hidden_by = 0;   // the layer that overwrote or deleted them
  std::uint64_t bytes = 0;
  bool deleted = false;          // removed (whiteout, opaque directory) rather than overwritten
};

/// A small file kept for the audit: secrets in it, users in /etc/passwd.
struct Inspected {
  std::string path;
  std::uint32_t layer = 0;
  std::string content;  // at most Limits::max_inspected_bytes
  bool visible = true;  // still in the final file system
};

struct Layer {
  std::string digest;    // the blob's digest as the manifest names it (`sha256:...`), or empty
  std::string diff_id;   // the uncompressed tar's digest
  std::string media_type;
  std::string compression;  // none, gzip, zstd
  std::uint64_t blob_bytes = 0;  // as stored
  std::uint64_t tar_bytes = 0;   // decompressed
  std::uint64_t content_bytes = 0;  // sum of the regular files' sizes (dive's layer size)
  std::uint64_t entries = 0;
  /// History entry (index into Image::history) that made it, if the history says.
  std::optional<std::size_t> history;
  std::string created_by;  // that entry's created_by (empty without history)
  /// The largest paths it adds (files and directories by the bytes below them), largest first.
  std::vector<std::pair<std::string, std::uint64_t>> top_paths;
};

struct HistoryEntry {
  std::string created_by;
  std::string comment;
  bool empty_layer = false;
};

/// dive's numbers (wagoodman/dive's efficiency rules; see docs/ARCHITECTURE.md).
struct Efficiency {
  double score = 1.0;
  std::uint64_t wasted_bytes = 0;  // cumulative bytes of paths seen in two or more layers
  std::uint64_t user_bytes = 0;    // content bytes of all layers but the first
  /// Paths seen in several layers, most wasted first: path, layers seen in, cumulative bytes.
  struct Path {
    std::string path;
    std::uint32_t count = 0;
    std::uint64_t bytes = 0;
  };
  std::vector<Path> paths;
};

/// The parts of the image config the audit reads.
struct Config {
  std::string user;
  bool has_user = false;
  std::vector<std::string> env;
  std::vector<std::string> exposed_ports;
  std::map<std::string, std::string> labels;
  /// Healthcheck.Test: nullopt when absent, `["NONE"]` when disabled.
  std::optional<std::vector<std::string>> healthcheck;
  std::vector<std::string> entrypoint, cmd;
  std::string os, architecture, variant;
};

struct Image {
  /// The input as given (`-` for standard input) and how it is shown.
  std::string source;
  Layout layout = Layout::kOciLayout;
  /// `name:tag` from the archive, when it names one.
  std::string reference;
  std::string manifest_digest;
  std::string config_digest;
  Config config;
  std::vector<HistoryEntry> history;
  std::vector<Layer> layers;
  /// The final file system after every layer and whiteout, by path.
  std::map<std::string, Node> files;
  std::vector<Shadowed> shadowed;
  std::vector<Inspected> inspected;
  Efficiency efficiency;
  std::uint64_t total_bytes = 0;  // content bytes of the final file system
  std::uint64_t layer_bytes = 0;  // sum of the layers' content bytes
  /// Paths of one layer nested under a regular file of the same tree, `..` names and
  /// absolute names are recorded as data; this counts those seen (never followed).
  std::uint64_t odd_names = 0;
};

/// What to read: a path (`-`: a tar on standard input) and which platform to keep.
struct ReadOptions {
  /// `os/arch[/variant]`; empty: every platform (an index's attestation manifests, platform
  /// `unknown/unknown`, are skipped).
  std::string platform;
  Limits limits;
};

/// Every image in `path`, or the first error (`error` set). Errors name the input and what is
/// wrong ("blob sha256:ab.. does not match its digest").
struct ReadResult {
  std::vector<Image> images;
  std::string error;
  bool ok() const { return error.empty(); }
};
ReadResult Read(const std::string& path, const ReadOptions& options);

/// The same for a tar held in memory (the fuzz target, tests).
ReadResult ReadTarMemory(std::string_view name, std::string_view bytes, const ReadOptions& options);

/// The last component of a path inside the image.
std::string_view BaseName(std::string_view path);

/// The user the image runs as, resolved through its /etc/passwd: the uid when known.
std::optional<std::uint32_t> ResolveUid(const Image& image);

}  // namespace shipshape::image
