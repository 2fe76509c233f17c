// Runs the real ShellCheck (`shellcheck`, Debian's package) on many scripts at once: scripts
// are written to a temporary folder, one process checks a batch of them (`--format=json1`),
// several processes run side by side.
#pragma once

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
};

struct RunResult {
  /// ShellCheck's comments on each script, in the order of the scripts given.
  std::vector<std::vector<Comment>> comments;
  /// Why some scripts could not be checked (empty when all were): a process that could not
  /// start, failed, or printed something that is not json1.
  std::string error;
};

/// Checks `scripts`: one ShellCheck process per batch of scripts of one dialect (at most 200),
/// at most `options.parallel` at a time. ShellCheck runs with `--norc`, no SHELLCHECK_OPTS and
/// a UTF-8 locale, so that its findings depend only on the scripts.
RunResult Run(std::span<const Script* const> scripts, const RunOptions& options);

/// Parses ShellCheck's json1 output; false when it is not json1.
bool ParseJson1(std::string_view json, std::vector<std::pair<std::string, Comment>>& out);

}  // namespace shipshape::shellcheck
