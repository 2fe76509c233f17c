// What `shipshape --version` prints: the release and the git commit the binary was built from.
#pragma once

#include <string>

namespace shipshape::cli {

/// The commit the binary was built from: 12 hex digits, `-dirty` when tracked files had
/// uncommitted changes, or `unknown` (no git; the build can name it, -DSHIPSHAPE_GIT_COMMIT).
const char* BuildCommit();

/// `shipshape 0.1.0 (commit 0eb28f7c1a2b)`.
std::string VersionText();

}  // namespace shipshape::cli
