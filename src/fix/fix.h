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

/// One pass: the fixes of `diagnostics` that `level` allows, each whole or not at all, in source
/// order; a fix whose edits overlap (or touch at the same insertion point) an already chosen
/// fix waits for the next pass.
struct Pass {
  std::string text;
  /// Codes of the findings fixed, one entry per fix applied.
  std::vector<std::string> fixed;
};
Pass ApplyOnce(std::string_view text, const std::vector<base::Diagnostic>& diagnostics,
               Level level);

/// Lints a text (the fix loop calls it after each pass): the pipeline, with ShellCheck's
/// findings when the caller runs it.
using Linter = std::function<lint::FileResult(std::string text)>;

/// What the fix loop did to one file.
struct Outcome {
  /// The fixed text (the original when nothing applied or the edits were dropped).
  std::string text;
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
