#include "cli/version.h"

#include <fmt/format.h>

// Written at every build by cmake/build_info.cmake, and only when the commit changes, so a new
// commit recompiles this file alone.
#include "build_info.h"

namespace shipshape::cli {

const char* BuildCommit() { return SHIPSHAPE_GIT_COMMIT; }

std::string VersionText() {
  return fmt::format("shipshape {} (commit {})", SHIPSHAPE_VERSION, BuildCommit());
}

}  // namespace shipshape::cli
