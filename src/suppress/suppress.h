// The suppression pass: drops the findings that ignore pragmas and BuildKit's `# check=skip=`
// cover, applies `# check=error=true`, and records which pragma codes suppressed something
// (for SP101). Runs after the rules; syntax errors are never suppressed.
#pragma once

#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "rules/rule.h"
#include "suppress/pragma.h"
#include "syntax/ast.h"
#include "syntax/check_directive.h"

namespace shipshape::suppress {

/// Whether pragma code `selector` names findings with code `code`: for a rule's code, as
/// rules::SelectorMatch says; for a code with no rule (ShellCheck's `SC2086`), `ALL`, the code
/// itself or a prefix of it, in any case.
bool Selects(std::string_view selector, std::string_view code);

/// The suppressions of one file.
class Suppressor {
 public:
  /// Reads the pragmas and the `# check=` configuration (the file's directive and the
  /// per-instruction check comments) of `df`. Under `disable_ignore_pragma` the ignore pragmas
  /// are still read (SP101, SP102 see them) but suppress nothing.
  Suppressor(const syntax::Dockerfile& df, bool disable_ignore_pragma);

  /// Marks each pragma code that names one of `ran`, the rules that ran on the file.
  void NoteRulesThatRan(std::span<const rules::Rule* const> ran);

  /// Removes the suppressed findings from `diagnostics`, marks the pragma codes that
  /// suppressed them as used, and raises findings of BuildKit checks to error under
  /// `# check=error=true`.
  void Apply(std::vector<base::Diagnostic>& diagnostics);

  const std::vector<Pragma>& pragmas() const { return pragmas_; }

 private:
  /// Whether the `# check=` configuration at `offset` skips `rule`.
  bool CheckSkips(const rules::Rule& rule, std::uint32_t offset) const;

  std::vector<Pragma> pragmas_;
  syntax::CheckConfig file_check_;
  /// Instructions whose own check comment adds skips: their range and merged configuration.
  std::vector<std::pair<base::Range, syntax::CheckConfig>> instruction_checks_;
};

}  // namespace shipshape::suppress
