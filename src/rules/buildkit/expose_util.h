// EXPOSE port specs as BuildKit reads them, for SP206 and SP207: each word expanded and split.
#pragma once

#include <string>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {

/// The port specs one EXPOSE word gives after expansion and word splitting; empty when the
/// Dockerfile does not fix its value. `literal` tells whether the word is written as is (no
/// variables, quotes or escapes), so that a fix can edit it.
struct ExposeWord {
  std::vector<std::string> specs;
  bool literal = false;
};

ExposeWord ExposeSpecs(const Context& ctx, const syntax::Word& word);

}  // namespace shipshape::rules
