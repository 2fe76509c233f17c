// BuildKit's `# check=` directive (skip / experimental / error) and the build checks it runs
// while parsing instructions: StageNameCasing, FromAsCasing, MaintainerDeprecated and the
// experimental InvalidDefinitionDescription.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/range.h"
#include "syntax/ast.h"

namespace shipshape::syntax {

/// Which build checks run, as a `check=` value sets it.
struct CheckConfig {
  bool skip_all = false;
  std::vector<std::string> skip;
  bool experimental_all = false;
  std::vector<std::string> experimental;
  bool error = false;

  /// Whether `rule` reports (experimental rules only when enabled; skip never affects them).
  bool Enabled(std::string_view rule, bool is_experimental) const;
  /// Adds a per-instruction config: more skips and experimental rules, never fewer.
  void Merge(const CheckConfig& other);
};

/// BuildKit's linter.ParseLintOptions; nullopt and `error` on a malformed value.
std::optional<CheckConfig> ParseCheckConfig(std::string_view value, std::string* error);

/// The file's check configuration (its `# check=` directive, looked up as BuildKit does);
/// `error` is set when the directive is malformed.
CheckConfig FileCheckConfig(const Dockerfile& df, std::string* error);

/// The per-instruction `# check=` comment among `comments`, merged into `base`.
CheckConfig InstructionCheckConfig(const CheckConfig& base,
                                   std::span<const std::string_view> comments);

/// A build check finding, with BuildKit's rule name and message.
struct BuildCheck {
  std::string_view rule;
  std::string message;
  base::Range range;
  std::uint32_t line = 0;
};

/// The checks BuildKit's instruction parser runs, for every instruction, with `config`.
std::vector<BuildCheck> ParseTimeChecks(const Dockerfile& df, const CheckConfig& config);

}  // namespace shipshape::syntax
