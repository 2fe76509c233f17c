#include "config/lookup.h"

#include <fmt/format.h>

#include <system_error>
#include <vector>

namespace shipshape::config {

namespace fs = std::filesystem;

namespace {

bool Exists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

}  // namespace

Roots Roots::From(const Env& env) {
  Roots r;
  std::error_code ec;
  r.cwd = fs::current_path(ec);
  if (auto it = env.find("HOME"); it != env.end()) r.home = it->second;
  if (auto it = env.find("XDG_CONFIG_HOME"); it != env.end()) r.xdg_config_home = it->second;
  return r;
}

fs::path Roots::ConfigHome() const {
  if (!xdg_config_home.empty() && xdg_config_home.is_absolute()) return xdg_config_home;
  if (home.empty()) return {};
  return home / ".config";
}

std::vector<fs::path> HadolintLocations(const Roots& roots) {
  std::vector<fs::path> out;
  if (!roots.cwd.empty()) {
    out.push_back(roots.cwd / ".hadolint.yaml");
    out.push_back(roots.cwd / ".hadolint.yml");
  }
  if (const fs::path xdg = roots.ConfigHome(); !xdg.empty()) {
    out.push_back(xdg / "hadolint.yaml");
    out.push_back(xdg / "hadolint.yml");
  }
  if (!roots.home.empty()) {
    for (const char* name : {"hadolint.yaml", "hadolint.yml", "config.yaml", "config.yml"}) {
      out.push_back(roots.home / ".hadolint" / name);
    }
    out.push_back(roots.home / ".hadolint.yaml");
    out.push_back(roots.home / ".hadolint.yml");
  }
  return out;
}

Loader::Loader(Roots roots, std::optional<fs::path> explicit_config)
    : roots_(std::move(roots)), explicit_(std::move(explicit_config)) {}

fs::path Loader::Absolute(std::string_view path) const {
  fs::path p{std::string(path)};
  if (p.is_relative()) p = roots_.cwd / p;
  return p.lexically_normal();
}

Result<fs::path> Loader::NearestOwn(const fs::path& start) {
  // Walk up, remembering the directories seen so each is resolved once across all files.
  std::vector<fs::path> visited;
  Result<fs::path> found = fs::path();
  fs::path dir = start;
  while (true) {
    if (auto it = nearest_.find(dir); it != nearest_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(dir);
    std::vector<fs::path> here;
    for (std::string_view name : kOwnNames) {
      if (Exists(dir / name)) here.push_back(dir / name);
    }
    if (here.size() > 1) {
      found = Problem{here[1].string(), 0, 0, "",
                      fmt::format("both {} and {} exist; keep one", here[0].filename().string(),
                                  here[1].filename().string())};
      break;
    }
    if (here.size() == 1) {
      found = here[0];
      break;
    }
    // The repository root ends the search, so a checkout never picks up a stranger's file
    // from above it.
    if (Exists(dir / ".git")) break;
    const fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) break;
    dir = parent;
  }
  for (const fs::path& d : visited) nearest_.emplace(d, found);
  return found;
}

std::pair<fs::path, Dialect> Loader::Global() {
  if (global_) return *global_;
  global_.emplace(fs::path(), Dialect::kShipshape);
  if (const fs::path xdg = roots_.ConfigHome(); !xdg.empty()) {
    const fs::path user = xdg / "shipshape" / "config.yaml";
    if (Exists(user)) {
      global_.emplace(user, Dialect::kShipshape);
      return *global_;
    }
  }
  for (const fs::path& p : HadolintLocations(roots_)) {
    if (Exists(p)) {
      global_.emplace(p, Dialect::kHadolint);
      break;
    }
  }
  return *global_;
}

Result<std::pair<fs::path, Dialect>> Loader::FindFor(std::string_view dockerfile_path) {
  if (explicit_) {
    return std::make_pair(Absolute(explicit_->string()), DialectOf(*explicit_));
  }
  const fs::path start = dockerfile_path == "-" || dockerfile_path.empty()
                             ? roots_.cwd.lexically_normal()
                             : Absolute(dockerfile_path).parent_path();
  std::lock_guard<std::mutex> lock(mu_);
  Result<fs::path> own = NearestOwn(start);
  if (!own) return own.error();
  if (!own->empty()) return std::make_pair(*own, Dialect::kShipshape);
  return Global();
}

Result<std::shared_ptr<const Layer>> Loader::Read(const fs::path& path, Dialect dialect) {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = files_.find(path); it != files_.end()) return it->second;
  Result<std::shared_ptr<const Layer>> result = std::shared_ptr<const Layer>();
  Result<Layer> layer = ReadConfig(path, dialect);
  if (layer) {
    result = std::make_shared<const Layer>(std::move(*layer));
  } else {
    result = layer.error();
  }
  files_.emplace(path, result);
  return result;
}

Result<std::shared_ptr<const Layer>> Loader::FileLayerFor(std::string_view dockerfile_path) {
  Result<std::pair<fs::path, Dialect>> found = FindFor(dockerfile_path);
  if (!found) return found.error();
  if (found->first.empty()) return std::make_shared<const Layer>();
  return Read(found->first, found->second);
}

Result<Settings> Loader::SettingsFor(std::string_view dockerfile_path, const Layer& env,
                                     const Layer& command_line) {
  Result<std::shared_ptr<const Layer>> file = FileLayerFor(dockerfile_path);
  if (!file) return file.error();
  const Layer layers[] = {**file, env, command_line};
  Settings s = Resolve(layers);
  s.cwd = roots_.cwd;
  return s;
}

}  // namespace shipshape::config
