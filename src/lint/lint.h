// The lint pipeline for one file: read, parse, model, rules; diagnostics in source order.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "lint/engine.h"
#include "rules/rule.h"
#include "shellcheck/scripts.h"
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

/// Lints a parsed file. `shellcheck`: ShellCheck's findings on its RUN scripts
/// (shellcheck::ToDiagnostics); they go through the selection (SC1090, SC1091 and SC2187 are
/// off unless named, as in hadolint), severity overrides and pragmas like the rules' findings.
FileResult LintDockerfile(syntax::Dockerfile df, const LintOptions& options,
                          std::vector<base::Diagnostic> shellcheck = {});

/// A file the rules have looked at, waiting for ShellCheck's findings.
struct PartialResult {
  /// The file and its syntax errors.
  FileResult result;
  /// The rules' findings, not yet suppressed.
  std::vector<base::Diagnostic> findings;
};

/// LintDockerfile in two halves, so that the rules run while ShellCheck does: the rules, then
/// ShellCheck's findings, the suppressions and the rules about pragmas.
PartialResult LintRules(syntax::Dockerfile df, const LintOptions& options);
FileResult Finish(PartialResult partial, const LintOptions& options,
                  std::vector<base::Diagnostic> shellcheck);

/// The scripts of `df`'s RUN instructions that ShellCheck should check (shellcheck::Collect).
std::vector<shellcheck::Script> ShellCheckScripts(const syntax::Dockerfile& df,
                                                  const LintOptions& options);

}  // namespace shipshape::lint
