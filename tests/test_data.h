// Where the tests find the shared conformance data and corpus, and small file helpers.
#pragma once

#include <string>

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

}  // namespace shipshape::testing
