// The build context a Dockerfile is built with: its folder, the `.dockerignore` in force, and
// cheap questions about its files (asked lazily, answered once: no tree walks).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "context/dockerignore.h"

namespace shipshape::context {

class BuildContext {
 public:
  /// The context at folder `dir` for the Dockerfile at `dockerfile` (may be empty). As BuildKit
  /// does, `<Dockerfile name>.dockerignore` beside the Dockerfile wins over `<dir>/.dockerignore`.
  /// `guessed`: nobody said the build uses this folder (the Dockerfile's own folder by default);
  /// then the folders above it, up to the repository root, are searched for a `.dockerignore`.
  /// `parents`, when given, remembers the folders above already searched (by absolute path: the
  /// `.dockerignore` the search from there found, or empty), so that Dockerfiles in many
  /// folders of one repository search each folder once.
  static std::shared_ptr<const BuildContext> Open(
      std::string dir, std::string_view dockerfile, bool guessed = false,
      std::map<std::string, std::string>* parents = nullptr);

  /// A context that exists only in memory (tests, rule docs): `files` are `/`-separated paths
  /// relative to it (a path implies its parent folders); `dockerignore`, when set, is the text
  /// of `.dockerignore`.
  static std::shared_ptr<const BuildContext> InMemory(std::vector<std::string> files,
                                                      std::optional<std::string> dockerignore);

  /// The context folder as given (`.` for the current one); empty for an in-memory context.
  const std::string& dir() const { return dir_; }
  /// The `.dockerignore` in force, or where one would be created (`<dir>/.dockerignore`).
  const std::string& dockerignore_path() const { return dockerignore_path_; }
  /// Its text; nullopt when there is none.
  const std::optional<std::string>& dockerignore_text() const { return dockerignore_text_; }
  /// Its parsed form; null when there is none.
  const Dockerignore* dockerignore() const { return dockerignore_ ? &*dockerignore_ : nullptr; }
  /// For a guessed context without a `.dockerignore`: one in a folder above it, up to the
  /// repository root (a folder holding `.git`), which suggests the build runs from there.
  const std::string& parent_dockerignore() const { return parent_dockerignore_; }

  /// Whether `path` (relative to the context, `/`-separated) exists, symlinks not followed.
  /// One `lstat` per path, remembered.
  bool Exists(std::string_view path) const;
  /// The names directly in the context folder, sorted; read once.
  const std::vector<std::string>& TopLevel() const;

  /// The texts of the Dockerfiles built with this context, as far as known: those at the top
  /// of the folder (`Dockerfile*`, `Containerfile*`, `*.Dockerfile`, `*.Containerfile`) and
  /// those opened through a ContextCache with it. Read once; what a fix of the shared
  /// `.dockerignore` must not break.
  const std::vector<std::string>& DockerfileTexts() const;
  /// Whether `test` holds for one of DockerfileTexts(); the answer is remembered under `key`
  /// (every file linted with this context asks the same questions of the same texts).
  bool AnyDockerfileText(std::string_view key,
                         const std::function<bool(std::string_view)>& test) const;
  /// The text of the Dockerfile at `path` (spelled as it was read) when DockerfileTexts() has
  /// already read it, else nullopt: linting that file need not read it a second time.
  std::optional<std::string> ReadDockerfileText(std::string_view path) const;
  /// Records that the Dockerfile at `path` is built with this context.
  void AddDockerfile(std::string path) const;

  /// The same context with `.dockerignore` reading `text` (what the fix loop sees after
  /// editing it); the file answers are shared.
  std::shared_ptr<const BuildContext> WithDockerignore(std::string text) const;

 private:
  struct Files;
  BuildContext() = default;

  std::string dir_;
  std::string dockerignore_path_;
  std::optional<std::string> dockerignore_text_;
  std::optional<Dockerignore> dockerignore_;
  std::string parent_dockerignore_;
  std::shared_ptr<Files> files_;
};

/// Contexts by folder: Dockerfiles that share one read its `.dockerignore`, list it and stat its
/// files once. Thread-safe.
class ContextCache {
 public:
  /// BuildContext::Open, or the context an earlier call opened for the same folder, the same
  /// `.dockerignore` and the same `guessed`.
  std::shared_ptr<const BuildContext> Open(const std::string& dir, std::string_view dockerfile,
                                           bool guessed);

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const BuildContext>> contexts_;
  std::map<std::string, std::string> parents_;
};

}  // namespace shipshape::context
