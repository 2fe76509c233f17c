#include "image/tree.h"

#include <algorithm>
#include <map>
#include <string>

namespace shipshape::image {
namespace {

/// The range of `files` strictly below folder `dir` ("" is the root).
std::pair<std::map<std::string, Node>::iterator, std::map<std::string, Node>::iterator> Below(
    std::map<std::string, Node>& files, const std::string& dir) {
  if (dir.empty()) return {files.begin(), files.end()};
  const std::string prefix = dir + "/";
  auto first = files.lower_bound(prefix);
  auto last = first;
  while (last != files.end() && last->first.compare(0, prefix.size(), prefix) == 0) ++last;
  return {first, last};
}

struct DivePath {
  std::uint64_t cumulative = 0;
  std::uint64_t minimum = UINT64_MAX;
  std::uint32_t count = 0;
};

}  // namespace

void Merge(Image& image, const std::vector<const LayerScan*>& layers) {
  std::map<std::string, Node>& files = image.files;
  std::map<std::string, DivePath> dive;
  std::map<std::string, std::uint32_t> inspected_at;  // path -> index in image.inspected
  auto hide = [&](std::map<std::string, Node>::iterator it, std::uint32_t by, bool deleted) {
    if (it->second.type == EntryType::kFile && it->second.size > 0) {
      image.shadowed.push_back({it->first, it->second.layer, by, it->second.size, deleted});
    }
    if (auto k = inspected_at.find(it->first); k != inspected_at.end()) {
      image.inspected[k->second].visible = false;
      inspected_at.erase(k);
    }
  };
  auto erase_below = [&](const std::string& dir, std::uint32_t by) {
    auto [first, last] = Below(files, dir);
    for (auto it = first; it != last; ++it) hide(it, by, true);
    files.erase(first, last);
  };
  auto add_dive = [&](const std::string& path, std::uint64_t size) {
    DivePath& d = dive[path];
    d.cumulative += size;
    d.minimum = std::min(d.minimum, size);
    ++d.count;
  };

  for (std::uint32_t i = 0; i < layers.size(); ++i) {
    const LayerScan& scan = *layers[i];
    image.layer_bytes += scan.content_bytes;
    // Opaque folders and whiteouts first: they hide lower layers only, whatever their order
    // in the tar.
    for (const LayerEntry& e : scan.entries) {
      if (e.opaque) erase_below(e.path, i);
    }
    for (const LayerEntry& e : scan.entries) {
      if (!e.whiteout) continue;
      auto it = files.find(e.path);
      std::uint64_t hidden = 0;
      if (it != files.end()) {
        if (it->second.type == EntryType::kDir) {
          auto [first, last] = Below(files, e.path);
          for (auto k = first; k != last; ++k) hidden += k->second.size;
        }
        // dive counts a whited-out file as 0 bytes and a folder as what was below it.
        add_dive(e.path, hidden);
        erase_below(e.path, i);
        hide(it, i, true);
        files.erase(it);
      } else {
        add_dive(e.path, 0);
      }
    }
    std::map<std::string, std::uint64_t> top;
    for (const LayerEntry& e : scan.entries) {
      if (e.whiteout || e.opaque) continue;
      Node node = e.node;
      node.layer = i;
      auto it = files.find(e.path);
      if (it != files.end()) {
        if (node.type != EntryType::kDir && it->second.type == EntryType::kDir) {
          erase_below(e.path, i);
        }
        hide(it, i, false);
        it->second = std::move(node);
      } else {
        files.emplace(e.path, std::move(node));
      }
      if (e.node.type != EntryType::kDir) add_dive(e.path, e.node.size);
      if (e.node.size) {
        // Folders two levels down (`usr/lib`), or the file itself when it is higher.
        const std::size_t first = e.path.find('/');
        const std::size_t second = first == std::string::npos ? first : e.path.find('/', first + 1);
        top[second == std::string::npos ? e.path : e.path.substr(0, second)] += e.node.size;
      }
    }
    for (const Inspected& f : scan.files) {
      Inspected copy = f;
      copy.layer = i;
      // A later copy of the same path replaces the earlier one as the visible one.
      if (auto k = inspected_at.find(f.path); k != inspected_at.end()) {
        image.inspected[k->second].visible = false;
      }
      inspected_at[f.path] = static_cast<std::uint32_t>(image.inspected.size());
      image.inspected.push_back(std::move(copy));
    }
    std::vector<std::pair<std::string, std::uint64_t>> sorted(top.begin(), top.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (sorted.size() > 3) sorted.resize(3);
    if (i < image.layers.size()) image.layers[i].top_paths = std::move(sorted);
  }
  // An inspected file whose path no longer exists (a folder above it removed) is not visible.
  for (Inspected& f : image.inspected) {
    if (f.visible) {
      auto it = files.find(f.path);
      f.visible = it != files.end() && it->second.layer == f.layer;
    }
  }
  for (const auto& [path, node] : files) image.total_bytes += node.size;

  // dive: efficiency = sum of minimums / sum of cumulative sizes; wasted = cumulative bytes of
  // paths seen in two or more layers; user size = every layer's bytes but the first's.
  std::uint64_t min_sum = 0, cum_sum = 0;
  for (const auto& [path, d] : dive) {
    min_sum += d.minimum == UINT64_MAX ? 0 : d.minimum;
    cum_sum += d.cumulative;
    if (d.count >= 2) {
      image.efficiency.wasted_bytes += d.cumulative;
      if (d.cumulative > 0) image.efficiency.paths.push_back({path, d.count, d.cumulative});
    }
  }
  image.efficiency.score = cum_sum == 0 ? 1.0 : static_cast<double>(min_sum) / static_cast<double>(cum_sum);
  for (std::size_t i = 1; i < layers.size(); ++i) image.efficiency.user_bytes += layers[i]->content_bytes;
  std::sort(image.efficiency.paths.begin(), image.efficiency.paths.end(),
            [](const auto& a, const auto& b) { return a.bytes != b.bytes ? a.bytes > b.bytes : a.path < b.path; });
  std::sort(image.shadowed.begin(), image.shadowed.end(),
            [](const Shadowed& a, const Shadowed& b) { return a.bytes != b.bytes ? a.bytes > b.bytes : a.path < b.path; });
}

std::optional<std::uint32_t> ResolveUid(const Image& image) {
  const std::string& user = image.config.user;
  const std::string name = user.substr(0, user.find(':'));
  if (name.empty()) return 0;
  if (std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (name.size() > 10) return std::nullopt;
    const unsigned long long v = std::stoull(name);
    if (v > UINT32_MAX) return std::nullopt;
    return static_cast<std::uint32_t>(v);
  }
  for (const Inspected& f : image.inspected) {
    if (!f.visible || f.path != "etc/passwd") continue;
    std::size_t pos = 0;
    while (pos < f.content.size()) {
      std::size_t end = f.content.find('\n', pos);
      if (end == std::string::npos) end = f.content.size();
      const std::string_view line(f.content.data() + pos, end - pos);
      pos = end + 1;
      // name:password:uid:gid:...
      const std::size_t c1 = line.find(':');
      if (c1 == std::string_view::npos || line.substr(0, c1) != name) continue;
      const std::size_t c2 = line.find(':', c1 + 1);
      if (c2 == std::string_view::npos) continue;
      const std::size_t c3 = line.find(':', c2 + 1);
      const std::string_view uid = line.substr(c2 + 1, c3 == std::string_view::npos ? std::string_view::npos : c3 - c2 - 1);
      if (uid.empty() || uid.size() > 10 ||
          !std::all_of(uid.begin(), uid.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
      }
      const unsigned long long v = std::stoull(std::string(uid));
      if (v > UINT32_MAX) return std::nullopt;
      return static_cast<std::uint32_t>(v);
    }
  }
  return std::nullopt;
}

}  // namespace shipshape::image
