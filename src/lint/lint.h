// The lint pipeline for one file: read, parse, model, rules; diagnostics in source order.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "lint/engine.h"
#include "rules/rule.h"
#include "syntax/ast.h"

namespace shipshape::lint {

/// Everything that decides what linting reports.
struct LintOptions {
  rules::Options rules;
  Selection selection;
  /// `--disable-ignore-pragma` / hadolint's `disable-ignore-pragma`: inline `ignore=` pragmas
  /// (`# shipshape ignore=`, `# hadolint ignore=`) suppress nothing.
  bool disable_ignore_pragma = false;
};

/// A linted file: its syntax tree and what was found in it, sorted by position.
struct FileResult {
  syntax::Dockerfile dockerfile;
  std::vector<base::Diagnostic> diagnostics;
};

/// Parses and lints `text`. Syntax errors are diagnostics (with an empty code); linting goes
/// on with every instruction that parsed.
FileResult LintText(std::string path, std::string text, const LintOptions& options = {});

}  // namespace shipshape::lint
