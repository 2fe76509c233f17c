// Input detection, manifests and configs, and the two passes over an outer tar: the first
// keeps the small JSON documents (manifest.json, index.json, manifests, configs) and the
// entries' types and link targets; the second streams each wanted layer blob through
// ScanLayer in archive order. The blobs of a docker save come before its manifest, so one pass
// cannot know which entries are layers; the outer tar is uncompressed, so the second pass
// skips the rest cheaply.
#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "image/image.h"
#include "image/layer.h"
#include "image/tree.h"

namespace shipshape::image {

std::string_view LayoutName(Layout layout) {
  switch (layout) {
    case Layout::kDockerLegacy: return "docker save (legacy)";
    case Layout::kDocker25: return "docker save (OCI layout)";
    case Layout::kOciLayout: return "OCI layout";
    case Layout::kOciArchive: return "oci-archive";
  }
  return "";
}

namespace {

using Json = nlohmann::json;
constexpr std::size_t kChunk = 64 << 10;
/// The small documents kept from an outer tar, all together.
constexpr std::uint64_t kMaxKeptJson = 64u << 20;

const Json* Field(const Json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::string Str(const Json& j, std::string_view key) {
  const Json* f = Field(j, key);
  return f && f->is_string() ? f->get<std::string>() : std::string();
}

std::vector<std::string> Strings(const Json* j) {
  std::vector<std::string> out;
  if (!j || !j->is_array()) return out;
  for (const Json& e : *j) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

struct ArchiveFree {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveFree>;

/// Where blobs and documents come from: a folder or an outer tar.
class Container {
 public:
  virtual ~Container() = default;
  /// The bytes of the regular file at `path` (links followed inside the container), at most
  /// `cap`; nullopt when missing (`error` set when it exists but cannot be used).
  virtual std::optional<std::string> ReadSmall(const std::string& path, std::uint64_t cap,
                                               std::string& error) = 0;
  virtual bool Exists(const std::string& path) = 0;
  /// Streams each of `paths` (resolved) to `scan`, once each.
  virtual bool Stream(const std::set<std::string>& paths,
                      const std::function<bool(const std::string&, const ChunkSource&)>& scan,
                      std::string& error) = 0;
  /// The path a link at `path` leads to (itself when not a link).
  virtual std::string Resolve(const std::string& path) { return path; }
};

/// An OCI layout folder: files read in place (names come from digests, checked to be hex).
class FolderContainer final : public Container {
 public:
  explicit FolderContainer(std::string root) : root_(std::move(root)) {}

  bool Exists(const std::string& path) override {
    struct stat st;
    return stat((root_ + "/" + path).c_str(), &st) == 0 && S_ISREG(st.st_mode);
  }

  std::optional<std::string> ReadSmall(const std::string& path, std::uint64_t cap,
                                       std::string& error) override {
    const std::string full = root_ + "/" + path;
    const int fd = open(full.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      close(fd);
      error = fmt::format("{} is not a regular file", path);
      return std::nullopt;
    }
    if (static_cast<std::uint64_t>(st.st_size) > cap) {
      close(fd);
      error = fmt::format("{} is {} bytes, more than the {} a manifest, index or config may have",
                          path, st.st_size, cap);
      return std::nullopt;
    }
    std::string out(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < out.size()) {
      const ssize_t n = read(fd, out.data() + got, out.size() - got);
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    close(fd);
    out.resize(got);
    return out;
  }

  bool Stream(const std::set<std::string>& paths,
              const std::function<bool(const std::string&, const ChunkSource&)>& scan,
              std::string& error) override {
    std::vector<char> buffer(kChunk);
    for (const std::string& path : paths) {
      const int fd = open((root_ + "/" + path).c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        error = fmt::format("blob {} is missing: {}", path, std::strerror(errno));
        return false;
      }
      ChunkSource source = [&](const void** data, std::string& err) -> long {
        const ssize_t n = read(fd, buffer.data(), buffer.size());
        if (n < 0) {
          err = fmt::format("{}: {}", path, std::strerror(errno));
          return -1;
        }
        *data = buffer.data();
        return static_cast<long>(n);
      };
      const bool ok = scan(path, source);
      close(fd);
      if (!ok) return false;
    }
    return true;
  }

 private:
  std::string root_;
};

/// An outer tar, read twice: from a file (standard input spooled to an unlinked temporary
/// file), or from memory.
class TarContainer final : public Container {
 public:
  TarContainer(int fd, std::string_view memory) : fd_(fd), memory_(memory) {}

  /// The first pass: entry types, link targets, and the small JSON documents.
  bool Index(const Limits& limits, std::string& error) {
    ArchivePtr a = Open(error);
    if (!a) return false;
    struct archive_entry* e = nullptr;
    std::uint64_t kept = 0, count = 0;
    std::string name;
    for (;;) {
      const int r = archive_read_next_header(a.get(), &e);
      if (r == ARCHIVE_EOF) break;
      if (r < ARCHIVE_WARN) {
        error = fmt::format("not a readable tar: {}", Err(a.get()));
        return false;
      }
      if (++count > limits.max_entries) {
        error = fmt::format("more than {} entries in the archive (the limit)", limits.max_entries);
        return false;
      }
      bool odd = false;
      const char* raw = archive_entry_pathname(e);
      if (!raw || !NormalizeName(raw, name, odd)) continue;
      Entry& entry = entries_[name];
      if (archive_entry_filetype(e) == AE_IFLNK && archive_entry_symlink(e)) {
        entry.link = archive_entry_symlink(e);
        entry.symlink = true;
      } else if (const char* h = archive_entry_hardlink(e)) {
        std::string target;
        if (NormalizeName(h, target, odd)) entry.hardlink = target;
      } else if (archive_entry_filetype(e) == AE_IFREG) {
        entry.regular = true;
        const la_int64_t size = archive_entry_size(e);
        if (size > 0 && static_cast<std::uint64_t>(size) <= limits.max_json_bytes) {
          // Only documents that look like JSON are kept (a layer tar starts with a file name,
          // a compressed one with its magic bytes).
          char first = 0;
          if (archive_read_data(a.get(), &first, 1) == 1 && (first == '{' || first == '[')) {
            if (kept + static_cast<std::uint64_t>(size) > kMaxKeptJson) {
              error = "more than 64 MiB of JSON documents in the archive (the limit)";
              return false;
            }
            std::string text(static_cast<std::size_t>(size), '\0');
            text[0] = first;
            std::size_t got = 1;
            while (got < text.size()) {
              const la_ssize_t n = archive_read_data(a.get(), text.data() + got, text.size() - got);
              if (n <= 0) break;
              got += static_cast<std::size_t>(n);
            }
            text.resize(got);
            kept += got;
            entry.json = std::move(text);
          }
        }
      }
      if (archive_read_data_skip(a.get()) < ARCHIVE_WARN) {
        error = fmt::format("not a readable tar: {}", Err(a.get()));
        return false;
      }
    }
    return true;
  }

  bool Exists(const std::string& path) override {
    auto it = entries_.find(Resolve(path));
    return it != entries_.end() && it->second.regular;
  }

  std::string Resolve(const std::string& path) override {
    std::string p = path;
    for (int hops = 0; hops < 16; ++hops) {
      auto it = entries_.find(p);
      if (it == entries_.end()) return p;
      if (!it->second.hardlink.empty()) {
        p = it->second.hardlink;
        continue;
      }
      if (!it->second.symlink) return p;
      // `<id>/layer.tar -> ../<diff>.tar`: relative to the link's folder, inside the archive.
      const std::string& link = it->second.link;
      const std::size_t slash = p.rfind('/');
      const std::string joined =
          link.starts_with("/") || slash == std::string::npos ? link : p.substr(0, slash + 1) + link;
      std::vector<std::string> parts;
      std::size_t i = 0;
      while (i <= joined.size()) {
        std::size_t j = joined.find('/', i);
        if (j == std::string::npos) j = joined.size();
        const std::string part = joined.substr(i, j - i);
        if (part == "..") {
          if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
          parts.push_back(part);
        }
        i = j + 1;
      }
      std::string next;
      for (const std::string& part : parts) {
        if (!next.empty()) next += '/';
        next += part;
      }
      p = next;
    }
    return p;
  }

  std::optional<std::string> ReadSmall(const std::string& path, std::uint64_t cap,
                                       std::string& error) override {
    auto it = entries_.find(Resolve(path));
    if (it == entries_.end() || !it->second.regular) return std::nullopt;
    if (!it->second.json) {
      error = fmt::format("{} is not a JSON document of at most {} bytes", path, cap);
      return std::nullopt;
    }
    return it->second.json;
  }

  bool Stream(const std::set<std::string>& paths,
              const std::function<bool(const std::string&, const ChunkSource&)>& scan,
              std::string& error) override {
    ArchivePtr a = Open(error);
    if (!a) return false;
    std::set<std::string> left = paths;
    struct archive_entry* e = nullptr;
    std::string name;
    std::vector<char> buffer(kChunk);
    while (!left.empty()) {
      const int r = archive_read_next_header(a.get(), &e);
      if (r == ARCHIVE_EOF) break;
      if (r < ARCHIVE_WARN) {
        error = fmt::format("not a readable tar: {}", Err(a.get()));
        return false;
      }
      bool odd = false;
      const char* raw = archive_entry_pathname(e);
      if (!raw || !NormalizeName(raw, name, odd) || archive_entry_filetype(e) != AE_IFREG ||
          !left.count(name)) {
        continue;  // the next header skips the data
      }
      left.erase(name);
      struct archive* outer = a.get();
      ChunkSource source = [&](const void** data, std::string& err) -> long {
        const la_ssize_t n = archive_read_data(outer, buffer.data(), buffer.size());
        if (n < 0) {
          err = fmt::format("{}: {}", name, Err(outer));
          return -1;
        }
        *data = buffer.data();
        return static_cast<long>(n);
      };
      if (!scan(name, source)) return false;
    }
    if (!left.empty()) {
      error = fmt::format("blob {} is missing from the archive", *left.begin());
      return false;
    }
    return true;
  }

 private:
  struct Entry {
    bool regular = false, symlink = false;
    std::string link, hardlink;
    std::optional<std::string> json;
  };

  static std::string Err(struct archive* a) {
    const char* s = archive_error_string(a);
    return s ? s : "unreadable";
  }

  ArchivePtr Open(std::string& error) {
    ArchivePtr a(archive_read_new());
    // `docker save | gzip` is common; no other filter, and never support_filter_all.
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_zstd(a.get());
    archive_read_support_format_tar(a.get());
    int r;
    if (fd_ >= 0) {
      lseek(fd_, 0, SEEK_SET);
      r = archive_read_open_fd(a.get(), fd_, kChunk);
    } else {
      r = archive_read_open_memory(a.get(), memory_.data(), memory_.size());
    }
    if (r != ARCHIVE_OK) {
      error = fmt::format("not a readable tar: {}", Err(a.get()));
      return nullptr;
    }
    return a;
  }

  int fd_;
  std::string_view memory_;
  std::map<std::string, Entry> entries_;
};

/// A layer an image needs: where its blob is and what it must hash to.
struct LayerPlan {
  std::string path;
  std::string digest;   // blob digest from the manifest (empty: none, legacy archives)
  std::string diff_id;  // from the config
  std::string media_type;
};

struct Plan {
  Image image;
  std::vector<LayerPlan> layers;
};

bool IsHex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

/// `blobs/<alg>/<hex>` for a digest, or empty when it is not one.
std::string BlobPath(std::string_view digest) {
  const std::size_t colon = digest.find(':');
  if (colon == std::string_view::npos) return {};
  const std::string_view alg = digest.substr(0, colon), hex = digest.substr(colon + 1);
  if ((alg == "sha256" && hex.size() == 64 && IsHex(hex)) ||
      (alg == "sha512" && hex.size() == 128 && IsHex(hex))) {
    return fmt::format("blobs/{}/{}", alg, hex);
  }
  return {};
}

std::string_view Algorithm(std::string_view digest) {
  const std::size_t colon = digest.find(':');
  return colon == std::string_view::npos ? std::string_view("sha256") : digest.substr(0, colon);
}

bool MatchesPlatform(const Config& c, std::string_view want) {
  if (want.empty()) return true;
  std::string have = c.os + "/" + c.architecture;
  const std::size_t slashes = static_cast<std::size_t>(std::count(want.begin(), want.end(), '/'));
  if (slashes >= 2) have += "/" + c.variant;
  return have == want;
}

class Reader {
 public:
  Reader(std::string source, Container& c, const ReadOptions& options)
      : source_(std::move(source)), c_(c), options_(options) {}

  ReadResult Run(bool folder) {
    ReadResult result;
    const bool oci = c_.Exists("index.json") && c_.Exists("oci-layout");
    const bool docker = c_.Exists("manifest.json");
    if (oci) {
      layout_ = docker ? Layout::kDocker25 : folder ? Layout::kOciLayout : Layout::kOciArchive;
      if (docker) ReadRepoTags();
      std::optional<std::string> text = Document("index.json", {});
      if (!text) return Fail();
      const Json index = Json::parse(*text, nullptr, false);
      if (!index.is_object()) return Fail("index.json is not a JSON object");
      if (!WalkIndex(index, "", 0)) return Fail();
    } else if (docker) {
      layout_ = Layout::kDockerLegacy;
      if (!ReadLegacy()) return Fail();
    } else {
      return Fail(folder ? "not an OCI image layout (no index.json and oci-layout)"
                         : "not an image archive (no manifest.json, nor index.json and oci-layout)");
    }
    if (plans_.empty()) {
      return Fail(options_.platform.empty()
                      ? std::string("no image in it")
                      : fmt::format("no image for platform {} in it", options_.platform));
    }
    // Every layer blob once, in archive order.
    std::set<std::string> wanted;
    for (const Plan& p : plans_) {
      for (const LayerPlan& l : p.layers) wanted.insert(l.path);
    }
    std::map<std::string, std::string> algorithm;
    for (const Plan& p : plans_) {
      for (const LayerPlan& l : p.layers) algorithm[l.path] = std::string(Algorithm(l.digest));
    }
    std::uint64_t entry_budget = options_.limits.max_entries;
    std::uint64_t inspected_budget = 64u << 20;
    std::map<std::string, LayerScan> scans;
    const bool streamed = c_.Stream(
        wanted,
        [&](const std::string& path, const ChunkSource& src) {
          LayerScan scan = ScanLayer(src, algorithm[path], options_.limits, entry_budget,
                                     inspected_budget);
          if (!scan.error.empty()) {
            error_ = fmt::format("layer {}: {}", path, scan.error);
            return false;
          }
          scans.emplace(path, std::move(scan));
          return true;
        },
        error_);
    if (!streamed) return Fail();
    for (Plan& p : plans_) {
      std::vector<const LayerScan*> ordered;
      for (std::size_t i = 0; i < p.layers.size(); ++i) {
        const LayerPlan& l = p.layers[i];
        const LayerScan& s = scans.at(l.path);
        if (!l.digest.empty() && s.blob_digest != l.digest) {
          return Fail(fmt::format("blob {} does not match its digest (its content hashes to {})",
                                  l.digest, s.blob_digest));
        }
        if (!l.diff_id.empty() && s.diff_id != l.diff_id) {
          return Fail(fmt::format(
              "layer {} ({}): its uncompressed content hashes to {}, not to the config's diff_id {}",
              i, l.path, s.diff_id, l.diff_id));
        }
        Layer layer;
        layer.digest = l.digest.empty() ? s.blob_digest : l.digest;
        layer.diff_id = s.diff_id;
        layer.media_type = l.media_type;
        layer.compression = s.compression;
        layer.blob_bytes = s.blob_bytes;
        layer.tar_bytes = s.tar_bytes;
        layer.content_bytes = s.content_bytes;
        layer.entries = s.entries.size();
        p.image.layers.push_back(std::move(layer));
        p.image.odd_names += s.odd_names;
        ordered.push_back(&s);
      }
      AttachHistory(p.image);
      Merge(p.image, ordered);
      result.images.push_back(std::move(p.image));
    }
    return result;
  }

 private:
  ReadResult Fail(std::string message = {}) {
    ReadResult r;
    r.error = message.empty() ? error_ : message;
    if (r.error.empty()) r.error = "unreadable";
    return r;
  }

  /// A JSON document of the container, checked against `digest` when one is given.
  std::optional<std::string> Document(const std::string& path, std::string_view digest) {
    std::string err;
    std::optional<std::string> text = c_.ReadSmall(path, options_.limits.max_json_bytes, err);
    if (!text) {
      error_ = err.empty() ? fmt::format("{} is missing", path) : err;
      return std::nullopt;
    }
    if (!digest.empty() && Digest(*text, Algorithm(digest)) != digest) {
      error_ = fmt::format("blob {} does not match its digest (its content hashes to {})", digest,
                           Digest(*text, Algorithm(digest)));
      return std::nullopt;
    }
    return text;
  }

  void ReadRepoTags() {
    std::string err;
    std::optional<std::string> text = c_.ReadSmall("manifest.json", options_.limits.max_json_bytes, err);
    if (!text) return;
    const Json m = Json::parse(*text, nullptr, false);
    if (!m.is_array()) return;
    for (const Json& e : m) {
      const std::vector<std::string> tags = Strings(Field(e, "RepoTags"));
      std::string config = Str(e, "Config");
      const std::size_t slash = config.rfind('/');
      if (slash != std::string::npos) config = config.substr(slash + 1);
      if (config.ends_with(".json")) config.resize(config.size() - 5);
      if (!tags.empty()) repo_tags_["sha256:" + config] = tags.front();
    }
  }

  bool WalkIndex(const Json& index, const std::string& ref, int depth) {
    if (depth > options_.limits.max_index_depth) {
      error_ = fmt::format("image indexes nested more than {} deep", options_.limits.max_index_depth);
      return false;
    }
    const Json* manifests = Field(index, "manifests");
    if (!manifests || !manifests->is_array()) {
      error_ = "an image index without a `manifests` array";
      return false;
    }
    for (const Json& d : *manifests) {
      const std::string digest = Str(d, "digest");
      const std::string media = Str(d, "mediaType");
      std::string name = ref;
      if (const Json* ann = Field(d, "annotations")) {
        const std::string full = Str(*ann, "io.containerd.image.name");
        const std::string tag = Str(*ann, "org.opencontainers.image.ref.name");
        if (!full.empty()) name = full;
        else if (!tag.empty() && name.empty()) name = tag;
      }
      if (const Json* p = Field(d, "platform")) {
        const std::string os = Str(*p, "os"), arch = Str(*p, "architecture");
        if (os == "unknown" && arch == "unknown") continue;  // attestations
        if (!options_.platform.empty()) {
          Config c;
          c.os = os;
          c.architecture = arch;
          c.variant = Str(*p, "variant");
          if (!MatchesPlatform(c, options_.platform)) continue;
        }
      }
      const std::string path = BlobPath(digest);
      if (path.empty()) {
        error_ = fmt::format("descriptor digest `{}` is not a sha256 or sha512 digest", digest);
        return false;
      }
      const bool is_index = media.find("index") != std::string::npos ||
                            media.find("manifest.list") != std::string::npos;
      const bool is_manifest = media.find("manifest") != std::string::npos && !is_index;
      if (!media.empty() && !is_index && !is_manifest) continue;  // unknown types are ignored
      std::optional<std::string> text = Document(path, digest);
      if (!text) return false;
      const Json doc = Json::parse(*text, nullptr, false);
      if (!doc.is_object()) {
        error_ = fmt::format("blob {} is not a JSON object", digest);
        return false;
      }
      if (is_index || (!is_manifest && Field(doc, "manifests"))) {
        if (!WalkIndex(doc, name, depth + 1)) return false;
      } else if (!AddOciManifest(doc, digest, name)) {
        return false;
      }
    }
    return true;
  }

  bool AddOciManifest(const Json& m, const std::string& digest, const std::string& ref) {
    const Json* config = Field(m, "config");
    const Json* layers = Field(m, "layers");
    if (!config || !layers || !layers->is_array()) {
      error_ = fmt::format("manifest {} has no config or layers", digest);
      return false;
    }
    Plan plan;
    plan.image.manifest_digest = digest;
    plan.image.reference = ref;
    const std::string cdigest = Str(*config, "digest");
    const std::string cpath = BlobPath(cdigest);
    if (cpath.empty()) {
      error_ = fmt::format("manifest {}: config digest `{}` is not a digest", digest, cdigest);
      return false;
    }
    if (!ReadConfig(cpath, cdigest, plan)) return false;
    if (auto it = repo_tags_.find(cdigest); it != repo_tags_.end()) plan.image.reference = it->second;
    for (const Json& l : *layers) {
      LayerPlan lp;
      lp.digest = Str(l, "digest");
      lp.media_type = Str(l, "mediaType");
      lp.path = BlobPath(lp.digest);
      if (lp.path.empty()) {
        error_ = fmt::format("manifest {}: layer digest `{}` is not a digest", digest, lp.digest);
        return false;
      }
      plan.layers.push_back(std::move(lp));
    }
    return Finish(std::move(plan));
  }

  bool ReadLegacy() {
    std::optional<std::string> text = Document("manifest.json", {});
    if (!text) return false;
    const Json m = Json::parse(*text, nullptr, false);
    if (!m.is_array()) {
      error_ = "manifest.json is not a JSON array";
      return false;
    }
    for (const Json& e : m) {
      Plan plan;
      const std::vector<std::string> tags = Strings(Field(e, "RepoTags"));
      if (!tags.empty()) plan.image.reference = tags.front();
      std::string cpath;
      bool odd = false;
      if (!NormalizeName(Str(e, "Config"), cpath, odd) || odd) {
        error_ = "manifest.json: an entry without a usable Config path";
        return false;
      }
      if (!ReadConfig(cpath, "", plan)) return false;
      for (const std::string& l : Strings(Field(e, "Layers"))) {
        LayerPlan lp;
        std::string path;
        if (!NormalizeName(l, path, odd) || odd) {
          error_ = fmt::format("manifest.json: layer path `{}` is not inside the archive", l);
          return false;
        }
        lp.path = c_.Resolve(path);
        // `blobs/sha256/<hex>` names its digest (Docker 25+ written by hand, containerd store).
        if (lp.path.starts_with("blobs/sha256/")) lp.digest = "sha256:" + lp.path.substr(13);
        if (!BlobPath(lp.digest).size()) lp.digest.clear();
        plan.layers.push_back(std::move(lp));
      }
      if (!Finish(std::move(plan))) return false;
    }
    return true;
  }

  bool ReadConfig(const std::string& path, const std::string& digest, Plan& plan) {
    std::optional<std::string> text = Document(path, digest);
    if (!text) return false;
    const Json j = Json::parse(*text, nullptr, false);
    if (!j.is_object()) {
      error_ = fmt::format("config {} is not a JSON object", digest.empty() ? path : digest);
      return false;
    }
    Image& image = plan.image;
    image.config_digest = digest.empty() ? Digest(*text) : digest;
    Config& c = image.config;
    c.os = Str(j, "os");
    c.architecture = Str(j, "architecture");
    c.variant = Str(j, "variant");
    if (const Json* cfg = Field(j, "config"); cfg && cfg->is_object()) {
      if (const Json* u = Field(*cfg, "User"); u && u->is_string()) {
        c.user = u->get<std::string>();
        c.has_user = true;
      }
      c.env = Strings(Field(*cfg, "Env"));
      c.entrypoint = Strings(Field(*cfg, "Entrypoint"));
      c.cmd = Strings(Field(*cfg, "Cmd"));
      if (const Json* p = Field(*cfg, "ExposedPorts"); p && p->is_object()) {
        for (auto it = p->begin(); it != p->end(); ++it) c.exposed_ports.push_back(it.key());
      }
      if (const Json* l = Field(*cfg, "Labels"); l && l->is_object()) {
        for (auto it = l->begin(); it != l->end(); ++it) {
          if (it.value().is_string()) c.labels[it.key()] = it.value().get<std::string>();
        }
      }
      if (const Json* h = Field(*cfg, "Healthcheck"); h && h->is_object()) {
        c.healthcheck = Strings(Field(*h, "Test"));
      }
    }
    if (const Json* h = Field(j, "history"); h && h->is_array()) {
      for (const Json& e : *h) {
        HistoryEntry entry;
        entry.created_by = Str(e, "created_by");
        entry.comment = Str(e, "comment");
        const Json* empty = Field(e, "empty_layer");
        entry.empty_layer = empty && empty->is_boolean() && empty->get<bool>();
        image.history.push_back(std::move(entry));
      }
    }
    std::vector<std::string> diff_ids;
    if (const Json* r = Field(j, "rootfs")) diff_ids = Strings(Field(*r, "diff_ids"));
    pending_diff_ids_ = std::move(diff_ids);
    return true;
  }

  bool Finish(Plan plan) {
    if (!MatchesPlatform(plan.image.config, options_.platform)) return true;
    if (pending_diff_ids_.size() != plan.layers.size()) {
      error_ = fmt::format("config lists {} diff_ids for {} layers", pending_diff_ids_.size(),
                           plan.layers.size());
      return false;
    }
    for (std::size_t i = 0; i < plan.layers.size(); ++i) {
      plan.layers[i].diff_id = pending_diff_ids_[i];
    }
    plan.image.source = source_;
    plan.image.layout = layout_;
    plans_.push_back(std::move(plan));
    return true;
  }

  /// The i-th history entry that is not `empty_layer` made layer i.
  static void AttachHistory(Image& image) {
    std::size_t h = 0;
    for (Layer& layer : image.layers) {
      while (h < image.history.size() && image.history[h].empty_layer) ++h;
      if (h >= image.history.size()) break;
      layer.history = h;
      layer.created_by = image.history[h].created_by;
      ++h;
    }
  }

  std::string source_;
  Container& c_;
  const ReadOptions& options_;
  Layout layout_ = Layout::kOciLayout;
  std::vector<Plan> plans_;
  std::map<std::string, std::string> repo_tags_;  // config digest -> first RepoTag
  std::vector<std::string> pending_diff_ids_;
  std::string error_;
};

ReadResult Prefixed(ReadResult r, std::string_view shown) {
  if (!r.ok()) r.error = fmt::format("{}: {}", shown, r.error);
  return r;
}

}  // namespace

ReadResult Read(const std::string& path, const ReadOptions& options) {
  const std::string shown = path == "-" ? "<stdin>" : path;
  // Every blob is verified against its digest: without libcrypto nothing can be.
  if (const std::string& why = base::HashUnavailable(); !why.empty()) {
    return Prefixed({{}, fmt::format("cannot verify digests: {}", why)}, shown);
  }
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) {
    FolderContainer folder(path);
    Reader reader(path, folder, options);
    return Prefixed(reader.Run(/*folder=*/true), shown);
  }
  int fd = -1;
  if (path == "-") {
    // Standard input is spooled to an unlinked temporary file: the reader makes two passes.
    FILE* spool = std::tmpfile();
    if (!spool) return Prefixed({{}, fmt::format("cannot spool: {}", std::strerror(errno))}, shown);
    fd = dup(fileno(spool));
    std::fclose(spool);
    std::vector<char> buffer(kChunk);
    for (;;) {
      const ssize_t n = read(STDIN_FILENO, buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        close(fd);
        return Prefixed({{}, std::strerror(errno)}, shown);
      }
      if (n == 0) break;
      if (write(fd, buffer.data(), static_cast<std::size_t>(n)) != n) {
        close(fd);
        return Prefixed({{}, fmt::format("cannot spool: {}", std::strerror(errno))}, shown);
      }
    }
  } else {
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Prefixed({{}, std::strerror(errno)}, shown);
  }
  TarContainer tar(fd, {});
  std::string error;
  ReadResult result;
  if (!tar.Index(options.limits, error)) {
    result.error = error;
  } else {
    Reader reader(path, tar, options);
    result = reader.Run(/*folder=*/false);
  }
  close(fd);
  return Prefixed(std::move(result), shown);
}

ReadResult ReadTarMemory(std::string_view name, std::string_view bytes, const ReadOptions& options) {
  if (const std::string& why = base::HashUnavailable(); !why.empty()) {
    return Prefixed({{}, fmt::format("cannot verify digests: {}", why)}, name);
  }
  TarContainer tar(-1, bytes);
  std::string error;
  if (!tar.Index(options.limits, error)) return Prefixed({{}, error}, name);
  Reader reader(std::string(name), tar, options);
  return Prefixed(reader.Run(/*folder=*/false), name);
}

}  // namespace shipshape::image
