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

/// The preset names a selector may use: `recommended` (the default set) and `hardened` (the
/// default set and the guide's advice).
inline constexpr std::string_view kRecommendedPreset = "recommended";
inline constexpr std::string_view kHardenedPreset = "hardened";

/// Whether `selector` names a preset (case-insensitive).
bool IsPresetName(std::string_view selector);

/// How closely `selector` names `rule`: 0 when it does not; otherwise higher for more specific
/// selectors: `ALL` 1, a preset the rule belongs to 2, a code prefix (`DL`, `DL30`, `SP4`) 2 + its length, the rule's code,
/// kebab name or BuildKit check name (`MaintainerDeprecated`) 100. Codes, prefixes and BuildKit
/// names compare case-insensitively.
int SelectorMatch(const Rule& rule, std::string_view selector);

/// SelectorMatch for a finding whose code no rule has (ShellCheck's `SC2086`): `ALL` 1, a preset
/// 2 (ShellCheck's findings are part of the default set), a code prefix 2 + its length, the code
/// itself 100.
int SelectorMatchCode(std::string_view code, std::string_view selector);

/// Whether `selector` is one shipshape understands: `ALL`, a preset, a rule's code, name or BuildKit
/// name, a code prefix of letters and digits that starts a known family (`DL`, `SP`, `SC`,
/// `DL30`), or a ShellCheck code (`SC2086`).
bool IsKnownSelector(std::string_view selector);

/// Whether `code` is a rule hadolint deleted (DL3005, DL3017, DL3031, DL3039): pragmas
/// naming it are stale rather than mistyped, so SP101 reports them (unused), not SP102.
bool IsRetiredHadolintCode(std::string_view code);

/// A rule's file and fixture-folder stem: lower-case code, `_`, snake-case name
/// (`dl3008_apt_get_unpinned_package`).
std::string Stem(const Rule& rule);

}  // namespace shipshape::rules
