#include "lint/lint.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "model/model.h"
#include "rules/registry.h"
#include "suppress/suppress.h"
#include "syntax/check_directive.h"
#include "syntax/parser.h"

namespace shipshape::lint {

namespace {

/// ShellCheck's checks that hadolint turns off: SC1090 and SC1091 (files a script sources are
/// not there), SC2187 (ash is checked as dash).
bool ShellCheckOnByDefault(std::string_view code) {
  return code != "SC1090" && code != "SC1091" && code != "SC2187";
}

model::ModelOptions ModelOptionsFor(const LintOptions& options) {
  model::ModelOptions model_options;
  model_options.target = options.rules.target;
  return model_options;
}

/// The check configuration (`# check=` directive, merged with the instruction's own check
/// comment) in force for a finding at `offset`: that of the first instruction ending at or after
/// it, so that a comment above an instruction goes with it.
syntax::CheckConfig CheckConfigAt(const syntax::Dockerfile& df, const syntax::CheckConfig& file,
                                  std::uint32_t offset) {
  for (const syntax::Instruction& inst : df.instructions) {
    if (inst.range.end >= offset) return syntax::InstructionCheckConfig(file, inst.comments);
  }
  return file;
}

/// The selection plus BuildKit's experimental checks the file turns on with
/// `# check=experimental=...` (in its directive or an instruction's check comment): rules that
/// answer to a BuildKit name and are off by default (SP208); nullopt when it turns none on (the
/// selection applies as it is). `added` gets the rules turned on only that way.
std::optional<Selection> WithExperimental(const syntax::Dockerfile& df,
                                          const Selection& selection,
                                          std::vector<const rules::Rule*>* added = nullptr) {
  std::optional<Selection> out;
  std::vector<syntax::CheckConfig> configs;
  for (const rules::Rule* r : rules::AllRules()) {
    if (r->default_enabled || r->buildkit_name.empty() || selection.Enabled(*r)) continue;
    if (configs.empty()) {  // read the check comments once, when a rule could be turned on
      configs.push_back(syntax::FileCheckConfig(df, nullptr));
      for (const syntax::Instruction& inst : df.instructions) {
        if (!inst.comments.empty())
          configs.push_back(syntax::InstructionCheckConfig(configs.front(), inst.comments));
      }
    }
    const bool on = std::any_of(configs.begin(), configs.end(), [&](const syntax::CheckConfig& c) {
      return c.Enabled(r->buildkit_name, true);
    });
    if (!on) continue;
    // Named exactly, so that an `--ignore` of the rule (as specific) still wins.
    if (!out) out = selection;
    out->extend_select.emplace_back(r->code);
    if (out->Enabled(*r) && added) added->push_back(r);
  }
  return out;
}

}  // namespace

FileResult LintText(std::string path, std::string text, const LintOptions& options) {
  return LintDockerfile(syntax::Parse(std::move(path), std::move(text)), options);
}

std::vector<shellcheck::Script> ShellCheckScripts(const syntax::Dockerfile& df,
                                                  const LintOptions& options) {
  return shellcheck::Collect(model::Model::Build(df, ModelOptionsFor(options)));
}

namespace {

// The model points at the Dockerfile object: build it on the one in its final place (inside
// the PartialResult), and move that out only when the model is no longer used.

/// Syntax errors as diagnostics, then the rules' findings.
void RunRulesOn(PartialResult& partial, const model::Model& model, const LintOptions& options) {
  const syntax::Dockerfile& df = partial.result.dockerfile;
  // "no build stage in current context" once per file: a fragment's every instruction has it,
  // and its instructions are linted all the same (as an implicit stage with an unknown base).
  bool no_stage_reported = false;
  for (const syntax::SyntaxError& e : df.errors) {
    if (e.no_stage && std::exchange(no_stage_reported, true)) continue;
    base::Diagnostic d;
    d.severity = base::Severity::kError;
    d.range = e.range;
    d.message = e.Text();
    partial.result.diagnostics.push_back(std::move(d));
  }
  // Only ARGs and no FROM: the parser accepts it (`parse --dump` prints it), the build fails
  // later, when it finds no stage. Said once, on the first ARG.
  const std::vector<syntax::Instruction>& insts = df.instructions;
  if (!insts.empty() && df.errors.empty() &&
      std::all_of(insts.begin(), insts.end(), [](const syntax::Instruction& inst) {
        return inst.keyword == syntax::Keyword::kArg;
      })) {
    base::Diagnostic d;
    d.severity = base::Severity::kError;
    d.range = insts.front().word.range;
    d.message = "dockerfile contains no stages to build; expected a `FROM` instruction";
    partial.result.diagnostics.push_back(std::move(d));
  }
  std::vector<const rules::Rule*> experimental;
  const std::optional<Selection> with_experimental =
      WithExperimental(df, options.selection, &experimental);
  const Selection& selection = with_experimental ? *with_experimental : options.selection;
  partial.findings = RunRules(df, model, options.rules, selection);
  if (experimental.empty()) return;
  // A rule on only through `# check=experimental=` reports where that configuration is in force.
  const syntax::CheckConfig file = syntax::FileCheckConfig(df, nullptr);
  std::erase_if(partial.findings, [&](const base::Diagnostic& d) {
    const auto rule = std::find_if(experimental.begin(), experimental.end(),
                                   [&](const rules::Rule* r) { return r->code == d.code; });
    return rule != experimental.end() &&
           !CheckConfigAt(df, file, d.range.begin).Enabled((*rule)->buildkit_name, true);
  });
}

/// ShellCheck's findings through the selection, the suppressions, the rules about pragmas.
void FinishWith(PartialResult& partial, const model::Model& model, const LintOptions& options,
                std::vector<base::Diagnostic> shellcheck) {
  FileResult& result = partial.result;
  std::vector<base::Diagnostic>& findings = partial.findings;
  const syntax::Dockerfile& df = result.dockerfile;
  for (base::Diagnostic& d : shellcheck) {
    // SP103 says where ShellCheck was not run or gave up; the rest are ShellCheck's own.
    if (const rules::Rule* rule = rules::FindRule(d.code)) {
      if (!options.selection.Enabled(*rule)) continue;
      d.severity = options.selection.SeverityOf(*rule);
    } else {
      if (!options.selection.EnabledCode(d.code, ShellCheckOnByDefault(d.code))) continue;
      d.severity = options.selection.SeverityOfCode(d.code, d.severity);
    }
    findings.push_back(std::move(d));
  }
  // Suppressions, then the rules that judge them (they need to know what was suppressed).
  suppress::Suppressor suppressor(df, options.disable_ignore_pragma);
  std::vector<const rules::Rule*> ran;
  const std::optional<Selection> with_experimental = WithExperimental(df, options.selection);
  const Selection& selection = with_experimental ? *with_experimental : options.selection;
  for (const rules::Rule* r : rules::AllRules()) {
    if (selection.Enabled(*r)) ran.push_back(r);
  }
  suppressor.NoteRulesThatRan(ran);
  suppressor.Apply(findings);
  std::vector<base::Diagnostic> about_pragmas;
  rules::Context ctx(df, model, options.rules, about_pragmas);
  for (const rules::Rule* r : ran) {
    if (!r->on_pragmas) continue;
    ctx.SetRule(r);
    r->on_pragmas(ctx, suppressor.pragmas());
  }
  for (base::Diagnostic& d : about_pragmas) {
    d.severity = options.selection.SeverityOf(*rules::FindRule(d.code));
  }
  suppressor.Apply(about_pragmas);
  for (base::Diagnostic& d : about_pragmas) findings.push_back(std::move(d));
  for (base::Diagnostic& d : findings) result.diagnostics.push_back(std::move(d));
  findings.clear();
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const base::Diagnostic& a, const base::Diagnostic& b) {
                     return a.range.begin < b.range.begin;
                   });
}

}  // namespace

PartialResult LintRules(syntax::Dockerfile df, const LintOptions& options) {
  PartialResult partial{{std::move(df), {}}, {}};
  const model::Model model =
      model::Model::Build(partial.result.dockerfile, ModelOptionsFor(options));
  RunRulesOn(partial, model, options);
  return partial;
}

FileResult Finish(PartialResult partial, const LintOptions& options,
                  std::vector<base::Diagnostic> shellcheck) {
  {
    const model::Model model =
        model::Model::Build(partial.result.dockerfile, ModelOptionsFor(options));
    FinishWith(partial, model, options, std::move(shellcheck));
  }
  return std::move(partial.result);
}

FileResult LintDockerfile(syntax::Dockerfile df, const LintOptions& options,
                          std::vector<base::Diagnostic> shellcheck) {
  PartialResult partial{{std::move(df), {}}, {}};
  {
    const model::Model model =
        model::Model::Build(partial.result.dockerfile, ModelOptionsFor(options));
    RunRulesOn(partial, model, options);
    FinishWith(partial, model, options, std::move(shellcheck));
  }
  return std::move(partial.result);
}

}  // namespace shipshape::lint
