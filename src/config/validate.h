// Checks shared by the config file readers, the environment and the command line: selectors,
// severities, label types, booleans, and the "did you mean" suggestions for them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "rules/rule.h"

namespace shipshape::config {

/// Empty when `selector` is a known rule selector, else why not (with a suggestion).
std::string SelectorError(std::string_view selector);

/// The severity named `name` (any case).
std::optional<base::Severity> ParseLevel(std::string_view name);

/// A label requirement from `NAME:TYPE` (empty or missing type: text); nullopt when the name is
/// empty or the type unknown.
std::optional<rules::LabelRequirement> ParseLabelSpec(std::string_view spec);

/// Whether `type` is a label type (empty counts as text).
bool IsLabelType(std::string_view type);

/// hadolint's truthy environment values: 1, y, on, true, yes (any case).
bool Truthy(std::string_view value);

/// `message` plus ` (did you mean X?)` when one of `candidates` is close to `value`.
std::string Suggesting(std::string message, std::string_view value,
                       std::initializer_list<std::string_view> candidates);

/// ASCII lower case / case-insensitive equality.
std::string Lower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

/// `s` without leading and trailing ASCII whitespace.
std::string_view Trim(std::string_view s);

}  // namespace shipshape::config
