// Applying fixes: one pass of non-overlapping fixes, and the loop that re-lints and repeats
// until nothing is left to fix, reverting everything when a pass would add a syntax error.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "lint/lint.h"

namespace shipshape::fix {

/// Which fixes may be applied: safe ones, or unsafe ones too. Display-only fixes never are.
enum class Level : unsigned char { kSafe, kUnsafe };

/// Whether `fix` may be applied at `level`.
bool Applies(const base::Fix& fix, Level level);

/// Another file than the Dockerfile that fixes changed (a `.dockerignore`).
struct FileChange {
  /// Its content before fixing; nullopt when the fixes create it.
  std::optional<std::string> original;
  std::string text;
  bool operator==(const FileChange&) const = default;
};
/// Other files changed, by path.
using FileChanges = std::map<std::string, FileChange>;

/// `options` as the linter sees them after `files` changed: a build context whose
/// `.dockerignore` was edited reads the new text.
lint::LintOptions OptionsWith(const lint::LintOptions& options, const FileChanges& files);

/// One pass: the fixes of `diagnostics` that `level` allows, each whole or not at all, in source
/// order; a fix whose edits overlap (or touch at the same insertion point) an already chosen
/// fix, or edit another file that one edits, waits for the next pass. `files` holds what
/// earlier passes did to other files.
struct Pass {
  std::string text;
  /// `files` with this pass's file edits applied.
  FileChanges files;
  /// Codes of the findings fixed, one entry per fix applied.
  std::vector<std::string> fixed;
};
Pass ApplyOnce(std::string_view text, const std::vector<base::Diagnostic>& diagnostics,
               Level level, const FileChanges& files = {});

/// Lints a text (the fix loop calls it after each pass) with the other files as fixed so far
/// (see OptionsWith): the pipeline, with ShellCheck's findings when the caller runs it.
using Linter = std::function<lint::FileResult(std::string text, const FileChanges& files)>;

/// What the fix loop did to one file.
struct Outcome {
  /// The fixed text (the original when nothing applied or the edits were dropped).
  std::string text;
  /// The other files fixes changed.
  FileChanges files;
  /// Findings fixed per code.
  std::map<std::string, int> fixed;
  /// Passes that applied something.
  int passes = 0;
  /// False when fixes were still being applied after kMaxPasses passes.
  bool converged = true;
  /// The codes still fixing in the last pass when it did not converge.
  std::set<std::string> unstable;
  /// True when a pass introduced a syntax error: every edit was dropped.
  bool reverted = false;
  /// The findings of `text` (what remains); always set by FixLoop.
  std::optional<lint::FileResult> remaining;
};

inline constexpr int kMaxPasses = 10;

/// Fixes `text` with `lint` until no fix applies (at most kMaxPasses passes).
Outcome FixLoop(std::string text, Level level, const Linter& lint);

}  // namespace shipshape::fix
