// Runs the real ShellCheck (`shellcheck`, Debian's package) on many scripts at once: scripts
// are written to a temporary folder, one process checks a batch of them (`--format=json1`),
// several processes run side by side.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "shellcheck/scripts.h"

namespace shipshape::shellcheck {

/// The `shellcheck` executable on PATH; empty when there is none.
std::string FindShellCheck();

struct RunOptions {
  /// The executable (FindShellCheck).
  std::string binary;
  /// At most this many ShellCheck processes at once.
  unsigned parallel = 1;
  /// When not empty, the scripts are written here (`<dialect>/<n>.sh`) and kept, so that
  /// ShellCheck's own time on them can be measured (SHIPSHAPE_SHELLCHECK_SCRIPTS).
  std::string keep_dir;
  /// Seconds ShellCheck may take on one script; a batch of n scripts gets this plus
  /// kBatchSecondsPerScript for each further one. SHIPSHAPE_SHELLCHECK_TIME_LIMIT sets it.
  double time_limit = DefaultTimeLimit();
  /// Address space each ShellCheck process may use (RLIMIT_AS; a lower limit of ours stays).
  std::uint64_t memory_limit = kMemoryLimit;

  static constexpr double kTimeLimit = 10;
  static constexpr double kBatchSecondsPerScript = 0.05;
  static constexpr std::uint64_t kMemoryLimit = std::uint64_t{1} << 30;
  /// kTimeLimit, or SHIPSHAPE_SHELLCHECK_TIME_LIMIT when it holds a positive number.
  static double DefaultTimeLimit();
};

struct RunResult {
  /// ShellCheck's comments on each script, in the order of the scripts given.
  std::vector<std::vector<Comment>> comments;
  /// For each script, why ShellCheck gave up on it (empty when it did not): it ran past the
  /// time limit or out of memory when checked alone. A batch that gives up is checked again
  /// one script at a time, so only the scripts at fault go unchecked.
  std::vector<std::string> gave_up;
  /// Why some scripts could not be checked (empty when all were): a process that could not
  /// start, failed, or printed something that is not json1.
  std::string error;
};

/// Checks `scripts`: one ShellCheck process per batch of scripts of one dialect (at most 200),
/// at most `options.parallel` at a time, each under the time and memory limits. Scripts with
/// `skipped` set are not checked. ShellCheck runs with `--norc`, no SHELLCHECK_OPTS and
/// a UTF-8 locale, so that its findings depend only on the scripts.
RunResult Run(std::span<const Script* const> scripts, const RunOptions& options);

/// Parses ShellCheck's json1 output; false when it is not json1.
bool ParseJson1(std::string_view json, std::vector<std::pair<std::string, Comment>>& out);

}  // namespace shipshape::shellcheck
