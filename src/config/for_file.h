// What one Dockerfile is linted with: its config file's settings under the environment and the
// command line, turned into lint options with its build context. `lint` and `lsp` share it, so
// an editor sees exactly what the command line reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/load.h"
#include "config/lookup.h"
#include "config/settings.h"
#include "context/build_context.h"
#include "lint/lint.h"

namespace shipshape::config {

/// The settings of one Dockerfile, as the linter and the exit code need them.
struct FileSetup {
  lint::LintOptions options;
  /// The rule set in force (DescribeRuleSet).
  std::string rule_set;
  FailureThreshold threshold = FailureThreshold::kInfo;
  bool no_fail = false;
  ShellCheck shellcheck = ShellCheck::kAuto;
  /// The config layers' warnings.
  std::vector<Problem> warnings;
};

/// Resolves the settings of the Dockerfile read from `read_path` (`-`: standard input) and
/// reported as `name`. Configuration is looked up from where the file is (for standard input,
/// where `name` says it is, as editors pass it); per-path globs match `name`. The build context
/// is `context` when given, else the Dockerfile's folder (guessed); standard input has none
/// unless `context` names one.
Result<FileSetup> SetupFor(Loader& loader, const Layer& env, const Layer& command_line,
                           std::string_view read_path, std::string_view name,
                           const std::optional<std::string>& context,
                           context::ContextCache& contexts);

}  // namespace shipshape::config
