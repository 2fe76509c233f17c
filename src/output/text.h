// Plain text output: one `file:line:col: severity: message` line per diagnostic.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "syntax/ast.h"

namespace shipshape::output {

/// Appends one line per diagnostic to `out`, with 1-based line and column.
void WriteText(std::string& out, const syntax::Dockerfile& df,
               const std::vector<base::Diagnostic>& diagnostics);

}  // namespace shipshape::output
