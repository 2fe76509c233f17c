// Finding the config file for a Dockerfile (explicit, nearest .shipshape.yaml up to the
// repository root, the user's config dir, then hadolint's locations) and caching the result.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/load.h"
#include "config/settings.h"

namespace shipshape::config {

/// The directories lookup starts from, injected so tests need no real home.
struct Roots {
  /// The current directory: relative paths, hadolint's `$PWD/.hadolint.yaml`.
  std::filesystem::path cwd;
  /// `$HOME` (empty: no home-based lookup).
  std::filesystem::path home;
  /// `$XDG_CONFIG_HOME`; empty or relative means `home/.config`, as the XDG spec says.
  std::filesystem::path xdg_config_home;

  /// From the process's current directory and `env`'s HOME and XDG_CONFIG_HOME.
  static Roots From(const Env& env);
  /// The XDG config directory in effect.
  std::filesystem::path ConfigHome() const;
};

/// The names of shipshape's own file, tried in each directory from the Dockerfile's up to the
/// repository root (a directory holding `.git`) or the filesystem root. Both in one directory
/// is an error.
inline constexpr std::string_view kOwnNames[] = {".shipshape.yaml", ".shipshape.yml"};

/// Finds and reads config files, once per directory and once per file; safe to share between
/// threads.
class Loader {
 public:
  /// `explicit_config`: `--config FILE` (then no lookup happens).
  explicit Loader(Roots roots, std::optional<std::filesystem::path> explicit_config = {});

  /// The path of the config file for the Dockerfile at `dockerfile_path` (`-`: standard input,
  /// looked up from the current directory), or empty when there is none. The dialect comes
  /// with it.
  Result<std::pair<std::filesystem::path, Dialect>> FindFor(std::string_view dockerfile_path);

  /// The layer of the config file for `dockerfile_path` (an empty layer when there is none).
  Result<std::shared_ptr<const Layer>> FileLayerFor(std::string_view dockerfile_path);

  /// The settings for `dockerfile_path`: Resolve(file layer, `env`, `command_line`).
  Result<Settings> SettingsFor(std::string_view dockerfile_path, const Layer& env,
                               const Layer& command_line);

  const Roots& roots() const { return roots_; }

 private:
  std::filesystem::path Absolute(std::string_view path) const;
  /// The nearest own file at or above `dir` ("" when none); memoised per directory.
  Result<std::filesystem::path> NearestOwn(const std::filesystem::path& dir);
  /// The user-level own file, then hadolint's files; computed once.
  std::pair<std::filesystem::path, Dialect> Global();
  Result<std::shared_ptr<const Layer>> Read(const std::filesystem::path& path, Dialect dialect);

  Roots roots_;
  std::optional<std::filesystem::path> explicit_;
  std::mutex mu_;
  std::map<std::filesystem::path, Result<std::filesystem::path>> nearest_;
  std::optional<std::pair<std::filesystem::path, Dialect>> global_;
  std::map<std::filesystem::path, Result<std::shared_ptr<const Layer>>> files_;
};

/// hadolint's config locations in its order (1g): `cwd/.hadolint.{yaml,yml}`,
/// `xdg/hadolint.{yaml,yml}`, `home/.hadolint/{hadolint,config}.{yaml,yml}`,
/// `home/.hadolint.{yaml,yml}`.
std::vector<std::filesystem::path> HadolintLocations(const Roots& roots);

}  // namespace shipshape::config
