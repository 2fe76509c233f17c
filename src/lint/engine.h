// Runs the selected rules over one parsed file: instruction hooks, command hooks for every
// command of every RUN, file hooks; ONBUILD triggers for rules that look inside them.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "model/model.h"
#include "rules/rule.h"
#include "syntax/ast.h"

namespace shipshape::lint {

/// Which rules run and at what severity. Entries are selectors (rules::SelectorMatch): codes,
/// prefixes (`DL30`, `SP4`), `ALL`, kebab names, BuildKit check names. When a rule matches both
/// `select` and `ignore`, the more specific selector wins (a tie goes to `ignore`), as in ruff.
struct Selection {
  /// When not empty, the rules to run instead of the default set.
  std::vector<std::string> select;
  /// Rules to run on top of `select` (or of the default set).
  std::vector<std::string> extend_select;
  /// Rules never reported (`--ignore`).
  std::vector<std::string> ignore;
  /// Severity overrides (`--error CODE` ...); the most specific selector wins. An override
  /// naming a rule exactly (code, name, BuildKit name) also turns on a rule that is off by
  /// default (DL1001, DL3057), as in hadolint.
  std::map<std::string, base::Severity> severity;
  /// hadolint's default set (the configuration is a `.hadolint.yaml`): rules marked
  /// `off_in_hadolint` are left out of it, and run only when selected or given a severity.
  bool hadolint_defaults = false;

  bool Enabled(const rules::Rule& rule) const;
  /// Whether a selector (other than `recommended`: a code, prefix, name, preset or `ALL`) or a
  /// severity override naming it exactly covers `rule`: it was asked for, rather than running as part of the default set. Such a rule
  /// reports at its `severity` and reads the Dockerfile fully (rules::Context::
  /// explicitly_selected); in the default set alone it may report at `default_set_severity`.
  bool Explicit(const rules::Rule& rule) const;
  /// Whether `rule` is asked for as BuildKit's check: a selector or severity override names
  /// its BuildKit name and none names its code or name. The rule then reports what that check
  /// reports (rules::Context::as_buildkit_check), not hadolint's reading.
  bool AsBuildKitCheck(const rules::Rule& rule) const;
  base::Severity SeverityOf(const rules::Rule& rule) const;
  /// The same for findings whose code no rule has (ShellCheck's `SC2086`); `on_by_default`
  /// false: reported only when a selector or severity override names the code exactly.
  bool EnabledCode(std::string_view code, bool on_by_default) const;
  base::Severity SeverityOfCode(std::string_view code, base::Severity severity) const;
};

/// The findings of the selected rules on `df`, in source order.
std::vector<base::Diagnostic> RunRules(const syntax::Dockerfile& df, const model::Model& model,
                                       const rules::Options& options,
                                       const Selection& selection);

}  // namespace shipshape::lint
