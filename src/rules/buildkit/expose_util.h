// EXPOSE port specs as BuildKit reads them, for DL3011, SP206, SP207 and SP702: each word
// expanded and split.
#pragma once

#include <string>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {

/// The port specs one EXPOSE word gives after expansion and word splitting; empty when the
/// Dockerfile does not fix its value (or, in an ONBUILD trigger, when it has variables: the
/// downstream build sets them). `literal` tells whether the word is written as is (no
/// variables, quotes or escapes), so that a fix can edit it.
struct ExposeWord {
  std::vector<std::string> specs;
  bool literal = false;
};

ExposeWord ExposeSpecs(const Context& ctx, const syntax::Word& word);

}  // namespace shipshape::rules
