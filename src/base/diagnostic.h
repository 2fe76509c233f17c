// A finding about a file: what is wrong, where (exact bytes), how bad, and how to fix it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/range.h"

namespace shipshape::base {

/// hadolint's levels, most severe first.
enum class Severity : unsigned char { kError, kWarning, kInfo, kStyle };

/// Lower-case name of a severity ("error", "warning", "info", "style").
std::string_view SeverityName(Severity severity);
/// The severity named `name` (lower case), if any.
std::optional<Severity> ParseSeverity(std::string_view name);

/// Replace the bytes of `range` with `text`.
struct Edit {
  Range range;
  std::string text;
};

/// How much a fix can be trusted.
enum class Applicability : unsigned char {
  kSafe,         ///< keeps the exact meaning of the build
  kUnsafe,       ///< may change behaviour
  kDisplayOnly,  ///< shown, never applied
};

/// Append `append` to another file than the one linted (a `.dockerignore`), creating it when
/// missing. `expected` is what the rule saw in it (nullopt: no such file); the edit applies
/// only to that content.
struct FileEdit {
  std::string path;
  std::optional<std::string> expected;
  std::string append;
};

/// A way to resolve a finding: sorted, disjoint edits with a title in the imperative, and
/// edits of other files.
struct Fix {
  std::string title;
  Applicability applicability = Applicability::kSafe;
  std::vector<Edit> edits;
  std::vector<FileEdit> file_edits = {};
};

/// Where in a container image a finding is (`shipshape image`).
struct ImageLocation {
  /// The image file as given on the command line.
  std::string image;
  /// The layer (0 = bottom) and the history line that made it; -1: the image's config.
  int layer = -1;
  std::string created_by;
  /// The path inside the image (`/etc/passwd`); empty for findings about the config.
  std::string path;
};

struct Diagnostic {
  /// Rule code (e.g. `DL3008`); empty for syntax errors.
  std::string code;
  Severity severity = Severity::kError;
  Range range;
  std::string message;
  std::optional<Fix> fix;
  /// Set for findings about a container image (`shipshape image`); the range is then in the
  /// Dockerfile given with `--dockerfile`, or empty.
  std::optional<ImageLocation> image = {};
};

}  // namespace shipshape::base
