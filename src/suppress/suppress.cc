#include "suppress/suppress.h"

#include <algorithm>

#include "base/utf8.h"
#include "rules/registry.h"

namespace shipshape::suppress {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

bool Selects(std::string_view selector, std::string_view code) {
  if (const rules::Rule* r = rules::FindRule(code)) return rules::SelectorMatch(*r, selector) > 0;
  if (selector.empty()) return false;
  if (base::EqualsIgnoreCase(selector, "ALL") || base::EqualsIgnoreCase(selector, code)) {
    return true;
  }
  return selector.size() < code.size() &&
         std::all_of(selector.begin(), selector.end(), IsAsciiAlnum) &&
         base::EqualsIgnoreCase(code.substr(0, selector.size()), selector);
}

Suppressor::Suppressor(const syntax::Dockerfile& df, bool disable_ignore_pragma)
    : pragmas_(FindPragmas(df)), file_check_(syntax::FileCheckConfig(df, nullptr)) {
  for (Pragma& p : pragmas_) p.honoured = !disable_ignore_pragma;
  for (const syntax::Instruction& inst : df.instructions) {
    if (inst.comments.empty()) continue;
    syntax::CheckConfig c = syntax::InstructionCheckConfig(file_check_, inst.comments);
    if (c.skip_all == file_check_.skip_all && c.skip.size() == file_check_.skip.size()) continue;
    instruction_checks_.emplace_back(inst.range, std::move(c));
  }
}

void Suppressor::NoteRulesThatRan(std::span<const rules::Rule* const> ran) {
  for (Pragma& p : pragmas_) {
    for (PragmaCode& code : p.codes) {
      code.names_rule_that_ran = std::any_of(ran.begin(), ran.end(), [&](const rules::Rule* r) {
        return rules::SelectorMatch(*r, code.text) > 0;
      });
    }
  }
}

bool Suppressor::CheckSkips(const rules::Rule& rule, std::uint32_t offset) const {
  const syntax::CheckConfig* config = &file_check_;
  for (const auto& [range, c] : instruction_checks_) {
    // An instruction's range ends before its line end; a finding there is still its own.
    if (range.begin <= offset && offset <= range.end) config = &c;
  }
  // BuildKit's experimental checks (the rules answering to a check name that are off by
  // default) answer to `experimental=` only: `skip=` never turns them off.
  if (!rule.buildkit_name.empty() && !rule.default_enabled) return false;
  if (config->skip_all && !rule.buildkit_name.empty()) return true;
  return std::any_of(config->skip.begin(), config->skip.end(), [&](const std::string& name) {
    return rules::SelectorMatch(rule, name) == 100;
  });
}

void Suppressor::Apply(std::vector<base::Diagnostic>& diagnostics) {
  std::vector<base::Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (base::Diagnostic& d : diagnostics) {
    if (d.code.empty()) {  // a syntax error
      kept.push_back(std::move(d));
      continue;
    }
    const rules::Rule* rule = rules::FindRule(d.code);
    bool drop = rule && CheckSkips(*rule, d.range.begin);
    // Every pragma that covers the finding counts as used, not only the first.
    for (Pragma& p : pragmas_) {
      if (!p.honoured || d.range.begin < p.covers.begin || d.range.begin >= p.covers.end) {
        continue;
      }
      for (PragmaCode& code : p.codes) {
        if (Selects(code.text, d.code)) {
          code.used = true;
          drop = true;
        }
      }
    }
    if (drop) continue;
    if (rule && !rule->buildkit_name.empty() && file_check_.error) {
      d.severity = base::Severity::kError;
    }
    kept.push_back(std::move(d));
  }
  diagnostics = std::move(kept);
}

}  // namespace shipshape::suppress
