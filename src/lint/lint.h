// The lint pipeline for one file: read, parse, check, collect diagnostics in source order.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "syntax/ast.h"

namespace shipshape::lint {

/// A linted file: its syntax tree and what was found in it, sorted by position.
struct FileResult {
  syntax::Dockerfile dockerfile;
  std::vector<base::Diagnostic> diagnostics;
};

/// Parses and lints `text`. Syntax errors are diagnostics: linting never stops at one.
// TODO(#4): run the rule engine here.
FileResult LintText(std::string path, std::string text);

}  // namespace shipshape::lint
