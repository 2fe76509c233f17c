// What the label rules (DL3048-DL3058) share: LABEL keys and values as the build sets them,
// the label schema, and the validators for the schema's value types.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {

/// One LABEL assignment with its key and value expanded as BuildKit expands them.
struct ResolvedLabel {
  const syntax::KeyValue* pair = nullptr;
  std::string key;
  /// The key holds no variable whose value only the build knows.
  bool key_known = true;
  std::string value;
  bool value_known = true;
};

/// The labels `inst` (a LABEL, or an ONBUILD trigger when `ctx.in_onbuild()`) sets. Inside
/// ONBUILD nothing is known about variables: they expand in the downstream build.
std::vector<ResolvedLabel> ResolveLabels(const Context& ctx, const syntax::Instruction& inst);
/// The labels the LABEL at instruction `index` sets (for file hooks, which visit no position).
std::vector<ResolvedLabel> ResolveLabelsAt(const Context& ctx, std::size_t index);

/// The schema entry for label `key`, or nullptr when the schema does not list it.
const LabelRequirement* FindLabelRequirement(const Options& options, std::string_view key);

/// The range from a pair's key to the end of its value (the whole `key=value`).
base::Range PairRange(const syntax::KeyValue& pair);

/// Reports every label of `inst` the schema gives type `type` whose known, non-empty value
/// fails `valid`, as "Label `key` is not `what`: `value`". The value rules (DL3052-DL3058) are
/// this call with their type and validator.
void CheckLabelValues(Context& ctx, const syntax::Instruction& inst, std::string_view type,
                      bool (*valid)(std::string_view), std::string_view what);

/// An absolute URI as RFC 3986 section 3 defines it (`scheme:hier-part[?query][#fragment]`).
bool IsUri(std::string_view s);
/// An RFC 3339 `date-time` (`2024-05-01T12:00:00Z`, `...T12:00:00.5+02:00`), fields in range.
bool IsRfc3339DateTime(std::string_view s);
/// An SPDX license expression (SPDX 2.3 annex D): license ids from the SPDX license list
/// (any case), `LicenseRef-`, `+`, `WITH` exceptions, `AND`, `OR`, parentheses.
bool IsSpdxExpression(std::string_view s);
/// A git object name: lower-case hex, abbreviated (7 to 40 digits) or SHA-256 (64).
bool IsGitHash(std::string_view s);
/// A semantic version as semver.org 2.0.0's grammar defines it (`1.2.3-rc.1+build.5`).
bool IsSemver(std::string_view s);
/// An e-mail address: RFC 5322's `addr-spec` (`local@domain`) without comments or folding.
bool IsEmail(std::string_view s);

}  // namespace shipshape::rules
