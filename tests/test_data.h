// Where the tests find the shared conformance data and corpus, and small file helpers.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace shipshape::testing {

/// Absolute path of `relative` inside the shared data folder (SHIPSHAPE_SHARED_DIR, set by
/// CMake, overridable at run time by the environment variable of the same name).
std::string SharedPath(const std::string& relative);

/// Absolute path of `relative` inside the source tree.
std::string SourcePath(const std::string& relative);

/// The whole content of `path`; the calling test fails (ADD_FAILURE) when it cannot be read.
std::string ReadFileOrFail(const std::string& path);

/// The decompressed content of gzip file `path`; the calling test fails when it cannot be read.
std::string ReadGzipOrFail(const std::string& path);

/// How a process ended and what it printed.
struct ProcessResult {
  /// The exit code, or -1 when it ended by a signal or could not start.
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs the shipshape binary with `args` (no shell, so the command line may be long), in
/// `cwd` when not empty, with `env` added to (or replacing in) the environment.
ProcessResult RunShipshape(const std::vector<std::string>& args, const std::string& cwd = "",
                           const std::vector<std::pair<std::string, std::string>>& env = {});

}  // namespace shipshape::testing
