// Finding the Dockerfiles of a directory tree: by name, skipping `.git`, `node_modules` and
// what `.gitignore` files exclude.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shipshape::lint {

/// Whether a file name (no directory) is a Dockerfile's: `Dockerfile`, `Containerfile`,
/// `Dockerfile.*` and `Containerfile.*` (not the `.dockerignore` files beside them),
/// `*.Dockerfile`, `*.dockerfile`, `*.containerfile`, `*.Containerfile`.
bool IsDockerfileName(std::string_view name);

/// The patterns of one `.gitignore` file, read as git reads them.
class GitIgnore {
 public:
  /// Adds the lines of a `.gitignore` found in `base` (a path relative to the walk's root,
  /// empty for the root itself, without trailing `/`).
  void Add(std::string_view base, std::string_view text);
  /// Whether `path` (relative to the walk's root, `/`-separated) is ignored; `is_dir` for
  /// directories (patterns ending in `/` match only those). The last matching pattern decides,
  /// as in git (`!` patterns re-include).
  bool Ignored(std::string_view path, bool is_dir) const;

 private:
  struct Pattern {
    std::string base;
    std::string glob;
    bool negate = false;
    bool dir_only = false;
    /// The pattern has a `/` before its end: it matches paths relative to `base`, not names.
    bool anchored = false;
  };
  std::vector<Pattern> patterns_;
};

struct DiscoverResult {
  /// Dockerfiles found, sorted.
  std::vector<std::string> files;
  /// Directories that could not be read, as `path: reason`.
  std::vector<std::string> errors;
};

/// Walks `dir` for Dockerfiles. Symbolic links to directories are not followed (no loops);
/// `.git` and `node_modules` are always skipped; with `respect_gitignore`, so is what the
/// `.gitignore` files of the tree exclude, and those of the parent directories up to the
/// repository root (the nearest directory holding `.git`).
DiscoverResult Discover(const std::string& dir, bool respect_gitignore);

}  // namespace shipshape::lint
