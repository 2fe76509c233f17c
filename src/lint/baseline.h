// The baseline: the findings a repository has accepted for now, recorded by fingerprint in a
// JSON file, so that `lint --baseline FILE` reports only new findings and counts the recorded
// ones that no longer occur. See docs/configuration.md, "Baseline".
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "syntax/ast.h"

namespace shipshape::lint {

/// The version of the file format this build reads and writes.
inline constexpr int kBaselineVersion = 1;

/// One recorded finding. A finding matches an entry when path, code and fingerprint are equal;
/// line and message are there for the people reading the file.
struct BaselineEntry {
  /// The Dockerfile's path relative to the baseline file's folder, `/`-separated (BaselinePath).
  std::string path;
  std::string code;
  /// lint::Fingerprints of the finding with `path`: `hash:occurrence`.
  std::string fingerprint;
  /// 1-based line when recorded (informational); 0: none (the key is optional).
  std::uint32_t line = 0;
  /// The message when recorded (informational).
  std::string message;
};

/// Why a baseline could not be read: the file, the position when known, what is wrong.
struct BaselineError {
  std::string file;
  /// 1-based; 0 when unknown.
  int line = 0;
  int column = 0;
  std::string message;

  /// `file:line:col: message` (an unknown position left out).
  std::string ToString() const;
};

/// A parsed baseline: its entries and the folder their paths are relative to.
class Baseline {
 public:
  Baseline() = default;
  /// `dir`: the absolute folder the entries' paths are relative to (BaselineDir).
  Baseline(std::filesystem::path dir, std::vector<BaselineEntry> entries);

  const std::filesystem::path& dir() const { return dir_; }
  const std::vector<BaselineEntry>& entries() const { return entries_; }

  /// How many entries name `path`.
  std::size_t CountFor(std::string_view path) const;

  /// Removes from `diagnostics` (all of one file `df`, in order, named `path` in the baseline)
  /// the findings the baseline records, each entry matching at most one finding; returns how
  /// many were removed. Syntax errors are never removed. Fingerprints are computed over the
  /// whole list, so call it before anything else drops findings.
  std::size_t Filter(std::string_view path, const syntax::Dockerfile& df,
                     std::vector<base::Diagnostic>& diagnostics) const;

 private:
  std::filesystem::path dir_;
  std::vector<BaselineEntry> entries_;
  /// path -> (code, fingerprint) -> number of entries.
  std::map<std::string, std::map<std::pair<std::string, std::string>, int>, std::less<>> index_;
};

/// A baseline, or why it could not be read.
struct BaselineRead {
  Baseline baseline;
  std::optional<BaselineError> error;
  bool ok() const { return !error; }
};

/// The folder the paths of the baseline file `file` are relative to: its own, absolute, with
/// symbolic links among the folders resolved (so that a run from a symlinked directory names
/// files as any other run does).
std::filesystem::path BaselineDir(const std::string& file);

/// How the Dockerfile `file` (as given to lint: relative to the current directory, or
/// absolute) is named in a baseline whose folder is `dir`: relative to `dir`, `/`-separated,
/// its folders resolved as in BaselineDir (the file itself is not: a symlinked Dockerfile keeps
/// its own name). `-` (standard input without --stdin-filename) stays `-`.
std::string BaselinePath(const std::filesystem::path& dir, std::string_view file);

/// Parses the text of a baseline. `file` names it in errors; `dir` is BaselineDir(file).
/// Anything but a valid baseline of kBaselineVersion is an error: invalid JSON (with the
/// parser's line and column), another version, a missing or unknown key, a wrong type.
BaselineRead ParseBaseline(std::string_view text, const std::string& file,
                           std::filesystem::path dir);

/// Reads and parses the baseline `file`; a file that does not exist is an error too.
BaselineRead ReadBaseline(const std::string& file);

/// The entries that record the findings `diagnostics` (all of one file `df`, in order), named
/// `path` in the baseline. Syntax errors are not recorded: a file BuildKit rejects is always
/// reported.
std::vector<BaselineEntry> Record(std::string_view path, const syntax::Dockerfile& df,
                                  std::span<const base::Diagnostic> diagnostics);

/// The text of a baseline file holding `entries`: sorted by path, line, code and fingerprint,
/// one entry per line, so that it diffs well.
std::string FormatBaseline(std::vector<BaselineEntry> entries);

/// What a run looked at, in a baseline's terms: the files it linted (or tried to) and the
/// directories it searched. An entry outside the scope is neither matched nor stale: linting
/// one Dockerfile says nothing about the others.
class BaselineScope {
 public:
  /// `dir`: the baseline's folder (BaselineDir).
  explicit BaselineScope(std::filesystem::path dir) : dir_(std::move(dir)) {}
  /// A linted file, by its baseline path.
  void AddFile(std::string path) { files_.insert(std::move(path)); }
  /// A directory searched, as given to lint (relative to the current directory or absolute).
  void AddDirectory(std::string_view directory);
  /// Whether the baseline path `path` names a linted file or a file under a searched directory
  /// (which may be gone).
  bool Contains(std::string_view path) const;

 private:
  std::filesystem::path dir_;
  std::set<std::string, std::less<>> files_;
  /// Absolute, each ending in `/`.
  std::vector<std::string> directories_;
};

}  // namespace shipshape::lint
