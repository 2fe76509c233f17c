#include "lint/engine.h"

#include <algorithm>

#include "base/utf8.h"
#include "rules/registry.h"

namespace shipshape::lint {

namespace {

int BestMatch(const rules::Rule& rule, const std::vector<std::string>& selectors,
              bool hadolint_defaults = false) {
  int best = 0;
  for (const std::string& s : selectors) {
    // `recommended` is the default set in force: hadolint's, under a `.hadolint.yaml`.
    if (hadolint_defaults && rule.off_in_hadolint &&
        base::EqualsIgnoreCase(s, rules::kRecommendedPreset)) {
      continue;
    }
    best = std::max(best, rules::SelectorMatch(rule, s));
  }
  return best;
}

int BestMatchCode(std::string_view code, const std::vector<std::string>& selectors) {
  int best = 0;
  for (const std::string& s : selectors) best = std::max(best, rules::SelectorMatchCode(code, s));
  return best;
}

}  // namespace

bool Selection::EnabledCode(std::string_view code, bool on_by_default) const {
  int chosen = std::max(BestMatchCode(code, select), BestMatchCode(code, extend_select));
  if (!on_by_default && chosen < 100) chosen = 0;
  if (select.empty() && on_by_default) chosen = std::max(chosen, 1);
  for (const auto& [selector, sev] : severity) {
    if (rules::SelectorMatchCode(code, selector) == 100) chosen = 100;
  }
  if (chosen == 0) return false;
  const int ignored = BestMatchCode(code, ignore);
  return ignored == 0 || chosen > ignored;
}

base::Severity Selection::SeverityOfCode(std::string_view code, base::Severity severity) const {
  int best = 0;
  for (const auto& [selector, sev] : this->severity) {
    const int m = rules::SelectorMatchCode(code, selector);
    if (m > best) {
      best = m;
      severity = sev;
    }
  }
  return severity;
}

bool Selection::Enabled(const rules::Rule& rule) const {
  int chosen = std::max(BestMatch(rule, select, hadolint_defaults),
                        BestMatch(rule, extend_select, hadolint_defaults));
  if (select.empty() && rule.default_enabled && !(hadolint_defaults && rule.off_in_hadolint)) {
    chosen = std::max(chosen, 1);
  }
  for (const auto& [selector, sev] : severity) {
    if (rules::SelectorMatch(rule, selector) == 100) chosen = 100;
  }
  if (chosen == 0) return false;
  const int ignored = BestMatch(rule, ignore);
  return ignored == 0 || chosen > ignored;
}

bool Selection::Explicit(const rules::Rule& rule) const {
  const auto names = [&](std::string_view s) {
    return !base::EqualsIgnoreCase(s, rules::kRecommendedPreset) &&
           rules::SelectorMatch(rule, s) > 0;
  };
  // A severity override asks for a rule when it names it exactly (as it turns on one that is
  // off); `--warning DL3` only changes severities.
  return std::any_of(select.begin(), select.end(), names) ||
         std::any_of(extend_select.begin(), extend_select.end(), names) ||
         std::any_of(severity.begin(), severity.end(), [&](const auto& entry) {
           return rules::SelectorMatch(rule, entry.first) == 100;
         });
}

bool Selection::AsBuildKitCheck(const rules::Rule& rule) const {
  if (rule.buildkit_name.empty()) return false;
  bool by_buildkit_name = false;
  const auto look = [&](std::string_view s) {
    if (base::EqualsIgnoreCase(s, rule.code) || s == rule.name) return false;
    by_buildkit_name = by_buildkit_name || base::EqualsIgnoreCase(s, rule.buildkit_name);
    return true;
  };
  for (const std::string& s : select) {
    if (!look(s)) return false;
  }
  for (const std::string& s : extend_select) {
    if (!look(s)) return false;
  }
  for (const auto& [s, sev] : severity) {
    if (!look(s)) return false;
  }
  return by_buildkit_name;
}

base::Severity Selection::SeverityOf(const rules::Rule& rule) const {
  int best = 0;
  base::Severity out = rule.severity;
  if (rule.default_set_severity && !Explicit(rule)) out = *rule.default_set_severity;
  for (const auto& [selector, sev] : severity) {
    const int m = rules::SelectorMatch(rule, selector);
    if (m > best) {
      best = m;
      out = sev;
    }
  }
  return out;
}

std::vector<base::Diagnostic> RunRules(const syntax::Dockerfile& df, const model::Model& model,
                                       const rules::Options& options,
                                       const Selection& selection) {
  std::vector<base::Diagnostic> out;
  // The active rules, and among them those with each kind of hook (in registry order).
  std::vector<const rules::Rule*> active;
  std::vector<const rules::Rule*> on_instruction;
  std::vector<const rules::Rule*> on_command;
  for (const rules::Rule* r : rules::AllRules()) {
    if (!selection.Enabled(*r)) continue;
    active.push_back(r);
    if (r->on_instruction) on_instruction.push_back(r);
    if (r->on_command) on_command.push_back(r);
  }
  // Instructions with a syntax error (BuildKit rejects them).
  const std::vector<bool> invalid = df.RejectedInstructions();
  rules::Context ctx(df, model, options, out);
  for (const rules::Rule* r : active) {
    if (selection.AsBuildKitCheck(*r)) ctx.SetBuildKitCheck(r);
    if (selection.Explicit(*r)) ctx.SetExplicit(r);
  }
  std::vector<const rules::Rule*> run_rules;  // the command rules that run on one RUN
  for (std::size_t i = 0; i < df.instructions.size(); ++i) {
    const syntax::Instruction& inst = df.instructions[i];
    for (const rules::Rule* r : on_instruction) {
      if (invalid[i] && !r->sees_invalid) continue;
      ctx.SetRule(r);
      ctx.SetPosition(i, false);
      r->on_instruction(ctx, inst);
      if (r->onbuild && inst.trigger) {
        ctx.SetPosition(i, true);
        r->on_instruction(ctx, *inst.trigger);
      }
    }
    if (!rules::IsRun(inst)) continue;
    const bool in_onbuild = inst.keyword == syntax::Keyword::kOnbuild;
    std::vector<const rules::Rule*>& here = run_rules;
    here.clear();
    for (const rules::Rule* r : on_command) {
      if ((!in_onbuild || r->onbuild) && (!invalid[i] || r->sees_invalid)) here.push_back(r);
    }
    if (here.empty()) continue;
    const shell::Analysis& run = ctx.Shell(i);
    ctx.SetRun(&run);
    ctx.SetPosition(i, in_onbuild);
    for (const shell::Command& cmd : run.commands()) {
      for (const rules::Rule* r : here) {
        ctx.SetRule(r);
        r->on_command(ctx, cmd);
      }
    }
    ctx.SetRun(nullptr);
  }
  for (const rules::Rule* r : active) {
    if (!r->on_file) continue;
    ctx.SetRule(r);
    ctx.SetPosition(0, false);
    r->on_file(ctx);
  }
  for (base::Diagnostic& d : out) {
    if (const rules::Rule* r = rules::FindRule(d.code)) d.severity = selection.SeverityOf(*r);
  }
  std::stable_sort(out.begin(), out.end(), [](const base::Diagnostic& a, const base::Diagnostic& b) {
    return a.range.begin < b.range.begin;
  });
  return out;
}

}  // namespace shipshape::lint
