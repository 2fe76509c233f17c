// The registry of rules: one explicit sorted table (registry.cc).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "rules/rule.h"

namespace shipshape::rules {

/// Every rule, sorted by code.
std::span<const Rule* const> AllRules();

/// The rule with code `code_or_name` (any case) or kebab name, or nullptr.
const Rule* FindRule(std::string_view code_or_name);

/// A rule's file and fixture-folder stem: lower-case code, `_`, snake-case name
/// (`dl3008_apt_get_unpinned_package`).
std::string Stem(const Rule& rule);

}  // namespace shipshape::rules
