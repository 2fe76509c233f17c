// A compact text form of a shell tree, for tests and debugging.
#pragma once

#include <string>
#include <string_view>

#include "shell/ast.h"

namespace shipshape::shell {

/// E.g. `a=1 apt-get install -y x >log && rm -rf /var/lib/apt/lists/*` dumps as
/// `[a=1] apt-get install -y x >log && rm -rf /var/lib/apt/lists/*` with words in their
/// quote-removed form, compound commands as `(if ...)`, `(for ...)` and so on.
std::string Dump(const List& list);
std::string Dump(const Node& node);

}  // namespace shipshape::shell
