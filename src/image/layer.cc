#include "image/layer.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

#include <array>
#include <memory>

namespace shipshape::image {

bool NormalizeName(std::string_view name, std::string& out, bool& odd) {
  odd = false;
  out.clear();
  if (!name.empty() && name.front() == '/') odd = true;
  std::size_t i = 0;
  while (i <= name.size()) {
    std::size_t j = name.find('/', i);
    if (j == std::string_view::npos) j = name.size();
    const std::string_view part = name.substr(i, j - i);
    if (!part.empty() && part != ".") {
      if (part == "..") odd = true;
      if (!out.empty()) out += '/';
      out += part;
    }
    i = j + 1;
  }
  return !out.empty();
}

bool IsInspected(std::string_view path) {
  if (path == "etc/passwd" || path == "etc/group") return true;
  const std::string_view base = BaseName(path);
  for (std::string_view n :
       {".npmrc", ".pypirc", ".env", ".netrc", ".git-credentials", "credentials",
        "credentials.json", "application_default_credentials.json", "id_rsa", "id_dsa",
        "id_ecdsa", "id_ed25519", "config.json"}) {
    if (base == n) return true;
  }
  if (base.starts_with(".env.")) return true;
  for (std::string_view ext : {".pem", ".key"}) {
    if (base.ends_with(ext)) return true;
  }
  return false;
}

namespace {

constexpr std::size_t kChunk = 64 << 10;

struct Chain {
  const ChunkSource* source;
  const Limits* limits;
  std::unique_ptr<Hasher> blob;
  Hasher diff{"sha256"};
  std::uint64_t blob_bytes = 0, tar_bytes = 0;
  bool source_done = false;
  std::string error;  // ours, preferred over libarchive's
  struct archive* raw = nullptr;
  bool raw_done = false;
  std::array<char, kChunk> buffer;
};

/// Stage 1: the blob as stored, hashed.
la_ssize_t ReadBlob(struct archive*, void* client, const void** data) {
  Chain& c = *static_cast<Chain*>(client);
  if (c.source_done) return 0;
  const long n = (*c.source)(data, c.error);
  if (n < 0) return ARCHIVE_FATAL;
  if (n == 0) {
    c.source_done = true;
    return 0;
  }
  c.blob->Update(*data, static_cast<std::size_t>(n));
  c.blob_bytes += static_cast<std::uint64_t>(n);
  return n;
}

/// Stage 2: the decompressed tar, hashed (diff_id) and bounded.
la_ssize_t ReadTar(struct archive*, void* client, const void** data) {
  Chain& c = *static_cast<Chain*>(client);
  if (c.raw_done) return 0;
  const la_ssize_t n = archive_read_data(c.raw, c.buffer.data(), c.buffer.size());
  if (n < 0) {
    if (c.error.empty()) c.error = archive_error_string(c.raw) ? archive_error_string(c.raw) : "read error";
    return ARCHIVE_FATAL;
  }
  if (n == 0) {
    c.raw_done = true;
    return 0;
  }
  c.diff.Update(c.buffer.data(), static_cast<std::size_t>(n));
  c.tar_bytes += static_cast<std::uint64_t>(n);
  if (c.tar_bytes > c.limits->max_layer_bytes) {
    c.error = fmt::format("decompresses to more than {} bytes (the limit)", c.limits->max_layer_bytes);
    return ARCHIVE_FATAL;
  }
  if (c.tar_bytes > c.limits->ratio_grace &&
      c.tar_bytes / std::max<std::uint64_t>(c.blob_bytes, 1) > c.limits->max_ratio) {
    c.error = fmt::format("decompresses more than {} times its stored size (a decompression bomb?)",
                          c.limits->max_ratio);
    return ARCHIVE_FATAL;
  }
  *data = c.buffer.data();
  return n;
}

struct ArchiveFree {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveFree>;

EntryType TypeOf(struct archive_entry* e) {
  if (archive_entry_hardlink(e)) return EntryType::kHardlink;
  switch (archive_entry_filetype(e)) {
    case AE_IFREG: return EntryType::kFile;
    case AE_IFDIR: return EntryType::kDir;
    case AE_IFLNK: return EntryType::kSymlink;
    default: return EntryType::kOther;
  }
}

}  // namespace

LayerScan ScanLayer(const ChunkSource& source, std::string_view digest_algorithm,
                    const Limits& limits, std::uint64_t& entry_budget,
                    std::uint64_t& inspected_budget) {
  LayerScan scan;
  Chain c;
  c.source = &source;
  c.limits = &limits;
  c.blob = std::make_unique<Hasher>(digest_algorithm);

  // Only the filters a layer may use: never archive_read_support_filter_all, which also
  // enables filters implemented by running external programs (lrzip, grzip, lzop).
  ArchivePtr raw(archive_read_new());
  archive_read_support_filter_gzip(raw.get());
  archive_read_support_filter_zstd(raw.get());
  archive_read_support_format_raw(raw.get());
  c.raw = raw.get();
  ArchivePtr tar(archive_read_new());
  archive_read_support_format_tar(tar.get());

  auto fail = [&](struct archive* a, std::string_view what) {
    if (!c.error.empty()) {
      scan.error = c.error;
    } else {
      const char* s = a ? archive_error_string(a) : nullptr;
      scan.error = fmt::format("{}: {}", what, s ? s : "unreadable");
    }
    return scan;
  };

  if (archive_read_open(raw.get(), &c, nullptr, ReadBlob, nullptr) != ARCHIVE_OK) {
    return fail(raw.get(), "not a layer");
  }
  struct archive_entry* entry = nullptr;
  const int rh = archive_read_next_header(raw.get(), &entry);
  if (rh == ARCHIVE_EOF) {
    c.raw_done = true;  // an empty blob: an empty tar stream, which the tar reader rejects below
  } else if (rh != ARCHIVE_OK) {
    return fail(raw.get(), "not a layer");
  }
  switch (archive_filter_code(raw.get(), 0)) {
    case ARCHIVE_FILTER_GZIP: scan.compression = "gzip"; break;
    case ARCHIVE_FILTER_ZSTD: scan.compression = "zstd"; break;
    default: scan.compression = "none"; break;
  }
  if (archive_read_open(tar.get(), &c, nullptr, ReadTar, nullptr) != ARCHIVE_OK) {
    return fail(tar.get(), "not a tar layer");
  }
  std::string name;
  std::string content;
  for (;;) {
    const int r = archive_read_next_header(tar.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r == ARCHIVE_FATAL || r == ARCHIVE_RETRY) return fail(tar.get(), "bad tar");
    // ARCHIVE_WARN (an unknown header field, a character set question) still gives an entry.
    if (entry_budget == 0) {
      scan.error = fmt::format("more than {} tar entries (the limit)", limits.max_entries);
      return scan;
    }
    --entry_budget;
    const char* raw_name = archive_entry_pathname(entry);
    bool odd = false;
    if (!raw_name || !NormalizeName(raw_name, name, odd)) {
      archive_read_data_skip(tar.get());
      continue;
    }
    if (odd) ++scan.odd_names;
    LayerEntry e;
    e.node.type = TypeOf(entry);
    e.node.mode = static_cast<std::uint32_t>(archive_entry_perm(entry)) & 07777;
    e.node.uid = static_cast<std::uint32_t>(archive_entry_uid(entry));
    e.node.gid = static_cast<std::uint32_t>(archive_entry_gid(entry));
    const la_int64_t size = archive_entry_size(entry);
    e.node.size = e.node.type == EntryType::kFile && size > 0 ? static_cast<std::uint64_t>(size) : 0;
    if (const char* l = archive_entry_hardlink(entry)) {
      e.node.link = l;
    } else if (const char* s = archive_entry_symlink(entry)) {
      e.node.link = s;
    }
    const std::string_view base = BaseName(name);
    const std::string_view parent =
        base.size() == name.size() ? std::string_view() : std::string_view(name).substr(0, name.size() - base.size() - 1);
    if (base.starts_with(".wh.")) {
      if (base == ".wh..wh..opq") {
        e.opaque = true;
        e.path = std::string(parent);
      } else if (base.starts_with(".wh..wh.") || base.size() == 4) {
        archive_read_data_skip(tar.get());  // AUFS metadata, or a bare `.wh.`
        continue;
      } else {
        e.whiteout = true;
        e.path = parent.empty() ? std::string(base.substr(4))
                                : fmt::format("{}/{}", parent, base.substr(4));
      }
      e.node.size = 0;
      scan.entries.push_back(std::move(e));
      archive_read_data_skip(tar.get());
      continue;
    }
    scan.content_bytes += e.node.size;
    if (e.node.type == EntryType::kFile && IsInspected(name) && inspected_budget > 0) {
      const std::uint64_t want = std::min({e.node.size, limits.max_inspected_bytes, inspected_budget});
      content.assign(static_cast<std::size_t>(want), '\0');
      std::size_t got = 0;
      while (got < want) {
        const la_ssize_t n = archive_read_data(tar.get(), content.data() + got, want - got);
        if (n < 0) return fail(tar.get(), "bad tar");
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
      }
      content.resize(got);
      inspected_budget -= got;
      scan.files.push_back({name, 0, content, true});
    }
    if (archive_read_data_skip(tar.get()) != ARCHIVE_OK) return fail(tar.get(), "bad tar");
    e.path = std::move(name);
    scan.entries.push_back(std::move(e));
  }
  // The tar reader stops at its end-of-archive blocks: the padding after them belongs to the
  // digests too.
  const void* ignored = nullptr;
  while (ReadTar(nullptr, &c, &ignored) > 0) {
  }
  if (!c.error.empty()) return fail(nullptr, "");
  while (ReadBlob(nullptr, &c, &ignored) > 0) {
  }
  if (!c.error.empty()) return fail(nullptr, "");
  scan.blob_digest = c.blob->Finish();
  scan.diff_id = c.diff.Finish();
  scan.blob_bytes = c.blob_bytes;
  scan.tar_bytes = c.tar_bytes;
  return scan;
}

std::string_view BaseName(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace shipshape::image
