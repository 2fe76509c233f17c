// Rule documentation, generated from each rule's metadata and doc text: `shipshape rule CODE`,
// `shipshape rules`, and the pages in docs/rules/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {

/// The sections every rule doc has, in order.
inline constexpr std::string_view kDocSections[] = {
    "What it does", "Why is this bad?", "Example", "Use instead", "Fix safety",
    "Differences from hadolint"};

/// A rule's page (Markdown): title, facts, then its doc.
std::string RulePage(const Rule& rule);

/// The index page: one table row per rule.
std::string IndexPage();

/// The "Rule sets" section of the index: the presets and the rules each adds.
std::string PresetsSection();

/// The table `shipshape rules` prints.
std::string RulesTable();

/// The code blocks of one section of a rule's doc (```dockerfile blocks).
std::vector<std::string> DocBlocks(const Rule& rule, std::string_view section);

/// The section titles found in a rule's doc, in order.
std::vector<std::string> DocSectionTitles(const Rule& rule);

}  // namespace shipshape::rules
